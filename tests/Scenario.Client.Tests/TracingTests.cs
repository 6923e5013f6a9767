using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>One span per call and one per attempt, from the ActivitySource OpenTelemetry users subscribe to.</summary>
public class TracingTests
{
    [Fact]
    public async Task A_retried_call_has_one_call_span_and_one_span_per_attempt()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, attempt) =>
            attempt == 1 ? LoopbackServer.Respond(context, 503, "{}", ("retry-after-ms", "10")) : LoopbackServer.Respond(context, 200, Seed.ListJson));
        using ScenarioClient client = Seed.Client(server);
        var spans = new ConcurrentQueue<Activity>();
        string modelId = "model_traced_" + Guid.NewGuid().ToString("N");
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ScenarioClient.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        using (var parent = new Activity("test").Start())
        {
            await client.Models.Examples.ListAsync(modelId);
            string traceId = parent.TraceId.ToString();
            Activity[] mine = spans.Where(s => s.TraceId.ToString() == traceId).ToArray();

            Activity call = Assert.Single(mine, s => s.Kind == ActivityKind.Internal);
            Activity[] attempts = mine.Where(s => s.Kind == ActivityKind.Client).ToArray();
            Assert.Equal("Scenario.Client", ScenarioClient.ActivitySourceName);
            Assert.Equal("Scenario GET /models/{modelId}/examples", call.DisplayName);
            Assert.Equal("/models/{modelId}/examples", call.GetTagItem("url.template"));
            Assert.Equal(200, call.GetTagItem("http.response.status_code"));
            Assert.Equal(1, call.GetTagItem("scenario.retry_count"));
            Assert.Equal(ActivityStatusCode.Ok, call.Status);
            Assert.Equal(2, attempts.Length);
            Assert.All(attempts, a => Assert.Equal(call.SpanId, a.ParentSpanId));
            Assert.Equal(new object?[] { 503, 200 }, attempts.OrderBy(a => a.StartTimeUtc).Select(a => a.GetTagItem("http.response.status_code")));
            Assert.Equal(1, attempts.OrderBy(a => a.StartTimeUtc).Last().GetTagItem("http.request.resend_count"));
            Assert.DoesNotContain(mine.SelectMany(s => s.TagObjects), tag => tag.Value?.ToString()?.Contains("secret_456", StringComparison.Ordinal) == true);
        }
    }
}

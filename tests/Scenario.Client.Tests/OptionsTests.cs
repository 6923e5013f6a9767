using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Scenario.Runtime.Http;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>Per-call <see cref="RequestOptions"/> and <c>WithOptions</c>, as a real server sees them.</summary>
public class OptionsTests
{
    private static readonly (string, string) Quick = ("retry-after-ms", "10");

    [Fact]
    public async Task Timeout_and_MaxRetries_override_the_clients_for_one_call()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { }));
        using ScenarioClient client = Seed.Client(server, maxRetries: 2, timeout: TimeSpan.FromSeconds(30));

        ScenarioTimeoutException failure = await Assert.ThrowsAsync<ScenarioTimeoutException>(() =>
            client.Models.Examples.ListAsync("m", null, new RequestOptions { Timeout = TimeSpan.FromSeconds(1), MaxRetries = 0 }));

        // A second long enough for the one attempt to reach the server on a loaded machine (200 ms was not, once in CI:
        // the call timed out before the server had the request); the server answers after 5 s, so it still times out.
        Assert.Equal(TimeSpan.FromSeconds(1), failure.Timeout);
        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task Headers_and_query_are_added_and_the_user_agent_is_extended()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        using ScenarioClient client = Seed.Client(server);
        var options = new RequestOptions { Headers = { ["X-Trace"] = "abc", ["User-Agent"] = "my-app/1.0" }, Query = { ["debug"] = "a b" } };

        await client.Models.Examples.ListAsync("m", new ExampleListParams { OriginalAssets = true }, options);

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("abc", request.Headers["X-Trace"]);
        Assert.StartsWith("ScenarioClient/", request.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.EndsWith(" my-app/1.0", request.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Equal("/v1/models/m/examples?originalAssets=true&debug=a%20b", request.RawTarget);
    }

    [Theory]
    [InlineData("Authorization", "Bearer other")]
    [InlineData("authorization", "x")]
    [InlineData("Host", "evil.example.com")]
    [InlineData("X-Bad", "a\r\nInjected: yes")]
    [InlineData("Bad Name", "x")]
    public async Task Refused_headers_fail_before_anything_is_sent(string name, string value)
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        using ScenarioClient client = Seed.Client(server);

        await Assert.ThrowsAsync<ArgumentException>(() => client.Models.Examples.ListAsync("m", null, new RequestOptions { Headers = { [name] = value } }));
        Assert.Throws<ArgumentException>(() => client.WithOptions(o => o.Headers[name] = value));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_idempotency_key_is_sent_unchanged_on_every_attempt()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, number) =>
            number < 3 ? LoopbackServer.Respond(context, 503, "{}", Quick) : LoopbackServer.Respond(context, 200, Seed.ListJson));
        using ScenarioClient client = Seed.Client(server, maxRetries: 2);

        await client.Models.Examples.UpdateAsync("m", new ExampleUpdateParams { AssetIds = ["a"] }, new RequestOptions { IdempotencyKey = "key-1" });

        Assert.Equal(new[] { "key-1", "key-1", "key-1" }, server.Requests.Select(r => r.Headers["Idempotency-Key"]));
    }

    [Fact]
    public async Task Keys_are_generated_once_per_call_for_methods_that_are_not_idempotent_when_asked()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, number) =>
            number is 1 or 3 ? LoopbackServer.Respond(context, 503, "{}", Quick) : LoopbackServer.Respond(context, 200, Seed.ListJson));
        using var transport = new ApiTransport(new ApiTransportSettings
        {
            BaseAddress = server.BaseAddress,
            UserAgent = "test",
            ActivitySource = new System.Diagnostics.ActivitySource("test"),
            ClientName = "Test",
            IdempotencyHeader = "X-Idempotency",
            GenerateIdempotencyKeys = true,
        });

        await transport.SendAsync(new ApiRequest(HttpMethod.Post, "/things", "/things") { JsonBody = "{}"u8.ToArray() }, ScenarioJsonContext.Default.ExampleListResponse);
        await transport.SendAsync(new ApiRequest(HttpMethod.Post, "/things", "/things") { JsonBody = "{}"u8.ToArray() }, ScenarioJsonContext.Default.ExampleListResponse);
        await transport.SendAsync(new ApiRequest(HttpMethod.Put, "/things", "/things") { JsonBody = "{}"u8.ToArray() }, ScenarioJsonContext.Default.ExampleListResponse);

        string[] keys = server.Requests.Take(4).Select(r => r.Headers["X-Idempotency"]).ToArray();
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(keys[2], keys[3]);
        Assert.NotEqual(keys[0], keys[2]);
        Assert.True(Guid.TryParse(keys[0], out _));
        Assert.False(server.Requests.Last().Headers.ContainsKey("X-Idempotency"));
    }

    [Fact]
    public async Task WithOptions_changes_the_defaults_and_shares_the_connection_pool()
    {
        var connections = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            connections.Enqueue(context.Connection.Id);
            return LoopbackServer.Respond(context, 503, "{}", Quick);
        });
        using ScenarioClient client = Seed.Client(server, maxRetries: 2);
        ScenarioClient quiet = client.WithOptions(o => { o.MaxRetries = 0; o.Headers["X-Tenant"] = "t1"; });

        await Assert.ThrowsAsync<ScenarioServerException>(() => quiet.Models.Examples.ListAsync("m"));
        await Assert.ThrowsAsync<ScenarioServerException>(() => quiet.Models.Examples.ListAsync("m", null, new RequestOptions { MaxRetries = 1, Headers = { ["X-Tenant"] = "t2" } }));
        await Assert.ThrowsAsync<ScenarioServerException>(() => client.Models.Examples.ListAsync("m"));

        RecordedRequest[] requests = server.Requests.ToArray();
        Assert.Equal(1 + 2 + 3, requests.Length);
        Assert.Equal(new[] { "t1", "t2", "t2" }, requests.Take(3).Select(r => r.Headers["X-Tenant"]));
        Assert.All(requests.Skip(3), r => Assert.False(r.Headers.ContainsKey("X-Tenant")));
        Assert.Single(connections.Distinct());
    }

    [Fact]
    public async Task Calls_written_before_RequestOptions_still_bind()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        using ScenarioClient client = Seed.Client(server);
        CancellationToken token = CancellationToken.None;

        await client.Models.Examples.ListAsync("m");
        await client.Models.Examples.ListAsync("m", new ExampleListParams(), token);
        await client.Models.Examples.ListAsync("m", cancellationToken: token);
        await client.Models.Examples.UpdateAsync("m", new ExampleUpdateParams { AssetIds = [] }, token);
        await client.Models.Examples.UpdateAsync("m", new ExampleUpdateParams { AssetIds = [] });

        Assert.Equal(5, server.Attempts);
    }
}

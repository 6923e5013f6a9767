using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>Logging through the options, and metrics by the OpenTelemetry HTTP client conventions.</summary>
public class ObservabilityTests
{
    [Fact]
    public async Task Logging_through_the_options_shows_each_attempt_and_the_outcome_without_secrets()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, number) =>
            number == 1 ? LoopbackServer.Respond(context, 503, "{}", ("retry-after-ms", "10")) : LoopbackServer.Respond(context, 200, Seed.ListJson));
        var logs = new ListLoggerProvider();
        using ILoggerFactory factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        ScenarioClientOptions options = Clients.Options(server.BaseAddress);
        options.LoggerFactory = factory;
        using var client = new ScenarioClient(options);

        await client.Models.Examples.UpdateAsync("m", new ExampleUpdateParams { AssetIds = ["secret_456"] });

        string[] messages = logs.Entries.Where(e => e.Category == "Scenario.Client").Select(e => e.Message).ToArray();
        Assert.Contains(messages, m => m.Contains("Sending PUT /v1/models/m/examples (attempt 1)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("attempt 1 failed (503); retrying in 10 ms", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("answered 200 in", StringComparison.Ordinal) && m.Contains("after 2 attempt(s)", StringComparison.Ordinal));
        // Bodies only when asked.
        Assert.DoesNotContain(messages, m => m.Contains("body:", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("secret_456", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bodies_are_logged_when_asked_truncated_and_redacted()
    {
        string big = new string('z', 10_000);
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(400, "{\"message\":\"no secret_456 here " + big + "\"}");
        var logs = new ListLoggerProvider();
        using ILoggerFactory factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        ScenarioClientOptions options = Clients.Options(server.BaseAddress, maxRetries: 0);
        options.LoggerFactory = factory;
        options.LogBodies = true;
        using var client = new ScenarioClient(options);

        await Assert.ThrowsAsync<ScenarioBadRequestException>(() => client.Models.Examples.UpdateAsync("m", new ExampleUpdateParams { AssetIds = ["a"] }));

        LogEntry request = Assert.Single(logs.Entries, e => e.Message.Contains("request body:", StringComparison.Ordinal));
        LogEntry response = Assert.Single(logs.Entries, e => e.Message.Contains("response body:", StringComparison.Ordinal));
        Assert.Contains("""{"assetIds":["a"]}""", request.Message, StringComparison.Ordinal);
        Assert.Contains("[redacted]", response.Message, StringComparison.Ordinal);
        Assert.InRange(response.Message.Length, 4096, 4096 + 200);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("ScenarioBadRequestException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_follow_the_http_client_conventions()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, number) =>
            number == 1 ? LoopbackServer.Respond(context, 503, "{}", ("retry-after-ms", "10")) : LoopbackServer.Respond(context, 200, Seed.ListJson));
        using ScenarioClient client = Seed.Client(server);
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ScenarioClient.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.Start();

        await client.Models.Examples.ListAsync("m");
        listener.Dispose();

        var mine = measurements.Where(m => m.Instrument != "scenario.client.retries" ? Equals(m.Tags.GetValueOrDefault("server.port"), server.BaseAddress.Port) : Equals(m.Tags["url.template"], "/models/{modelId}/examples")).ToArray();
        var durations = mine.Where(m => m.Instrument == "http.client.request.duration").ToArray();
        Assert.Equal(2, durations.Length);
        Assert.Equal(new object?[] { 503, 200 }, durations.Select(d => d.Tags["http.response.status_code"]));
        Assert.All(durations, d =>
        {
            Assert.Equal("GET", d.Tags["http.request.method"]);
            Assert.Equal("/models/{modelId}/examples", d.Tags["url.template"]);
            Assert.Equal("127.0.0.1", d.Tags["server.address"]);
            Assert.True(d.Value > 0);
        });
        Assert.Equal("503", durations[0].Tags["error.type"]);
        Assert.False(durations[1].Tags.ContainsKey("error.type"));
        Assert.Equal(0, mine.Where(m => m.Instrument == "http.client.active_requests").Sum(m => m.Value));
        Assert.Contains(measurements, m => m.Instrument == "scenario.client.retries" && Equals(m.Tags["retry.reason"], "503"));
    }

    [Fact]
    public async Task OpenTelemetry_collects_the_metrics_with_AddMeter()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        using ScenarioClient client = Seed.Client(server);
        var exported = new List<Metric>();
        using (MeterProvider provider = Sdk.CreateMeterProviderBuilder().AddMeter(ScenarioClient.MeterName).AddInMemoryExporter(exported).Build())
        {
            await client.Models.Examples.ListAsync("m");
            provider.ForceFlush();
        }

        // ForceFlush exported once, disposing the provider once more.
        Metric duration = exported.First(m => m.Name == "http.client.request.duration");
        Assert.Contains(exported, m => m.Name == "http.client.active_requests");
        Assert.Equal("s", duration.Unit);
        Assert.Equal(MetricType.Histogram, duration.MetricType);
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}

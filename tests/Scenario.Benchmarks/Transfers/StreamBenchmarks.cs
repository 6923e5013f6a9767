using System;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Feed;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Scenario.Benchmarks.Transfers;

/// <summary>
/// 100,000 small server-sent events in one response from Kestrel on 127.0.0.1, read as they arrive: the generated
/// stream method (<c>await foreach</c> over the events' data) beside what an app writes by hand, a plain
/// <see cref="HttpClient"/> stream read by <see cref="SseParser"/> (System.Net.ServerSentEvents) with each event's data
/// deserialized by System.Text.Json's source generator (the baseline). Figures are per event (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class StreamBenchmarks
{
    public const int Events = 100_000;
    private FeedServer _server = null!;
    private FeedClient _client = null!;
    private HttpClient _http = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var text = new StringBuilder();
        for (int n = 0; n < Events; n++)
        {
            text.Append("id: ").Append(n).Append("\ndata: {\"id\":\"e").Append(n).Append("\",\"kind\":\"tick\",\"value\":").Append(n).Append("}\n\n");
        }

        byte[] body = Encoding.UTF8.GetBytes(text.ToString());
        _server = await FeedServer.StartAsync(app => app.MapGet("/v1/events", async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.Body.WriteAsync(body);
        }));
        _client = new FeedClient(new FeedClientOptions { BaseAddress = _server.BaseAddress, MaxRetries = 0 });
        _http = new HttpClient { BaseAddress = _server.BaseAddress };

        // Both ways must read every event, or the comparison means nothing.
        long expected = (long)Events * (Events - 1) / 2;
        long generated = await Client_Generated(), peer = await SseParser_StjSourceGen();
        if (generated != expected || peer != expected)
        {
            throw new InvalidOperationException($"The client summed {generated}, SseParser {peer}, not {expected}.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _client.Dispose();
        _http.Dispose();
        await _server.DisposeAsync();
    }

    // Each returns the sum of the values, so the work is checked and not optimised away.
    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public async Task<long> SseParser_StjSourceGen()
    {
        using HttpResponseMessage response = await _http.GetAsync("events", HttpCompletionOption.ResponseHeadersRead);
        using Stream stream = await response.Content.ReadAsStreamAsync();
        long sum = 0;
        await foreach (SseItem<PeerTick> item in SseParser.Create(stream, static (_, data) => JsonSerializer.Deserialize(data, FeedPeerContext.Default.PeerTick)!).EnumerateAsync())
        {
            sum += item.Data.Value;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public async Task<long> Client_Generated()
    {
        long sum = 0;
        await foreach (Tick tick in _client.Events.ListAsync())
        {
            sum += tick.Value;
        }

        return sum;
    }
}

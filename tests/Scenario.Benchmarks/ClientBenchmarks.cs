using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scenario.Benchmarks.Peers;

namespace Scenario.Benchmarks;

/// <summary>
/// The client's whole path for a list call, against Kestrel on 127.0.0.1 in this process answering with the payload
/// (Content-Length set): request, response headers, body, deserialization. Beside it, what an app writes without the
/// generated client: a plain <see cref="HttpClient"/> and <c>GetFromJsonAsync</c> with System.Text.Json's source
/// generator (the baseline), and the same with the generated context, which tells the transport's cost from the models'.
/// </summary>
/// <remarks>
/// 30 warm-up iterations (7.5 s), more than the suite's 20: a process calling Kestrel on loopback takes several
/// thousand calls to settle (the JIT's tiers, the thread pool, the server's own warm-up), every way of calling alike;
/// with 5 (1.25 s) the measured iterations were still getting faster, the seed call by half from first to last.
/// </remarks>
[MemoryDiagnoser]
[WarmupCount(30)]
public class ClientBenchmarks
{
    private const string ModelId = "model_bench";
    private WebApplication _server = null!;
    private ScenarioClient _client = null!;
    private HttpClient _http = null!;

    [Params(Payloads.Seed, Payloads.Large)]
    public string Payload { get; set; } = Payloads.Seed;

    [GlobalSetup]
    public async Task Setup()
    {
        byte[] body = Payloads.Get(Payload);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapGet("/v1/models/{modelId}/examples", async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        });
        await _server.StartAsync();
        var baseAddress = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/v1/");

        _client = new ScenarioClient(new ScenarioClientOptions { BaseAddress = baseAddress, ApiKey = "bench-key", ApiSecret = "bench-secret", MaxRetries = 0 });
        _http = new HttpClient { BaseAddress = baseAddress };

        // Both ways must read the whole list, or the comparison means nothing.
        int generated = (await Client_Generated()).Examples.Count;
        int peer = (await HttpClient_GetFromJson_StjSourceGen()).Examples!.Count;
        if (generated != peer || generated == 0)
        {
            throw new InvalidOperationException($"The client read {generated} examples, the plain HttpClient {peer}.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _client.Dispose();
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark]
    public Task<ExampleListResponse> Client_Generated() => _client.Models.Examples.ListAsync(ModelId);

    [Benchmark(Baseline = true)]
    public async Task<PeerExampleListResponse> HttpClient_GetFromJson_StjSourceGen() =>
        (await _http.GetFromJsonAsync("models/" + ModelId + "/examples", PeerJsonContext.Default.PeerExampleListResponse))!;

    [Benchmark]
    public async Task<ExampleListResponse> HttpClient_GetFromJson_GeneratedContext() =>
        (await _http.GetFromJsonAsync("models/" + ModelId + "/examples", ScenarioJsonContext.Default.ExampleListResponse))!;
}

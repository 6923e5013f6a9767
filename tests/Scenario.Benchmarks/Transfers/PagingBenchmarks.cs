using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Feed;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Scenario.Benchmarks.Transfers;

/// <summary>
/// Walking 100 pages of 20 assets by cursor (the Scenario API's <c>paginationToken</c> style) from Kestrel on 127.0.0.1:
/// the generated pager (<c>await foreach</c> over every item) beside the loop an app writes by hand, a plain
/// <see cref="HttpClient"/> and <c>GetFromJsonAsync</c> with System.Text.Json's source generator, passing each page's
/// next token (the baseline). Figures are per page (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class PagingBenchmarks
{
    public const int Pages = 100;
    public const int PageSize = 20;
    private FeedServer _server = null!;
    private FeedClient _client = null!;
    private HttpClient _http = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        byte[][] pages = Enumerable.Range(0, Pages).Select(page =>
        {
            string assets = string.Join(",", Enumerable.Range(page * PageSize, PageSize).Select(n =>
                $"{{\"id\":\"asset_{n}\",\"name\":\"Asset {n}\",\"kind\":\"image\",\"createdAt\":\"2026-12-06T10:00:00.000Z\"}}"));
            string next = page + 1 < Pages ? $",\"nextPaginationToken\":\"p{page + 1}\"" : string.Empty;
            return Encoding.UTF8.GetBytes($"{{\"assets\":[{assets}]{next}}}");
        }).ToArray();
        _server = await FeedServer.StartAsync(app => app.MapGet("/v1/assets", async context =>
        {
            string? token = context.Request.Query["paginationToken"];
            byte[] body = pages[token is null ? 0 : int.Parse(token.AsSpan(1), provider: System.Globalization.CultureInfo.InvariantCulture)];
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        }));
        _client = new FeedClient(new FeedClientOptions { BaseAddress = _server.BaseAddress, MaxRetries = 0 });
        _http = new HttpClient { BaseAddress = _server.BaseAddress };

        // Both ways must walk every item, or the comparison means nothing.
        int generated = await Client_Generated() * Pages, peer = await HttpClient_GetFromJson_StjSourceGen() * Pages;
        if (generated != Pages * PageSize || peer != Pages * PageSize)
        {
            throw new InvalidOperationException($"The pager walked {generated} items, the loop {peer}, not {Pages * PageSize}.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _client.Dispose();
        _http.Dispose();
        await _server.DisposeAsync();
    }

    // Each returns the items walked over the pages, so the work is checked and not optimised away.
    [Benchmark(Baseline = true, OperationsPerInvoke = Pages)]
    public async Task<int> HttpClient_GetFromJson_StjSourceGen()
    {
        int items = 0;
        string? token = null;
        do
        {
            PeerAssetPage page = (await _http.GetFromJsonAsync(token is null ? "assets?pageSize=20" : "assets?pageSize=20&paginationToken=" + Uri.EscapeDataString(token), FeedPeerContext.Default.PeerAssetPage))!;
            foreach (PeerAsset asset in page.Assets)
            {
                items += asset.Name.Length > 0 ? 1 : 0;
            }

            token = page.NextPaginationToken;
        }
        while (token is not null);
        return items / Pages;
    }

    [Benchmark(OperationsPerInvoke = Pages)]
    public async Task<int> Client_Generated()
    {
        int items = 0;
        await foreach (Feed.Asset asset in _client.Assets.ListAsync(new AssetsListParams { PageSize = 20 }))
        {
            items += asset.Name.Length > 0 ? 1 : 0;
        }

        return items / Pages;
    }
}

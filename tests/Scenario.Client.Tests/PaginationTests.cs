using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Scenario.Runtime.Http;
using Wire;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>
/// Paged operations (Schemas/wire.openapi.yaml's <c>x-client.pagination</c>: the Scenario API's cursor style, page numbers
/// with a "has more" flag, and an offset in the JSON body; and Azure's <c>x-ms-pageable</c> next links, in Azure's
/// network delegations description from tests/RealOpenApi) walked against a server on 127.0.0.1 that serves the pages.
/// </summary>
public class PaginationTests
{
    private static string Items(int from, int count) =>
        "[" + string.Join(",", Enumerable.Range(from, count).Select(n => $$"""{"id":"i{{n}}","name":"item {{n}}"}""")) + "]";

    /// <summary>Three pages of the cursor style: two items, two, then one without a next cursor.</summary>
    private static Task<LoopbackServer> CursorServer() => LoopbackServer.StartAsync((context, _) =>
    {
        string? token = context.Request.Query["paginationToken"];
        string body = token switch
        {
            null => $$"""{"assets":{{Items(1, 2)}},"nextPaginationToken":"t2"}""",
            "t2" => $$"""{"assets":{{Items(3, 2)}},"nextPaginationToken":"t3"}""",
            "t3" => $$"""{"assets":{{Items(5, 1)}}}""",
            _ => "{}",
        };
        return LoopbackServer.Respond(context, token is null or "t2" or "t3" ? 200 : 400, body, ("x-request-id", "req_" + (token ?? "t1")));
    });

    [Fact]
    public async Task Await_foreach_walks_every_item_of_every_page_by_cursor()
    {
        await using LoopbackServer server = await CursorServer();
        using WireClient client = Clients.Wire(server.BaseAddress);

        var names = new List<string>();
        await foreach (Item item in client.Assets.ListAsync(new AssetsListParams { PageSize = 2 }))
        {
            names.Add(item.Name);
        }

        Assert.Equal(new[] { "item 1", "item 2", "item 3", "item 4", "item 5" }, names);
        Assert.Equal(
            new[] { "/v1/assets?pageSize=2", "/v1/assets?pageSize=2&paginationToken=t2", "/v1/assets?pageSize=2&paginationToken=t3" },
            server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task A_page_is_asked_for_only_when_the_walk_reaches_it_and_nothing_before_the_walk()
    {
        await using LoopbackServer server = await CursorServer();
        using WireClient client = Clients.Wire(server.BaseAddress);

        ApiPager<AssetsListResponse, Item> pager = client.Assets.ListAsync(new AssetsListParams { PageSize = 2 });
        Assert.Empty(server.Requests);
        var names = new List<string>();
        await foreach (Item item in pager)
        {
            names.Add(item.Name);
            if (names.Count == 2)
            {
                break;
            }
        }

        Assert.Equal(new[] { "item 1", "item 2" }, names);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task The_pages_themselves_hold_their_items_cursor_and_response()
    {
        await using LoopbackServer server = await CursorServer();
        using WireClient client = Clients.Wire(server.BaseAddress);

        var pages = new List<ApiPage<AssetsListResponse, Item>>();
        await foreach (ApiPage<AssetsListResponse, Item> page in client.WithRawResponse.Assets.ListAsync().AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal(new[] { 2, 2, 1 }, pages.Select(p => p.Items.Count));
        Assert.Equal(new[] { "t2", "t3", null }, pages.Select(p => p.NextCursor));
        Assert.Equal(new[] { true, true, false }, pages.Select(p => p.HasNext));
        Assert.Equal(new[] { "req_t1", "req_t2", "req_t3" }, pages.Select(p => p.Response.RequestId));
        Assert.Equal("t2", pages[0].Value.NextPaginationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, pages[2].Response.StatusCode);
    }

    [Fact]
    public async Task Page_numbers_count_on_from_the_callers_until_a_page_says_there_are_no_more()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            int page = int.Parse(context.Request.Query["page"]!, System.Globalization.CultureInfo.InvariantCulture);
            return LoopbackServer.Respond(context, 200, $$"""{"items":{{Items(page * 10, 2)}},"hasMore":{{(page < 5 ? "true" : "false")}}}""");
        });
        using WireClient client = Clients.Wire(server.BaseAddress);

        List<Item> items = await ToListAsync(client.Items.Pages.ListAsync(new ItemsPagesListParams { Page = 3 }));

        Assert.Equal(new[] { "i30", "i31", "i40", "i41", "i50", "i51" }, items.Select(i => i.Id));
        Assert.Equal(new[] { "/v1/items/pages?page=3", "/v1/items/pages?page=4", "/v1/items/pages?page=5" }, server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task An_offset_in_the_body_moves_by_the_items_each_page_held_until_an_empty_page()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Request.Body.Position = 0;
            using JsonDocument body = await JsonDocument.ParseAsync(context.Request.Body);
            int offset = body.RootElement.TryGetProperty("offset", out JsonElement value) ? value.GetInt32() : 0;
            int count = offset switch { 0 => 3, 3 => 2, _ => 0 };
            await LoopbackServer.Respond(context, 200, $$"""{"items":{{Items(offset, count)}}}""");
        });
        using WireClient client = Clients.Wire(server.BaseAddress);

        List<Item> items = await ToListAsync(client.Items.Search.CreateAsync(new ItemsSearchCreateRequest { Query = "lamp" }));

        Assert.Equal(new[] { "i0", "i1", "i2", "i3", "i4" }, items.Select(i => i.Id));
        Assert.Equal(
            new[] { """{"query":"lamp"}""", """{"query":"lamp","offset":3}""", """{"query":"lamp","offset":5}""" },
            server.Requests.Select(r => r.Body));
    }

    [Fact]
    public async Task A_page_that_fails_ends_the_walk_with_the_typed_exception_after_the_items_before_it()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, number) => number == 1
            ? LoopbackServer.Respond(context, 200, $$"""{"assets":{{Items(1, 2)}},"nextPaginationToken":"gone"}""")
            : LoopbackServer.Respond(context, 404, """{"code":"expired","message":"the token expired"}"""));
        using WireClient client = Clients.Wire(server.BaseAddress);

        var names = new List<string>();
        ApiNotFoundException expired = await Assert.ThrowsAsync<ApiNotFoundException>(async () =>
        {
            await foreach (Item item in client.Assets.ListAsync())
            {
                names.Add(item.Name);
            }
        });

        Assert.Equal(new[] { "item 1", "item 2" }, names);
        Assert.Equal("the token expired", expired.ErrorMessage);
    }

    [Fact]
    public async Task A_cursor_given_back_unchanged_stops_the_walk_instead_of_looping()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, $$"""{"assets":{{Items(1, 1)}},"nextPaginationToken":"same"}""");
        using WireClient client = Clients.Wire(server.BaseAddress);

        ApiException stuck = await Assert.ThrowsAsync<ApiException>(() => ToListAsync(client.Assets.ListAsync()));

        Assert.Contains("'same'", stuck.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    private const string DelegationsPath = "/subscriptions/sub-1/providers/Microsoft.Network/locations/westus/availableDelegations";

    private static string Delegations(int from, int count, string? nextLink) =>
        "{\"value\":[" + string.Join(",", Enumerable.Range(from, count).Select(n => $$"""{"name":"Microsoft.Provider{{n}}","serviceName":"Microsoft.Provider{{n}}/type","actions":["a{{n}}"]}"""))
        + "]" + (nextLink is null ? string.Empty : ",\"nextLink\":" + JsonSerializer.Serialize(nextLink)) + "}";

    private static OpenApi.Azure.AzureNetworkClient Azure(Uri baseAddress) => new(new OpenApi.Azure.AzureNetworkClientOptions
    {
        BaseAddress = baseAddress,
        AzureAuthTokenProvider = _ => new ValueTask<string>("azure-token-1"),
    });

    private static IAsyncEnumerable<OpenApi.Azure.AvailableDelegation> ListDelegations(OpenApi.Azure.AzureNetworkClient client) =>
        client.Subscriptions.Providers.MicrosoftNetwork.Locations.AvailableDelegations.ListAsync("sub-1", "westus", "2019-07-01");

    [Fact]
    public async Task Azure_next_links_absolute_or_relative_are_followed_with_the_first_requests_credentials_until_a_page_gives_none()
    {
        LoopbackServer? self = null;
        await using LoopbackServer server = self = await LoopbackServer.StartAsync((context, number) => LoopbackServer.Respond(context, 200, number switch
        {
            1 => Delegations(1, 2, new Uri(self!.BaseAddress, "." + DelegationsPath + "?api-version=2019-07-01&%24skiptoken=p2").AbsoluteUri),
            2 => Delegations(3, 2, "/v1" + DelegationsPath + "?api-version=2019-07-01&$skiptoken=p3"),
            _ => Delegations(5, 1, null),
        }));
        using OpenApi.Azure.AzureNetworkClient client = Azure(server.BaseAddress);

        List<OpenApi.Azure.AvailableDelegation> delegations = await ToListAsync(ListDelegations(client));

        Assert.Equal(new[] { 1, 2, 3, 4, 5 }.Select(n => "Microsoft.Provider" + n), delegations.Select(d => d.Name));
        Assert.Equal(
            new[] { "/v1" + DelegationsPath + "?api-version=2019-07-01", "/v1" + DelegationsPath + "?api-version=2019-07-01&%24skiptoken=p2", "/v1" + DelegationsPath + "?api-version=2019-07-01&$skiptoken=p3" },
            server.Requests.Select(r => r.RawTarget));
        Assert.All(server.Requests, r => Assert.Equal(("GET", "Bearer azure-token-1"), (r.Method, r.Headers["Authorization"])));
    }

    [Theory]
    [InlineData("http://localhost:{port}/v1{path}?$skiptoken=secret-token-9", "http://localhost:{port}")]
    [InlineData("https://127.0.0.1:{port}/v1{path}?$skiptoken=secret-token-9", "https://127.0.0.1:{port}")]
    [InlineData("/v2{path}?$skiptoken=secret-token-9", "outside the base path /v1/")]
    [InlineData("https://elsewhere.test/v1{path}?$skiptoken=secret-token-9", "https://elsewhere.test")]
    public async Task A_next_link_that_leaves_the_base_address_stops_the_walk_before_anything_is_sent_there(string link, string named)
    {
        LoopbackServer? self = null;
        await using LoopbackServer server = self = await LoopbackServer.StartAsync((context, _) =>
            LoopbackServer.Respond(context, 200, Delegations(1, 2, link.Replace("{port}", self!.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("{path}", DelegationsPath, StringComparison.Ordinal))));
        using OpenApi.Azure.AzureNetworkClient client = Azure(server.BaseAddress);

        var names = new List<string?>();
        ApiException refused = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (OpenApi.Azure.AvailableDelegation delegation in ListDelegations(client))
            {
                names.Add(delegation.Name);
            }
        });

        Assert.Equal(new[] { "Microsoft.Provider1", "Microsoft.Provider2" }, names);
        Assert.Single(server.Requests);
        Assert.Contains(named.Replace("{port}", server.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-9", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_next_link_given_back_unchanged_stops_the_walk_instead_of_looping()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Delegations(1, 1, "/v1" + DelegationsPath + "?$skiptoken=same"));
        using OpenApi.Azure.AzureNetworkClient client = Azure(server.BaseAddress);

        ApiException stuck = await Assert.ThrowsAsync<ApiException>(() => ToListAsync(ListDelegations(client)));

        Assert.Contains("link of the page it had just given", stuck.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_query_API_key_that_a_next_link_carries_back_is_sent_once_with_the_clients_value()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, number) => LoopbackServer.Respond(context, 200, number == 1
            ? Delegations(1, 1, "/v1/delegations?api_key=stale-key-0&%24skiptoken=p2")
            : Delegations(2, 1, null)));
        using var transport = new ApiTransport(new ApiTransportSettings
        {
            BaseAddress = server.BaseAddress,
            UserAgent = "test",
            ActivitySource = new System.Diagnostics.ActivitySource("test"),
            ClientName = "Test",
            Credentials = new Dictionary<string, ApiCredential> { ["key"] = ApiKeyCredential.Resolve("query-key-1", null, ApiKeyLocation.Query, "api_key")! },
        });
        var pager = new ApiPager<OpenApi.Azure.AvailableDelegationsResult, OpenApi.Azure.AvailableDelegation>(
            transport,
            () => new ApiRequest(System.Net.Http.HttpMethod.Get, "/delegations", "/delegations") { Security = new ApiSecurity(new[] { "key" }) }.AddQuery("api-version", "1"),
            OpenApi.Azure.AzureNetworkDelegationsJsonContext.Default.AvailableDelegationsResult,
            ApiPagination.NextLink(),
            static page => page.Value,
            static page => page.NextLink,
            null,
            null,
            default);

        Assert.Equal(2, (await ToListAsync(pager)).Count);
        Assert.Equal(
            new[] { "/v1/delegations?api-version=1&api_key=query-key-1", "/v1/delegations?%24skiptoken=p2&api_key=query-key-1" },
            server.Requests.Select(r => r.RawTarget));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }
}

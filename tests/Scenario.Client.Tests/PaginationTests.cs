using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Wire;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>
/// Paged operations (Schemas/wire.openapi.yaml's <c>x-client.pagination</c>: the Scenario API's cursor style, page numbers
/// with a "has more" flag, and an offset in the JSON body) walked against a server on 127.0.0.1 that serves the pages.
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
        ScenarioNotFoundException expired = await Assert.ThrowsAsync<ScenarioNotFoundException>(async () =>
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

        ScenarioException stuck = await Assert.ThrowsAsync<ScenarioException>(() => ToListAsync(client.Assets.ListAsync()));

        Assert.Contains("'same'", stuck.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
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

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Scenario.Runtime;
using Wire;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>
/// A client generated from an OpenAPI document (Schemas/wire.openapi.yaml, one construct per operation) against a real
/// server on 127.0.0.1: what goes on the wire (method, path, query in each style, headers, cookies, body, credentials of
/// each scheme as each operation's security requires), and what comes back (JSON, a union of successes, nothing, text,
/// documented errors; files in <see cref="DownloadTests"/>).
/// </summary>
public class OpenApiRequestTests
{
    private const string ItemJson = """{"id":"i1","name":"lamp","size":3,"kind":"small"}""";

    private static WireClient Client(LoopbackServer server, Action<WireClientOptions>? configure = null)
    {
        var options = new WireClientOptions { BaseAddress = server.BaseAddress, Token = "token_abcdef", MaxRetries = 0 };
        configure?.Invoke(options);
        return new WireClient(options);
    }

    [Fact]
    public void The_default_base_address_is_the_first_server_with_its_variables_at_their_defaults()
    {
        Assert.Equal(new Uri("https://eu.wire.test/v2"), WireClient.DefaultBaseAddress);
    }

    [Fact]
    public async Task Query_parameters_follow_their_styles_and_required_ones_come_first()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, "[" + ItemJson + "]");
        using WireClient client = Client(server);

        IReadOnlyList<Item> items = await client.Items.ListAsync("c&d", new ItemsListParams
        {
            Kind = Kind.Large,
            Tags = new[] { "red", "big sale" },
            Ids = new long[] { 1, 2 },
            Words = new[] { "a", "b" },
            Filter = new ItemsListFilter { Min = 1, Max = 9 },
            XRequestTag = "t-1",
            FooBar = "dash",
            FooBar_2 = "underscore",
        });

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal(
            "/v1/items?class=c%26d&kind=large&tags=red&tags=big%20sale&ids=1,2&words=a%20b&filter%5Bmin%5D=1&filter%5Bmax%5D=9&foo-bar=dash&foo_bar=underscore",
            request.RawTarget);
        Assert.Equal("t-1", request.Headers["X-Request-Tag"]);
        Assert.Equal("Bearer token_abcdef", request.Headers["Authorization"]);
        Assert.Equal("lamp", Assert.Single(items).Name);
    }

    [Fact]
    public async Task Optional_parameters_left_null_are_not_sent()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, "[]");
        using WireClient client = Client(server);

        await client.Items.ListAsync("c");
        await client.Items.ListAsync("c", new ItemsListParams { Tags = Array.Empty<string>() });

        Assert.Equal(new[] { "/v1/items?class=c", "/v1/items?class=c" }, server.Requests.Select(r => r.RawTarget));
        Assert.DoesNotContain("X-Request-Tag", server.Requests.First().Headers.Keys);
    }

    [Fact]
    public async Task A_body_is_sent_as_JSON_without_the_properties_the_server_writes_and_each_success_reads_as_its_branch()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, number) =>
            number == 1 ? LoopbackServer.Respond(context, 201, ItemJson) : LoopbackServer.Respond(context, 202, """{"ticket":"q-7"}"""));
        using WireClient client = Client(server);

        // readOnly "id" is not required of an item made in code (nor writeOnly "secret" of one read).
        ItemsCreateResult created = await client.Items.CreateAsync(new Item { Name = "lamp", Kind = Kind.Small });
        ItemsCreateResult queued = await client.Items.CreateAsync(new Item { Name = "desk" });

        RecordedRequest first = server.Requests.First();
        Assert.Equal("POST", first.Method);
        Assert.Equal("/v1/items", first.RawTarget);
        Assert.Equal("""{"name":"lamp","kind":"small"}""", first.Body);
        Assert.StartsWith("application/json", first.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.True(created.TryGetItem(out Item? item));
        Assert.Equal("i1", item!.Id);
        Assert.True(queued.TryGetQueued(out Queued? ticket));
        Assert.Equal("q-7", ticket!.Ticket);
    }

    [Fact]
    public async Task A_documented_error_is_read_onto_the_exception_as_its_model()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, number) => number switch
        {
            1 => LoopbackServer.Respond(context, 422, """{"code":"too_long","message":"The name is too long."}"""),
            _ => LoopbackServer.Respond(context, 500, """{"code":"down"}"""),
        });
        using WireClient client = Client(server);

        ApiStatusException created = await Assert.ThrowsAsync<ApiUnprocessableEntityException>(() => client.Items.CreateAsync(new Item { Name = "x" }));
        Assert.True(created.TryGetBody(out Error? error));
        Assert.Equal("too_long", error!.Code);
        Assert.Equal("The name is too long.", created.ErrorMessage);

        // A 500 on the list: its "default" response documents the body.
        ApiStatusException listed = await Assert.ThrowsAsync<ApiServerException>(() => client.Items.ListAsync("c"));
        Assert.Equal("down", Assert.IsType<Error>(listed.Body).Code);
    }

    [Fact]
    public async Task An_error_body_that_is_not_the_documented_model_leaves_Body_null_and_keeps_the_text()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(404, """{"unexpected":true}""");
        using WireClient client = Client(server, o => o.Key = "key_123456");

        ApiNotFoundException missing = await Assert.ThrowsAsync<ApiNotFoundException>(() => client.Items.GetAsync(7));

        Assert.Null(missing.Body);
        Assert.Equal("""{"unexpected":true}""", missing.ResponseBody);
    }

    [Fact]
    public async Task The_first_security_requirement_the_client_can_meet_is_sent()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, ItemJson);
        using (WireClient keyed = Client(server, o => { o.Key = "key_123456"; o.BasicUsername = "u"; o.BasicPassword = "p4ssw0rd"; }))
        {
            await keyed.Items.GetAsync(7);
        }

        using (WireClient basic = Client(server, o => { o.BasicUsername = "u"; o.BasicPassword = "p4ssw0rd"; }))
        {
            await basic.Items.GetAsync(7);
        }

        RecordedRequest[] requests = server.Requests.ToArray();
        Assert.Equal("/v1/items/7?api-key=key_123456", requests[0].RawTarget);
        Assert.DoesNotContain("Authorization", requests[0].Headers.Keys);
        Assert.Equal("/v1/items/7", requests[1].RawTarget);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("u:p4ssw0rd")), requests[1].Headers["Authorization"]);
    }

    [Fact]
    public async Task A_call_whose_credentials_the_client_lacks_fails_before_anything_is_sent_and_names_what_to_set()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, ItemJson);
        using WireClient client = Client(server);

        ApiException refused = await Assert.ThrowsAsync<ApiException>(() => client.Items.GetAsync(7));

        Assert.Empty(server.Requests);
        Assert.Contains("GET /items/{itemId}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Key", refused.Message, StringComparison.Ordinal);
        Assert.Contains("BasicUsername and BasicPassword", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optional_credentials_are_sent_when_given_and_the_call_goes_without_them_otherwise()
    {
        int asked = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, number) => number == 1
            ? LoopbackServer.Respond(context, 200, ItemJson)
            : Task.FromResult(context.Response.StatusCode = 204));
        using (WireClient anonymous = Client(server))
        {
            Item? replaced = await anonymous.Items.UpdateAsync(7, new Item { Name = "lamp" });
            Assert.Equal("lamp", replaced!.Name);
        }

        using (WireClient authorized = Client(server, o => o.OauthTokenProvider = _ => new ValueTask<string>("oauth_" + Interlocked.Increment(ref asked))))
        {
            Item? unchanged = await authorized.Items.UpdateAsync(7, new Item { Name = "lamp" });
            Assert.Null(unchanged);
        }

        RecordedRequest[] requests = server.Requests.ToArray();
        Assert.Equal("PUT", requests[0].Method);
        Assert.DoesNotContain("Authorization", requests[0].Headers.Keys);
        Assert.Equal("Bearer oauth_1", requests[1].Headers["Authorization"]);
    }

    [Fact]
    public async Task A_token_callback_is_asked_before_every_attempt_and_its_tokens_never_reach_a_message()
    {
        int asked = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, number) => number == 1
            ? LoopbackServer.Respond(context, 503, "{}", ("retry-after-ms", "1"))
            : LoopbackServer.Respond(context, 400, "{\"message\":\"bad token " + context.Request.Headers.Authorization.ToString().Substring(7) + "\"}"));
        using WireClient client = Client(server, o =>
        {
            o.MaxRetries = 1;
            o.OauthTokenProvider = _ => new ValueTask<string>("oauth_secret_" + Interlocked.Increment(ref asked));
        });

        ApiBadRequestException failed = await Assert.ThrowsAsync<ApiBadRequestException>(() => client.Items.UpdateAsync(7, new Item { Name = "lamp" }));

        Assert.Equal(2, asked);
        Assert.Equal(new[] { "Bearer oauth_secret_1", "Bearer oauth_secret_2" }, server.Requests.Select(r => r.Headers["Authorization"]));
        Assert.DoesNotContain("oauth_secret", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("oauth_secret", failed.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("oauth_secret", failed.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_callback_that_throws_ends_the_call_with_an_ApiException_and_is_not_retried()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, ItemJson);
        using WireClient client = Client(server, o =>
        {
            o.MaxRetries = 3;
            o.OauthTokenProvider = _ => throw new InvalidOperationException("the identity provider is down");
        });

        ApiException failed = await Assert.ThrowsAsync<ApiException>(() => client.Items.UpdateAsync(7, new Item { Name = "lamp" }));

        Assert.Empty(server.Requests);
        Assert.Contains("the identity provider is down", failed.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(failed.InnerException);
    }

    [Fact]
    public async Task A_token_callback_failure_that_quotes_an_earlier_token_is_redacted()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, ItemJson);
        int asked = 0;
        using WireClient client = Client(server, o =>
        {
            o.MaxRetries = 0;
            o.OauthTokenProvider = _ => Interlocked.Increment(ref asked) == 1
                ? new ValueTask<string>("oauth_secret_first")
                : throw new InvalidOperationException("refreshing oauth_secret_first was refused");
        });

        await client.Items.UpdateAsync(7, new Item { Name = "lamp" });
        ApiException failed = await Assert.ThrowsAsync<ApiException>(() => client.Items.UpdateAsync(7, new Item { Name = "lamp" }));

        Assert.Single(server.Requests);
        Assert.Contains("refreshing", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("oauth_secret_first", failed.Message, StringComparison.Ordinal);
    }

#pragma warning disable CS0618 // DeleteAsync: the document marks it deprecated, which is what this test shows.
    [Fact]
    public async Task A_cookie_credential_and_cookie_parameters_share_one_Cookie_header_and_a_deprecated_operation_is_Obsolete()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Task.FromResult(context.Response.StatusCode = 204));
        using WireClient client = Client(server, o => o.Session = "sess;ion 1");

        await client.Items.DeleteAsync(7, new ItemsDeleteParams { Reason = "old stock" });

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("reason=old%20stock; session=sess%3Bion%201", request.Headers["Cookie"]);
        Assert.NotNull(typeof(ItemsResource).GetMethod(nameof(ItemsResource.DeleteAsync), new[] { typeof(long), typeof(ItemsDeleteParams), typeof(RequestOptions), typeof(CancellationToken) })!
            .GetCustomAttributes(typeof(ObsoleteAttribute), false).SingleOrDefault());
    }
#pragma warning restore CS0618

    [Fact]
    public async Task Text_goes_out_and_comes_back_as_text()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, number) =>
        {
            if (number == 1)
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Lampe à huile");
                return;
            }

            context.Response.StatusCode = 204;
        });
        using WireClient client = Client(server);

        string label = await client.Items.Label.ListAsync(7);
        await client.Items.Label.UpdateAsync(7, "Lampe à pétrole");

        RecordedRequest[] requests = server.Requests.ToArray();
        Assert.Equal("Lampe à huile", label);
        Assert.Equal("text/plain", requests[0].Headers["Accept"]);
        Assert.Equal("PUT", requests[1].Method);
        Assert.Equal("Lampe à pétrole", requests[1].Body);
        Assert.Equal("text/plain; charset=utf-8", requests[1].Headers["Content-Type"]);
    }

    [Fact]
    public async Task Path_parameters_follow_their_styles_and_overrides_name_the_resource_and_the_method()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, number) =>
        {
            if (number == 1)
            {
                context.Response.StatusCode = 204;
                return;
            }

            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("up");
        });
        using WireClient client = Client(server);

        await client.Items.Tags.StyledAsync(7, new[] { "a b", "c" });
        string health = await client.Status.CheckAsync();

        RecordedRequest[] requests = server.Requests.ToArray();
        Assert.Equal("/v1/items/.7/tags/;tags=a%20b;tags=c", requests[0].RawTarget);
        Assert.Equal("up", health);
        Assert.Equal("/v1/health", requests[1].RawTarget);
        Assert.DoesNotContain("Authorization", requests[1].Headers.Keys);
    }

    [Fact]
    public async Task The_raw_twin_of_an_operation_without_a_body_answers_with_the_status_and_headers()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.Headers["x-request-id"] = "req_9";
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        using WireClient client = Client(server);

        ApiResponse response = await client.WithRawResponse.Items.Label.UpdateAsync(7, "x");

        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("req_9", response.RequestId);
    }
}

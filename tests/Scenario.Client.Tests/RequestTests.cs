using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using System.Linq;
using Scenario.Runtime;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>What the client sends: method, path, query, body and headers, as a real server receives them.</summary>
public class RequestTests
{
    [Fact]
    public async Task List_sends_GET_with_basic_auth_and_the_query()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        using ScenarioClient client = Seed.Client(server);

        ExampleListResponse list = await client.Models.Examples.ListAsync("model_1", new ExampleListParams { OriginalAssets = true });

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1/models/model_1/examples?originalAssets=true", request.RawTarget);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("key_123:secret_456")), request.Headers["Authorization"]);
        Assert.StartsWith("ScenarioClient/", request.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Contains("Scenario.Runtime/", request.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Contains("application/json", request.Headers["Accept"], StringComparison.Ordinal);
        Assert.Equal("", request.Body);
        Assert.Single(list.Examples);
        Assert.True(list.Examples[0].Asset.Kind == AssetKind._3d);
    }

    [Fact]
    public async Task Absent_optionals_are_not_sent_and_false_is_false()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        using ScenarioClient client = Seed.Client(server);

        await client.Models.Examples.ListAsync("m");
        await client.Models.Examples.ListAsync("m", new ExampleListParams());
        await client.Models.Examples.ListAsync("m", new ExampleListParams { OriginalAssets = false }, cancellationToken: default);

        Assert.Equal(new[] { "/v1/models/m/examples", "/v1/models/m/examples", "/v1/models/m/examples?originalAssets=false" }, server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task Path_parameters_are_escaped()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        using ScenarioClient client = Seed.Client(server);

        await client.Models.Examples.ListAsync("a/b c");

        Assert.Equal("/v1/models/a%2Fb%20c/examples", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task Update_sends_PUT_with_the_body_and_the_query_apart()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        using ScenarioClient client = Seed.Client(server);

        ExampleUpdateResponse updated = await client.Models.Examples.UpdateAsync("model_1", new ExampleUpdateParams { AssetIds = ["asset_a", "asset_b"], OriginalAssets = true });

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/v1/models/model_1/examples?originalAssets=true", request.RawTarget);
        Assert.Equal("""{"assetIds":["asset_a","asset_b"]}""", request.Body);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("id", updated.Examples[0].Asset.Id);
    }

    [Fact]
    public async Task Bad_arguments_fail_before_anything_is_sent()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        using ScenarioClient client = Seed.Client(server);

        await Assert.ThrowsAsync<ArgumentException>(() => client.Models.Examples.ListAsync(""));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Models.Examples.ListAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Models.Examples.UpdateAsync("m", null!));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Unknown_enum_values_in_a_response_are_kept()
    {
        string json = Seed.ListJson.Replace("\"kind\": \"3d\"", "\"kind\": \"hologram\"").Replace("\"jobType\": \"assets-download\"", "\"jobType\": \"teleport\"");
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, json);
        using ScenarioClient client = Seed.Client(server);

        ExampleListResponse list = await client.Models.Examples.ListAsync("m");

        Assert.False(list.Examples[0].Asset.Kind.IsKnown);
        Assert.Equal("hologram", list.Examples[0].Asset.Kind.WireValue);
        Assert.Equal("teleport", list.Examples[0].Job!.JobType.WireValue);
    }

    [Fact]
    public async Task An_HttpClient_given_to_the_client_supplies_the_base_address_and_is_not_disposed()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using (var client = new ScenarioClient(http, new ScenarioClientOptions { ApiKey = "k", ApiSecret = "s" }))
        {
            Assert.Equal(server.BaseAddress, client.BaseAddress);
            await client.Models.Examples.ListAsync("m");
        }

        Assert.Single(server.Requests);
        using HttpResponseMessage stillUsable = await http.GetAsync("models/m/examples");
    }

    [Fact]
    public async Task The_client_is_a_typed_HttpClient_for_dependency_injection()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        var services = new ServiceCollection();
        services.AddSingleton(new ScenarioClientOptions { ApiKey = "di_key", ApiSecret = "di_secret" });
        services.AddHttpClient<ScenarioClient>(http => http.BaseAddress = server.BaseAddress);
        using ServiceProvider provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ScenarioClient>();
        await client.Models.Examples.ListAsync("m");

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("di_key:di_secret")), Assert.Single(server.Requests).Headers["Authorization"]);
    }

    [Fact]
    public async Task Two_hundred_concurrent_calls_on_one_client_all_succeed()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        using ScenarioClient client = Seed.Client(server);

        ExampleListResponse[] results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => client.Models.Examples.ListAsync("model_" + i)));

        Assert.Equal(200, results.Length);
        Assert.All(results, r => Assert.Single(r.Examples));
        Assert.Equal(200, server.Attempts);
        Assert.Equal(200, server.Requests.Select(r => r.RawTarget).Distinct().Count());
    }
}

using System;
using System.Linq;
using System.Threading.Tasks;
using Scenario.Runtime.Http;
using Scenario.Runtime.Validation;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>
/// The client's response check (<c>ValidateResponses</c>, <c>RequestOptions.ValidateResponse</c>) against a real server:
/// off by default, so a value the schema does not allow (an asset kind it does not list) is read and kept; on, the call
/// fails with the client's invalid-response exception naming the place, its inner exception holding every problem.
/// </summary>
public class ResponseValidationTests
{
    /// <summary>The seed's list response with its first asset's kind replaced by one the schema's enum does not list.</summary>
    private static string UnlistedKind { get; } = ReplaceFirst(Seed.ListJson, "\"kind\": \"3d\"", "\"kind\": \"hologram\"");

    [Fact]
    public async Task A_valid_response_passes_the_check()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        using ScenarioClient client = Client(server, validate: true);

        ExampleListResponse list = await client.Models.Examples.ListAsync("m");

        Assert.NotEmpty(list.Examples);
    }

    [Fact]
    public async Task Off_by_default_a_value_the_schema_does_not_list_is_read_and_kept()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, UnlistedKind);
        using ScenarioClient client = Seed.Client(server);

        ExampleListResponse list = await client.Models.Examples.ListAsync("m");

        Assert.Equal("hologram", list.Examples[0].Asset.Kind.ToString());
        Assert.Contains(list.Examples[0].Asset.Validate(), p => p.Keyword == "enum" && p.InstancePath == "/kind");
    }

    [Fact]
    public async Task On_a_response_that_breaks_the_schema_fails_naming_the_place_and_keeps_every_problem()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, UnlistedKind);
        using ScenarioClient client = Client(server, validate: true);

        ScenarioInvalidResponseException failure = await Assert.ThrowsAsync<ScenarioInvalidResponseException>(() => client.Models.Examples.ListAsync("m"));

        Assert.Contains("/examples/0/asset/kind", failure.Message, StringComparison.Ordinal);
        JsonSchemaValidationException inner = Assert.IsType<JsonSchemaValidationException>(failure.InnerException);
        JsonSchemaProblem problem = Assert.Single(inner.Problems);
        Assert.Equal("/examples/0/asset/kind", problem.InstancePath);
        Assert.Equal("enum", problem.Keyword);
        Assert.EndsWith("#/definitions/AssetKind/enum", problem.SchemaLocation, StringComparison.Ordinal);
        Assert.Contains("hologram", failure.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_s_option_overrides_the_client_s_either_way()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, UnlistedKind);
        using ScenarioClient checking = Client(server, validate: true);
        using ScenarioClient trusting = Seed.Client(server);

        ExampleListResponse read = await checking.Models.Examples.ListAsync("m", null, new RequestOptions { ValidateResponse = false });
        await Assert.ThrowsAsync<ScenarioInvalidResponseException>(() => trusting.Models.Examples.ListAsync("m", null, new RequestOptions { ValidateResponse = true }));

        Assert.Equal("hologram", read.Examples[0].Asset.Kind.ToString());
        Assert.Equal(2, server.Requests.Count);
    }

    private static ScenarioClient Client(LoopbackServer server, bool validate) =>
        new(new ScenarioClientOptions
        {
            BaseAddress = server.BaseAddress,
            ApiKey = "key_123",
            ApiSecret = "secret_456",
            MaxRetries = 0,
            ValidateResponses = validate,
        });

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        int at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, "the seed has no " + old);
        return text.Substring(0, at) + replacement + text.Substring(at + old.Length);
    }
}

using System;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>Credentials and base address come from the options, else the environment; wrong settings fail at construction.</summary>
[Collection(EnvironmentCollection.Name)]
public class ConstructionTests
{
    [Fact]
    public void Without_credentials_construction_fails_naming_the_options_and_variables()
    {
        using var environment = new EnvironmentScope(("SCENARIO_SDK_API_KEY", null), ("SCENARIO_SDK_API_SECRET", null));

        ScenarioException failure = Assert.Throws<ScenarioException>(() => new ScenarioClient());

        Assert.Contains("ApiKey", failure.Message, StringComparison.Ordinal);
        Assert.Contains("SCENARIO_SDK_API_KEY", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ApiSecret", failure.Message, StringComparison.Ordinal);
        Assert.Contains("SCENARIO_SDK_API_SECRET", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_secret_is_named_alone()
    {
        using var environment = new EnvironmentScope(("SCENARIO_SDK_API_KEY", null), ("SCENARIO_SDK_API_SECRET", null));

        ScenarioException failure = Assert.Throws<ScenarioException>(() => new ScenarioClient(new ScenarioClientOptions { ApiKey = "k" }));

        Assert.DoesNotContain("ApiKey", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ApiSecret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_and_base_address_come_from_the_environment()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        using var environment = new EnvironmentScope(
            ("SCENARIO_SDK_API_KEY", "env_key"), ("SCENARIO_SDK_API_SECRET", "env_secret"), ("SCENARIO_BASE_URL", server.BaseAddress.ToString()));
        using var client = new ScenarioClient();

        await client.Models.Examples.ListAsync("m");

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("env_key:env_secret")), Assert.Single(server.Requests).Headers["Authorization"]);
    }

    [Fact]
    public void The_default_base_address_is_the_schemas()
    {
        using var environment = new EnvironmentScope(("SCENARIO_BASE_URL", null));
        using var client = new ScenarioClient(new ScenarioClientOptions { ApiKey = "k", ApiSecret = "s" });

        Assert.Equal(new Uri("https://api.cloud.scenario.com/v1"), ScenarioClient.DefaultBaseAddress);
        Assert.Equal(ScenarioClient.DefaultBaseAddress, client.BaseAddress);
    }

    [Fact]
    public void A_base_address_variable_that_is_not_a_url_fails_naming_the_variable()
    {
        using var environment = new EnvironmentScope(("SCENARIO_BASE_URL", "not a url"));

        ScenarioException failure = Assert.Throws<ScenarioException>(() => new ScenarioClient(new ScenarioClientOptions { ApiKey = "k", ApiSecret = "s" }));

        Assert.Equal("The environment variable SCENARIO_BASE_URL is not an absolute URL: 'not a url'.", failure.Message);
    }

    [Fact]
    public void Options_win_over_the_environment()
    {
        using var environment = new EnvironmentScope(("SCENARIO_BASE_URL", "https://env.example.com/v1"));
        using var client = new ScenarioClient(new ScenarioClientOptions { ApiKey = "k", ApiSecret = "s", BaseAddress = new Uri("https://options.example.com/v1/") });

        Assert.Equal("options.example.com", client.BaseAddress.Host);
    }

    [Theory]
    [InlineData("http://api.example.com/v1")]
    [InlineData("http://10.0.0.5/v1")]
    public void Credentials_are_never_sent_over_plain_http_to_a_remote_host(string address)
    {
        ScenarioException failure = Assert.Throws<ScenarioException>(() =>
            new ScenarioClient(new ScenarioClientOptions { ApiKey = "k", ApiSecret = "s", BaseAddress = new Uri(address) }));

        Assert.Contains("plain HTTP", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/v1")]
    [InlineData("http://localhost:5000/v1")]
    [InlineData("http://[::1]:5000/v1")]
    public void Plain_http_to_loopback_is_allowed(string address)
    {
        using var client = new ScenarioClient(new ScenarioClientOptions { ApiKey = "k", ApiSecret = "s", BaseAddress = new Uri(address) });

        Assert.True(client.BaseAddress.IsLoopback);
    }

    [Fact]
    public void Invalid_settings_are_refused_when_set()
    {
        var options = new ScenarioClientOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxRetries = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.Zero);
    }

    [Fact]
    public void The_options_never_print_a_credential()
    {
        var options = new ScenarioClientOptions { ApiKey = "key_123", ApiSecret = "secret_456" };

        Assert.DoesNotContain("secret_456", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("key_123", options.ToString(), StringComparison.Ordinal);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Process environment";
}

/// <summary>Sets environment variables for one test and restores them after.</summary>
internal sealed class EnvironmentScope : IDisposable
{
    private readonly (string Name, string? Value)[] _saved;

    public EnvironmentScope(params (string Name, string? Value)[] values)
    {
        _saved = Array.ConvertAll(values, v => (v.Name, Environment.GetEnvironmentVariable(v.Name)));
        foreach ((string name, string? value) in values)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach ((string name, string? value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}

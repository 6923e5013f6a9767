using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scenario.Runtime.Testing;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>AddScenarioClient over IHttpClientFactory, options, configuration, keyed clients, mocking and the in-memory handler.</summary>
public class DependencyInjectionTests
{
    private static string Basic(string key, string secret) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":" + secret));

    [Fact]
    public async Task AddScenarioClient_configures_the_options_and_resolves_the_client_and_its_interface()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        var services = new ServiceCollection();
        services.AddScenarioClient(o => { o.ApiKey = "di_key"; o.ApiSecret = "di_secret"; o.BaseAddress = server.BaseAddress; });
        services.Configure<ScenarioClientOptions>(o => o.MaxRetries = 0);
        using ServiceProvider provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ScenarioClient>();
        var asInterface = provider.GetRequiredService<IScenarioClient>();
        await client.Models.Examples.ListAsync("m");
        await asInterface.Models.Examples.ListAsync("m");

        Assert.All(server.Requests, r => Assert.Equal(Basic("di_key", "di_secret"), r.Headers["Authorization"]));
        Assert.Equal(2, server.Attempts);
    }

    [Fact]
    public void The_named_HttpClient_leaves_timeouts_to_the_client()
    {
        var services = new ServiceCollection();
        services.AddScenarioClient();
        services.AddKeyedScenarioClient("other");
        using ServiceProvider provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        Assert.Equal(Timeout.InfiniteTimeSpan, factory.CreateClient(typeof(ScenarioClient).FullName!).Timeout);
        Assert.Equal(Timeout.InfiniteTimeSpan, factory.CreateClient(typeof(ScenarioClient).FullName + "#other").Timeout);
    }

    [Fact]
    public async Task IOptions_set_with_Configure_are_honoured()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(503, "{}", ("retry-after-ms", "10"));
        var services = new ServiceCollection();
        services.Configure<ScenarioClientOptions>(o => { o.ApiKey = "k"; o.ApiSecret = "s"; o.BaseAddress = server.BaseAddress; o.MaxRetries = 1; });
        services.AddScenarioClient();
        using ServiceProvider provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<ScenarioServerException>(() => provider.GetRequiredService<ScenarioClient>().Models.Examples.ListAsync("m"));

        Assert.Equal(2, server.Attempts);
    }

    [Fact]
    public async Task Configuration_binding_reads_every_setting()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(503, "{}", ("retry-after-ms", "10"));
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scenario:ApiKey"] = "cfg_key",
            ["Scenario:ApiSecret"] = "cfg_secret",
            ["Scenario:BaseAddress"] = server.BaseAddress.ToString(),
            ["Scenario:MaxRetries"] = "0",
            ["Scenario:Timeout"] = "00:00:07",
            ["Scenario:MaxResponseBodyBytes"] = "1000",
            ["Scenario:ValidateResponses"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddScenarioClient(configuration.GetSection("Scenario"));
        using ServiceProvider provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<ScenarioServerException>(() => provider.GetRequiredService<ScenarioClient>().Models.Examples.ListAsync("m"));
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ScenarioClientOptions>>().Value;

        Assert.Equal(Basic("cfg_key", "cfg_secret"), Assert.Single(server.Requests).Headers["Authorization"]);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Timeout);
        Assert.Equal(1000, options.MaxResponseBodyBytes);
        Assert.True(options.ValidateResponses);
    }

    [Fact]
    public void A_bad_configuration_value_names_its_key()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Scenario:MaxRetries"] = "many" }).Build();

        ScenarioException failure = Assert.Throws<ScenarioException>(() => ScenarioClientServiceCollectionExtensions.Bind(new ScenarioClientOptions(), configuration.GetSection("Scenario")));

        Assert.Contains("Scenario:MaxRetries", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_configuration_value_of_another_APIs_client_is_an_ApiException_of_the_neutral_family()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Wire:Timeout"] = "soon" }).Build();

        ApiException failure = Assert.Throws<ApiException>(() => Wire.WireClientServiceCollectionExtensions.Bind(new Wire.WireClientOptions(), configuration.GetSection("Wire")));

        Assert.Contains("Wire:Timeout", failure.Message, StringComparison.Ordinal);
        Assert.IsNotAssignableFrom<ScenarioException>(failure);
        Assert.IsAssignableFrom<ApiException>(Assert.Throws<ScenarioException>(() => ScenarioClientServiceCollectionExtensions.Bind(new ScenarioClientOptions(), configuration.GetSection("Wire"))));
    }

    [Fact]
    public async Task Keyed_clients_serve_two_accounts()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        var services = new ServiceCollection();
        services.AddKeyedScenarioClient("first", o => { o.ApiKey = "k1"; o.ApiSecret = "s1"; o.BaseAddress = server.BaseAddress; });
        services.AddKeyedScenarioClient("second", o => { o.ApiKey = "k2"; o.ApiSecret = "s2"; o.BaseAddress = server.BaseAddress; });
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<ScenarioClient>("first").Models.Examples.ListAsync("m");
        await provider.GetRequiredKeyedService<IScenarioClient>("second").Models.Examples.ListAsync("m");

        Assert.Equal(new[] { Basic("k1", "s1"), Basic("k2", "s2") }, server.Requests.Select(r => r.Headers["Authorization"]));
    }

    [Fact]
    public async Task The_returned_builder_takes_the_apps_own_handlers()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        var services = new ServiceCollection();
        services.AddScenarioClient(o => { o.ApiKey = "k"; o.ApiSecret = "s"; o.BaseAddress = server.BaseAddress; })
            .AddHttpMessageHandler(() => new StampingHandler());
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ScenarioClient>().Models.Examples.ListAsync("m");

        Assert.Equal("yes", Assert.Single(server.Requests).Headers["X-Stamped"]);
    }

    [Fact]
    public async Task Microsoft_Extensions_Http_Resilience_can_retry_instead_of_the_client()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, number) =>
            number < 3 ? LoopbackServer.Respond(context, 503, "{}") : LoopbackServer.Respond(context, 200, Seed.ListJson));
        var services = new ServiceCollection();
        services.AddScenarioClient(o => { o.ApiKey = "k"; o.ApiSecret = "s"; o.BaseAddress = server.BaseAddress; o.MaxRetries = 0; })
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.Delay = TimeSpan.FromMilliseconds(10);
                o.Retry.UseJitter = false;
            });
        using ServiceProvider provider = services.BuildServiceProvider();

        ApiResponse<ExampleListResponse> response = await provider.GetRequiredService<ScenarioClient>().WithRawResponse.Models.Examples.ListAsync("m");

        Assert.Equal(1, response.Attempts);
        Assert.Equal(3, server.Attempts);
    }

    [Fact]
    public async Task The_container_logger_factory_is_used_and_never_sees_a_secret()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddScenarioClient(o => { o.ApiKey = "key_123"; o.ApiSecret = "secret_456"; o.BaseAddress = server.BaseAddress; o.LogBodies = true; });
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ScenarioClient>().Models.Examples.ListAsync("m");

        LogEntry info = Assert.Single(logs.Entries, e => e.Category == "Scenario.Client" && e.Level == LogLevel.Information);
        Assert.Contains("GET /models/{modelId}/examples answered 200", info.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Category == "Scenario.Client" && e.Message.Contains("response body:", StringComparison.Ordinal));
        string token = Convert.ToBase64String(Encoding.UTF8.GetBytes("key_123:secret_456"));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("secret_456", StringComparison.Ordinal) || e.Message.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_factorys_own_loggers_are_gone_so_a_query_API_key_is_logged_nowhere_and_each_call_once()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, "{}");
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        OpenApi.Security.SecurityClientServiceCollectionExtensions.AddSecurityClient(services, o => { o.ApiKeyQuery = "query-key-789"; o.BaseAddress = server.BaseAddress; });
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<OpenApi.Security.SecurityClient>().Anything.ApiKey.ListAsync();

        Assert.EndsWith("?apiKey=query-key-789", Assert.Single(server.Requests).RawTarget, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Information);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("query-key-789", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resources_can_be_mocked_through_their_interfaces()
    {
        IModelsExamplesResource examples = new FakeExamples();

        ExampleListResponse list = await examples.ListAsync("m");

        Assert.Empty(list.Examples);
    }

    [Fact]
    public async Task The_in_memory_handler_answers_from_its_script_and_records_requests()
    {
        var handler = new InMemoryApiHandler()
            .Enqueue(HttpStatusCode.ServiceUnavailable, "{}", ("retry-after-ms", "1"))
            .Enqueue(HttpStatusCode.OK, Seed.ListJson);
        using var http = new HttpClient(handler) { BaseAddress = new Uri("https://api.test/v1/") };
        using var client = new ScenarioClient(http, new ScenarioClientOptions { ApiKey = "k", ApiSecret = "s" });

        ExampleListResponse list = await client.Models.Examples.ListAsync("model_1", new ExampleListParams { OriginalAssets = true });
        ScenarioException unscripted = await Assert.ThrowsAnyAsync<ScenarioException>(() => client.Models.Examples.ListAsync("x", null, new RequestOptions { MaxRetries = 0 }));

        Assert.Single(list.Examples);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("https://api.test/v1/models/model_1/examples?originalAssets=true", handler.Requests[1].Uri.ToString());
        Assert.Equal(Basic("k", "s"), handler.Requests[0].Headers["Authorization"]);
        Assert.Contains("no response scripted for GET /v1/models/x/examples", unscripted.Message, StringComparison.Ordinal);
    }

    private sealed class StampingHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Stamped", "yes");
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class FakeExamples : IModelsExamplesResource
    {
        public Task<ExampleListResponse> ListAsync(string modelId, ExampleListParams? query = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ExampleListResponse { Examples = [] });

        public Task<ExampleUpdateResponse> UpdateAsync(string modelId, ExampleUpdateParams parameters, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ExampleUpdateResponse { Examples = [] });
    }
}

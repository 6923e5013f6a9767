using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Threading.Tasks;
using Scenario.Client.Tests;
using Scenario.Runtime.Http;
using Xunit;

namespace Scenario.Runtime.NetStandard.Tests;

/// <summary>What only the netstandard2.0 build of Scenario.Runtime has: its handler, its URI check, its polyfills.</summary>
public class PlatformTests
{
    [Fact]
    public void These_tests_run_against_the_netstandard2_0_build()
    {
        Assert.Equal(".NETStandard,Version=v2.0", typeof(ApiTransport).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);
        Assert.Null(typeof(ApiTransport).Assembly.GetType("Scenario.Runtime.Json.IJsonModel`1"));
        Assert.Null(typeof(ExampleListResponse).GetInterfaces().FirstOrDefault(i => i.Name.StartsWith("IJsonModel", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_clients_own_handler_is_an_HttpClientHandler_that_follows_no_redirect_and_decodes_what_the_platform_can()
    {
        using HttpMessageHandler created = ApiTransport.CreateHandler();

        HttpClientHandler handler = Assert.IsType<HttpClientHandler>(created);
        Assert.False(handler.AllowAutoRedirect);

        // .NET 10 decodes brotli, so it is asked for here; .NET Framework and Unity get gzip and deflate.
        Assert.Equal(DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli, handler.AutomaticDecompression);
    }

    [Theory]
    [InlineData("/models/a\\../examples")]
    [InlineData("/models/%61/examples")]
    [InlineData("/models/a%2E%2E/examples")]
    public async Task A_path_this_platforms_Uri_would_rewrite_is_refused_before_anything_is_sent(string path)
    {
        // Without .NET 8's UriCreationOptions, System.Uri reads a backslash as '/', decodes escaped unreserved characters and
        // removes dot segments: the request would reach another endpoint, so it is not sent.
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        using var transport = new ApiTransport(Settings(server.BaseAddress));

        ArgumentException failure = await Assert.ThrowsAsync<ArgumentException>(
            () => transport.SendAsync(new ApiRequest(HttpMethod.Get, "/models/{modelId}/examples", path), ScenarioJsonContext.Default.ExampleListResponse));

        Assert.Contains("/models/{modelId}/examples", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void The_user_agent_names_the_platform_as_NET_does()
    {
        Assert.EndsWith("; " + RuntimeInformation.RuntimeIdentifier + ")", ApiTransportSettings.DefaultUserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_jitter_is_safe_from_many_threads()
    {
        // System.Random used from several threads at once breaks and returns 0 ever after; the shared one must not.
        Func<double> jitter = Settings(new Uri("http://127.0.0.1/")).Jitter;
        var values = new ConcurrentBag<double>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 20_000; i++)
            {
                values.Add(jitter());
            }
        })));

        Assert.All(values, value => Assert.InRange(value, 0, 0.9999999999));
        Assert.True(values.Skip(values.Count - 1000).Distinct().Count() > 900, "the last values repeat: the generator broke");
    }

    [Fact]
    public async Task Each_attempts_duration_is_measured()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            await Task.Delay(200);
            await LoopbackServer.Respond(context, 200, Seed.ListJson);
        });
        using var meter = new Meter("Scenario.Runtime.NetStandard.Tests.Duration");
        var durations = new ConcurrentBag<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter && instrument.Name == "http.client.request.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => durations.Add(value));
        listener.Start();
        using var transport = new ApiTransport(Settings(server.BaseAddress, meter));
        var clock = Stopwatch.StartNew();

        await transport.SendAsync(new ApiRequest(HttpMethod.Get, "/models/{modelId}/examples", "/models/m/examples"), ScenarioJsonContext.Default.ExampleListResponse);

        Assert.InRange(Assert.Single(durations), 0.19, clock.Elapsed.TotalSeconds);
    }

    private static ApiTransportSettings Settings(Uri baseAddress, Meter? meter = null) => new()
    {
        BaseAddress = baseAddress,
        UserAgent = "test",
        ActivitySource = new ActivitySource("Scenario.Runtime.NetStandard.Tests"),
        ClientName = "Test",
        MaxRetries = 0,
        Meter = meter,
    };
}

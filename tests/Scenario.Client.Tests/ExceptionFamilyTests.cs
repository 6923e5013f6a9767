using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Scenario.Runtime.Http;
using Wire;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>
/// Which exceptions a client throws: a client of another API's description (Wire, Docker) throws the neutral family
/// (<see cref="ApiException"/>, <see cref="ApiStatusException"/>, …), no type of it named Scenario…; the Scenario API's
/// own client throws the Scenario family (<see cref="ScenarioException"/>, <see cref="ScenarioApiException"/>, …), whose
/// root is an <see cref="ApiException"/> too. Each failure against a real server on 127.0.0.1. What the Scenario client
/// has no operation for (events, downloads, pages) goes through a transport with its setting,
/// <see cref="ApiExceptionFamily.Scenario"/>. (Binding options from configuration: DependencyInjectionTests.)
/// </summary>
[Collection(EnvironmentCollection.Name)]
public class ExceptionFamilyTests
{
    private const string Big = "[\"" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" + "\"]";

    public static TheoryData<string, Type> NeutralFailures => new()
    {
        { "404", typeof(ApiNotFoundException) },
        { "500", typeof(ApiServerException) },
        { "429", typeof(ApiRateLimitException) },
        { "418", typeof(ApiStatusException) },
        { "connection refused", typeof(ApiConnectionException) },
        { "timeout", typeof(ApiTimeoutException) },
        { "invalid JSON", typeof(ApiInvalidResponseException) },
        { "body too large", typeof(ApiResponseTooLargeException) },
        { "error event", typeof(ApiEventStreamException) },
        { "download broken", typeof(ApiConnectionException) },
        { "cursor given back", typeof(ApiException) },
        { "credential missing", typeof(ApiException) },
        { "base address missing", typeof(ApiException) },
        { "base address variable not a URL", typeof(ApiException) },
        { "credentials over plain HTTP", typeof(ApiException) },
    };

    public static TheoryData<string, Type> ScenarioFailures => new()
    {
        { "404", typeof(ScenarioNotFoundException) },
        { "500", typeof(ScenarioServerException) },
        { "429", typeof(ScenarioRateLimitException) },
        { "418", typeof(ScenarioApiException) },
        { "connection refused", typeof(ScenarioConnectionException) },
        { "timeout", typeof(ScenarioTimeoutException) },
        { "invalid JSON", typeof(ScenarioInvalidResponseException) },
        { "body too large", typeof(ScenarioResponseTooLargeException) },
        { "error event", typeof(ScenarioEventStreamException) },
        { "download broken", typeof(ScenarioConnectionException) },
        { "cursor given back", typeof(ScenarioException) },
        { "credential missing", typeof(ScenarioException) },
        { "base address variable not a URL", typeof(ScenarioException) },
        { "credentials over plain HTTP", typeof(ScenarioException) },
    };

    [Theory]
    [MemberData(nameof(NeutralFailures))]
    public async Task A_client_of_another_API_throws_the_neutral_family_with_no_Scenario_name(string failure, Type expected)
    {
        Exception thrown = await FailAsync(failure, scenario: false);

        Assert.IsType(expected, thrown);
        Assert.IsAssignableFrom<ApiException>(thrown);
        Assert.IsNotAssignableFrom<ScenarioException>(thrown);
        for (Exception? e = thrown; e is not null; e = e.InnerException)
        {
            Assert.False(e.GetType().Name.StartsWith("Scenario", StringComparison.Ordinal), failure + ": " + e.GetType().FullName);
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioFailures))]
    public async Task The_Scenario_client_throws_the_Scenario_family_which_ApiException_also_catches(string failure, Type expected)
    {
        Exception thrown = await FailAsync(failure, scenario: true);

        Assert.IsType(expected, thrown);
        Assert.StartsWith("Scenario", thrown.GetType().Name, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ScenarioException>(thrown);
        Assert.IsAssignableFrom<ApiException>(thrown);
    }

    [Fact]
    public async Task Catch_clauses_of_either_family_read_as_users_write_them()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(404, """{"message":"no such item"}""");
        using WireClient wire = Clients.Wire(server.BaseAddress);
        using ScenarioClient scenario = Seed.Client(server, maxRetries: 0);

        string? caught = null;
        try
        {
            await wire.Items.ListAsync("c");
        }
        catch (ApiStatusException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            caught = e.ErrorMessage;
        }

        Assert.Equal("no such item", caught);

        var scenarioCaught = new List<string>();
        try
        {
            await scenario.Models.Examples.ListAsync("m");
        }
        catch (ScenarioNotFoundException e)
        {
            scenarioCaught.Add(nameof(ScenarioNotFoundException) + ": " + e.ErrorMessage);
        }

        try
        {
            await scenario.Models.Examples.ListAsync("m");
        }
        catch (ScenarioApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            scenarioCaught.Add(nameof(ScenarioApiException));
        }

        foreach (Func<Task> call in new Func<Task>[] { () => wire.Items.ListAsync("c"), () => scenario.Models.Examples.ListAsync("m") })
        {
            try
            {
                await call();
            }
            catch (ApiException e)
            {
                scenarioCaught.Add(nameof(ApiException) + " " + e.GetType().Name);
            }
        }

        Assert.Equal(
            new[] { "ScenarioNotFoundException: no such item", "ScenarioApiException", "ApiException ApiNotFoundException", "ApiException ScenarioNotFoundException" },
            scenarioCaught);
    }

    [Fact]
    public async Task A_failed_calls_span_names_the_status_in_either_family()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(404, "{}");
        using WireClient wire = Clients.Wire(server.BaseAddress);
        using ScenarioClient scenario = Seed.Client(server, maxRetries: 0);
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WireClient.ActivitySourceName || source.Name == ScenarioClient.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        using (var parent = new Activity("test").Start())
        {
            await Assert.ThrowsAsync<ApiNotFoundException>(() => wire.Items.ListAsync("c"));
            await Assert.ThrowsAsync<ScenarioNotFoundException>(() => scenario.Models.Examples.ListAsync("m"));
            string traceId = parent.TraceId.ToString();
            Activity[] calls = spans.Where(s => s.TraceId.ToString() == traceId && s.Kind == ActivityKind.Internal).ToArray();

            Assert.Equal(2, calls.Length);
            Assert.All(calls, call => Assert.Equal("404", call.GetTagItem("error.type")));
        }
    }

    [Fact]
    public void Create_makes_the_most_specific_type_of_its_own_family()
    {
        ApiStatusException neutral = ApiStatusException.Create(HttpStatusCode.NotFound, """{"message":"gone"}""", "req_1");
        ScenarioApiException scenario = ScenarioApiException.Create(HttpStatusCode.NotFound, """{"message":"gone"}""", "req_1");

        Assert.IsType<ApiNotFoundException>(neutral);
        Assert.IsType<ScenarioNotFoundException>(scenario);
        Assert.IsType<ApiServerException>(ApiStatusException.Create((HttpStatusCode)503, string.Empty));
        Assert.IsType<ScenarioServerException>(ScenarioApiException.Create((HttpStatusCode)503, string.Empty));
        Assert.Equal(scenario.Message, neutral.Message);
        Assert.Equal("gone", neutral.ErrorMessage);
        Assert.Equal(ScenarioApiException.MaxMessageLength, ApiStatusException.MaxMessageLength);
        Assert.IsType<ApiException>(ApiException.ForFamily(ApiExceptionFamily.Neutral, "m"));
        Assert.IsType<ScenarioException>(ApiException.ForFamily(ApiExceptionFamily.Scenario, "m"));
    }

    [Fact]
    public void Each_neutral_exception_has_a_Scenario_twin_with_the_same_public_members()
    {
        // The two families are mirrors written twice (a type cannot derive from both roots): this keeps them in step.
        Type[] neutral = typeof(ApiException).Assembly.GetExportedTypes()
            .Where(t => typeof(ApiException).IsAssignableFrom(t) && t != typeof(ApiException) && !typeof(ScenarioException).IsAssignableFrom(t))
            .ToArray();
        Assert.Equal(14, neutral.Length);
        Assert.Equal(typeof(ApiException), typeof(ScenarioException).BaseType);
        foreach (Type type in neutral)
        {
            string twinName = type == typeof(ApiStatusException) ? "ScenarioApiException" : "Scenario" + type.Name.Substring("Api".Length);
            Type? twin = type.Assembly.GetType(type.Namespace + "." + twinName);
            Assert.True(twin is not null, type.Name + " has no twin " + twinName);
            Assert.Equal(Members(type), Members(twin!));
            Assert.Equal(type.IsSealed, twin!.IsSealed);
        }

        static string[] Members(Type type) => type.GetMembers(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly)
            .Select(m => m.MemberType + " " + m.Name + " " + (m is System.Reflection.PropertyInfo p ? Neutral(p.PropertyType) : m is System.Reflection.MethodBase method ? string.Join(",", method.GetParameters().Select(x => Neutral(x.ParameterType))) : string.Empty))
            .OrderBy(m => m, StringComparer.Ordinal)
            .ToArray();

        static string Neutral(Type type) => type.Name.Replace("ScenarioApiException", "ApiStatusException").Replace("Scenario", "Api");
    }

    /// <summary>Makes <paramref name="failure"/> happen to a Wire (or Docker) client, or to the Scenario client (or a transport with its setting), and returns what was thrown.</summary>
    private static async Task<Exception> FailAsync(string failure, bool scenario)
    {
        switch (failure)
        {
            case "404":
            case "500":
            case "429":
            case "418":
                await using (LoopbackServer server = await LoopbackServer.RespondingAsync(int.Parse(failure, System.Globalization.CultureInfo.InvariantCulture), """{"message":"no"}"""))
                {
                    return await CallAsync(server.BaseAddress, scenario);
                }

            case "connection refused":
            {
                LoopbackServer server = await LoopbackServer.RespondingAsync(200, "{}");
                Uri address = server.BaseAddress;
                await server.DisposeAsync();
                return await CallAsync(address, scenario);
            }

            case "timeout":
                await using (LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { })))
                {
                    return await CallAsync(server.BaseAddress, scenario, timeout: TimeSpan.FromMilliseconds(500));
                }

            case "invalid JSON":
                await using (LoopbackServer server = await LoopbackServer.RespondingAsync(200, "{not json"))
                {
                    return await CallAsync(server.BaseAddress, scenario);
                }

            case "body too large":
                await using (LoopbackServer server = await LoopbackServer.RespondingAsync(200, string.Concat(Enumerable.Repeat(Big, 64))))
                {
                    return await CallAsync(server.BaseAddress, scenario, maxBody: 1024);
                }

            case "error event":
                await using (LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
                {
                    context.Response.ContentType = "text/event-stream";
                    await context.Response.WriteAsync("event: error\ndata: {\"error\":{\"message\":\"overloaded\"}}\n\n");
                }))
                {
                    using ApiTransport transport = ScenarioTransport(server.BaseAddress);
                    using WireClient client = Clients.Wire(server.BaseAddress);
                    IAsyncEnumerable<Item> events = scenario
                        ? transport.StreamAsync(new ApiRequest(HttpMethod.Get, "/items/events", "/items/events"), WireJsonContext.Default.Item, ApiStreamFormat.ServerSentEvents)
                        : client.Items.Events.ListAsync();
                    return await Record(async () =>
                    {
                        await foreach (Item item in events)
                        {
                        }
                    });
                }

            case "download broken":
                await using (RawServer server = RawServer.Start(async (_, stream, socket) =>
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 1000\r\n\r\n"));
                    await stream.WriteAsync(new byte[100]);
                    await stream.FlushAsync();
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                    return false;
                }))
                {
                    using ApiTransport transport = ScenarioTransport(server.BaseAddress);
                    using WireClient client = Clients.Wire(server.BaseAddress);
                    using ApiFileResponse file = scenario
                        ? await transport.SendAsync(new ApiRequest(HttpMethod.Get, "/items/{itemId}/image", "/items/1/image"), ApiResponseReader.File, null)
                        : await client.Items.Image.ListAsync(1);
                    return await Record(() => file.CopyToAsync(Stream.Null));
                }

            case "cursor given back":
                await using (LoopbackServer server = await LoopbackServer.RespondingAsync(200, """{"assets":[{"id":"i1","name":"item 1"}],"nextPaginationToken":"same"}"""))
                {
                    using ApiTransport transport = ScenarioTransport(server.BaseAddress);
                    using WireClient client = Clients.Wire(server.BaseAddress);
                    ApiPager<AssetsListResponse, Item> pager = scenario
                        ? new ApiPager<AssetsListResponse, Item>(
                            transport,
                            () => new ApiRequest(HttpMethod.Get, "/assets", "/assets"),
                            WireJsonContext.Default.AssetsListResponse,
                            ApiPagination.Cursor("paginationToken"),
                            static page => page.Assets,
                            static page => page.NextPaginationToken,
                            null,
                            null,
                            default)
                        : client.Assets.ListAsync();
                    return await Record(async () =>
                    {
                        await foreach (Item item in pager)
                        {
                        }
                    });
                }

            case "credential missing":
                if (scenario)
                {
                    using var environment = new EnvironmentScope(("SCENARIO_SDK_API_KEY", null), ("SCENARIO_SDK_API_SECRET", null));
                    return Assert.ThrowsAny<Exception>(() => new ScenarioClient(new ScenarioClientOptions { ApiKey = "k" }));
                }

                await using (LoopbackServer server = await LoopbackServer.RespondingAsync(200, "{}"))
                {
                    // GET /items/{itemId} asks for an API key or HTTP Basic; the client has only a bearer token.
                    using WireClient client = Clients.Wire(server.BaseAddress);
                    return await Record(() => client.Items.GetAsync(7));
                }

            case "base address missing":
                return Assert.ThrowsAny<Exception>(() => new OpenApi.Docker.DockerClient(new OpenApi.Docker.DockerClientOptions()));

            case "base address variable not a URL":
                if (scenario)
                {
                    using var environment = new EnvironmentScope(("SCENARIO_BASE_URL", "not a url"));
                    return Assert.ThrowsAny<Exception>(() => new ScenarioClient(new ScenarioClientOptions { ApiKey = "k", ApiSecret = "s" }));
                }
                else
                {
                    using var environment = new EnvironmentScope(("WIRE_BASE_URL", "not a url"));
                    return Assert.ThrowsAny<Exception>(() => new WireClient(new WireClientOptions { Token = "token_abcdef" }));
                }

            case "credentials over plain HTTP":
                return scenario
                    ? Assert.ThrowsAny<Exception>(() => new ScenarioClient(new ScenarioClientOptions { ApiKey = "k", ApiSecret = "s", BaseAddress = new Uri("http://api.example.com/v1") }))
                    : Assert.ThrowsAny<Exception>(() => new WireClient(new WireClientOptions { Token = "token_abcdef", BaseAddress = new Uri("http://api.example.com/v1") }));

            default:
                throw new ArgumentOutOfRangeException(nameof(failure), failure, "No such failure.");
        }
    }

    /// <summary>One JSON call of the client at <paramref name="baseAddress"/>, without retries: Wire's <c>GET /items</c>, or Scenario's <c>GET /models/m/examples</c>.</summary>
    private static async Task<Exception> CallAsync(Uri baseAddress, bool scenario, TimeSpan? timeout = null, long? maxBody = null)
    {
        if (scenario)
        {
            using var client = new ScenarioClient(Clients.Options(baseAddress, maxRetries: 0, timeout, maxBody));
            return await Record(() => client.Models.Examples.ListAsync("m"));
        }

        using WireClient wire = Clients.Wire(baseAddress, timeout, maxBody ?? 1024 * 1024);
        return await Record(() => wire.Items.ListAsync("c"));
    }

    /// <summary>A transport with the setting the Scenario client passes (<see cref="ApiExceptionFamily.Scenario"/>), for what its operations do not cover.</summary>
    private static ApiTransport ScenarioTransport(Uri baseAddress) => new(new ApiTransportSettings
    {
        BaseAddress = baseAddress,
        UserAgent = "test",
        ActivitySource = new ActivitySource("test"),
        ClientName = "Scenario",
        MaxRetries = 0,
        ExceptionFamily = ApiExceptionFamily.Scenario,
    });

    private static async Task<Exception> Record(Func<Task> call) => await Assert.ThrowsAnyAsync<Exception>(call);
}

using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>Which failures are retried, how many times, and how long the client waits in between.</summary>
public class RetryTests
{
    // A server-asked wait of 10 ms keeps these tests fast; the backoff itself is tested apart.
    private static readonly (string, string) Quick = ("retry-after-ms", "10");

    [Theory]
    [InlineData(408, typeof(ScenarioApiException))]
    [InlineData(409, typeof(ScenarioConflictException))]
    [InlineData(429, typeof(ScenarioRateLimitException))]
    [InlineData(500, typeof(ScenarioServerException))]
    [InlineData(502, typeof(ScenarioServerException))]
    [InlineData(503, typeof(ScenarioServerException))]
    public async Task Retryable_statuses_are_tried_MaxRetries_more_times(int status, Type expected)
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(status, """{"error":"try again"}""", Quick);
        using ScenarioClient client = Seed.Client(server, maxRetries: 2);

        ScenarioApiException failure = await Assert.ThrowsAnyAsync<ScenarioApiException>(() => client.Models.Examples.ListAsync("m"));

        Assert.IsType(expected, failure);
        Assert.Equal(3, server.Attempts);
        Assert.Equal(status, (int)failure.StatusCode);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task Other_client_errors_are_not_retried(int status)
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(status, """{"error":"no"}""", Quick);
        using ScenarioClient client = Seed.Client(server, maxRetries: 2);

        await Assert.ThrowsAnyAsync<ScenarioApiException>(() => client.Models.Examples.ListAsync("m"));

        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task A_retry_that_succeeds_returns_the_response()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, attempt) =>
            attempt < 3 ? LoopbackServer.Respond(context, 503, "{}", Quick) : LoopbackServer.Respond(context, 200, Seed.ListJson));
        using ScenarioClient client = Seed.Client(server, maxRetries: 2);

        ExampleListResponse list = await client.Models.Examples.ListAsync("m");

        Assert.Single(list.Examples);
        Assert.Equal(3, server.Attempts);
    }

    [Fact]
    public async Task MaxRetries_zero_tries_once()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(500, "{}", Quick);
        using ScenarioClient client = Seed.Client(server, maxRetries: 0);

        await Assert.ThrowsAsync<ScenarioServerException>(() => client.Models.Examples.ListAsync("m"));

        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task Dropped_connections_are_retried_then_reported_as_connection_failures()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Abort();
            return Task.CompletedTask;
        });
        using ScenarioClient client = Seed.Client(server, maxRetries: 1);

        ScenarioConnectionException failure = await Assert.ThrowsAsync<ScenarioConnectionException>(() => client.Models.Examples.ListAsync("m"));

        Assert.Equal(2, server.Attempts);
        Assert.Contains("2 attempts", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_a_connection_failure()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, "{}");
        Uri address = server.BaseAddress;
        await server.DisposeAsync();
        using var client = new ScenarioClient(new ScenarioClientOptions { BaseAddress = address, ApiKey = "k", ApiSecret = "s", MaxRetries = 0 });

        await Assert.ThrowsAsync<ScenarioConnectionException>(() => client.Models.Examples.ListAsync("m"));
    }

    [Theory]
    [InlineData("Retry-After", "1", 900)]
    [InlineData("retry-after-ms", "400", 350)]
    public async Task The_wait_honours_what_the_server_asks(string header, string value, int atLeastMilliseconds)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, attempt) =>
            attempt == 1 ? LoopbackServer.Respond(context, 429, "{}", (header, value)) : LoopbackServer.Respond(context, 200, Seed.ListJson));
        using ScenarioClient client = Seed.Client(server);

        await client.Models.Examples.ListAsync("m");

        RecordedRequest[] requests = server.Requests.ToArray();
        TimeSpan waited = requests[1].At - requests[0].At;
        Assert.InRange(waited.TotalMilliseconds, atLeastMilliseconds, 5000);
    }

    [Fact]
    public async Task The_wait_honours_a_Retry_After_date()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, attempt) =>
            attempt == 1
                ? LoopbackServer.Respond(context, 503, "{}", ("Retry-After", DateTimeOffset.UtcNow.AddSeconds(3).ToString("r")))
                : LoopbackServer.Respond(context, 200, Seed.ListJson));
        using ScenarioClient client = Seed.Client(server);

        await client.Models.Examples.ListAsync("m");

        RecordedRequest[] requests = server.Requests.ToArray();
        // The date has one-second resolution: at least ~2 s of the 3 s remain.
        Assert.InRange((requests[1].At - requests[0].At).TotalMilliseconds, 1500, 6000);
    }

    [Fact]
    public async Task An_unreasonable_Retry_After_falls_back_to_backoff()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, attempt) =>
            attempt == 1 ? LoopbackServer.Respond(context, 429, "{}", ("Retry-After", "86400")) : LoopbackServer.Respond(context, 200, Seed.ListJson));
        using ScenarioClient client = Seed.Client(server);
        var clock = Stopwatch.StartNew();

        await client.Models.Examples.ListAsync("m");

        // The first backoff step is 0.5 s less up to 25 % jitter, not a day.
        Assert.InRange(clock.Elapsed.TotalMilliseconds, 300, 10_000);
        Assert.Equal(2, server.Attempts);
    }
}

using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>A per-attempt timeout is a <see cref="ScenarioTimeoutException"/>; the caller's cancellation is an <see cref="OperationCanceledException"/>, at once.</summary>
public class TimeoutTests
{
    [Fact]
    public async Task A_slow_server_times_out_each_attempt_and_is_retried()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { });
        });
        using ScenarioClient client = Seed.Client(server, maxRetries: 1, timeout: TimeSpan.FromMilliseconds(300));

        ScenarioTimeoutException failure = await Assert.ThrowsAsync<ScenarioTimeoutException>(() => client.Models.Examples.ListAsync("m"));

        Assert.Equal(2, server.Attempts);
        Assert.Equal(TimeSpan.FromMilliseconds(300), failure.Timeout);
    }

    [Fact]
    public async Task Cancellation_surfaces_at_once_and_is_not_retried()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { });
        });
        using ScenarioClient client = Seed.Client(server, maxRetries: 2, timeout: TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Models.Examples.ListAsync("m", cancellationToken: cancel.Token));

        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 5);
        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task Cancellation_during_the_wait_between_attempts_surfaces_at_once()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(503, "{}", ("Retry-After", "30"));
        using ScenarioClient client = Seed.Client(server);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Models.Examples.ListAsync("m", cancellationToken: cancel.Token));

        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 5);
        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        using ScenarioClient client = Seed.Client(server);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Models.Examples.ListAsync("m", cancellationToken: new CancellationToken(canceled: true)));

        Assert.Equal(0, server.Attempts);
    }
}

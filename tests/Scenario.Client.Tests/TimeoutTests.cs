using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text;
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
        // Long enough for a busy machine to deliver each attempt's request before its time is up.
        using ScenarioClient client = Seed.Client(server, maxRetries: 1, timeout: TimeSpan.FromSeconds(1));

        ScenarioTimeoutException failure = await Assert.ThrowsAsync<ScenarioTimeoutException>(() => client.Models.Examples.ListAsync("m"));

        Assert.Equal(2, server.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(1), failure.Timeout);
    }

    [Fact]
    public async Task Cancellation_surfaces_at_once_and_is_not_retried()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { });
        });
        using ScenarioClient client = Seed.Client(server, maxRetries: 2, timeout: TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource();
        Task call = client.Models.Examples.ListAsync("m", cancellationToken: cancel.Token);

        // Cancelled once the server has the request (a fixed delay could fire before a slow machine sends it).
        await WhenAsync(() => server.Attempts == 1);
        var clock = Stopwatch.StartNew();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 5);
        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task Cancellation_during_the_wait_between_attempts_surfaces_at_once()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(503, "{}", ("Retry-After", "30"));
        using ScenarioClient client = Seed.Client(server);
        using var cancel = new CancellationTokenSource();
        Task call = client.Models.Examples.ListAsync("m", cancellationToken: cancel.Token);

        // Cancelled once the first attempt has been answered, during the 30 s the server asked to wait.
        await WhenAsync(() => server.Attempts == 1);
        await Task.Delay(100);
        var clock = Stopwatch.StartNew();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 5);
        Assert.Equal(1, server.Attempts);
    }

    /// <summary>Waits (up to 30 s) until <paramref name="condition"/> holds.</summary>
    private static async Task WhenAsync(Func<bool> condition)
    {
        var limit = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(limit.Elapsed < TimeSpan.FromSeconds(30), "the condition did not hold within 30 s");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task A_body_stream_that_ignores_cancellation_still_times_out()
    {
        // A server that sends the head and one byte of the body, then stalls; a response stream that ignores the token of a
        // read, as .NET Framework's does: the attempt's timeout still ends the read.
        await using RawServer server = RawServer.Start(async (_, stream, _) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"));
            await Task.Delay(TimeSpan.FromSeconds(10));
            return false;
        });
        using var http = new HttpClient(new TokenIgnoringHandler(new SocketsHttpHandler()));
        using var client = new ScenarioClient(http, Clients.Options(server.BaseAddress, maxRetries: 0, timeout: TimeSpan.FromMilliseconds(500)));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<ScenarioTimeoutException>(() => client.Models.Examples.ListAsync("m"));

        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 5);
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

/// <summary>Hands out response bodies whose reads ignore their cancellation token.</summary>
internal sealed class TokenIgnoringHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
        HttpContent original = response.Content;
        var content = new StreamContent(new TokenIgnoringStream(await original.ReadAsStreamAsync(cancellationToken)));
        foreach (var header in original.Headers)
        {
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = content;
        return response;
    }

    private sealed class TokenIgnoringStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, CancellationToken.None);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, CancellationToken.None);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

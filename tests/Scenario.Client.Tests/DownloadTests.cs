using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Wire;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>
/// Binary responses (Schemas/wire.openapi.yaml's <c>image/png</c> with <c>format: binary</c>) come back as an
/// <see cref="ApiFileResponse"/> whose body is read from the network as the caller reads it: against servers on 127.0.0.1
/// that answer well, send far more than the body limit, stall, drop the connection midway or answer an error.
/// </summary>
public class DownloadTests
{
    private static WireClient Client(Uri baseAddress, TimeSpan? timeout = null, long maxBody = 1024 * 1024) => Clients.Wire(baseAddress, timeout, maxBody);

    [Fact]
    public async Task A_download_gives_its_stream_content_type_length_and_file_name()
    {
        byte[] png = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF };
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "image/png";
            context.Response.ContentLength = png.Length;
            context.Response.Headers.ContentDisposition = "attachment; filename=\"../lamp.png\"; filename*=UTF-8''lampe%20%C3%A0%20huile.png";
            context.Response.Headers["x-request-id"] = "req_7";
            await context.Response.Body.WriteAsync(png);
        });
        using WireClient client = Client(server.BaseAddress);

        using ApiFileResponse image = await client.Items.Image.ListAsync(7);
        using var copy = new MemoryStream();
        await image.CopyToAsync(copy);

        Assert.Equal(png, copy.ToArray());
        Assert.Equal("image/png", image.ContentType);
        Assert.Equal(png.Length, image.ContentLength);
        Assert.Equal("lampe à huile.png", image.FileName);
        Assert.Equal("req_7", image.RequestId);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.False(image.Content.CanSeek);
        Assert.Equal("image/png", Assert.Single(server.Requests).Headers["Accept"]);
    }

    [Theory]
    [InlineData("attachment; filename=\"report.pdf\"", "report.pdf")]
    [InlineData("attachment; filename=plain.bin", "plain.bin")]
    [InlineData("inline; filename=\"C:\\\\temp\\\\evil.exe\"", "evil.exe")]
    [InlineData("attachment; filename*=iso-8859-1'en'%E9t%E9.txt", "été.txt")]
    [InlineData("attachment; filename=\"..\"", null)]
    [InlineData("attachment", null)]
    public async Task The_file_name_is_the_dispositions_last_segment_decoded(string disposition, string? expected)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.Headers.ContentDisposition = disposition;
            await context.Response.Body.WriteAsync(new byte[] { 1 });
        });
        using WireClient client = Client(server.BaseAddress);

        using ApiFileResponse file = await client.Items.Image.ListAsync(1);

        Assert.Equal(expected, file.FileName);
    }

    [Fact]
    public async Task A_download_far_past_the_body_limit_is_read_as_it_arrives()
    {
        // 64 MiB against a 1 MiB body limit: the limit is for JSON. The server sends its first block, then waits until the
        // caller has read it: a client that buffered the body before returning would never return.
        const int Chunk = 64 * 1024, Chunks = 1024;
        byte[] block = RandomNumberGenerator.GetBytes(Chunk);
        var firstRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using RawServer server = RawServer.Start(async (_, stream, _) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {(long)Chunk * Chunks}\r\n\r\n"));
            await stream.WriteAsync(block);
            await stream.FlushAsync();
            await firstRead.Task.WaitAsync(TimeSpan.FromSeconds(30));
            for (int i = 1; i < Chunks; i++)
            {
                await stream.WriteAsync(block);
            }

            return false;
        });
        using WireClient client = Client(server.BaseAddress, maxBody: 1024 * 1024);
        using var expected = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (int i = 0; i < Chunks; i++)
        {
            expected.AppendData(block);
        }

        using ApiFileResponse file = await client.Items.Image.ListAsync(1).WaitAsync(TimeSpan.FromSeconds(10));
        var first = new byte[16];
        await file.Content.ReadExactlyAsync(first);
        firstRead.SetResult();
        var sink = new HashingSink();
        sink.Write(first);
        await file.CopyToAsync(sink);

        Assert.Equal((long)Chunk * Chunks, sink.Length);
        Assert.Equal(expected.GetHashAndReset(), sink.Hash());
        Assert.Equal((long)Chunk * Chunks, file.ContentLength);
    }

    [Fact]
    public async Task A_download_that_stalls_midway_ends_with_a_timeout_after_the_bytes_that_came()
    {
        await using RawServer server = RawServer.Start(async (_, stream, _) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 1000\r\n\r\n"));
            await stream.WriteAsync(new byte[100]);
            await Task.Delay(TimeSpan.FromSeconds(20));
            return false;
        });
        using WireClient client = Client(server.BaseAddress, timeout: TimeSpan.FromMilliseconds(700));

        using ApiFileResponse file = await client.Items.Image.ListAsync(1);
        var buffer = new byte[1000];
        int read = 0;
        var clock = Stopwatch.StartNew();
        ApiTimeoutException stalled = await Assert.ThrowsAsync<ApiTimeoutException>(async () =>
        {
            while (true)
            {
                int n = await file.Content.ReadAsync(buffer.AsMemory(read));
                read += n;
            }
        });

        Assert.Equal(100, read);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.5, 10);
        Assert.Equal(TimeSpan.FromMilliseconds(700), stalled.Timeout);
        Assert.Contains("no more of the body", stalled.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_that_keeps_trickling_is_not_cut_by_the_timeout()
    {
        // The timeout bounds each wait for more bytes, not the download: 12 pieces 200 ms apart outlast a 1.5 s timeout
        // (a margin of 7.5 for a machine busy with other test runs, which once stretched a 150 ms gap past 700 ms).
        await using RawServer server = RawServer.Start(async (_, stream, _) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 12\r\n\r\n"));
            for (int i = 0; i < 12; i++)
            {
                await Task.Delay(200);
                await stream.WriteAsync(new[] { (byte)i });
                await stream.FlushAsync();
            }

            return false;
        });
        using WireClient client = Client(server.BaseAddress, timeout: TimeSpan.FromMilliseconds(1500));

        using ApiFileResponse file = await client.Items.Image.ListAsync(1);
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);

        Assert.Equal(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, copy.ToArray());
    }

    [Fact]
    public async Task A_connection_dropped_midway_is_a_connection_exception()
    {
        await using RawServer server = RawServer.Start(async (_, stream, socket) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 1000\r\n\r\n"));
            await stream.WriteAsync(new byte[100]);
            await stream.FlushAsync();
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
            return false;
        });
        using WireClient client = Client(server.BaseAddress);

        using ApiFileResponse file = await client.Items.Image.ListAsync(1);
        ApiConnectionException broken = await Assert.ThrowsAsync<ApiConnectionException>(() => file.CopyToAsync(Stream.Null));

        Assert.Contains("127.0.0.1", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_read_stops_it_at_once()
    {
        await using RawServer server = RawServer.Start(async (_, stream, _) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 1000\r\n\r\n"));
            await Task.Delay(TimeSpan.FromSeconds(20));
            return false;
        });
        using WireClient client = Client(server.BaseAddress);
        using ApiFileResponse file = await client.Items.Image.ListAsync(1);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => file.CopyToAsync(Stream.Null, cancel.Token));

        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 5);
    }

    [Fact]
    public async Task An_error_status_is_the_typed_exception_with_its_body_and_a_disposed_response_refuses_reads()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, number) => number == 1
            ? LoopbackServer.Respond(context, 404, """{"message":"no image"}""")
            : LoopbackServer.Respond(context, 200, "png"));
        using WireClient client = Client(server.BaseAddress);

        ApiNotFoundException missing = await Assert.ThrowsAsync<ApiNotFoundException>(() => client.Items.Image.ListAsync(1));
        Assert.Equal("no image", missing.ErrorMessage);

        ApiFileResponse file = await client.Items.Image.ListAsync(2);
        file.Dispose();
        Assert.Throws<ObjectDisposedException>(() => file.Content.Read(new byte[1], 0, 1));
    }

    /// <summary>A stream that keeps only a running hash and a count of what is written to it.</summary>
    private sealed class HashingSink : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length { get => _length; }

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        private long _length;

        public byte[] Hash() => _hash.GetHashAndReset();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            _length += buffer.Length;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _hash.Dispose();
            base.Dispose(disposing);
        }
    }
}

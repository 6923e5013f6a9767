using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Scenario.Client.Tests;

/// <summary>
/// A misbehaving HTTP/1.1 server on 127.0.0.1 made of raw sockets: it reads each request's head and body, then lets the
/// test write any bytes it likes (a stall, a reset, a trickle, a huge body, broken headers). Keep-alive until the handler
/// returns false.
/// </summary>
internal sealed class RawServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RawRequest, Stream, Socket, Task<bool>> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _sockets = new();
    private readonly Task _loop;
    private int _requests;

    private RawServer(Func<RawRequest, Stream, Socket, Task<bool>> handler)
    {
        _handler = handler;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1/");
        _loop = Task.Run(AcceptAsync);
    }

    public Uri BaseAddress { get; }

    /// <summary>How many requests arrived (on every connection).</summary>
    public int Requests => Volatile.Read(ref _requests);

    public ConcurrentQueue<RawRequest> Received { get; } = new();

    /// <summary>Starts a server; <paramref name="handler"/> writes the response and returns whether to keep the connection.</summary>
    public static RawServer Start(Func<RawRequest, Stream, Socket, Task<bool>> handler) => new(handler);

    /// <summary>A server that writes <paramref name="response"/> (text, CRLF line ends as given) and closes.</summary>
    public static RawServer Answering(string response) => Start(async (_, stream, _) =>
    {
        byte[] bytes = Encoding.Latin1.GetBytes(response);
        await stream.WriteAsync(bytes);
        return false;
    });

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            lock (_sockets)
            {
                _sockets.Add(socket);
            }

            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                RawRequest? request = await ReadRequestAsync(stream);
                if (request is null)
                {
                    return;
                }

                Interlocked.Increment(ref _requests);
                Received.Enqueue(request);
                if (!await _handler(request, stream, socket))
                {
                    return;
                }
            }
        }
        catch (Exception)
        {
            // The client went away, or the handler reset the connection on purpose.
        }
    }

    private async Task<RawRequest?> ReadRequestAsync(Stream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        string[] lines = Encoding.Latin1.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines[1..])
        {
            int colon = line.IndexOf(':');
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }

        byte[] body = Array.Empty<byte>();
        if (headers.TryGetValue("Content-Length", out string? length) && int.Parse(length) is > 0 and var count)
        {
            body = new byte[count];
            await stream.ReadExactlyAsync(body, _stop.Token);
        }

        string[] requestLine = lines[0].Split(' ');
        return new RawRequest(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body));
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_sockets)
        {
            foreach (Socket socket in _sockets)
            {
                try
                {
                    socket.Dispose();
                }
                catch (Exception)
                {
                }
            }
        }

        try
        {
            await _loop;
        }
        catch (Exception)
        {
        }
    }
}

internal sealed record RawRequest(string Method, string Target, Dictionary<string, string> Headers, string Body);

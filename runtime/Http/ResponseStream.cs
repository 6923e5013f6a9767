using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Scenario.Runtime.Http;

/// <summary>
/// A streamed response body (<see cref="ApiFileResponse.Content"/>): the network stream read as the caller reads it, each
/// read given at most the call's timeout to return (an idle timeout: a download that keeps arriving is never cut), and
/// what a read throws made one of the documented exceptions (of the client's family). Disposing it releases the response and its connection.
/// </summary>
internal sealed class ResponseStream : Stream
{
    private readonly Stream _inner;
    private readonly HttpResponseMessage _response;
    private readonly TimeSpan _timeout;
    private readonly string _host;
    private readonly ApiExceptionFamily _family;
    private int _disposed;

    public ResponseStream(Stream inner, HttpResponseMessage response, TimeSpan timeout, string host, ApiExceptionFamily family)
    {
        _inner = inner;
        _response = response;
        _timeout = timeout;
        _host = host;
        _family = family;
    }

    public override bool CanRead => Volatile.Read(ref _disposed) == 0;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("A response body is read as it arrives; ApiFileResponse.ContentLength has its length when the server gave it.");

    public override long Position
    {
        get => throw new NotSupportedException("A response body is read as it arrives.");
        set => throw new NotSupportedException("A response body is read as it arrives.");
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadCoreAsync(token => new ValueTask<int>(_inner.ReadAsync(buffer, offset, count, token)), cancellationToken).AsTask();

#if NET8_0_OR_GREATER
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ReadCoreAsync(token => _inner.ReadAsync(buffer, token), cancellationToken);
#endif

    public override int Read(byte[] buffer, int offset, int count)
    {
        ThrowIfDisposed();

        // A synchronous read takes no token: closing the stream when the timeout fires ends a read that waits.
        using var idle = new CancellationTokenSource(_timeout);
        using CancellationTokenRegistration close = idle.Token.Register(static state => ((Stream)state!).Dispose(), _inner);
        try
        {
            return _inner.Read(buffer, offset, count);
        }
        catch (Exception failure) when (idle.IsCancellationRequested)
        {
            throw TimedOut(failure);
        }
        catch (Exception failure) when (IsConnectionFailure(failure))
        {
            throw Broken(failure);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A response body is read as it arrives.");

    public override void SetLength(long value) => throw new NotSupportedException("A response body is read only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A response body is read only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _inner.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<int> ReadCoreAsync(Func<CancellationToken, ValueTask<int>> read, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(_timeout);

        // Some platforms' response streams (.NET Framework's) ignore a read's token: closing the stream ends the read.
        using CancellationTokenRegistration close = idle.Token.Register(static state => ((Stream)state!).Dispose(), _inner);
        try
        {
            return await read(idle.Token).ConfigureAwait(false);
        }
        catch (Exception failure) when (cancellationToken.IsCancellationRequested)
        {
            throw failure as OperationCanceledException ?? new OperationCanceledException("The read was cancelled.", failure, cancellationToken);
        }
        catch (Exception failure) when (idle.IsCancellationRequested)
        {
            throw TimedOut(failure);
        }
        catch (Exception failure) when (IsConnectionFailure(failure))
        {
            throw Broken(failure);
        }
    }

    private static bool IsConnectionFailure(Exception failure) =>
        failure is IOException or HttpRequestException or ObjectDisposedException or System.Net.Sockets.SocketException;

    private ApiException TimedOut(Exception failure) =>
        ApiExceptionFactory.Timeout(_family, $"The API sent no more of the body for {_timeout.TotalSeconds:0.###} s; the download was stopped.", _timeout, failure);

    private ApiException Broken(Exception failure) =>
        ApiExceptionFactory.Connection(_family, $"The connection to {_host} broke before the body ended: {failure.Message}", failure);

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(ApiFileResponse), "The response was disposed.");
        }
    }
}

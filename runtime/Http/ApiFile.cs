using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Scenario.Runtime;
using Scenario.Runtime.Http;

namespace Scenario;

/// <summary>
/// A file to upload, as a body of its own (<c>application/octet-stream</c>, <c>image/png</c>, …) or a part of a form:
/// from a stream, a byte array or a path, with its file name and content type. Its bytes are streamed to the server,
/// never buffered whole. A byte array, a path or a stream that seeks is sent again by a retry (a stream from where it
/// stood when the file was made); a stream that does not seek is sent once, and its call is not retried.
/// </summary>
public sealed class ApiFile : ApiBody
{
    private readonly byte[]? _bytes;
    private readonly string? _path;
    private readonly Stream? _stream;
    private readonly long _start;
    private int _sent;

    private ApiFile(byte[]? bytes, string? path, Stream? stream, string? fileName, string? contentType)
    {
        _bytes = bytes;
        _path = path;
        _stream = stream;
        _start = stream is { CanSeek: true } ? stream.Position : 0;
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>The file's name, sent in its part's <c>Content-Disposition</c>; null sends none.</summary>
    public string? FileName { get; }

    /// <summary>The file's content type; null sends <c>application/octet-stream</c> (or the operation's media type for a whole body).</summary>
    public string? ContentType { get; }

    /// <inheritdoc />
    public override bool CanResend => _stream is null || _stream.CanSeek;

    /// <summary>The bytes of a stream, read from where it stands; the caller keeps it open until the call ends, and disposes it.</summary>
    public static ApiFile FromStream(Stream stream, string? fileName = null, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(stream));
        }

        return new ApiFile(null, null, stream, fileName, contentType);
    }

    /// <summary>The bytes of an array (not copied: do not change them before the call ends).</summary>
    public static ApiFile FromBytes(byte[] bytes, string? fileName = null, string? contentType = null) =>
        new(bytes ?? throw new ArgumentNullException(nameof(bytes)), null, null, fileName, contentType);

    /// <summary>The file at <paramref name="path"/>, opened for each attempt; its name is the file's unless <paramref name="fileName"/> says another.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    public static ApiFile FromPath(string path, string? contentType = null, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("There is no file to upload at '" + path + "'.", path);
        }

        return new ApiFile(null, path, null, fileName ?? Path.GetFileName(path), contentType);
    }

    internal override HttpContent CreateContent()
    {
        HttpContent content;
        if (_bytes is not null)
        {
            content = new ByteArrayContent(_bytes);
        }
        else if (_path is not null)
        {
            content = new StreamContent(new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true), 81920);
        }
        else if (_stream!.CanSeek)
        {
            _stream.Position = _start;
            content = new StreamContent(new KeptOpen(_stream), 81920);
        }
        else
        {
            if (Interlocked.Exchange(ref _sent, 1) != 0)
            {
                throw new InvalidOperationException("A file from a stream that does not seek can be sent once.");
            }

            content = new StreamContent(new KeptOpen(_stream), 81920);
        }

        content.Headers.ContentType = MediaTypeHeaderValue.TryParse(ContentType, out MediaTypeHeaderValue? type) ? type : null;
        return content;
    }

    /// <summary>The caller's stream, left open when the attempt's content is disposed: the caller owns it, and a retry reads it again.</summary>
    private sealed class KeptOpen : Stream
    {
        private readonly Stream _inner;

        public KeptOpen(Stream inner) => _inner = inner;

        public override bool CanRead => true;

        public override bool CanSeek => _inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => _inner.Length;

        public override long Position
        {
            get => _inner.Position;
            set => _inner.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);

#if NET8_0_OR_GREATER
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);
#endif

        public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Scenario.Runtime.Http;

/// <summary>
/// The lines of a stream as they arrive, as bytes: each ends at CR, LF or CR LF (the server-sent events specification's
/// rule, which also reads JSON lines), a UTF-8 byte order mark at the start is skipped, and a last line without an end
/// is a line. A line longer than the bound is a <see cref="LineTooLongException"/>, so memory stays bounded per line.
/// </summary>
internal sealed class LineReader : IDisposable
{
    private const int InitialSize = 16 * 1024;
    private const int MaxArrayLength = 0x7FFFFFC7;
    private readonly Stream _stream;
    private readonly long _maxLine;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _afterCr;
    private bool _atStart = true;

    public LineReader(Stream stream, long maxLine)
    {
        _stream = stream;
        _maxLine = maxLine;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    }

    /// <summary>
    /// The next line from what has arrived, without waiting: true with the line (null after the last) when it is
    /// known, false when more of the stream must be read first. What it gives is valid until the next call.
    /// </summary>
    public bool TryReadLine(out ReadOnlyMemory<byte>? line)
    {
        if (_atStart)
        {
            SkipByteOrderMark();
        }

        if (_atStart)
        {
            line = null;
            return _eof;
        }

        if (_afterCr && _start < _end)
        {
            // CR LF is one line end, though the two may arrive apart.
            if (_buffer[_start] == (byte)'\n')
            {
                _start++;
            }

            _afterCr = false;
        }

        int found = new ReadOnlySpan<byte>(_buffer, _start, _end - _start).IndexOfAny((byte)'\n', (byte)'\r');
        if (found >= 0)
        {
            int end = _start + found;
            line = new ReadOnlyMemory<byte>(_buffer, _start, found);
            _afterCr = _buffer[end] == (byte)'\r';
            _start = end + 1;
            return true;
        }

        if (_eof)
        {
            line = _start < _end ? new ReadOnlyMemory<byte>(_buffer, _start, _end - _start) : (ReadOnlyMemory<byte>?)null;
            _start = _end;
            return true;
        }

        line = null;
        return false;
    }

    /// <summary>Reads more of the stream until a line (or the end) is known: the next line once <see cref="TryReadLine"/> has said it must wait.</summary>
    /// <exception cref="LineTooLongException">The line is longer than the bound.</exception>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineSlowAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_end - _start >= _maxLine)
            {
                throw new LineTooLongException();
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
            if (TryReadLine(out ReadOnlyMemory<byte>? line))
            {
                return line;
            }
        }
    }

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = Array.Empty<byte>();
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void SkipByteOrderMark()
    {
        int have = _end - _start;
        bool prefix = (have < 1 || _buffer[_start] == 0xEF) && (have < 2 || _buffer[_start + 1] == 0xBB) && (have < 3 || _buffer[_start + 2] == 0xBF);
        if (have >= 3 || _eof || !prefix)
        {
            if (have >= 3 && prefix)
            {
                _start += 3;
            }

            _atStart = false;
        }
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            int size = (int)Math.Min(Math.Min((long)_buffer.Length * 2, _maxLine + 1), MaxArrayLength);
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(size, _buffer.Length + 1));
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        int read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _eof = true;
        }
        else
        {
            _end += read;
        }
    }
}

/// <summary>A line (an event, a JSON line) longer than the client's bound.</summary>
internal sealed class LineTooLongException : Exception
{
    public LineTooLongException()
        : base("A line of the stream is longer than the bound.")
    {
    }
}

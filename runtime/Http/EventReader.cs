using System;
using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Scenario.Runtime.Http;

/// <summary>
/// The events of a streamed response, one at a time as they arrive: server-sent events as the HTML standard interprets
/// an event stream (<c>event:</c>, <c>data:</c> lines joined, <c>id:</c>, <c>retry:</c>, comments, an event dispatched
/// at a blank line, an unfinished one dropped at the end), or JSON lines (each line a value; blank lines skipped, RS
/// record separators of <c>application/json-seq</c> ignored). Each event's data is read as <typeparamref name="T"/>.
/// Memory is bounded per event by the client's <c>MaxResponseBodyBytes</c>. What goes wrong is a documented exception:
/// an <c>error</c> event an <see cref="ApiEventStreamException"/>, data that is not a <typeparamref name="T"/> an
/// <see cref="ApiInvalidResponseException"/>, an event past the bound an <see cref="ApiResponseTooLargeException"/> (each
/// its <c>Scenario…</c> twin for the Scenario client: the client's <see cref="ApiExceptionFamily"/>).
/// </summary>
internal sealed class EventReader<T> : IDisposable
{
    /// <summary>The data that ends an event stream without being an event (OpenAI's and many others' convention).</summary>
    private static readonly byte[] Done = Encoding.ASCII.GetBytes("[DONE]");

    private readonly LineReader _lines;
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly ApiStreamFormat _format;
    private readonly long _maxEvent;
    private readonly HttpStatusCode _status;
    private readonly Func<string, string> _redact;
    private readonly ApiExceptionFamily _family;
    private byte[] _data = Array.Empty<byte>();
    private int _dataLength;
    private string? _eventType;
    private string? _lastId;
    private TimeSpan? _retry;
    private int _count;

    public EventReader(System.IO.Stream stream, JsonTypeInfo<T> typeInfo, ApiStreamFormat format, long maxEvent, HttpStatusCode status, Func<string, string> redact, ApiExceptionFamily family)
    {
        _lines = new LineReader(stream, maxEvent);
        _typeInfo = typeInfo;
        _format = format;
        _maxEvent = maxEvent;
        _status = status;
        _redact = redact;
        _family = family;
    }

    /// <summary>The next event; null at the end of the stream.</summary>
    /// <remarks>
    /// What has arrived is parsed without waiting; only a read of the stream is awaited. A cancelled call is cancelled
    /// before it looks at what is buffered: events that arrived before the caller cancelled are not delivered after.
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> is cancelled.</exception>
    public ValueTask<ApiEvent<T>?> NextAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            while (_lines.TryReadLine(out ReadOnlyMemory<byte>? line))
            {
                if (Take(line, out ApiEvent<T>? next))
                {
                    return new ValueTask<ApiEvent<T>?>(next);
                }
            }
        }
        catch (LineTooLongException)
        {
            throw TooLarge();
        }

        return NextSlowAsync(cancellationToken);
    }

    private async ValueTask<ApiEvent<T>?> NextSlowAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                ReadOnlyMemory<byte>? line = await _lines.ReadLineSlowAsync(cancellationToken).ConfigureAwait(false);
                do
                {
                    if (Take(line, out ApiEvent<T>? next))
                    {
                        return next;
                    }
                }
                while (_lines.TryReadLine(out line));
            }
        }
        catch (LineTooLongException)
        {
            throw TooLarge();
        }
    }

    /// <summary>
    /// Reads one line (null: the stream ended); true when that decides what <see cref="NextAsync"/> returns: an event,
    /// or null for the end (an unfinished event is dropped there) or for <c>[DONE]</c>.
    /// </summary>
    private bool Take(ReadOnlyMemory<byte>? line, out ApiEvent<T>? result)
    {
        result = null;
        if (line is not { } present)
        {
            return true;
        }

        ReadOnlySpan<byte> value = present.Span;
        if (_format == ApiStreamFormat.ServerSentEvents)
        {
            if (value.Length > 0)
            {
                ReadField(value);
                return false;
            }

            if (Dispatch() is { } dispatched)
            {
                result = dispatched.Done ? null : dispatched.Event;
                return true;
            }

            return false;
        }

        // JSON lines: a value per line; blank lines and JSON text sequences' record separators skipped.
        while (value.Length > 0 && value[0] is 0x1E or (byte)' ' or (byte)'\t')
        {
            value = value.Slice(1);
        }

        while (value.Length > 0 && value[value.Length - 1] is (byte)' ' or (byte)'\t')
        {
            value = value.Slice(0, value.Length - 1);
        }

        if (value.Length == 0)
        {
            return false;
        }

        result = new ApiEvent<T>("message", null, null, Read(value));
        return true;
    }

    public void Dispose()
    {
        _lines.Dispose();
        if (_data.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_data);
            _data = Array.Empty<byte>();
        }
    }

    private void ReadField(ReadOnlySpan<byte> line)
    {
        if (line[0] == (byte)':')
        {
            return;
        }

        int colon = line.IndexOf((byte)':');
        ReadOnlySpan<byte> field = colon < 0 ? line : line.Slice(0, colon);
        ReadOnlySpan<byte> value = colon < 0 ? ReadOnlySpan<byte>.Empty : line.Slice(colon + 1);
        if (value.Length > 0 && value[0] == (byte)' ')
        {
            value = value.Slice(1);
        }

        if (Is(field, "data"))
        {
            Append(value);
        }
        else if (Is(field, "event"))
        {
            _eventType = Utf8(value);
        }
        else if (Is(field, "id"))
        {
            if (value.IndexOf((byte)0) < 0)
            {
                _lastId = value.Length == 0 ? null : Utf8(value);
            }
        }
        else if (Is(field, "retry") && value.Length > 0 && IsDigits(value) && long.TryParse(Utf8(value), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long milliseconds))
        {
            _retry = TimeSpan.FromMilliseconds(milliseconds);
        }
    }

    /// <summary>The event a blank line ends: null when no data came (nothing is dispatched); Done for the <c>[DONE]</c> convention.</summary>
    private (ApiEvent<T>? Event, bool Done)? Dispatch()
    {
        string type = string.IsNullOrEmpty(_eventType) ? "message" : _eventType!;
        _eventType = null;
        if (_dataLength == 0)
        {
            return null;
        }

        // The data buffer ends with the LF its last line added.
        ReadOnlySpan<byte> data = new ReadOnlySpan<byte>(_data, 0, _dataLength - 1);
        _dataLength = 0;
        if (type == "error")
        {
            string text = _redact(Utf8(data));
            string? message = ApiErrorText.ExtractMessage(text);
            throw ApiExceptionFactory.EventStream(
                _family,
                "The API's event stream sent an error" + (message is null ? "." : ": " + ApiErrorText.Shorten(message) + (message.EndsWith(".", StringComparison.Ordinal) ? string.Empty : ".")),
                type,
                text,
                message);
        }

        if (data.SequenceEqual(Done))
        {
            return (null, true);
        }

        if (IsBlank(data))
        {
            // Data lines with nothing in them (a keep-alive): no value to read.
            return null;
        }

        return (new ApiEvent<T>(type, _lastId, _retry, Read(data)), false);
    }

    private T Read(ReadOnlySpan<byte> data)
    {
        _count++;
        try
        {
            return JsonSerializer.Deserialize(data, _typeInfo) ?? throw new JsonException("The data is null.");
        }
        catch (JsonException failure)
        {
            string text = Utf8(data.Length > 4096 ? data.Slice(0, 4096) : data);
            throw ApiExceptionFactory.InvalidResponse(
                _family,
                $"Event {_count} of the stream is not a valid {typeof(T).Name}: {_redact(failure.Message)}",
                _status,
                _redact(text) + (data.Length > 4096 ? "…" : string.Empty),
                failure);
        }
    }

    private void Append(ReadOnlySpan<byte> value)
    {
        long length = (long)_dataLength + value.Length + 1;
        if (length > _maxEvent)
        {
            throw TooLarge();
        }

        if (length > _data.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Max(length, Math.Min(Math.Max(_data.Length * 2L, 4096), _maxEvent)));
            Buffer.BlockCopy(_data, 0, larger, 0, _dataLength);
            if (_data.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_data);
            }

            _data = larger;
        }

        value.CopyTo(new Span<byte>(_data, _dataLength, value.Length));
        _dataLength += value.Length;
        _data[_dataLength++] = (byte)'\n';
    }

    private ApiException TooLarge() => ApiExceptionFactory.TooLarge(
        _family,
        $"An event of the stream is longer than the limit of {_maxEvent} bytes (MaxResponseBodyBytes); the client stopped reading it.",
        _status,
        _maxEvent);

    private static bool Is(ReadOnlySpan<byte> field, string name)
    {
        if (field.Length != name.Length)
        {
            return false;
        }

        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] != name[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBlank(ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }

    private static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}

using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Scenario.Runtime.Http;

/// <summary>
/// A response body, read from the network once into buffers rented from the shared pool and parsed where it lies: one
/// buffer sized to the announced length, else a chain of segments that grow as the body does and are never copied into
/// a bigger array. At most the limit plus one byte is read (enough to know the body is longer). Dispose returns the
/// buffers; nothing read from the body keeps a reference to them (strings are copies, <c>JsonElement</c>s own theirs).
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    /// <summary>The first segment when the length is not announced; each next one is twice the last, up to <see cref="MaxSegment"/>.</summary>
    internal const int FirstSegment = 16 * 1024;

    internal const int MaxSegment = 1024 * 1024;

    private Segment? _first;
    private Segment? _last;

    private ResponseBody()
    {
    }

    /// <summary>The bytes kept: the whole body, or, when it was longer than the limit, the limit's worth.</summary>
    public int Length { get; private set; }

    /// <summary>Whether the body was longer than the limit (it was not read to its end).</summary>
    public bool Exceeded { get; private set; }

    /// <summary>How many buffers hold the body (1 when its length was announced).</summary>
    internal int SegmentCount { get; private set; }

    /// <summary>Reads at most <paramref name="limit"/> + 1 bytes of <paramref name="stream"/>.</summary>
    public static async Task<ResponseBody> ReadAsync(Stream stream, long announced, long limit, int maxArrayLength, CancellationToken cancellationToken)
    {
        var body = new ResponseBody();
        long cap = Math.Min(limit, maxArrayLength - 1L) + 1;
        long total = 0;
        try
        {
            int size = (int)Math.Min(announced > 0 ? announced + 1 : FirstSegment, cap);
            while (true)
            {
                Segment segment = body.Append(size);
                while (segment.Count < segment.Capacity)
                {
                    int read = await stream.ReadAsync(segment.Array, segment.Count, segment.Capacity - segment.Count, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        body.Complete(total, cap);
                        return body;
                    }

                    segment.Count += read;
                    total += read;
                }

                if (total >= cap)
                {
                    body.Complete(total, cap);
                    return body;
                }

                size = (int)Math.Min(Math.Min(Math.Max((long)segment.Capacity * 2, FirstSegment), MaxSegment), cap - total);
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>Deserializes the body as System.Text.Json would from one span: the whole text must be one JSON value.</summary>
    public T? Deserialize<T>(JsonTypeInfo<T> typeInfo)
    {
        if (_first is null)
        {
            return JsonSerializer.Deserialize(ReadOnlySpan<byte>.Empty, typeInfo);
        }

        if (_first == _last)
        {
            return JsonSerializer.Deserialize(new ReadOnlySpan<byte>(_first.Array, 0, Length), typeInfo);
        }

        JsonSerializerOptions options = typeInfo.Options;
        var reader = new Utf8JsonReader(Sequence(), new JsonReaderOptions
        {
            AllowTrailingCommas = options.AllowTrailingCommas,
            CommentHandling = options.ReadCommentHandling,
            MaxDepth = options.MaxDepth,
        });
        T? value = JsonSerializer.Deserialize(ref reader, typeInfo);
        if (reader.Read())
        {
            throw new JsonException("The body has more than one JSON value.");
        }

        return value;
    }

    /// <summary>Deserializes the body as <paramref name="typeInfo"/>'s type (an error body's documented model).</summary>
    public object? Deserialize(JsonTypeInfo typeInfo) =>
        _first is null ? null : JsonSerializer.Deserialize(ToArray(), typeInfo);

    /// <summary>A copy of the bytes kept.</summary>
    public byte[] ToArray()
    {
        if (_first is null || Length == 0)
        {
            return Array.Empty<byte>();
        }

        return _first == _last ? new ReadOnlySpan<byte>(_first.Array, 0, Length).ToArray() : Sequence().ToArray();
    }

    /// <summary>The first <paramref name="maxBytes"/> bytes kept, as text (for messages and logs).</summary>
    public string Text(int maxBytes = int.MaxValue)
    {
        int wanted = Math.Min(maxBytes, Length);
        if (_first is null || wanted == 0)
        {
            return string.Empty;
        }

        if (wanted <= _first.Count)
        {
            return Encoding.UTF8.GetString(_first.Array, 0, wanted);
        }

        return Encoding.UTF8.GetString(Sequence().Slice(0, wanted).ToArray());
    }

    /// <summary>Returns the buffers to the pool; the body is empty afterwards.</summary>
    public void Dispose()
    {
        for (Segment? segment = _first; segment is not null; segment = (Segment?)segment.Next)
        {
            ArrayPool<byte>.Shared.Return(segment.Array);
        }

        _first = _last = null;
        Length = 0;
    }

    private Segment Append(int size)
    {
        var segment = new Segment(ArrayPool<byte>.Shared.Rent(size), size);
        if (_last is null)
        {
            _first = segment;
        }
        else
        {
            _last.SetNext(segment);
        }

        _last = segment;
        SegmentCount++;
        return segment;
    }

    private void Complete(long total, long cap)
    {
        Exceeded = total >= cap;
        Length = (int)Math.Min(total, cap - 1);
    }

    private ReadOnlySequence<byte> Sequence()
    {
        for (Segment? segment = _first; segment is not null; segment = (Segment?)segment.Next)
        {
            segment.Seal();
        }

        return new ReadOnlySequence<byte>(_first!, 0, _last!, _last!.Count).Slice(0, Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] array, int capacity)
        {
            Array = array;
            Capacity = capacity;
        }

        public byte[] Array { get; }

        public int Capacity { get; }

        public int Count { get; set; }

        public void Seal() => Memory = new ReadOnlyMemory<byte>(Array, 0, Count);

        public void SetNext(Segment next)
        {
            next.RunningIndex = RunningIndex + Count;
            Next = next;
        }
    }
}

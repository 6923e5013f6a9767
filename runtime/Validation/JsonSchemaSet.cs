using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Scenario.Runtime.Validation;

/// <summary>
/// The schema documents a generated context validates against (its own and those its references reach), compiled
/// once, when a validation first needs them; safe to use from many threads. Generated code holds one per context
/// (<c>{Context}.Schemas</c>); a type's <c>Validate()</c> and the context's <c>Validating</c> instance call it.
/// </summary>
public sealed class JsonSchemaSet
{
    [ThreadStatic]
    private static PooledBufferWriter? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly JsonSchemaDocument[] _documents;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _absolute = new(StringComparer.Ordinal);
    private SchemaEvaluator? _evaluator;

    /// <summary>Creates the set of <paramref name="documents"/>; nothing is parsed until the first validation.</summary>
    public JsonSchemaSet(params JsonSchemaDocument[] documents)
    {
        _documents = documents ?? throw new ArgumentNullException(nameof(documents));
    }

    /// <summary>The documents of the set.</summary>
    public IReadOnlyList<JsonSchemaDocument> Documents => _documents;

    private SchemaEvaluator Evaluator
    {
        get
        {
            SchemaEvaluator? evaluator = System.Threading.Volatile.Read(ref _evaluator);
            if (evaluator is null)
            {
                System.Threading.Interlocked.CompareExchange(ref _evaluator, new SchemaEvaluator(_documents), null);
                evaluator = _evaluator!;
            }

            return evaluator;
        }
    }

    /// <summary>
    /// Checks <paramref name="instance"/> against the schema at <paramref name="schemaLocation"/> (a document's URI, <c>#</c>
    /// and a JSON pointer; or only <c>#</c> and the pointer, a place in the set's first document) and returns every problem
    /// found, in the order the keywords were checked; an empty list when the value is valid.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="schemaLocation"/> is no schema of the set.</exception>
    public IReadOnlyList<JsonSchemaProblem> Validate(JsonElement instance, string schemaLocation, JsonValidationOptions? options = null)
    {
        if (schemaLocation is null)
        {
            throw new ArgumentNullException(nameof(schemaLocation));
        }

        return Evaluator.Validate(instance, Absolute(schemaLocation), options ?? JsonValidationOptions.Default);
    }

    /// <summary>
    /// Checks <paramref name="value"/> as it is written (with <paramref name="typeInfo"/>: a generated type writes back what
    /// it read, values kept as JSON included) against the schema at <paramref name="schemaLocation"/>.
    /// </summary>
    public IReadOnlyList<JsonSchemaProblem> Validate<T>(T value, JsonTypeInfo<T> typeInfo, string schemaLocation, JsonValidationOptions? options = null)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        // The buffer and the writer are the thread's, taken for the call (a value written while another is validated on the
        // same thread, by a converter, gets its own) and given back after it.
        PooledBufferWriter buffer = t_buffer ?? new PooledBufferWriter();
        t_buffer = null;
        Utf8JsonWriter? writer = t_writer;
        t_writer = null;
        try
        {
            if (writer is null)
            {
                writer = new Utf8JsonWriter(buffer);
            }
            else
            {
                writer.Reset(buffer);
            }

            JsonSerializer.Serialize(writer, value, typeInfo);
            writer.Flush();
            using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
            return Validate(document.RootElement, schemaLocation, options);
        }
        finally
        {
            writer?.Reset();
            buffer.Clear();
            t_buffer = buffer;
            t_writer = writer;
        }
    }

    /// <summary>A location as the evaluator takes it: a fragment (<c>#/…</c>) is one in the first document; each made once.</summary>
    private string Absolute(string schemaLocation)
    {
        if (schemaLocation.Length == 0 || schemaLocation[0] != '#' || _documents.Length == 0)
        {
            return schemaLocation;
        }

        if (!_absolute.TryGetValue(schemaLocation, out string? absolute))
        {
            absolute = _documents[0].Uri + schemaLocation;
            _absolute.TryAdd(schemaLocation, absolute);
        }

        return absolute;
    }

    /// <summary>An <see cref="IBufferWriter{T}"/> over an array rented from the shared pool, kept by its thread between validations.</summary>
    private sealed class PooledBufferWriter : IBufferWriter<byte>
    {
        /// <summary>A buffer larger than this goes back to the pool after its validation instead of staying with the thread.</summary>
        private const int KeptLength = 64 * 1024;

        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1024);
        private int _written;

        public ReadOnlyMemory<byte> WrittenMemory => new(_buffer, 0, _written);

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsSpan(_written);
        }

        /// <summary>Forgets what was written; a large array goes back to the pool.</summary>
        public void Clear()
        {
            _written = 0;
            if (_buffer.Length > KeptLength)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(1024);
            }
        }

        private void Ensure(int sizeHint)
        {
            int needed = _written + Math.Max(sizeHint, 1);
            if (needed <= _buffer.Length)
            {
                return;
            }

            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
            _buffer.AsSpan(0, _written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }
}

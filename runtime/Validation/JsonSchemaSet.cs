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
    private readonly JsonSchemaDocument[] _documents;
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

        string location = schemaLocation.Length > 0 && schemaLocation[0] == '#' && _documents.Length > 0 ? _documents[0].Uri + schemaLocation : schemaLocation;
        return Evaluator.Validate(instance, location, options ?? JsonValidationOptions.Default);
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

        var buffer = new PooledBufferWriter();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                JsonSerializer.Serialize(writer, value, typeInfo);
            }

            using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
            return Validate(document.RootElement, schemaLocation, options);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>An <see cref="IBufferWriter{T}"/> over arrays rented from the shared pool.</summary>
    private sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
    {
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

        public void Dispose()
        {
            byte[] buffer = _buffer;
            _buffer = Array.Empty<byte>();
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
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

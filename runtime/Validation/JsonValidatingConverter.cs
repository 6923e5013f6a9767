using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scenario.Runtime.Validation;

/// <summary>
/// A converter that checks a whole JSON document against its schema before another converter reads it, and throws
/// <see cref="JsonSchemaValidationException"/> when the document breaks it. A generated context's <c>Validating</c>
/// instance reads its types through one, so <c>JsonSerializer.Deserialize(json, {Context}.Validating.{Type})</c> reads
/// and checks in one call. Values nested in the document are checked as part of it, not again on their own; writing is
/// the inner converter's.
/// </summary>
/// <typeparam name="T">The type read.</typeparam>
public sealed class JsonValidatingConverter<T> : JsonConverter<T>
{
    private readonly JsonConverter<T> _inner;
    private readonly JsonSchemaSet _schemas;
    private readonly string _schemaLocation;
    private readonly JsonValidationOptions? _options;

    /// <summary>Wraps <paramref name="inner"/>, checking against the schema at <paramref name="schemaLocation"/> of <paramref name="schemas"/>.</summary>
    public JsonValidatingConverter(JsonConverter<T> inner, JsonSchemaSet schemas, string schemaLocation, JsonValidationOptions? options = null)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _schemas = schemas ?? throw new ArgumentNullException(nameof(schemas));
        _schemaLocation = schemaLocation ?? throw new ArgumentNullException(nameof(schemaLocation));
        _options = options;
    }

    /// <summary>
    /// True: a <c>null</c> document is checked too (a schema that allows no null refuses it). Where the inner converter
    /// does not handle null, this one reads and writes it as System.Text.Json would (<c>default</c>, and <c>null</c>).
    /// </summary>
    /// <remarks>System.Text.Json reads this in the base constructor, before any field is set: it cannot ask the inner converter.</remarks>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.CurrentDepth == 0)
        {
            Utf8JsonReader copy = reader;
            IReadOnlyList<JsonSchemaProblem> problems;
            using (JsonDocument document = JsonDocument.ParseValue(ref copy))
            {
                problems = _schemas.Validate(document.RootElement, _schemaLocation, _options);
            }

            if (problems.Count > 0)
            {
                throw new JsonSchemaValidationException(problems);
            }
        }

        if (reader.TokenType == JsonTokenType.Null && !_inner.HandleNull && default(T) is null)
        {
            return default;
        }

        return _inner.Read(ref reader, typeToConvert, options);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (value is null && !_inner.HandleNull)
        {
            writer.WriteNullValue();
            return;
        }

        _inner.Write(writer, value, options);
    }
}

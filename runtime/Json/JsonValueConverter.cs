using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scenario.Runtime.Json;

/// <summary>A <see cref="JsonConverter{T}"/> made of a generated reader and writer (enums, lists, maps; records too on netstandard2.0).</summary>
public sealed class JsonValueConverter<T> : JsonConverter<T>
{
    private readonly JsonValueReader<T> _read;
    private readonly JsonValueWriter<T> _write;

    /// <summary>Creates the converter.</summary>
    public JsonValueConverter(JsonValueReader<T> read, JsonValueWriter<T> write)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _write = write ?? throw new ArgumentNullException(nameof(write));
    }

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => _read(ref reader, options);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _write(writer, value, options);
}

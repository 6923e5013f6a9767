using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scenario.Runtime.Json;

/// <summary>The <see cref="JsonConverter{T}"/> of a generated record: it calls the record's own reader and writer.</summary>
public sealed class JsonModelConverter<T> : JsonConverter<T>
    where T : IJsonModel<T>
{
    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => T.ReadJson(ref reader, options);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => T.WriteJson(writer, value, options);
}

/// <summary>A <see cref="JsonConverter{T}"/> made of a generated reader and writer (enums, lists, maps).</summary>
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

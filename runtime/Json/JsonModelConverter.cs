#if NET7_0_OR_GREATER
using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scenario.Runtime.Json;

/// <summary>
/// The <see cref="JsonConverter{T}"/> of a generated record: it calls the record's own reader and writer through
/// <see cref="IJsonModel{TSelf}"/>'s static members. .NET 7 and later only: for the netstandard2.0 build, generated code
/// uses <see cref="JsonValueConverter{T}"/> over the same reader and writer.
/// </summary>
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
#endif

#if NET7_0_OR_GREATER
using System.Text.Json;

namespace Scenario.Runtime.Json;

/// <summary>
/// A generated record that reads and writes itself with <see cref="Utf8JsonReader"/> and <see cref="Utf8JsonWriter"/>.
/// Static abstract members need .NET 7 or later, so the netstandard2.0 build has no such interface; the generator then
/// emits records without it.
/// </summary>
/// <typeparam name="TSelf">The record type.</typeparam>
public interface IJsonModel<TSelf>
    where TSelf : IJsonModel<TSelf>
{
    /// <summary>Reads one value; the reader is on its first token and is left on its last.</summary>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>Writes one value.</summary>
    static abstract void WriteJson(Utf8JsonWriter writer, TSelf value, JsonSerializerOptions options);
}
#endif

using System.Text.Json;

namespace Scenario.Runtime.Json;

/// <summary>Reads one JSON value; the reader is on its first token and is left on its last.</summary>
public delegate T JsonValueReader<out T>(ref Utf8JsonReader reader, JsonSerializerOptions options);

/// <summary>Writes one JSON value.</summary>
public delegate void JsonValueWriter<in T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options);

using System;
using System.IO;
using System.Text.Json;

namespace Scenario.Runtime.Json;

/// <summary>Serializes a request body once, to UTF-8 bytes every attempt can send.</summary>
public static class JsonBody
{
    /// <summary>
    /// Writes <paramref name="value"/> with <paramref name="write"/> into a new byte array, escaping text with the encoder
    /// of <paramref name="options"/> (System.Text.Json's default when it has none).
    /// </summary>
    public static byte[] Serialize<T>(T value, JsonValueWriter<T> write, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(options);
        using var buffer = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder }))
        {
            write(writer, value, options);
        }

        return buffer.ToArray();
    }

    /// <summary>The JSON text of <paramref name="value"/> (a parameter sent as JSON), written with System.Text.Json's default escaping.</summary>
    public static string Text<T>(T value, JsonValueWriter<T> write) =>
        System.Text.Encoding.UTF8.GetString(Serialize(value, write, DefaultOptions));

    private static readonly JsonSerializerOptions DefaultOptions = new();
}

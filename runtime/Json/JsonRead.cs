using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Scenario.Runtime.Json;

/// <summary>
/// Readers of the JSON values generated records hold. Each takes the reader on the value's first token,
/// checks the token, and leaves the reader on the value's last token; a wrong token is a <see cref="JsonPathException"/>.
/// </summary>
public static class JsonRead
{
    /// <summary>Reads a string.</summary>
    public static string String(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Unexpected(ref reader, "a string");
        }

        return reader.GetString()!;
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool Boolean(ref Utf8JsonReader reader, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unexpected(ref reader, "true or false"),
    };

    /// <summary>Reads a number.</summary>
    public static double Double(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Unexpected(ref reader, "a number");
        }

        return reader.TryGetDouble(out double value) ? value : throw JsonPathException.Create("The number is out of the range of a double.");
    }

    /// <summary>Reads an integer that fits 32 bits.</summary>
    public static int Int32(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Unexpected(ref reader, "an integer");
        }

        return reader.TryGetInt32(out int value) ? value : throw JsonPathException.Create("Expected a 32-bit integer; the number has a fraction or is out of range.");
    }

    /// <summary>Reads an integer that fits 64 bits.</summary>
    public static long Int64(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Unexpected(ref reader, "an integer");
        }

        return reader.TryGetInt64(out long value) ? value : throw JsonPathException.Create("Expected a 64-bit integer; the number has a fraction or is out of range.");
    }

    /// <summary>Reads any JSON value, <c>null</c> included.</summary>
    public static JsonElement Element(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonElement.ParseValue(ref reader);

    /// <summary>Reads a string or a number, keeping which it was and the number's exact text.</summary>
    public static StringOrNumber StringOrNumber(ref Utf8JsonReader reader, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => Runtime.StringOrNumber.FromString(reader.GetString()!),
        JsonTokenType.Number => Runtime.StringOrNumber.FromJsonNumber(System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan)),
        _ => throw Unexpected(ref reader, "a string or a number"),
    };

    /// <summary>Reads an array whose items <paramref name="readItem"/> reads (and checks, null included); a failing item is located by its index.</summary>
    public static IReadOnlyList<T> List<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonValueReader<T> readItem)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, "an array");
        }

        var list = new List<T>();
        while (true)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            try
            {
                list.Add(readItem(ref reader, options));
            }
            catch (JsonException failure)
            {
                throw JsonPathException.InItem(failure, list.Count);
            }
        }
    }

    /// <summary>Reads an object used as a map from names to values <paramref name="readValue"/> reads.</summary>
    public static IReadOnlyDictionary<string, T> Map<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonValueReader<T> readValue)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object");
        }

        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (true)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return map;
            }

            string name = reader.GetString()!;
            reader.Read();
            try
            {
                map[name] = readValue(ref reader, options);
            }
            catch (JsonException failure)
            {
                throw JsonPathException.InProperty(failure, name);
            }
        }
    }

    /// <summary>Reads the value of a property no generated member holds, to keep it in the record's extension data.</summary>
    public static void Extension(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? extensionData, string name)
    {
        (extensionData ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
    }

    /// <summary>The failure for a token of the wrong kind.</summary>
    public static JsonPathException Unexpected(ref Utf8JsonReader reader, string expected) =>
        JsonPathException.Create($"Expected {expected} but found {Describe(reader.TokenType)}.");

    /// <summary>The failure for a null where the schema does not allow one.</summary>
    public static JsonPathException NullNotAllowed() => JsonPathException.Create("The value is null, which the schema does not allow here.");

    /// <summary>The failure for a required property the JSON object does not have; its path is the missing property's.</summary>
    public static JsonPathException MissingRequired(string typeName, string propertyName) =>
        JsonPathException.InProperty(JsonPathException.Create($"The JSON object has no '{propertyName}' property, which {typeName} requires."), propertyName);

    /// <summary>Places a failure under the property <paramref name="propertyName"/>.</summary>
    public static JsonPathException InProperty(JsonException failure, string propertyName) => JsonPathException.InProperty(failure, propertyName);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}

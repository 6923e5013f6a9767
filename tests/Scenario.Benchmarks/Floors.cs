using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Scenario.Benchmarks;

/// <summary>
/// What no reader can avoid: a <see cref="Utf8JsonReader"/> pass over the tokens, and the same pass that also allocates
/// one string per string value (what any model of the document holds).
/// </summary>
public static class Floors
{
    public static int Scan(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        int tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    public static int ScanAndStrings(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        int length = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                length += reader.GetString()!.Length;
            }
        }

        return length;
    }

    /// <summary>Writes a token that carries no text of its own: an object's or array's start or end, or a literal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteOther(Utf8JsonWriter writer, JsonTokenType type)
    {
        switch (type)
        {
            case JsonTokenType.StartObject: writer.WriteStartObject(); break;
            case JsonTokenType.EndObject: writer.WriteEndObject(); break;
            case JsonTokenType.StartArray: writer.WriteStartArray(); break;
            case JsonTokenType.EndArray: writer.WriteEndArray(); break;
            case JsonTokenType.True: writer.WriteBooleanValue(true); break;
            case JsonTokenType.False: writer.WriteBooleanValue(false); break;
            case JsonTokenType.Null: writer.WriteNullValue(); break;
        }
    }
}

/// <summary>One token of a JSON document, for the floor: what a writer must write, with nothing to decide.</summary>
public readonly record struct JsonToken(JsonTokenType Type, byte[]? Value)
{
    public static JsonToken[] ReadAll(byte[] json)
    {
        var tokens = new List<JsonToken>();
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            tokens.Add(new JsonToken(reader.TokenType, reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String or JsonTokenType.Number ? reader.ValueSpan.ToArray() : null));
        }

        return tokens.ToArray();
    }

    public static void WriteAll(Utf8JsonWriter writer, JsonToken[] tokens)
    {
        foreach (JsonToken token in tokens)
        {
            switch (token.Type)
            {
                case JsonTokenType.PropertyName: writer.WritePropertyName(token.Value!); break;
                case JsonTokenType.String: writer.WriteStringValue(token.Value!); break;
                case JsonTokenType.Number: writer.WriteRawValue(token.Value!, skipInputValidation: true); break;
                default: Floors.WriteOther(writer, token.Type); break;
            }
        }
    }
}

/// <summary>
/// One token of a JSON document as a model holds its value: a string value as a .NET string, a number as the
/// <see cref="long"/> it is when it is whole and fits, else a <see cref="double"/>. Written back, it is the writer floor
/// plus what any serializer of a model must also do: make UTF-8 of each string (checking it for characters to escape) and
/// digits of each number. Property names stay bytes, as in <see cref="JsonToken"/>: a serializer knows them ahead.
/// </summary>
public readonly record struct JsonValueToken(JsonTokenType Type, byte[]? Name, string? Text, long Integer, double Number)
{
    public static JsonValueToken[] ReadAll(byte[] json)
    {
        var tokens = new List<JsonValueToken>();
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            tokens.Add(reader.TokenType switch
            {
                JsonTokenType.PropertyName => new JsonValueToken(reader.TokenType, reader.ValueSpan.ToArray(), null, 0, 0),
                JsonTokenType.String => new JsonValueToken(reader.TokenType, null, reader.GetString(), 0, 0),
                JsonTokenType.Number when reader.TryGetInt64(out long integer) => new JsonValueToken(reader.TokenType, null, null, integer, double.NaN),
                JsonTokenType.Number => new JsonValueToken(reader.TokenType, null, null, 0, reader.GetDouble()),
                _ => new JsonValueToken(reader.TokenType, null, null, 0, 0),
            });
        }

        return tokens.ToArray();
    }

    public static void WriteAll(Utf8JsonWriter writer, JsonValueToken[] tokens)
    {
        foreach (JsonValueToken token in tokens)
        {
            switch (token.Type)
            {
                case JsonTokenType.PropertyName: writer.WritePropertyName(token.Name!); break;
                case JsonTokenType.String: writer.WriteStringValue(token.Text!); break;
                case JsonTokenType.Number when double.IsNaN(token.Number): writer.WriteNumberValue(token.Integer); break;
                case JsonTokenType.Number: writer.WriteNumberValue(token.Number); break;
                default: Floors.WriteOther(writer, token.Type); break;
            }
        }
    }
}

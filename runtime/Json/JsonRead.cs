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

    /// <summary>
    /// Reads a string that is most often <paramref name="expected"/> (a constant of the schema): that instance when the
    /// value is it, written plainly (ASCII, unescaped), so nothing is allocated; else a new string.
    /// </summary>
    public static string String(ref Utf8JsonReader reader, JsonSerializerOptions options, string expected)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            ReadOnlySpan<byte> value = reader.ValueSpan;
            if (value.Length == expected.Length && EqualsAscii(value, expected))
            {
                return expected;
            }
        }

        return String(ref reader, options);
    }

    /// <summary>Whether the UTF-8 bytes are ASCII and the same characters as <paramref name="expected"/> (of the same length).</summary>
    private static bool EqualsAscii(ReadOnlySpan<byte> value, string expected)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] >= 0x80 || value[i] != expected[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool Boolean(ref Utf8JsonReader reader, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unexpected(ref reader, "true or false"),
    };

    /// <summary>
    /// Reads a number. A whole number of up to 15 digits (most numbers of a document: <c>0</c>, <c>1024</c>) is summed up
    /// from its digits, which gives the same double as the parser (every such number is exactly a double; <c>-0</c> is
    /// negative zero); any other number goes to the parser.
    /// </summary>
    public static double Double(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Unexpected(ref reader, "a number");
        }

        if (!reader.HasValueSequence && TryWholeDouble(reader.ValueSpan, out double whole))
        {
            return whole;
        }

        return reader.TryGetDouble(out double value) ? value : throw JsonPathException.Create("The number is out of the range of a double.");
    }

    private static bool TryWholeDouble(ReadOnlySpan<byte> text, out double value)
    {
        int start = text.Length > 0 && text[0] == (byte)'-' ? 1 : 0;
        if (text.Length == start || text.Length - start > 15)
        {
            value = 0;
            return false;
        }

        ulong sum = 0;
        for (int i = start; i < text.Length; i++)
        {
            uint digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                value = 0;
                return false;
            }

            sum = (sum * 10) + digit;
        }

        value = start == 0 ? sum : -(double)sum;
        return true;
    }

    /// <summary>Reads an integer that fits 32 bits, however written (<c>3</c>, <c>3.0</c> and <c>3e0</c> are one integer to JSON Schema).</summary>
    public static int Int32(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Unexpected(ref reader, "an integer");
        }

        return reader.TryGetInt32(out int value) ? value
            : TryGetWholeNumber(ref reader, out long whole) && whole is >= int.MinValue and <= int.MaxValue ? (int)whole
            : throw JsonPathException.Create("Expected a 32-bit integer; the number has a fraction or is out of range.");
    }

    /// <summary>Reads an integer that fits 64 bits, however written (<c>3</c>, <c>3.0</c> and <c>3e0</c> are one integer to JSON Schema).</summary>
    public static long Int64(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Unexpected(ref reader, "an integer");
        }

        return reader.TryGetInt64(out long value) || TryGetWholeNumber(ref reader, out value) ? value : throw JsonPathException.Create("Expected a 64-bit integer; the number has a fraction or is out of range.");
    }

    /// <summary>
    /// Reads the number the reader is on as a whole number when it is one, however written (<c>3</c>, <c>3.0</c>, <c>3e0</c>
    /// are the same number to JSON Schema); false for a fraction or a number out of the range of a <c>long</c>.
    /// </summary>
    public static bool TryGetWholeNumber(ref Utf8JsonReader reader, out long value)
    {
        if (reader.TryGetInt64(out value))
        {
            return true;
        }

        if (reader.TryGetDecimal(out decimal number) && number == decimal.Truncate(number) && number >= long.MinValue && number <= long.MaxValue)
        {
            value = (long)number;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The JSON text of the number the reader is on, exactly as written (<c>1.50</c>, <c>1e3</c>).</summary>
    public static string NumberText(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Unexpected(ref reader, "a number");
        }

        return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
    }

    /// <summary>The JSON text of the string, number or literal the reader is on (a string keeps its quotes and escapes).</summary>
    public static string ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => NumberText(ref reader),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.String => JsonElement.ParseValue(ref reader).GetRawText(),
        _ => throw Unexpected(ref reader, "a string, a number or a boolean"),
    };

    /// <summary>
    /// Reads any JSON value, <c>null</c> included. The values free-form properties most often hold, <c>{}</c>, <c>[]</c>,
    /// <c>true</c>, <c>false</c> and <c>null</c> written without whitespace, are elements parsed once and shared (an element
    /// is immutable, so no holder can tell); any other value is parsed into a document of its own.
    /// </summary>
    public static JsonElement Element(ref Utf8JsonReader reader, JsonSerializerOptions options) => AnyValue(ref reader);

    private static JsonElement AnyValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                Utf8JsonReader ahead = reader;
                if (ahead.Read()
                    && ahead.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray
                    && ahead.TokenStartIndex == reader.TokenStartIndex + 1)
                {
                    reader = ahead;
                    return reader.TokenType == JsonTokenType.EndObject ? SharedElements.EmptyObject : SharedElements.EmptyArray;
                }

                break;
            case JsonTokenType.True:
                return SharedElements.True;
            case JsonTokenType.False:
                return SharedElements.False;
            case JsonTokenType.Null:
                return SharedElements.Null;
        }

        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>The elements <see cref="AnyValue"/> shares, each in a document that is never disposed.</summary>
    private static class SharedElements
    {
        public static readonly JsonElement EmptyObject = Parse("{}");
        public static readonly JsonElement EmptyArray = Parse("[]");
        public static readonly JsonElement True = Parse("true");
        public static readonly JsonElement False = Parse("false");
        public static readonly JsonElement Null = Parse("null");

        private static JsonElement Parse(string json)
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
            reader.Read();
            return JsonElement.ParseValue(ref reader);
        }
    }

    /// <summary>Reads a string or a number, keeping which it was and the number's exact text.</summary>
    public static StringOrNumber StringOrNumber(ref Utf8JsonReader reader, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => Runtime.StringOrNumber.FromString(reader.GetString()!),
        JsonTokenType.Number => Runtime.StringOrNumber.FromJsonNumber(NumberText(ref reader)),
        _ => throw Unexpected(ref reader, "a string or a number"),
    };

    /// <summary>
    /// Reads an array whose items <paramref name="readItem"/> reads (and checks, null included); a failing item is located by
    /// its index. The list is an array of the exact size: up to three items are kept as they come (most arrays of a document
    /// are that short); more gather in a pooled buffer first, so no list grows and no larger array is left behind.
    /// </summary>
    public static IReadOnlyList<T> List<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonValueReader<T> readItem)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, "an array");
        }

        reader.Read();
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return Array.Empty<T>();
        }

        T first = Item(ref reader, options, readItem, 0);
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return new[] { first };
        }

        T second = Item(ref reader, options, readItem, 1);
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return new[] { first, second };
        }

        T third = Item(ref reader, options, readItem, 2);
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return new[] { first, second, third };
        }

        T[] buffer = System.Buffers.ArrayPool<T>.Shared.Rent(16);
        buffer[0] = first;
        buffer[1] = second;
        buffer[2] = third;
        int count = 3;
        do
        {
            if (count == buffer.Length)
            {
                T[] larger = System.Buffers.ArrayPool<T>.Shared.Rent(count * 2);
                Array.Copy(buffer, larger, count);
                Return(buffer, count);
                buffer = larger;
            }

            buffer[count] = Item(ref reader, options, readItem, count);
            count++;
            reader.Read();
        }
        while (reader.TokenType != JsonTokenType.EndArray);

        var items = new T[count];
        Array.Copy(buffer, items, count);
        Return(buffer, count);
        return items;
    }

    private static T Item<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonValueReader<T> readItem, int index)
    {
        try
        {
            return readItem(ref reader, options);
        }
        catch (JsonException failure)
        {
            throw JsonPathException.InItem(failure, index);
        }
    }

    /// <summary>Gives a buffer back to the pool, cleared first so the pool holds no item alive.</summary>
    private static void Return<T>(T[] buffer, int count)
    {
        Array.Clear(buffer, 0, count);
        System.Buffers.ArrayPool<T>.Shared.Return(buffer);
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
        (extensionData ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = AnyValue(ref reader);
    }

    /// <summary>
    /// Whether the object the reader is on has every property of <paramref name="required"/> and, when
    /// <paramref name="allowed"/> is given, no other. Reads ahead on a copy: the caller's reader does not move.
    /// </summary>
    public static bool HasProperties(Utf8JsonReader reader, string[] required, string[]? allowed)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        Span<bool> present = required.Length <= 64 ? stackalloc bool[required.Length] : new bool[required.Length];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (allowed is not null && IndexOf(ref reader, allowed) < 0)
            {
                return false;
            }

            if (IndexOf(ref reader, required) is int index and >= 0)
            {
                present[index] = true;
            }

            if (!reader.Read() || !reader.TrySkip())
            {
                return false;
            }
        }

        return present.IndexOf(false) < 0;
    }

    /// <summary>
    /// The index in <paramref name="names"/> of the string or property name the reader is on, compared unescaped, or -1.
    /// Generated matchers compare plain text byte by byte and leave this to text that is escaped or split across buffers.
    /// </summary>
    public static int IndexOf(ref Utf8JsonReader reader, string[] names)
    {
        for (int i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// How long a schema's <c>patternProperties</c> pattern may run on one property name: a name from a hostile server
    /// cannot make a pattern backtrack for long. A name that takes longer matches no pattern (it is kept in ExtensionData).
    /// </summary>
    public static TimeSpan PatternTimeout { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Whether <paramref name="name"/> matches <paramref name="pattern"/>; false when the match times out.</summary>
    public static bool Matches(System.Text.RegularExpressions.Regex pattern, string name)
    {
        try
        {
            return pattern.IsMatch(name);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>The failure for a token of the wrong kind.</summary>
    public static JsonPathException Unexpected(ref Utf8JsonReader reader, string expected) =>
        JsonPathException.Create($"Expected {expected} but found {Describe(reader.TokenType)}.");

    /// <summary>The failure for a null where the schema does not allow one.</summary>
    public static JsonPathException NullNotAllowed() => JsonPathException.Create("The value is null, which the schema does not allow here.");

    /// <summary>The failure for a required property the JSON object does not have; its path is the missing property's.</summary>
    public static JsonPathException MissingRequired(string typeName, string propertyName) =>
        JsonPathException.InProperty(JsonPathException.Create($"The JSON object has no '{propertyName}' property, which {typeName} requires."), propertyName);

    /// <summary>The failure for a tuple whose JSON array has fewer items than the schema requires.</summary>
    public static JsonPathException TooFewItems(string typeName, int required, int count) =>
        JsonPathException.Create($"The JSON array has {count} item(s), but {typeName} requires {required}.");

    /// <summary>Places a failure under the item at <paramref name="index"/>.</summary>
    public static JsonPathException InItem(JsonException failure, int index) => JsonPathException.InItem(failure, index);

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

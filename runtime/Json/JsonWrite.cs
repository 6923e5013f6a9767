using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Scenario.Runtime.Json;

/// <summary>Writers of the JSON values generated records hold; the counterparts of <see cref="JsonRead"/>.</summary>
public static class JsonWrite
{
    /// <summary>Writes a string.</summary>
    public static void String(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    public static void Boolean(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);

    /// <summary>Writes a number.</summary>
    public static void Double(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => Number(writer, value);

    /// <summary>
    /// Writes a number, the same text <see cref="Utf8JsonWriter.WriteNumberValue(double)"/> writes; a whole number below
    /// 10^15 (the range where that text has neither fraction nor exponent) is formatted as an integer, which is several
    /// times faster than the shortest round-trip formatting of a double.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Number(Utf8JsonWriter writer, double value)
    {
        if (IsSmallWhole(value, out long whole))
        {
            writer.WriteNumberValue(whole);
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }

    /// <summary>Writes a property whose value is a number; see <see cref="Number(Utf8JsonWriter, double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Number(Utf8JsonWriter writer, JsonEncodedText name, double value)
    {
        if (IsSmallWhole(value, out long whole))
        {
            writer.WriteNumber(name, whole);
        }
        else
        {
            writer.WriteNumber(name, value);
        }
    }

    /// <summary>Writes a property whose value is a number, its name escaped by the writer's encoder; see <see cref="Number(Utf8JsonWriter, double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Number(Utf8JsonWriter writer, string name, double value)
    {
        if (IsSmallWhole(value, out long whole))
        {
            writer.WriteNumber(name, whole);
        }
        else
        {
            writer.WriteNumber(name, value);
        }
    }

    /// <summary>
    /// Whether <paramref name="value"/> is a whole number whose shortest round-trip text is its integer digits: less than
    /// 10^15 in magnitude (from there on it is written with an exponent, <c>1E+15</c>), and not negative zero (<c>-0</c>).
    /// NaN and the infinities fail the range test.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSmallWhole(double value, out long whole)
    {
        if (value > -1e15 && value < 1e15)
        {
            whole = (long)value;
            return whole == value && (whole != 0 || BitConverter.DoubleToInt64Bits(value) == 0);
        }

        whole = 0;
        return false;
    }

    /// <summary>Writes an integer.</summary>
    public static void Int32(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>Writes an integer.</summary>
    public static void Int64(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>Writes any JSON value.</summary>
    public static void Element(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);

    /// <summary>Writes a string or a number in the form it has.</summary>
    public static void StringOrNumber(Utf8JsonWriter writer, StringOrNumber value, JsonSerializerOptions options)
    {
        if (value.IsNumber)
        {
            writer.WriteRawValue(value.Text, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(value.Text);
        }
    }

    /// <summary>Writes a value given as JSON text (an enum's number or mixed value, as read or as given to <c>OpenEnum.FromWireValue</c>).</summary>
    /// <exception cref="JsonException"><paramref name="json"/> is not one JSON value.</exception>
    public static void JsonText(Utf8JsonWriter writer, string json)
    {
        try
        {
            writer.WriteRawValue(json);
        }
        catch (ArgumentException failure)
        {
            throw new JsonException($"'{json}' is not a JSON value, so it cannot be written as one.", failure);
        }
    }

    /// <summary>Writes an array.</summary>
    public static void List<T>(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options, JsonValueWriter<T> writeItem)
    {
        writer.WriteStartArray();
        Items(writer, value, options, writeItem);
    }

    /// <summary>Writes a property whose value is an array: its name and the array's start in one call of the writer, then the items.</summary>
    public static void List<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T> value, JsonSerializerOptions options, JsonValueWriter<T> writeItem)
    {
        writer.WriteStartArray(name);
        Items(writer, value, options, writeItem);
    }

    /// <summary>The items of an array and its end.</summary>
    private static void Items<T>(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options, JsonValueWriter<T> writeItem)
    {
        if (value is T[] array)
        {
            // What the readers make: its items are read directly, not through an interface dispatch per item.
            for (int i = 0; i < array.Length; i++)
            {
                writeItem(writer, array[i] ?? throw NullItem(i), options);
            }
        }
        else if (value is List<T> list)
        {
            // What code most often makes.
            for (int i = 0; i < list.Count; i++)
            {
                writeItem(writer, list[i] ?? throw NullItem(i), options);
            }
        }
        else
        {
            for (int i = 0; i < value.Count; i++)
            {
                writeItem(writer, value[i] ?? throw NullItem(i), options);
            }
        }

        writer.WriteEndArray();
    }

    private static JsonException NullItem(int index) => new($"Item {index} of the list is null, which the schema does not allow.");

    /// <summary>Writes an array whose items may be null (the schema allows it); <paramref name="writeItem"/> writes nulls too.</summary>
    public static void ListWithNulls<T>(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options, JsonValueWriter<T> writeItem)
    {
        writer.WriteStartArray();
        for (int i = 0; i < value.Count; i++)
        {
            writeItem(writer, value[i], options);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes an object used as a map.</summary>
    public static void Map<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> value, JsonSerializerOptions options, JsonValueWriter<T> writeValue)
    {
        writer.WriteStartObject();
        Entries(writer, value, options, writeValue);
        writer.WriteEndObject();
    }

    /// <summary>Writes the entries of a record's typed map as properties of the object being written (none when it is null).</summary>
    public static void Properties<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T>? value, JsonSerializerOptions options, JsonValueWriter<T> writeValue)
    {
        if (value is not null)
        {
            Entries(writer, value, options, writeValue);
        }
    }

    /// <summary>
    /// Each entry as a property. A <see cref="Dictionary{TKey, TValue}"/> (what the readers make) is enumerated by its
    /// struct enumerator, so nothing is allocated; another dictionary through the interface.
    /// </summary>
    private static void Entries<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> value, JsonSerializerOptions options, JsonValueWriter<T> writeValue)
    {
        if (value is Dictionary<string, T> dictionary)
        {
            foreach (KeyValuePair<string, T> pair in dictionary)
            {
                writer.WritePropertyName(pair.Key);
                writeValue(writer, pair.Value, options);
            }

            return;
        }

        foreach (KeyValuePair<string, T> pair in value)
        {
            writer.WritePropertyName(pair.Key);
            writeValue(writer, pair.Value, options);
        }
    }

    /// <summary>Returns <paramref name="value"/>, or fails when a property the schema requires was left null.</summary>
    public static T Required<T>(T? value, string typeName, string propertyName)
        where T : class =>
        value ?? throw new JsonException($"{typeName}.{propertyName} is null, but the schema requires a value.");

    /// <summary>Writes the properties a record kept because no generated member holds them.</summary>
    public static void Extension(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement>? extensionData)
    {
        if (extensionData is null)
        {
            return;
        }

        if (extensionData is Dictionary<string, JsonElement> dictionary)
        {
            foreach (KeyValuePair<string, JsonElement> pair in dictionary)
            {
                writer.WritePropertyName(pair.Key);
                pair.Value.WriteTo(writer);
            }

            return;
        }

        foreach (KeyValuePair<string, JsonElement> pair in extensionData)
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }
    }
}

using System;
using System.Collections.Generic;
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
    public static void Double(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

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
        for (int i = 0; i < value.Count; i++)
        {
            T item = value[i];
            if (item is null)
            {
                throw new JsonException($"Item {i} of the list is null, which the schema does not allow.");
            }

            writeItem(writer, item, options);
        }

        writer.WriteEndArray();
    }

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
        foreach (KeyValuePair<string, T> pair in value)
        {
            writer.WritePropertyName(pair.Key);
            writeValue(writer, pair.Value, options);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the entries of a record's typed map as properties of the object being written (none when it is null).</summary>
    public static void Properties<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T>? value, JsonSerializerOptions options, JsonValueWriter<T> writeValue)
    {
        if (value is null)
        {
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

        foreach (KeyValuePair<string, JsonElement> pair in extensionData)
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }
    }
}

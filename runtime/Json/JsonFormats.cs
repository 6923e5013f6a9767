using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Scenario.Runtime.Json;

/// <summary>
/// Readers and writers of the values a schema's <c>format</c> types when a schema file opts in (<c>Formats="true"</c>):
/// <c>date-time</c> as <see cref="DateTimeOffset"/>, <c>date</c> as <c>DateOnly</c>, <c>time</c> as <c>TimeOnly</c>,
/// <c>uuid</c> as <see cref="System.Guid"/>, <c>uri</c> as <see cref="System.Uri"/>, <c>duration</c> as
/// <see cref="TimeSpan"/>, decimal numbers as <see cref="decimal"/>. Parsing is invariant and reflection-free; a value that
/// does not parse is a <see cref="JsonException"/> with its path. Generated code keeps the JSON text each value was read
/// from (<see cref="RawText"/>) and writes that text back while the value is unchanged, so a round trip is exact.
/// </summary>
public static class JsonFormats
{
    /// <summary>The JSON text of the token the reader is on, exactly as written: a string with its quotes and escapes, a number, a literal.</summary>
    public static string RawText(ref Utf8JsonReader reader)
    {
        string value = Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
        return reader.TokenType switch
        {
            JsonTokenType.String => "\"" + value + "\"",
            JsonTokenType.Null => "null",
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => value,
        };
    }

    /// <summary>Writes <paramref name="raw"/>, JSON text this library read, as it was.</summary>
    public static void WriteRaw(Utf8JsonWriter writer, string raw) => writer.WriteRawValue(raw, skipInputValidation: true);

    /// <summary>Reads an RFC 3339 <c>date-time</c>.</summary>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonRead.Unexpected(ref reader, "a date-time string");
        }

        if (reader.TryGetDateTimeOffset(out DateTimeOffset value)
            || DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value))
        {
            return value;
        }

        throw Invalid(ref reader, "a date-time (RFC 3339, as 2023-02-03T11:19:41.579Z)");
    }

    /// <summary>Writes a <c>date-time</c>: seconds, the fraction's digits that are not zero, and <c>Z</c> or the offset.</summary>
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(Text(value));

    /// <summary>The <c>date-time</c> text of <paramref name="value"/> (<c>2023-02-03T11:19:41.579Z</c>, <c>2023-02-03T12:19:41+01:00</c>).</summary>
    public static string Text(DateTimeOffset value) =>
        value.ToString(value.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

#if NET6_0_OR_GREATER
    /// <summary>Reads an RFC 3339 <c>full-date</c> (<c>2023-02-03</c>).</summary>
    public static DateOnly ReadDateOnly(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonRead.Unexpected(ref reader, "a date string");
        }

        return DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly value)
            ? value
            : throw Invalid(ref reader, "a date (yyyy-MM-dd)");
    }

    /// <summary>Writes a <c>date</c>.</summary>
    public static void WriteDateOnly(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) => writer.WriteStringValue(Text(value));

    /// <summary>The <c>date</c> text of <paramref name="value"/>.</summary>
    public static string Text(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads an RFC 3339 <c>full-time</c> (<c>14:30:00</c>, <c>14:30:00.5Z</c>, <c>14:30:00+02:00</c>): the time of day, its
    /// offset set aside (a <c>TimeOnly</c> has none; the text read, offset included, is what is written back).
    /// </summary>
    public static TimeOnly ReadTimeOnly(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonRead.Unexpected(ref reader, "a time string");
        }

        string text = reader.GetString()!;
        int end = text.Length;
        if (end > 0 && (text[end - 1] is 'Z' or 'z'))
        {
            end--;
        }
        else if (end >= 6 && (text[end - 6] is '+' or '-') && text[end - 3] == ':')
        {
            end -= 6;
        }

        return TimeOnly.TryParseExact(text.Substring(0, end), new[] { "HH:mm:ss", "HH:mm:ss.FFFFFFF" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly value)
            ? value
            : throw Invalid(ref reader, "a time (HH:mm:ss, with an optional fraction and offset)");
    }

    /// <summary>Writes a <c>time</c> made in code (no offset: a <c>TimeOnly</c> has none).</summary>
    public static void WriteTimeOnly(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) => writer.WriteStringValue(Text(value));

    /// <summary>The <c>time</c> text of <paramref name="value"/> (<c>14:30:00</c>, <c>14:30:00.25</c>).</summary>
    public static string Text(TimeOnly value) => value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
#endif

    /// <summary>Reads a <c>uuid</c> (<c>8-4-4-4-12</c> hexadecimal digits).</summary>
    public static Guid ReadGuid(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonRead.Unexpected(ref reader, "a uuid string");
        }

        return Guid.TryParseExact(reader.GetString(), "D", out Guid value) ? value : throw Invalid(ref reader, "a uuid (8-4-4-4-12 hexadecimal digits)");
    }

    /// <summary>Writes a <c>uuid</c> in lower case.</summary>
    public static void WriteGuid(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options) => writer.WriteStringValue(Text(value));

    /// <summary>The <c>uuid</c> text of <paramref name="value"/>.</summary>
    public static string Text(Guid value) => value.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>Reads a <c>uri</c> or <c>uri-reference</c>: the <see cref="System.Uri"/> keeps the text as written (<see cref="System.Uri.OriginalString"/>).</summary>
    public static Uri ReadUri(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonRead.Unexpected(ref reader, "a URI string");
        }

        return Uri.TryCreate(reader.GetString(), UriKind.RelativeOrAbsolute, out Uri? value) ? value : throw Invalid(ref reader, "a URI");
    }

    /// <summary>Writes a <c>uri</c> as its text as given.</summary>
    public static void WriteUri(Utf8JsonWriter writer, Uri value, JsonSerializerOptions options) => writer.WriteStringValue(Text(value));

    /// <summary>The text of <paramref name="value"/> as given (<see cref="System.Uri.OriginalString"/>).</summary>
    public static string Text(Uri value) => (value ?? throw new ArgumentNullException(nameof(value))).OriginalString;

    /// <summary>
    /// Reads an ISO 8601 <c>duration</c> of weeks, days, hours, minutes and seconds (<c>P1W</c>, <c>P3DT4H</c>,
    /// <c>PT0.5S</c>); one of years or months, whose length depends on the calendar, is no <see cref="TimeSpan"/> and fails.
    /// </summary>
    public static TimeSpan ReadTimeSpan(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonRead.Unexpected(ref reader, "a duration string");
        }

        return TryParseDuration(reader.GetString()!, out TimeSpan value)
            ? value
            : throw Invalid(ref reader, "a duration of weeks, days, hours, minutes and seconds (ISO 8601, as P3DT4H30M; years and months are not TimeSpans)");
    }

    /// <summary>Writes a <c>duration</c> (<c>P3DT4H30M</c>, <c>PT0.5S</c>, <c>PT0S</c>).</summary>
    public static void WriteTimeSpan(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) => writer.WriteStringValue(Text(value));

    /// <summary>The ISO 8601 <c>duration</c> text of <paramref name="value"/>; a negative one starts with <c>-</c>.</summary>
    public static string Text(TimeSpan value)
    {
        var text = new StringBuilder(value < TimeSpan.Zero ? "-P" : "P");
        long ticks = Math.Abs(value.Ticks == long.MinValue ? long.MaxValue : value.Ticks);
        long days = ticks / TimeSpan.TicksPerDay;
        long rest = ticks % TimeSpan.TicksPerDay;
        if (days > 0)
        {
            text.Append(days.ToString(CultureInfo.InvariantCulture)).Append('D');
        }

        if (rest > 0 || days == 0)
        {
            text.Append('T');
            long hours = rest / TimeSpan.TicksPerHour;
            long minutes = rest % TimeSpan.TicksPerHour / TimeSpan.TicksPerMinute;
            long secondTicks = rest % TimeSpan.TicksPerMinute;
            if (hours > 0)
            {
                text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('H');
            }

            if (minutes > 0)
            {
                text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('M');
            }

            if (secondTicks > 0 || (hours == 0 && minutes == 0))
            {
                text.Append((secondTicks / (decimal)TimeSpan.TicksPerSecond).ToString("0.#######", CultureInfo.InvariantCulture)).Append('S');
            }
        }

        return text.ToString();
    }

    /// <summary>Reads a number as a <see cref="decimal"/>, its scale kept (<c>1.50</c> stays <c>1.50</c>).</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw JsonRead.Unexpected(ref reader, "a number");
        }

        return reader.TryGetDecimal(out decimal value) ? value : throw Invalid(ref reader, "a number within the range of a decimal");
    }

    /// <summary>Writes a decimal with its scale.</summary>
    public static void WriteDecimal(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>The text of <paramref name="value"/> as a JSON number, scale kept.</summary>
    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads an array of formatted values, keeping the text of each (<see cref="FormattedList{T}"/>).</summary>
    public static FormattedList<T> ReadList<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonValueReader<T> readItem)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw JsonRead.Unexpected(ref reader, "an array");
        }

        var list = new FormattedList<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            try
            {
                list.Add(readItem(ref reader, options), RawText(ref reader));
            }
            catch (JsonException failure)
            {
                throw JsonPathException.InItem(failure, list.Count);
            }
        }

        return list;
    }

    /// <summary>Writes an array of formatted values: the text each was read from, or, for a list made in code, each in its canonical form.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options, JsonValueWriter<T> writeItem)
    {
        writer.WriteStartArray();
        FormattedList<T>? read = value as FormattedList<T>;
        for (int i = 0; i < value.Count; i++)
        {
            if (read is not null)
            {
                WriteRaw(writer, read.RawTextAt(i));
            }
            else
            {
                writeItem(writer, value[i], options);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Reads an object used as a map of formatted values, keeping the text of each (<see cref="FormattedMap{T}"/>).</summary>
    public static FormattedMap<T> ReadMap<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonValueReader<T> readValue)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw JsonRead.Unexpected(ref reader, "an object");
        }

        var map = new FormattedMap<T>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            try
            {
                map.Set(name, readValue(ref reader, options), RawText(ref reader));
            }
            catch (JsonException failure)
            {
                throw JsonPathException.InProperty(failure, name);
            }
        }

        return map;
    }

    /// <summary>Writes an object used as a map of formatted values: the text each was read from, or each in its canonical form.</summary>
    public static void WriteMap<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> value, JsonSerializerOptions options, JsonValueWriter<T> writeValue)
    {
        writer.WriteStartObject();
        FormattedMap<T>? read = value as FormattedMap<T>;
        foreach (KeyValuePair<string, T> pair in value)
        {
            writer.WritePropertyName(pair.Key);
            if (read is not null)
            {
                WriteRaw(writer, read.RawTextOf(pair.Key));
            }
            else
            {
                writeValue(writer, pair.Value, options);
            }
        }

        writer.WriteEndObject();
    }

    private static JsonPathException Invalid(ref Utf8JsonReader reader, string expected)
    {
        string text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : RawText(ref reader);
        return JsonPathException.Create($"Expected {expected} but found '{(text.Length > 64 ? text.Substring(0, 64) + "…" : text)}'.");
    }

    private static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        int i = 0;
        if (text.Length < 3 || text[i++] != 'P')
        {
            return false;
        }

        bool inTime = false;
        bool any = false;
        decimal ticks = 0;
        while (i < text.Length)
        {
            if (text[i] == 'T')
            {
                if (inTime || i == text.Length - 1)
                {
                    return false;
                }

                inTime = true;
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && (char.IsDigit(text[i]) || text[i] is '.' or ','))
            {
                i++;
            }

            if (i == start || i == text.Length || !decimal.TryParse(text.Substring(start, i - start).Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal number))
            {
                return false;
            }

            decimal unit = (text[i], inTime) switch
            {
                ('W', false) => TimeSpan.TicksPerDay * 7m,
                ('D', false) => TimeSpan.TicksPerDay,
                ('H', true) => TimeSpan.TicksPerHour,
                ('M', true) => TimeSpan.TicksPerMinute,
                ('S', true) => TimeSpan.TicksPerSecond,
                _ => 0m,
            };
            if (unit == 0m)
            {
                // Years and months (P1Y, P2M) have no fixed length; anything else is not a duration.
                return false;
            }

            ticks += number * unit;
            any = true;
            i++;
        }

        if (!any || ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)decimal.Round(ticks));
        return true;
    }
}

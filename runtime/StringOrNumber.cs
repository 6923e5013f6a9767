using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Scenario.Runtime;

/// <summary>
/// A JSON value the schema allows to be a string or a number (<c>"type": ["string", "number"]</c>).
/// It remembers which form it had and keeps a number's exact text, so it is written back as it was read.
/// </summary>
public readonly struct StringOrNumber : IEquatable<StringOrNumber>
{
    private readonly string? _text;

    private StringOrNumber(string text, bool isNumber)
    {
        _text = text;
        IsNumber = isNumber;
    }

    /// <summary>True when the value is a JSON number; false when it is a string.</summary>
    public bool IsNumber { get; }

    /// <summary>True when the value is a JSON string.</summary>
    public bool IsString => !IsNumber;

    /// <summary>The string, or the number's JSON text.</summary>
    public string Text => _text ?? string.Empty;

    /// <summary>A string value.</summary>
    public static StringOrNumber FromString(string value) => new(value ?? throw new ArgumentNullException(nameof(value)), isNumber: false);

    /// <summary>A number given as its JSON text (for example <c>42</c> or <c>1.5e3</c>).</summary>
    /// <exception cref="FormatException"><paramref name="jsonNumber"/> is not a JSON number.</exception>
    public static StringOrNumber FromJsonNumber(string jsonNumber)
    {
        if (jsonNumber is null)
        {
            throw new ArgumentNullException(nameof(jsonNumber));
        }

        if (!IsJsonNumber(jsonNumber))
        {
            throw new FormatException($"'{jsonNumber}' is not a JSON number.");
        }

        return new StringOrNumber(jsonNumber, isNumber: true);
    }

    /// <summary>Reads the value as a double: the number, or a string that holds one.</summary>
    public bool TryGetDouble(out double value) =>
        double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>Reads the value as a 64-bit integer: the number, or a string that holds one.</summary>
    public bool TryGetInt64(out long value) =>
        long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Returns <see cref="Text"/>.</summary>
    public override string ToString() => Text;

    /// <inheritdoc />
    public bool Equals(StringOrNumber other) => IsNumber == other.IsNumber && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is StringOrNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(IsNumber, StringComparer.Ordinal.GetHashCode(Text));

    /// <summary>A string value.</summary>
    public static implicit operator StringOrNumber(string value) => FromString(value);

    /// <summary>A number.</summary>
    public static implicit operator StringOrNumber(long value) => new(value.ToString(CultureInfo.InvariantCulture), isNumber: true);

    /// <summary>A number.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite, which JSON cannot hold.</exception>
    public static implicit operator StringOrNumber(double value) =>
        double.IsFinite(value)
            ? new(value.ToString("R", CultureInfo.InvariantCulture), isNumber: true)
            : throw new ArgumentOutOfRangeException(nameof(value), value, "JSON numbers are finite.");

#pragma warning disable CS1591 // the operators' meaning is the Equals they call
    public static bool operator ==(StringOrNumber left, StringOrNumber right) => left.Equals(right);
    public static bool operator !=(StringOrNumber left, StringOrNumber right) => !left.Equals(right);
#pragma warning restore CS1591

    private static bool IsJsonNumber(string text)
    {
        // JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        int i = 0;
        if (i < text.Length && text[i] == '-') i++;
        if (i >= text.Length) return false;
        if (text[i] == '0') i++;
        else if (text[i] is >= '1' and <= '9') { while (i < text.Length && char.IsAsciiDigit(text[i])) i++; }
        else return false;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            int start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i == start) return false;
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-')) i++;
            int start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i == start) return false;
        }

        return i == text.Length;
    }
}

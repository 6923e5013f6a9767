using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Scenario.Runtime.Json;

/// <summary>
/// The wire values of a generated string enum, in member order (member <c>i</c> is the enum value <c>i</c>), and what
/// reads and writes the enum with them: the one copy of what every string enum's converter does, built once per enum
/// from its wire values. Reading matches the reader's UTF-8 bytes against a table of the values without allocating
/// (a value the schema does not list is kept as its string); writing writes a member's value pre-encoded when every
/// value is one no encoder escapes, else as a string through the writer's encoder. Called by generated code.
/// </summary>
/// <typeparam name="TEnum">A generated string enum: an <see cref="int"/> enum whose members are 0, 1, 2, … in the order of the wire values.</typeparam>
public sealed class StringEnumTable<TEnum>
    where TEnum : struct, Enum
{
    private readonly string[] _wireValues;
    private readonly JsonEncodedText[]? _encoded;
    private readonly Utf8Lookup _utf8;
    private readonly Dictionary<string, int> _strings;

    /// <summary>Creates the table of <typeparamref name="TEnum"/>'s wire values, <paramref name="wireValues"/>[i] being member i's.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="TEnum"/> is not an <see cref="int"/> enum.</exception>
    public StringEnumTable(string[] wireValues)
    {
        ArgumentNullException.ThrowIfNull(wireValues);
        if (Unsafe.SizeOf<TEnum>() != sizeof(int))
        {
            throw new ArgumentException(typeof(TEnum).Name + " is not an int enum; a string enum's members are numbered 0, 1, 2, ….", nameof(wireValues));
        }

        _wireValues = wireValues;
        _encoded = Array.TrueForAll(wireValues, IsVerbatim) ? Array.ConvertAll(wireValues, static value => JsonEncodedText.Encode(value)) : null;
        _utf8 = new Utf8Lookup(wireValues);
        _strings = new Dictionary<string, int>(wireValues.Length, StringComparer.Ordinal);
        for (int i = 0; i < wireValues.Length; i++)
        {
            if (!_strings.ContainsKey(wireValues[i]))
            {
                _strings.Add(wireValues[i], i);
            }
        }
    }

    /// <summary>The wire value of <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a member of <typeparamref name="TEnum"/>.</exception>
    public string ToWireValue(TEnum value)
    {
        int index = IndexOf(value);
        return (uint)index < (uint)_wireValues.Length
            ? _wireValues[index]
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a member of " + typeof(TEnum).Name + ".");
    }

    /// <summary>The member whose wire value is <paramref name="wireValue"/>; false when the schema does not list it.</summary>
    public bool TryParse(string wireValue, out TEnum value)
    {
        if (wireValue is not null && _strings.TryGetValue(wireValue, out int index))
        {
            value = Member(index);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Reads one value; the reader is on a string token (another token is a <see cref="JsonPathException"/>).</summary>
    public OpenEnum<TEnum> Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonRead.Unexpected(ref reader, "a string");
        }

        int index = !reader.ValueIsEscaped && !reader.HasValueSequence ? _utf8.IndexOf(reader.ValueSpan) : JsonRead.IndexOf(ref reader, _wireValues);
        return index >= 0 ? new OpenEnum<TEnum>(Member(index)) : OpenEnum<TEnum>.FromUnknownWireValue(reader.GetString()!);
    }

    /// <summary>Writes one value: a member's wire value, or an unknown value exactly as it was read.</summary>
    /// <exception cref="JsonException">The value holds a number that is not a member of <typeparamref name="TEnum"/>.</exception>
    public void Write(Utf8JsonWriter writer, OpenEnum<TEnum> value)
    {
        if (!value.TryGetValue(out TEnum member))
        {
            writer.WriteStringValue(value.WireValue);
        }
        else if (_encoded is { } encoded)
        {
            writer.WriteStringValue(encoded[Checked(IndexOf(member), encoded.Length)]);
        }
        else
        {
            writer.WriteStringValue(_wireValues[Checked(IndexOf(member), _wireValues.Length)]);
        }
    }

    /// <summary>Writes a property whose value is one of these: its name and the value in one call of the writer.</summary>
    /// <exception cref="JsonException">The value holds a number that is not a member of <typeparamref name="TEnum"/>.</exception>
    public void WriteProperty(Utf8JsonWriter writer, JsonEncodedText name, OpenEnum<TEnum> value)
    {
        if (!value.TryGetValue(out TEnum member))
        {
            writer.WriteString(name, value.WireValue);
        }
        else if (_encoded is { } encoded)
        {
            writer.WriteString(name, encoded[Checked(IndexOf(member), encoded.Length)]);
        }
        else
        {
            writer.WriteString(name, _wireValues[Checked(IndexOf(member), _wireValues.Length)]);
        }
    }

    /// <summary>
    /// The index of a member to be written, checked against the length of the array it indexes (so that the array's own
    /// check is left out) in line, the failure out of line: a number that is no member cannot be written.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Checked(int index, int length)
    {
        if ((uint)index >= (uint)length)
        {
            throw NotAMember(index);
        }

        return index;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JsonException NotAMember(int index) =>
        new("The value is not a member of " + typeof(TEnum).Name + ": " + index.ToString(CultureInfo.InvariantCulture) + ".");

    private static int IndexOf(TEnum member) => Unsafe.As<TEnum, int>(ref member);

    private static TEnum Member(int index) => Unsafe.As<int, TEnum>(ref index);

    /// <summary>
    /// True when <paramref name="text"/> is printable ASCII that neither System.Text.Json's default encoder nor the relaxed
    /// one escapes: such a value is encoded once and written as it is; any other goes through the writer's encoder. The
    /// generator's rule for the names it pre-encodes (<c>JsonEscaping.IsVerbatim</c>), which cannot call the runtime.
    /// </summary>
    private static bool IsVerbatim(string text)
    {
        foreach (char c in text)
        {
            if (c < 0x20 || c > 0x7E || c is '"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`')
            {
                return false;
            }
        }

        return true;
    }
}

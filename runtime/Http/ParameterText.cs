using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Scenario.Runtime.Http;

/// <summary>
/// The text a parameter's value is sent as, in a path, a query, a header or a cookie: invariant numbers, <c>true</c> and
/// <c>false</c>, an enum's wire value, a JSON value's own text (a string's characters, anything else as JSON).
/// </summary>
public static class ParameterText
{
    /// <summary>The string itself.</summary>
    public static string Of(string value) => value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static string Of(bool value) => value ? "true" : "false";

    /// <summary>The number, invariant.</summary>
    public static string Of(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number, invariant.</summary>
    public static string Of(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number, invariant, round-tripping (<c>R</c>).</summary>
    public static string Of(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The number, invariant, with its scale.</summary>
    public static string Of(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The enum's wire value (a value the schema does not list is sent as it was read).</summary>
    public static string Of<TEnum>(OpenEnum<TEnum> value)
        where TEnum : struct, Enum => value.WireValue;

    /// <summary>The string, or the number's text as read.</summary>
    public static string Of(StringOrNumber value) => value.ToString();

    /// <summary>An object's members that have a value, in order (a record's properties, as a style writes them); nulls are left out.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Members(params (string Name, string? Value)[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var result = new List<KeyValuePair<string, string>>(members.Length);
        foreach ((string name, string? value) in members)
        {
            if (value is not null)
            {
                result.Add(new KeyValuePair<string, string>(name, value));
            }
        }

        return result;
    }

    /// <summary>A string's characters; any other JSON value as its JSON text.</summary>
    public static string Of(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}

using System;
using System.Globalization;
using System.Numerics;
using System.Text;
using Scenario.Generators.Parsing.Json;

namespace Scenario.Generators.Parsing.Yaml;

/// <summary>
/// What a plain YAML scalar is as JSON, by the YAML 1.2 core schema (the one OpenAPI names): <c>null</c>, <c>~</c> and
/// nothing are null; <c>true</c>/<c>false</c> in three casings are booleans; decimal, <c>0o</c> octal and <c>0x</c> hex
/// integers are integers; decimals and exponents are numbers; anything else is a string. YAML 1.1's <c>yes</c>/<c>no</c>
/// and <c>on</c>/<c>off</c> stay strings, as 1.2 says. Numbers come back as JSON text (<c>+1</c> → <c>1</c>, <c>0x1F</c> →
/// <c>31</c>, <c>.5</c> → <c>0.5</c>), since enum wire values and constants are made from it; <c>.inf</c> and <c>.nan</c>,
/// which JSON cannot write, stay strings.
/// </summary>
internal static class YamlScalars
{
    /// <summary>The JSON kind and text of a plain scalar.</summary>
    public static (JsonNodeType Type, string? Text) Resolve(string value)
    {
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return (JsonNodeType.Null, null);
            case "true" or "True" or "TRUE":
                return (JsonNodeType.Boolean, "true");
            case "false" or "False" or "FALSE":
                return (JsonNodeType.Boolean, "false");
        }

        if (Integer(value) is { } integer)
        {
            return (JsonNodeType.Integer, integer);
        }

        if (Float(value) is { } number)
        {
            return (JsonNodeType.Float, number);
        }

        return (JsonNodeType.String, value);
    }

    /// <summary>The scalar a tag asks for: <c>!!str</c> a string, <c>!!int</c>, <c>!!float</c>, <c>!!bool</c> and <c>!!null</c> their kinds where the text is one.</summary>
    public static (JsonNodeType Type, string? Text) Tagged(string tag, string value)
    {
        (JsonNodeType type, string? text) = Resolve(value);
        return tag switch
        {
            "tag:yaml.org,2002:int" when type == JsonNodeType.Integer => (type, text),
            "tag:yaml.org,2002:float" when type is JsonNodeType.Float or JsonNodeType.Integer => (JsonNodeType.Float, text),
            "tag:yaml.org,2002:bool" when type == JsonNodeType.Boolean => (type, text),
            "tag:yaml.org,2002:null" when type == JsonNodeType.Null => (type, text),
            _ => (JsonNodeType.String, value),
        };
    }

    /// <summary><c>[-+]?[0-9]+</c>, <c>0o[0-7]+</c> or <c>0x[0-9a-fA-F]+</c> as a JSON integer (no sign of plus, no leading zero); else null.</summary>
    private static string? Integer(string value)
    {
        if (value.Length > 2 && value[0] == '0' && (value[1] == 'x' || value[1] == 'o'))
        {
            int radix = value[1] == 'x' ? 16 : 8;
            BigInteger result = BigInteger.Zero;
            for (int i = 2; i < value.Length; i++)
            {
                int digit = DigitOf(value[i]);
                if (digit < 0 || digit >= radix)
                {
                    return null;
                }

                result = (result * radix) + digit;
            }

            return result.ToString(CultureInfo.InvariantCulture);
        }

        int start = value.Length > 0 && value[0] is '-' or '+' ? 1 : 0;
        if (start == value.Length)
        {
            return null;
        }

        for (int i = start; i < value.Length; i++)
        {
            if (value[i] is < '0' or > '9')
            {
                return null;
            }
        }

        string digits = value.Substring(start).TrimStart('0');
        if (digits.Length == 0)
        {
            return "0";
        }

        return value[0] == '-' ? "-" + digits : digits;
    }

    private static int DigitOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary><c>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</c> as JSON number text; else null.</summary>
    private static string? Float(string value)
    {
        int i = 0;
        var text = new StringBuilder(value.Length + 2);
        if (i < value.Length && value[i] is '-' or '+')
        {
            if (value[i] == '-')
            {
                text.Append('-');
            }

            i++;
        }

        int integerStart = i;
        while (i < value.Length && value[i] is >= '0' and <= '9')
        {
            i++;
        }

        string integer = value.Substring(integerStart, i - integerStart).TrimStart('0');
        text.Append(integer.Length == 0 ? "0" : integer);
        bool hasDigits = i > integerStart;
        if (i < value.Length && value[i] == '.')
        {
            i++;
            int fractionStart = i;
            while (i < value.Length && value[i] is >= '0' and <= '9')
            {
                i++;
            }

            hasDigits |= i > fractionStart;
            text.Append('.').Append(i > fractionStart ? value.Substring(fractionStart, i - fractionStart) : "0");
        }

        if (!hasDigits)
        {
            return null;
        }

        if (i < value.Length && value[i] is 'e' or 'E')
        {
            text.Append('e');
            i++;
            if (i < value.Length && value[i] is '-' or '+')
            {
                text.Append(value[i]);
                i++;
            }

            int exponentStart = i;
            while (i < value.Length && value[i] is >= '0' and <= '9')
            {
                i++;
            }

            if (i == exponentStart)
            {
                return null;
            }

            text.Append(value, exponentStart, i - exponentStart);
        }

        return i == value.Length ? text.ToString() : null;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Scenario.Runtime.Validation;

/// <summary>
/// Regular expressions as JSON Schema means them (ECMA-262, with the <c>u</c> flag) on .NET's engine: the pattern is
/// translated where the two differ (<c>\d</c> and <c>\w</c> are ASCII, <c>\s</c> is ECMA-262's white space, <c>.</c>
/// stops at every line terminator, <c>$</c> is the very end, <c>\u{…}</c> and characters beyond the BMP are code points),
/// compiled once per pattern text and shared, with a match timeout. <see cref="RegexOptions.ECMAScript"/> is not used: it
/// refuses lookbehind, Unicode categories and more that JSON Schema patterns use.
/// </summary>
internal static class EcmaPattern
{
    /// <summary>How long one match may take before the pattern is reported as too slow for the value.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private const string Digit = "0-9";
    private const string Word = "a-zA-Z0-9_";
    private const string Space = "\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";
    private const string NotDigit = "\\u0000-/:-\\uFFFF";
    private const string NotWord = "\\u0000-/:-@\\[-\\^`\\{-\\uFFFF";
    private const string NotSpace = "\\u0000-\\u0008\\u000E-\\u001F!-\\u009F\\u00A1-\\u167F\\u1681-\\u1FFF\\u200B-\\u2027\\u202A-\\u202E\\u2030-\\u205E\\u2060-\\u2FFF\\u3001-\\uFEFE\\uFF00-\\uFFFF";

    private static readonly Dictionary<string, Regex> s_cache = new(StringComparer.Ordinal);

    /// <summary>The compiled expression of <paramref name="pattern"/>, from the shared cache.</summary>
    /// <exception cref="ArgumentException">The pattern is not a regular expression.</exception>
    public static Regex Get(string pattern)
    {
        lock (s_cache)
        {
            if (s_cache.TryGetValue(pattern, out Regex? cached))
            {
                return cached;
            }
        }

        var regex = new Regex(Translate(pattern), RegexOptions.CultureInvariant, MatchTimeout);
        lock (s_cache)
        {
            s_cache[pattern] = regex;
        }

        return regex;
    }

    /// <summary>
    /// Whether <paramref name="pattern"/> is a regular expression this translation accepts. For <c>"format": "regex"</c>,
    /// whose texts come from the values checked: nothing is kept, so values cannot grow the cache of the schema's patterns.
    /// </summary>
    public static bool IsValid(string pattern)
    {
        try
        {
            _ = new Regex(Translate(pattern), RegexOptions.CultureInvariant, MatchTimeout);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The .NET pattern that matches what the ECMA-262 <paramref name="pattern"/> matches.</summary>
    /// <exception cref="ArgumentException">The pattern is malformed (an escape or a class not closed).</exception>
    public static string Translate(string pattern)
    {
        var text = new StringBuilder(pattern.Length + 16);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length)
                {
                    throw new ArgumentException("The pattern ends with a lone backslash.");
                }

                char e = pattern[++i];
                switch (e)
                {
                    case 'd':
                        text.Append(inClass ? Digit : "[" + Digit + "]");
                        break;
                    case 'D':
                        text.Append(inClass ? NotDigit : "[^" + Digit + "]");
                        break;
                    case 'w':
                        text.Append(inClass ? Word : "[" + Word + "]");
                        break;
                    case 'W':
                        text.Append(inClass ? NotWord : "[^" + Word + "]");
                        break;
                    case 's':
                        text.Append(inClass ? Space : "[" + Space + "]");
                        break;
                    case 'S':
                        text.Append(inClass ? NotSpace : "[^" + Space + "]");
                        break;
                    case 'u':
                        i = TranslateUnicodeEscape(pattern, i, text, inClass);
                        break;
                    case 'p':
                    case 'P':
                        i = TranslateProperty(pattern, i, e, text);
                        break;
                    case 'c':
                        if (i + 1 < pattern.Length && char.IsLetter(pattern[i + 1]))
                        {
                            text.Append("\\x").Append(((int)(char.ToUpperInvariant(pattern[++i]) % 32)).ToString("X2", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            text.Append("\\\\c");
                        }

                        break;
                    case 'b' when !inClass:
                        // ECMA-262's word boundary is on ASCII word characters.
                        text.Append("(?:(?<=[" + Word + "])(?![" + Word + "])|(?<![" + Word + "])(?=[" + Word + "]))");
                        break;
                    case 'B' when !inClass:
                        text.Append("(?:(?<=[" + Word + "])(?=[" + Word + "])|(?<![" + Word + "])(?![" + Word + "]))");
                        break;
                    default:
                        text.Append('\\').Append(e);
                        break;
                }

                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                    text.Append(']');
                }
                else if (c == '[')
                {
                    // A literal '[' in an ECMA-262 class; .NET would read "[:" or a subtraction.
                    text.Append("\\[");
                }
                else
                {
                    AppendLiteral(text, pattern, ref i, inClass: true);
                }

                continue;
            }

            switch (c)
            {
                case '[':
                    if (pattern.Length > i + 2 && pattern[i + 1] == '^' && pattern[i + 2] == ']')
                    {
                        text.Append("[\\s\\S]");
                        i += 2;
                    }
                    else if (pattern.Length > i + 1 && pattern[i + 1] == ']')
                    {
                        text.Append("(?!)");
                        i += 1;
                    }
                    else
                    {
                        inClass = true;
                        text.Append('[');
                        if (pattern.Length > i + 1 && pattern[i + 1] == '^')
                        {
                            text.Append('^');
                            i++;
                        }
                    }

                    break;
                case '.':
                    // Any code point but a line terminator: a surrogate pair counts as one.
                    text.Append("(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^\\n\\r\\u2028\\u2029])");
                    break;
                case '$':
                    text.Append("(?!(?s:.))");
                    break;
                default:
                    AppendLiteral(text, pattern, ref i, inClass: false);
                    break;
            }
        }

        if (inClass)
        {
            throw new ArgumentException("The pattern has a character class without its closing ']'.");
        }

        return text.ToString();
    }

    /// <summary>Appends a literal character; a surrogate pair outside a class becomes one atom, so a quantifier after it repeats the whole code point.</summary>
    private static void AppendLiteral(StringBuilder text, string pattern, ref int i, bool inClass)
    {
        char c = pattern[i];
        if (!inClass && char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
        {
            text.Append("(?:").Append(c).Append(pattern[++i]).Append(')');
            return;
        }

        text.Append(c);
    }

    /// <summary>Translates <c>\uXXXX</c> or <c>\u{X…}</c> (at <paramref name="i"/>, the <c>u</c>); returns the index of its last character.</summary>
    private static int TranslateUnicodeEscape(string pattern, int i, StringBuilder text, bool inClass)
    {
        int codePoint;
        int end;
        if (i + 1 < pattern.Length && pattern[i + 1] == '{')
        {
            int close = pattern.IndexOf('}', i + 2);
            if (close < 0 || !int.TryParse(pattern.Substring(i + 2, close - i - 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out codePoint) || codePoint > 0x10FFFF)
            {
                throw new ArgumentException("The pattern has a malformed \\u{…} escape.");
            }

            end = close;
        }
        else if (i + 4 < pattern.Length && int.TryParse(pattern.Substring(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out codePoint))
        {
            end = i + 4;
        }
        else
        {
            throw new ArgumentException("The pattern has a malformed \\u escape.");
        }

        if (codePoint <= 0xFFFF)
        {
            text.Append("\\u").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture));
        }
        else
        {
            string pair = char.ConvertFromUtf32(codePoint);
            string escaped = "\\u" + ((int)pair[0]).ToString("X4", CultureInfo.InvariantCulture) + "\\u" + ((int)pair[1]).ToString("X4", CultureInfo.InvariantCulture);
            text.Append(inClass ? escaped : "(?:" + escaped + ")");
        }

        return end;
    }

    /// <summary>Translates <c>\p{…}</c> (long General_Category names to .NET's short ones); returns the index of its <c>}</c>.</summary>
    private static int TranslateProperty(string pattern, int i, char kind, StringBuilder text)
    {
        if (i + 1 >= pattern.Length || pattern[i + 1] != '{')
        {
            text.Append('\\').Append(kind);
            return i;
        }

        int close = pattern.IndexOf('}', i + 2);
        if (close < 0)
        {
            throw new ArgumentException("The pattern has a \\p{ without its '}'.");
        }

        string name = pattern.Substring(i + 2, close - i - 2);
        int equals = name.IndexOf('=');
        if (equals >= 0)
        {
            string key = name.Substring(0, equals);
            name = name.Substring(equals + 1);
            if (key == "Script" || key == "sc" || key == "Script_Extensions" || key == "scx")
            {
                name = "Is" + name;
            }
        }

        text.Append('\\').Append(kind).Append('{').Append(ShortCategory(name)).Append('}');
        return close;
    }

    private static string ShortCategory(string name) => name switch
    {
        "Letter" => "L",
        "Cased_Letter" => "L",
        "Uppercase_Letter" => "Lu",
        "Lowercase_Letter" => "Ll",
        "Titlecase_Letter" => "Lt",
        "Modifier_Letter" => "Lm",
        "Other_Letter" => "Lo",
        "Mark" => "M",
        "Nonspacing_Mark" => "Mn",
        "Spacing_Mark" => "Mc",
        "Enclosing_Mark" => "Me",
        "Number" => "N",
        "Decimal_Number" or "digit" => "Nd",
        "Letter_Number" => "Nl",
        "Other_Number" => "No",
        "Punctuation" or "punct" => "P",
        "Connector_Punctuation" => "Pc",
        "Dash_Punctuation" => "Pd",
        "Open_Punctuation" => "Ps",
        "Close_Punctuation" => "Pe",
        "Initial_Punctuation" => "Pi",
        "Final_Punctuation" => "Pf",
        "Other_Punctuation" => "Po",
        "Symbol" => "S",
        "Math_Symbol" => "Sm",
        "Currency_Symbol" => "Sc",
        "Modifier_Symbol" => "Sk",
        "Other_Symbol" => "So",
        "Separator" => "Z",
        "Space_Separator" => "Zs",
        "Line_Separator" => "Zl",
        "Paragraph_Separator" => "Zp",
        "Other" => "C",
        "Control" or "cntrl" => "Cc",
        "Format" => "Cf",
        "Surrogate" => "Cs",
        "Private_Use" => "Co",
        "Unassigned" => "Cn",
        _ => name,
    };
}

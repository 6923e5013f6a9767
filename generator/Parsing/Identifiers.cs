using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Scenario.Generators.Parsing;

/// <summary>
/// The naming rules (README, "Names"): wire names become PascalCase C# identifiers deterministically.
/// <list type="number">
/// <item>Words are the runs of letters and digits; every other character separates words and is dropped.</item>
/// <item>Each word's first letter is upper-cased; a word written all in capitals (<c>GENERATIVE</c>) becomes <c>Generative</c>; other letters are kept.</item>
/// <item>Two words that meet digit to digit keep an underscore between them (<c>16:9</c> gives <c>_16_9</c>, not <c>169</c>).</item>
/// <item>A name that starts with a digit gets a leading underscore (<c>3d</c> gives <c>_3d</c>); a name with no letter or digit is <c>Empty</c>.</item>
/// <item>PascalCase names are never C# keywords, which are lower case.</item>
/// <item>When several wire names of one scope give the same identifier, they are ordered by ordinal comparison of the wire names:
/// the first keeps the identifier, the next get <c>_2</c>, <c>_3</c>, … (<c>3d23d-texture</c> is <c>_3d23dTexture</c>, <c>3d23d:texture</c> is <c>_3d23dTexture_2</c>).</item>
/// </list>
/// </summary>
internal static class Identifiers
{
    /// <summary>The longest identifier made from a wire name; longer ones are cut (C# allows 512 characters).</summary>
    public const int MaxLength = 100;

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Whether the text is well-formed UTF-16 (no lone surrogate), so it can be UTF-8 on the wire and in a <c>u8</c> literal.</summary>
    public static bool IsValidUtf16(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="name"/> is a C# keyword (which a namespace part cannot be).</summary>
    public static bool IsKeyword(string name) => Keywords.Contains(name);

    public static string ToPascalCase(string wireName)
    {
        var result = new StringBuilder(wireName.Length + 1);
        int i = 0;
        while (i < wireName.Length)
        {
            if (!char.IsLetterOrDigit(wireName[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < wireName.Length && char.IsLetterOrDigit(wireName[i]))
            {
                i++;
            }

            string word = wireName.Substring(start, i - start);
            if (result.Length > 0 && char.IsDigit(result[result.Length - 1]) && char.IsDigit(word[0]))
            {
                result.Append('_');
            }

            AppendWord(result, word);
        }

        if (result.Length == 0)
        {
            return "Empty";
        }

        if (char.IsDigit(result[0]))
        {
            result.Insert(0, '_');
        }

        return result.Length > MaxLength ? result.ToString(0, MaxLength) : result.ToString();
    }

    /// <summary>
    /// A type or member name from a schema's <c>title</c>, when the title reads as a name: four words at most and 40
    /// characters once PascalCase ("Petstore", "Web App Manifest"); null for a sentence.
    /// </summary>
    public static string? FromTitle(string title)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in title)
        {
            bool letter = char.IsLetterOrDigit(c);
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        string name = ToPascalCase(title);
        return words is > 0 and <= 4 && name.Length <= 40 ? name : null;
    }

    /// <summary>camelCase of a PascalCase identifier, for locals (always suffixed by the caller, so never a keyword).</summary>
    public static string ToCamelCase(string identifier)
    {
        string trimmed = identifier.TrimStart('_');
        if (trimmed.Length == 0 || char.IsDigit(trimmed[0]))
        {
            return "v" + identifier;
        }

        return char.ToLowerInvariant(trimmed[0]) + trimmed.Substring(1);
    }

    /// <summary>
    /// Names every wire name of one scope, applying the collision rule. <paramref name="reserved"/> are identifiers
    /// the scope already uses; a name equal to one of them gets <paramref name="reservedSuffix"/> first.
    /// </summary>
    public static Dictionary<string, string> NameScope(IEnumerable<string> wireNames, ISet<string> reserved, string reservedSuffix)
    {
        var candidates = new List<KeyValuePair<string, string>>();
        foreach (string wire in wireNames.Distinct(StringComparer.Ordinal))
        {
            string name = ToPascalCase(wire);
            if (reserved.Contains(name))
            {
                name += reservedSuffix;
            }

            candidates.Add(new KeyValuePair<string, string>(wire, name));
        }

        var result = new Dictionary<string, string>(candidates.Count, StringComparer.Ordinal);
        var taken = new HashSet<string>(reserved, StringComparer.Ordinal);

        // Most scopes have no two wire names with one C# name: each keeps its own, in order, without grouping or sorting.
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        bool collide = false;
        foreach (KeyValuePair<string, string> candidate in candidates)
        {
            collide |= !distinct.Add(candidate.Value);
        }

        if (!collide)
        {
            foreach (KeyValuePair<string, string> candidate in candidates)
            {
                string name = candidate.Value;
                while (!taken.Add(name))
                {
                    name += "_";
                }

                result[candidate.Key] = name;
            }

            return result;
        }

        foreach (IGrouping<string, KeyValuePair<string, string>> group in candidates.GroupBy(c => c.Value, StringComparer.Ordinal))
        {
            int n = 0;
            foreach (KeyValuePair<string, string> candidate in group.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                n++;
                string name = n == 1 ? candidate.Value : candidate.Value + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                while (!taken.Add(name))
                {
                    name += "_";
                }

                result[candidate.Key] = name;
            }
        }

        return result;
    }

    private static void AppendWord(StringBuilder result, string word)
    {
        bool anyLetter = false;
        bool anyLower = false;
        foreach (char c in word)
        {
            anyLetter |= char.IsLetter(c);
            anyLower |= char.IsLower(c);
        }

        bool allCapitals = word.Length > 1 && anyLetter && !anyLower;
        result.Append(char.ToUpperInvariant(word[0]));
        result.Append(allCapitals ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Scenario.Generators.Parsing;

/// <summary>
/// The naming rules (docs/json-schema.md, "Names"): wire names become PascalCase C# identifiers deterministically.
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
    [ThreadStatic]
    private static StringBuilder? s_pascal;

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
        // One builder per thread: a schema names tens of thousands of properties, most of them short.
        StringBuilder result = s_pascal ??= new StringBuilder(64);
        result.Clear();
        int i = 0;
        while (i < wireName.Length)
        {
            if (!char.IsLetterOrDigit(wireName[i]))
            {
                i++;
                continue;
            }

            int start = i;
            bool anyLetter = false;
            bool anyLower = false;
            while (i < wireName.Length && char.IsLetterOrDigit(wireName[i]))
            {
                anyLetter |= char.IsLetter(wireName[i]);
                anyLower |= char.IsLower(wireName[i]);
                i++;
            }

            if (result.Length > 0 && char.IsDigit(result[result.Length - 1]) && char.IsDigit(wireName[start]))
            {
                result.Append('_');
            }

            // A word's letters are single UTF-16 units (a surrogate is no letter), so casing them one by one is casing the word.
            bool allCapitals = i - start > 1 && anyLetter && !anyLower;
            result.Append(char.ToUpperInvariant(wireName[start]));
            for (int k = start + 1; k < i; k++)
            {
                result.Append(allCapitals ? char.ToLowerInvariant(wireName[k]) : wireName[k]);
            }
        }

        if (result.Length == 0)
        {
            return "Empty";
        }

        if (char.IsDigit(result[0]))
        {
            result.Insert(0, '_');
        }

        if (result.Length > MaxLength)
        {
            result.Length = MaxLength;
        }

        return SameText(result, wireName) ? wireName : result.ToString();
    }

    private static bool SameText(StringBuilder built, string text)
    {
        if (built.Length != text.Length)
        {
            return false;
        }

        for (int i = 0; i < text.Length; i++)
        {
            if (built[i] != text[i])
            {
                return false;
            }
        }

        return true;
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
        // The result holds each wire name's first candidate until its name is settled below.
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var candidates = new List<KeyValuePair<string, string>>();
        foreach (string wire in wireNames)
        {
            if (result.ContainsKey(wire))
            {
                continue;
            }

            string name = ToPascalCase(wire);
            if (reserved.Contains(name))
            {
                name += reservedSuffix;
            }

            result[wire] = name;
            candidates.Add(new KeyValuePair<string, string>(wire, name));
        }

        // Most scopes have no two wire names with one C# name, and none that is reserved: each keeps its own, as it is.
        if (!Collide(candidates))
        {
            bool anyReserved = false;
            foreach (KeyValuePair<string, string> candidate in candidates)
            {
                anyReserved |= reserved.Contains(candidate.Value);
            }

            if (!anyReserved)
            {
                return result;
            }
        }

        var taken = new HashSet<string>(reserved, StringComparer.Ordinal);
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

    /// <summary>Whether two candidates have one C# name (few are compared pairwise, many by hash).</summary>
    private static bool Collide(List<KeyValuePair<string, string>> candidates)
    {
        if (candidates.Count <= 8)
        {
            for (int i = 1; i < candidates.Count; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    if (string.Equals(candidates[i].Value, candidates[j].Value, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> candidate in candidates)
        {
            if (!names.Add(candidate.Value))
            {
                return true;
            }
        }

        return false;
    }
}

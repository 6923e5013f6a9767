using System.Globalization;

namespace Scenario.Generators.Parsing;

/// <summary>
/// Checks that a text is JSON as RFC 8259 defines it, the way System.Text.Json reads it by default: no comments, no
/// trailing commas, no single quotes, no unquoted names, no <c>NaN</c>, one value. The reader that builds the tree is
/// lenient about all of these, so this runs first and gives the exact place of the first fault. Iterative: no input
/// nests deep enough to exhaust the stack.
/// </summary>
internal static class StrictJson
{
    /// <summary>A fault: the zero-based offset in the text and what is wrong there.</summary>
    public readonly struct Fault
    {
        public Fault(int offset, string message)
        {
            Offset = offset;
            Message = message;
        }

        public int Offset { get; }

        public string Message { get; }
    }

    /// <summary>The first fault of <paramref name="text"/>, or null when it is one JSON value (whitespace around it allowed).</summary>
    public static Fault? Check(string text)
    {
        // What may come next: a value, a name (or the end of an object), a value (or the end of an array), a comma or end.
        var containers = new System.Collections.Generic.Stack<char>();
        int i = SkipWhitespace(text, 0);
        if (i < text.Length && text[i] == '\uFEFF')
        {
            i = SkipWhitespace(text, i + 1);
        }

        bool expectValue = true;
        bool afterComma = false;
        int comma = 0; // where the last comma is: a trailing comma is reported there, not at the bracket after it
        while (true)
        {
            if (expectValue)
            {
                if (i >= text.Length)
                {
                    return new Fault(text.Length, text.Length == 0 || containers.Count == 0 && !afterComma ? "the file is empty" : "the text ends where a value should be");
                }

                char c = text[i];
                switch (c)
                {
                    case '{':
                    {
                        containers.Push('}');
                        i = SkipWhitespace(text, i + 1);
                        if (i < text.Length && text[i] == '}')
                        {
                            containers.Pop();
                            i++;
                            break;
                        }

                        Fault? name = ReadName(text, ref i);
                        if (name is not null)
                        {
                            return name;
                        }

                        afterComma = false;
                        continue;
                    }

                    case '[':
                        containers.Push(']');
                        i = SkipWhitespace(text, i + 1);
                        if (i < text.Length && text[i] == ']')
                        {
                            containers.Pop();
                            i++;
                            break;
                        }

                        afterComma = false;
                        continue;
                    case '"':
                    {
                        Fault? fault = ReadString(text, ref i);
                        if (fault is not null)
                        {
                            return fault;
                        }

                        break;
                    }

                    case 't':
                        if (!Literal(text, ref i, "true")) return Unexpected(text, i);
                        break;
                    case 'f':
                        if (!Literal(text, ref i, "false")) return Unexpected(text, i);
                        break;
                    case 'n':
                        if (!Literal(text, ref i, "null")) return Unexpected(text, i);
                        break;
                    default:
                        if (c == '-' || (c >= '0' && c <= '9'))
                        {
                            Fault? fault = ReadNumber(text, ref i);
                            if (fault is not null)
                            {
                                return fault;
                            }

                            break;
                        }

                        if ((c == ']' || c == '}') && afterComma)
                        {
                            return new Fault(comma, "a trailing comma before '" + c + "' (JSON allows none)");
                        }

                        return Unexpected(text, i);
                }

                expectValue = false;
            }

            // After a value: a comma, the end of the container, or the end of the text.
            i = SkipWhitespace(text, i);
            if (containers.Count == 0)
            {
                return i < text.Length ? new Fault(i, Describe(text, i) + " after the end of the JSON value") : null;
            }

            if (i >= text.Length)
            {
                return new Fault(text.Length, "the text ends inside " + (containers.Peek() == '}' ? "an object" : "an array"));
            }

            char next = text[i];
            if (next == containers.Peek())
            {
                containers.Pop();
                i++;
                continue;
            }

            if (next != ',')
            {
                return new Fault(i, Describe(text, i) + " where ',' or '" + containers.Peek() + "' should be");
            }

            comma = i;
            i = SkipWhitespace(text, i + 1);
            afterComma = true;
            expectValue = true;
            if (containers.Peek() == '}')
            {
                if (i < text.Length && text[i] == '}')
                {
                    return new Fault(comma, "a trailing comma before '}' (JSON allows none)");
                }

                Fault? name = ReadName(text, ref i);
                if (name is not null)
                {
                    return name;
                }
            }
        }
    }

    /// <summary>Reads <c>"name"</c> and the colon after it, leaving <paramref name="i"/> at the value.</summary>
    private static Fault? ReadName(string text, ref int i)
    {
        if (i >= text.Length)
        {
            return new Fault(text.Length, "the text ends inside an object");
        }

        if (text[i] != '"')
        {
            return new Fault(i, Describe(text, i) + " where a property name in double quotes should be");
        }

        Fault? fault = ReadString(text, ref i);
        if (fault is not null)
        {
            return fault;
        }

        i = SkipWhitespace(text, i);
        if (i >= text.Length || text[i] != ':')
        {
            return new Fault(Min(i, text.Length), (i >= text.Length ? "the end of the text" : Describe(text, i)) + " where ':' should be");
        }

        i = SkipWhitespace(text, i + 1);
        return null;
    }

    private static Fault? ReadString(string text, ref int i)
    {
        int start = i;
        i++;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '"')
            {
                i++;
                return null;
            }

            if (c < 0x20)
            {
                return new Fault(i, "a control character inside a string (escape it)");
            }

            if (c == '\\')
            {
                if (i + 1 >= text.Length)
                {
                    break;
                }

                char e = text[i + 1];
                if (e == 'u')
                {
                    for (int k = 2; k < 6; k++)
                    {
                        if (i + k >= text.Length || !IsHex(text[i + k]))
                        {
                            return new Fault(i, "an invalid \\u escape");
                        }
                    }

                    i += 6;
                    continue;
                }

                if (e is not ('"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't'))
                {
                    return new Fault(i, "an invalid escape '\\" + e + "'");
                }

                i += 2;
                continue;
            }

            i++;
        }

        return new Fault(start, "a string that is never closed");
    }

    private static Fault? ReadNumber(string text, ref int i)
    {
        int start = i;
        if (text[i] == '-')
        {
            i++;
        }

        if (i < text.Length && text[i] == '0')
        {
            i++;
        }
        else if (i < text.Length && text[i] >= '1' && text[i] <= '9')
        {
            while (i < text.Length && IsDigit(text[i])) i++;
        }
        else
        {
            return new Fault(start, "an invalid number");
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (i >= text.Length || !IsDigit(text[i])) return new Fault(start, "an invalid number");
            while (i < text.Length && IsDigit(text[i])) i++;
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-')) i++;
            if (i >= text.Length || !IsDigit(text[i])) return new Fault(start, "an invalid number");
            while (i < text.Length && IsDigit(text[i])) i++;
        }

        return i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '.') ? new Fault(start, "an invalid number") : null;
    }

    private static bool Literal(string text, ref int i, string literal)
    {
        if (string.CompareOrdinal(text, i, literal, 0, literal.Length) != 0 || (i + literal.Length < text.Length && char.IsLetterOrDigit(text[i + literal.Length])))
        {
            return false;
        }

        i += literal.Length;
        return true;
    }

    private static int SkipWhitespace(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\r')
        {
            i++;
        }

        return i;
    }

    private static Fault Unexpected(string text, int i) => new(i, Describe(text, i) + " where a value should be");

    private static string Describe(string text, int i)
    {
        if (i >= text.Length)
        {
            return "the end of the text";
        }

        char c = text[i];
        if (c == '/' && i + 1 < text.Length && (text[i + 1] == '/' || text[i + 1] == '*'))
        {
            return "a comment (JSON allows none)";
        }

        if (c == '\'')
        {
            return "a single quote (JSON strings use double quotes)";
        }

        return c < 0x20 || c > 0x7E
            ? "the character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
            : "'" + c + "'";
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsHex(char c) => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static int Min(int a, int b) => a < b ? a : b;
}

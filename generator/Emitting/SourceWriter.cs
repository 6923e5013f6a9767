using System;
using System.Text;
using Scenario.Generators.Model;

namespace Scenario.Generators.Emitting;

/// <summary>
/// Writes C# source with indentation, a line at a time, for a compiler with the given features. The text goes into one
/// character buffer; <see cref="Finish"/> makes the file's string and hands the buffer to the next writer on the same
/// thread, so emitting a schema of thousands of types allocates little beyond the files' own text.
/// </summary>
internal sealed partial class SourceWriter
{
    /// <summary>The largest buffer kept for the next writer (2 MB): the text of one type is far smaller, and a thread keeps no more.</summary>
    private const int MaxSpareLength = 1 << 20;

    [ThreadStatic]
    private static char[]? s_spare;

    private char[] _chars;
    private int _length;
    private int _indent;

    public SourceWriter(LanguageFeatures? features = null)
        : this(features, 16 * 1024)
    {
    }

    /// <summary>A writer whose buffer holds <paramref name="capacity"/> characters from the start (a large file's estimate: no growing copies).</summary>
    public SourceWriter(LanguageFeatures? features, int capacity)
    {
        Features = features ?? LanguageFeatures.Latest;
        if (s_spare is { } spare && spare.Length >= capacity)
        {
            _chars = spare;
            s_spare = null;
        }
        else
        {
            _chars = new char[capacity];
        }
    }

    /// <summary>What the consumer's compiler and references allow: emitters write the forms it compiles.</summary>
    public LanguageFeatures Features { get; }

    /// <summary>A line at the current indentation (an empty line has none).</summary>
    public SourceWriter Line(string line = "")
    {
        int start = BeginLine(line.Length);
        Append(line);
        EndLine(start);
        return this;
    }

    public SourceWriter Open(string line) => Line(line).Block();

    /// <summary>Opens a block of its own (<c>{</c> on a line), as a <c>case</c> that declares locals needs.</summary>
    public SourceWriter Block()
    {
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    /// <summary>An XML doc comment from schema text: escaped, one line of the comment per line of the text.</summary>
    public SourceWriter Doc(string tag, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        string[] lines = text!.Replace("\r\n", "\n").Split('\n');
        Line($"/// <{tag}>");
        foreach (string line in lines)
        {
            // Escaping can end the text in a space (a control character): trimmed after it, as before it.
            string body = Escape(line.TrimEnd()).TrimEnd();
            if (body.Length == 0)
            {
                Line("///");
            }
            else
            {
                Line($"/// {body}");
            }
        }

        Line($"/// </{tag}>");
        return this;
    }

    public override string ToString() => new(_chars, 0, _length);

    /// <summary>The text <paramref name="write"/> writes into a new writer for <paramref name="features"/>.</summary>
    public static string Text(LanguageFeatures features, Action<SourceWriter> write)
    {
        var w = new SourceWriter(features);
        write(w);
        return w.Finish();
    }

    /// <summary>The text written so far; the writer goes on from empty with the same buffer (the next file of a group).</summary>
    public string Take()
    {
        string text = ToString();
        _length = 0;
        return text;
    }

    /// <summary>The text written; the buffer goes to the next writer on this thread (writing on after this starts a new one).</summary>
    public string Finish()
    {
        string text = ToString();
        if (_chars.Length <= MaxSpareLength)
        {
            s_spare = _chars;
        }

        _chars = Array.Empty<char>();
        _length = 0;
        return text;
    }

    /// <summary>Makes room for <paramref name="count"/> more characters.</summary>
    private void Reserve(int count)
    {
        if (_length + count > _chars.Length)
        {
            var larger = new char[Math.Max(_length + count, Math.Max(2 * _chars.Length, 1024))];
            Array.Copy(_chars, larger, _length);
            _chars = larger;
        }
    }

    /// <summary>Text for an XML doc comment: markup escaped, and no character that would end the comment's line or break the XML.</summary>
    public static string Escape(string text)
    {
        if (!NeedsEscape(text))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(c).Append(text[++i]);
                continue;
            }

            switch (c)
            {
                case '&': result.Append("&amp;"); break;
                case '<': result.Append("&lt;"); break;
                case '>': result.Append("&gt;"); break;
                default:
                    // Line and paragraph separators end a C# comment; control characters and lone surrogates are not XML.
                    result.Append(char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u0085' ? ' ' : c);
                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value)
    {
        if (IsPlainLiteral(value))
        {
            return "\"" + value + "\"";
        }

        var result = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': result.Append("\\\""); break;
                case '\\': result.Append("\\\\"); break;
                case '\n': result.Append("\\n"); break;
                case '\r': result.Append("\\r"); break;
                case '\t': result.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c > 0x7E)
                    {
                        result.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        result.Append(c);
                    }

                    break;
            }
        }

        return result.Append('"').ToString();
    }

    private static bool NeedsEscape(string text)
    {
        foreach (char c in text)
        {
            if (c is '&' or '<' or '>' || char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u0085')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Printable ASCII without a quote or a backslash: the literal is the text in quotes.</summary>
    private static bool IsPlainLiteral(string value)
    {
        foreach (char c in value)
        {
            if (c < 0x20 || c > 0x7E || c is '"' or '\\')
            {
                return false;
            }
        }

        return true;
    }

    public const string Header = "// <auto-generated/>\n// Generated by Scenario.Generators from a JSON Schema. Do not edit: change the schema instead.\n#nullable enable\n";

    public static readonly string Version = typeof(SourceWriter).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    public static string GeneratedCodeAttribute =>
        "[global::System.CodeDom.Compiler.GeneratedCode(\"Scenario.Generators\", \"" + Version + "\")]";
}

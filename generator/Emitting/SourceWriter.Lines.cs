using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Scenario.Generators.Emitting;

// Lines written from interpolated strings (w.Line($"case {i}: {Local(property)} = {read};")): the compiler hands the
// pieces to LineHandler, which copies each into the buffer, so a line is never a string of its own. They write exactly
// what Line(string) writes for the same text (SourceWriterTests).
internal sealed partial class SourceWriter
{
    /// <summary>
    /// A line written from an interpolated string: its pieces go into the buffer as they come, so the line is never a
    /// string of its own (<c>w.Line($"case {i}:")</c>).
    /// </summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        EndLine(line.Start);
        return this;
    }

    /// <summary>Opens a block after a line written from an interpolated string (see <see cref="Line(ref LineHandler)"/>).</summary>
    public SourceWriter Open([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        EndLine(line.Start);
        return Block();
    }

    /// <summary>Starts a line whose pieces follow (<see cref="LineHandler"/>): its indentation is written; the line's start is returned.</summary>
    private int BeginLine(int expectedLength)
    {
        int start = _length;
        Reserve(_indent * 4 + expectedLength + 1);
        for (int i = _indent * 4; i > 0; i--)
        {
            _chars[_length++] = ' ';
        }

        return start;
    }

    /// <summary>Ends the line begun at <paramref name="start"/>; a line with nothing after its indentation is left empty, as <see cref="Line(string)"/> leaves it.</summary>
    private void EndLine(int start)
    {
        if (_length == start + _indent * 4)
        {
            _length = start;
        }

        Reserve(1);
        _chars[_length++] = '\n';
    }

    private void Append(string? text)
    {
        if (text is { Length: > 0 })
        {
            Reserve(text.Length);
            text.CopyTo(0, _chars, _length, text.Length);
            _length += text.Length;
        }
    }

    private void Append(int value)
    {
        if (value < 0)
        {
            // Rare in generated code (and int.MinValue has no positive counterpart): the runtime formats it.
            Append(value.ToString(CultureInfo.InvariantCulture));
            return;
        }

        int digits = 1;
        for (int rest = value / 10; rest > 0; rest /= 10)
        {
            digits++;
        }

        Reserve(digits);
        for (int i = _length + digits - 1; i >= _length; i--)
        {
            _chars[i] = (char)('0' + (value % 10));
            value /= 10;
        }

        _length += digits;
    }

    /// <summary>
    /// The pieces of an interpolated string written into a <see cref="SourceWriter"/>'s buffer as the line they make:
    /// literals and strings copied, integers formatted in place (invariant), anything else by its invariant text.
    /// </summary>
    [InterpolatedStringHandler]
    public ref struct LineHandler
    {
        private readonly SourceWriter _writer;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _writer = writer;
            Start = writer.BeginLine(literalLength + (formattedCount * 24));
        }

        /// <summary>Where the line begins in the writer's buffer.</summary>
        public int Start { get; }

        public void AppendLiteral(string text) => _writer.Append(text);

        public void AppendFormatted(string? text) => _writer.Append(text);

        public void AppendFormatted(int value) => _writer.Append(value);

        public void AppendFormatted(Quoted value) => _writer.Append(value);

        public void AppendFormatted<T>(T value) =>
            _writer.Append(value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString());
    }

    /// <summary>A C# string literal of <paramref name="value"/> in an interpolated line: written into the buffer, not made as a string first.</summary>
    public static Quoted Quote(string value) => new(value);

    /// <summary>A string to be written as a C# string literal (<see cref="Quote"/>).</summary>
    public readonly struct Quoted
    {
        public Quoted(string value) => Value = value;

        public string Value { get; }
    }

    private void Append(Quoted quoted)
    {
        string value = quoted.Value;
        if (!IsPlainLiteral(value))
        {
            Append(Literal(value));
            return;
        }

        Reserve(value.Length + 2);
        _chars[_length++] = '"';
        Append(value);
        _chars[_length++] = '"';
    }
}

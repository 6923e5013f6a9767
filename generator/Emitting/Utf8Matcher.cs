using System.Collections.Generic;
using System.Linq;

namespace Scenario.Generators.Emitting;

/// <summary>
/// The body of a method that maps the reader's current string (a property name or an enum value) to an index
/// without allocating: unescaped single-segment text is switched on its byte length and compared with <c>u8</c>
/// literals; escaped or segmented text falls back to <c>ValueTextEquals</c>.
/// </summary>
internal static class Utf8Matcher
{
    public static void Emit(SourceWriter w, IReadOnlyList<string> candidates)
    {
        if (candidates.Count == 0)
        {
            w.Line("return -1;");
            return;
        }

        w.Open("if (!reader.ValueIsEscaped && !reader.HasValueSequence)");
        w.Line("global::System.ReadOnlySpan<byte> text = reader.ValueSpan;");
        w.Open("switch (text.Length)");
        foreach (IGrouping<int, int> group in Enumerable.Range(0, candidates.Count).GroupBy(i => SourceWriter.Utf8Length(candidates[i])).OrderBy(g => g.Key))
        {
            w.Line("case " + group.Key + ":");
            foreach (int index in group)
            {
                w.Line("    if (global::System.MemoryExtensions.SequenceEqual(text, " + SourceWriter.Literal(candidates[index]) + "u8)) return " + index + ";");
            }

            w.Line("    break;");
        }

        w.Close();
        w.Line();
        w.Line("return -1;");
        w.Close();
        w.Line();
        for (int index = 0; index < candidates.Count; index++)
        {
            w.Line("if (reader.ValueTextEquals(" + SourceWriter.Literal(candidates[index]) + "u8)) return " + index + ";");
        }

        w.Line("return -1;");
    }
}

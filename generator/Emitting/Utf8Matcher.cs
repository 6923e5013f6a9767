using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Scenario.Generators.Emitting;

/// <summary>
/// A method that maps the reader's current string (a property name or an enum value) to an index without allocating. Unescaped single-segment text is switched on its byte length, then, where several candidates
/// share a length, on the byte at the position that tells them apart best, and only then compared with a <c>u8</c>
/// literal; escaped or segmented text falls back to <c>ValueTextEquals</c>. Below C# 11, which has no <c>u8</c>
/// literals, each text is a <c>static ReadOnlySpan&lt;byte&gt;</c> property over a byte array instead, which the compiler
/// turns into the same read-only data (no array is allocated).
/// </summary>
internal static class Utf8Matcher
{
    /// <summary>
    /// Writes <c>private static int {name}(ref Utf8JsonReader reader)</c> and its helpers. Lengths shared by three or more
    /// candidates get a helper method of their own, so no method holds more than a few span temporaries (a method with
    /// a hundred of them spends its time zeroing its stack frame).
    /// </summary>
    public static void EmitMethod(SourceWriter w, string name, IReadOnlyList<string> candidates)
    {
        byte[][] bytes = candidates.Select(c => Encoding.UTF8.GetBytes(c)).ToArray();
        List<IGrouping<int, int>> byLength = Enumerable.Range(0, candidates.Count).GroupBy(i => bytes[i].Length).OrderBy(g => g.Key).ToList();

        w.Open($"private static int {name}(ref {TypeSyntax.Reader} reader)");
        if (candidates.Count == 0)
        {
            w.Line("return -1;");
            w.Close();
            return;
        }

        w.Open("if (!reader.ValueIsEscaped && !reader.HasValueSequence)");
        w.Line("global::System.ReadOnlySpan<byte> text = reader.ValueSpan;");
        w.Open("switch (text.Length)");
        foreach (IGrouping<int, int> sameLength in byLength)
        {
            w.Line($"case {sameLength.Key}:");
            if (sameLength.Count() <= 2)
            {
                foreach (int index in sameLength)
                {
                    Compare(w, name, candidates[index], index);
                }

                w.Line("    break;");
            }
            else
            {
                w.Line($"    return {name}{sameLength.Key}(text);");
            }
        }

        w.Close();
        w.Line();
        w.Line("return -1;");
        w.Close();
        w.Line();
        for (int index = 0; index < candidates.Count; index++)
        {
            if (w.Features.Utf8Literals)
            {
                w.Line($"if (reader.ValueTextEquals({SourceWriter.Quote(candidates[index])}u8)) return {index};");
            }
            else
            {
                w.Line($"if (reader.ValueTextEquals({BytesName(name, index)})) return {index};");
            }
        }

        w.Line("return -1;");
        w.Close();

        foreach (IGrouping<int, int> sameLength in byLength.Where(g => g.Count() > 2))
        {
            int[] group = sameLength.ToArray();
            int position = BestPosition(group.Select(i => bytes[i]).ToArray());
            w.Line();
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
            w.Open($"private static int {name}{sameLength.Key}(global::System.ReadOnlySpan<byte> text)");
            w.Open($"switch (text[{position}])");
            foreach (IGrouping<byte, int> sameByte in group.GroupBy(i => bytes[i][position]).OrderBy(g => g.Key))
            {
                w.Line($"case {ByteLiteral(sameByte.Key)}:");
                foreach (int index in sameByte)
                {
                    Compare(w, name, candidates[index], index);
                }

                w.Line("    break;");
            }

            w.Close();
            w.Line();
            w.Line("return -1;");
            w.Close();
        }

        if (!w.Features.Utf8Literals)
        {
            w.Line();
            for (int index = 0; index < candidates.Count; index++)
            {
                w.Line(BytesProperty(BytesName(name, index), candidates[index]));
            }
        }
    }

    /// <summary>
    /// <c>private static ReadOnlySpan&lt;byte&gt; {name} => new byte[] { … };</c>: what C# 9 and 10 have for a <c>u8</c>
    /// literal. The compiler emits the bytes as read-only data and the span over them, as it does for the literal.
    /// </summary>
    public static string BytesProperty(string name, string text) =>
        "private static global::System.ReadOnlySpan<byte> " + name + " => new byte[] { "
        + string.Join(", ", Encoding.UTF8.GetBytes(text).Select(b => "0x" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)))
        + " }; // " + SourceWriter.Literal(text);

    /// <summary>The name of the bytes of candidate <paramref name="index"/> of the matcher <paramref name="method"/> (whose helpers end in digits only).</summary>
    private static string BytesName(string method, int index) => method + "_Utf8_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A case's comparison of the span <c>text</c> with one candidate: a <c>u8</c> literal, or below C# 11 the property <see cref="BytesProperty"/> declares.</summary>
    private static void Compare(SourceWriter w, string method, string candidate, int index)
    {
        if (w.Features.Utf8Literals)
        {
            w.Line($"    if (global::System.MemoryExtensions.SequenceEqual(text, {SourceWriter.Quote(candidate)}u8)) return {index};");
        }
        else
        {
            w.Line($"    if (global::System.MemoryExtensions.SequenceEqual(text, {BytesName(method, index)})) return {index};");
        }
    }

    /// <summary>The position whose byte takes the most distinct values among the candidates (the first such, on a tie).</summary>
    private static int BestPosition(byte[][] group)
    {
        int best = 0;
        int bestDistinct = 0;
        bool[] seen = new bool[256];
        for (int position = 0; position < group[0].Length; position++)
        {
            System.Array.Clear(seen, 0, seen.Length);
            int distinct = 0;
            foreach (byte[] candidate in group)
            {
                if (!seen[candidate[position]])
                {
                    seen[candidate[position]] = true;
                    distinct++;
                }
            }

            if (distinct > bestDistinct)
            {
                best = position;
                bestDistinct = distinct;
            }
        }

        return best;
    }

    private static string ByteLiteral(byte value) =>
        value is >= 0x20 and < 0x7F && value != (byte)'\'' && value != (byte)'\\'
            ? "(byte)'" + (char)value + "'"
            : "0x" + value.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
}

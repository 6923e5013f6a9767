using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Scenario.Generators.Emitting;

/// <summary>
/// A method that maps the reader's current string (a property name or an enum value) to an index without allocating.
/// Unescaped single-segment text is switched on its byte length, then, where several candidates share a length, on the
/// byte at the position that tells them apart best, and only then compared with a <c>u8</c> literal; escaped or
/// segmented text is looked up in the type's array of the candidates where it has one, else compared by
/// <c>ValueTextEquals</c> with each. Below C# 11, which has no <c>u8</c> literals, each text is a
/// <c>static ReadOnlySpan&lt;byte&gt;</c> property over a byte array instead, which the compiler turns into the same
/// read-only data (no array is allocated).
/// </summary>
internal static class Utf8Matcher
{
    /// <summary>The test of a <c>case</c> of the length (or byte) switch: the span <c>text</c> against one candidate.</summary>
    private const string SpanEquals = "    if (global::System.MemoryExtensions.SequenceEqual(text, ";

    /// <summary>Each byte as a <c>case</c> label: a character literal where it is printable ASCII, else hexadecimal.</summary>
    private static readonly string[] ByteLiterals = Enumerable.Range(0, 256).Select(b =>
        b is >= 0x20 and < 0x7F && b != '\'' && b != '\\'
            ? "(byte)'" + (char)b + "'"
            : "0x" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// Writes <c>private static int {name}(ref Utf8JsonReader reader)</c> and its helpers. Lengths shared by three or more
    /// candidates get a helper method of their own, so no method holds more than a few span temporaries (a method with
    /// a hundred of them spends its time zeroing its stack frame).
    /// </summary>
    /// <param name="names">
    /// A string array field holding <paramref name="candidates"/> in their order, if the type has one: escaped or
    /// segmented text (rare) is then looked up in it with one call rather than compared with each candidate in turn.
    /// </param>
    public static void EmitMethod(SourceWriter w, string name, IReadOnlyList<string> candidates, string? names = null)
    {
        var bytes = new byte[candidates.Count][];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = Encoding.UTF8.GetBytes(candidates[i]);
        }

        // The candidates by byte length (and, within a length, in their own order): runs of one length follow each other.
        Func<int, int> lengthOf = i => bytes[i].Length;
        int[] byLength = Ordered(bytes.Length, lengthOf);

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
        for (int start = 0, end; start < byLength.Length; start = end)
        {
            int length = bytes[byLength[start]].Length;
            end = RunEnd(byLength, start, lengthOf);
            w.Line($"case {length}:");
            if (end - start <= 2)
            {
                for (int k = start; k < end; k++)
                {
                    ReturnIfEqual(w, SpanEquals, name, candidates[byLength[k]], byLength[k]);
                }

                w.Line("    break;");
            }
            else
            {
                w.Line($"    return {name}{length}(text);");
            }
        }

        w.Close();
        w.Line();
        w.Line("return -1;");
        w.Close();
        w.Line();
        if (names is not null)
        {
            w.Line($"return {TypeSyntax.JsonRead}.IndexOf(ref reader, {names});");
        }
        else
        {
            for (int index = 0; index < candidates.Count; index++)
            {
                ReturnIfEqual(w, "if (reader.ValueTextEquals(", name, candidates[index], index);
            }

            w.Line("return -1;");
        }

        w.Close();

        for (int start = 0, end; start < byLength.Length; start = end)
        {
            end = RunEnd(byLength, start, lengthOf);
            if (end - start <= 2)
            {
                continue;
            }

            var group = new byte[end - start][];
            for (int k = start; k < end; k++)
            {
                group[k - start] = bytes[byLength[k]];
            }

            int position = BestPosition(group);
            int[] byByte = Ordered(end - start, k => group[k][position]);
            w.Line();
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
            w.Open($"private static int {name}{group[0].Length}(global::System.ReadOnlySpan<byte> text)");
            w.Open($"switch (text[{position}])");
            for (int first = 0, last; first < byByte.Length; first = last)
            {
                last = RunEnd(byByte, first, k => group[k][position]);
                w.Line($"case {ByteLiterals[group[byByte[first]][position]]}:");
                for (int k = first; k < last; k++)
                {
                    int index = byLength[start + byByte[k]];
                    ReturnIfEqual(w, SpanEquals, name, candidates[index], index);
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

    /// <summary>
    /// <c>{test}{bytes})) return {index};</c>: a comparison (<paramref name="test"/> ends in the open call) with one
    /// candidate's UTF-8 bytes, a <c>u8</c> literal or below C# 11 the property <see cref="BytesProperty"/> declares.
    /// </summary>
    private static void ReturnIfEqual(SourceWriter w, string test, string method, string candidate, int index)
    {
        if (w.Features.Utf8Literals)
        {
            w.Line($"{test}{SourceWriter.Quote(candidate)}u8)) return {index};");
        }
        else
        {
            w.Line($"{test}{BytesName(method, index)})) return {index};");
        }
    }

    /// <summary>The position whose byte takes the most distinct values among the candidates (the first such, on a tie).</summary>
    private static int BestPosition(byte[][] group)
    {
        int best = 0;
        int bestDistinct = 0;
        var seen = new ulong[4];
        for (int position = 0; position < group[0].Length; position++)
        {
            seen[0] = seen[1] = seen[2] = seen[3] = 0;
            int distinct = 0;
            foreach (byte[] candidate in group)
            {
                byte value = candidate[position];
                ulong bit = 1UL << (value & 63);
                if ((seen[value >> 6] & bit) == 0)
                {
                    seen[value >> 6] |= bit;
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

    /// <summary>The indices 0 to <paramref name="count"/> - 1 ordered by <paramref name="key"/>, and by index where keys are equal.</summary>
    private static int[] Ordered(int count, Func<int, int> key)
    {
        var keys = new long[count];
        var indices = new int[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = ((long)key(i) << 32) | (uint)i;
            indices[i] = i;
        }

        Array.Sort(keys, indices);
        return indices;
    }

    /// <summary>Where the run of equal keys that starts at <paramref name="start"/> of <paramref name="ordered"/> ends.</summary>
    private static int RunEnd(int[] ordered, int start, Func<int, int> key)
    {
        int end = start + 1;
        while (end < ordered.Length && key(ordered[end]) == key(ordered[start]))
        {
            end++;
        }

        return end;
    }
}

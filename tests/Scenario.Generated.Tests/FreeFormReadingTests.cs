using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Scenario.Runtime.Json;
using Xunit;

namespace Scenario.Generated.Tests;

/// <summary>
/// <see cref="JsonRead.Element"/>, the reader of free-form values: whatever the value, the element holds exactly its JSON
/// text (whitespace included) and the reader is left on the value's last token, whether the value is one of the shared
/// elements (<c>{}</c>, <c>[]</c>, literals) or parsed into a document of its own.
/// </summary>
public class FreeFormReadingTests
{
    public static TheoryData<string, JsonValueKind> Values => new()
    {
        { "{}", JsonValueKind.Object },
        { "[]", JsonValueKind.Array },
        { "true", JsonValueKind.True },
        { "false", JsonValueKind.False },
        { "null", JsonValueKind.Null },
        { "{ }", JsonValueKind.Object },
        { "[\n]", JsonValueKind.Array },
        { "{\"a\":{}}", JsonValueKind.Object },
        { "[[],{},null]", JsonValueKind.Array },
        { "\"text\"", JsonValueKind.String },
        { "1.50", JsonValueKind.Number },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void The_element_is_the_value_as_written_and_the_reader_is_left_on_its_end(string value, JsonValueKind kind)
    {
        var reader = new Utf8JsonReader(InArray(value));

        ReadsThenGoesOn(ref reader, value, kind);
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_split_across_buffer_segments_reads_the_same(string value, JsonValueKind kind)
    {
        byte[] json = InArray(value);
        for (int split = 1; split < json.Length; split++)
        {
            var reader = new Utf8JsonReader(Segments.Split(json, split));

            ReadsThenGoesOn(ref reader, value, kind);
        }
    }

    /// <summary>The value, then the number 2, in an array.</summary>
    private static byte[] InArray(string value) => Encoding.UTF8.GetBytes("[" + value + ",2]");

    /// <summary>Reads the value of <see cref="InArray"/> as an element: exactly as written, and the 2 comes next.</summary>
    private static void ReadsThenGoesOn(ref Utf8JsonReader reader, string value, JsonValueKind kind)
    {
        reader.Read();
        reader.Read();

        JsonElement element = JsonRead.Element(ref reader, JsonSerializerOptions.Default);

        Assert.Equal(kind, element.ValueKind);
        Assert.Equal(value, element.GetRawText());
        Assert.True(reader.Read());
        Assert.Equal(2, reader.GetInt32());
    }

    [Fact]
    public void Shared_elements_are_independent_values_for_their_holders()
    {
        var elements = new List<JsonElement>();
        foreach (string value in new[] { "{}", "{}", "[]", "null" })
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(value));
            reader.Read();
            elements.Add(JsonRead.Element(ref reader, JsonSerializerOptions.Default));
        }

        // Each one still writes, clones and compares as the value it was read from.
        Assert.Equal("{}", JsonSerializer.Serialize(elements[0]));
        Assert.Equal("{}", elements[1].Clone().GetRawText());
        Assert.True(JsonEquality.Equal(elements[0], elements[1]));
        Assert.False(JsonEquality.Equal(elements[0], elements[2]));
        Assert.Equal(JsonValueKind.Null, elements[3].ValueKind);
    }

    private static class Segments
    {
        /// <summary><paramref name="json"/> as two segments, the first ending before <paramref name="at"/>.</summary>
        public static ReadOnlySequence<byte> Split(byte[] json, int at)
        {
            var first = new Segment(json.AsMemory(0, at), 0);
            Segment last = first.Append(json.AsMemory(at));
            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }

        private sealed class Segment : ReadOnlySequenceSegment<byte>
        {
            public Segment(System.ReadOnlyMemory<byte> memory, long index)
            {
                Memory = memory;
                RunningIndex = index;
            }

            public Segment Append(System.ReadOnlyMemory<byte> memory)
            {
                var next = new Segment(memory, RunningIndex + Memory.Length);
                Next = next;
                return next;
            }
        }
    }
}

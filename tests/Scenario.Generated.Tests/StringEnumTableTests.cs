using System;
using System.Buffers;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Scenario.Runtime;
using Scenario.Runtime.Json;
using Xunit;

namespace Scenario.Generated.Tests;

/// <summary>
/// The runtime's <see cref="StringEnumTable{TEnum}"/>, on its own: what every generated string enum's converter forwards
/// to (matching, reading, writing, the wire value of a member and back), over enums declared here.
/// </summary>
public class StringEnumTableTests
{
    public enum Color
    {
        Red,
        DarkRed,
        Empty,
        Cafe,
        Plus,
    }

    public enum Wide : long
    {
        One,
    }

    private static readonly StringEnumTable<Color> Colors = new(new[] { "red", "dark-red", "", "café", "a+b" });

    /// <summary>An enum of many values of one length that share their first and last eight bytes, differing in the middle only.</summary>
    private static readonly string[] Crowded = Enumerable.Range(0, 300).Select(i => "inference-" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + "-texture").ToArray();

    private static readonly StringEnumTable<Color> CrowdedTable = new(Crowded);

    [Theory]
    [InlineData("\"red\"", Color.Red)]
    [InlineData("\"dark-red\"", Color.DarkRed)]
    [InlineData("\"\"", Color.Empty)]
    [InlineData("\"café\"", Color.Cafe)]
    [InlineData("\"caf\\u00e9\"", Color.Cafe)]
    [InlineData("\"\\u0072ed\"", Color.Red)]
    [InlineData("\"a+b\"", Color.Plus)]
    public void Reads_each_member_written_plainly_or_escaped(string json, Color expected)
    {
        OpenEnum<Color> value = Read(Colors, json);

        Assert.True(value.IsKnown);
        Assert.Equal(expected, value.Value);
    }

    [Theory]
    [InlineData("\"blue\"", "blue")]
    [InlineData("\"Red\"", "Red")]
    [InlineData("\"re\"", "re")]
    [InlineData("\"redd\"", "redd")]
    [InlineData("\"dark-rex\"", "dark-rex")]
    [InlineData("\"\\u0062lue\"", "blue")]
    public void Keeps_a_value_it_does_not_list_as_its_string(string json, string wire)
    {
        OpenEnum<Color> value = Read(Colors, json);

        Assert.False(value.IsKnown);
        Assert.Equal(wire, value.WireValue);
    }

    [Fact]
    public void Reads_a_value_split_across_buffers()
    {
        byte[] json = Encoding.UTF8.GetBytes("\"dark-red\"");
        var first = new Segment(json.AsMemory(0, 4));
        Segment last = first.Append(json.AsMemory(4));
        var reader = new Utf8JsonReader(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));
        reader.Read();

        Assert.True(reader.HasValueSequence);
        Assert.Equal(Color.DarkRed, Colors.Read(ref reader).Value);
    }

    [Fact]
    public void Finds_every_value_of_a_crowded_enum_and_none_beside_them()
    {
        for (int i = 0; i < Crowded.Length; i++)
        {
            OpenEnum<Color> value = Read(CrowdedTable, "\"" + Crowded[i] + "\"");
            Assert.True(value.IsKnown, Crowded[i]);
            Assert.Equal(i, (int)value.Value);
        }

        Assert.False(Read(CrowdedTable, "\"inference-300-texture\"").IsKnown);
        Assert.False(Read(CrowdedTable, "\"inference-0a0-texture\"").IsKnown);
    }

    [Fact]
    public void Another_token_is_an_error_at_its_path()
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("12"));
        reader.Read();
        JsonPathException error;
        try
        {
            Colors.Read(ref reader);
            throw new InvalidOperationException("no error");
        }
        catch (JsonPathException e)
        {
            error = e;
        }

        Assert.Equal("Expected a string but found a number.", error.Reason);
        Assert.Equal("$", error.Path);
    }

    [Theory]
    [InlineData(Color.Red, "red")]
    [InlineData(Color.Empty, "")]
    [InlineData(Color.Cafe, "café")]
    public void Gives_the_wire_value_of_a_member_and_back(Color member, string wire)
    {
        Assert.Equal(wire, Colors.ToWireValue(member));
        Assert.True(Colors.TryParse(wire, out Color parsed));
        Assert.Equal(member, parsed);
    }

    [Fact]
    public void A_number_that_is_no_member_has_no_wire_value_and_no_string_parses_to_it()
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => Colors.ToWireValue((Color)7));
        Assert.StartsWith("Not a member of Color.", error.Message, StringComparison.Ordinal);
        Assert.Equal((Color)7, error.ActualValue);
        Assert.False(Colors.TryParse("blue", out Color none));
        Assert.Equal(default(Color), none);
        Assert.False(Colors.TryParse(null!, out _));
    }

    [Fact]
    public void Writes_a_member_its_wire_value_and_an_unknown_value_as_it_was_read()
    {
        Assert.Equal("[\"dark-red\",\"blue\"]", Write(w =>
        {
            w.WriteStartArray();
            Colors.Write(w, Color.DarkRed);
            Colors.Write(w, OpenEnum<Color>.FromUnknownWireValue("blue"));
            w.WriteEndArray();
        }));
        Assert.Equal("{\"a\":\"red\",\"b\":\"blue\"}", Write(w =>
        {
            w.WriteStartObject();
            Colors.WriteProperty(w, JsonEncodedText.Encode("a"), Color.Red);
            Colors.WriteProperty(w, JsonEncodedText.Encode("b"), OpenEnum<Color>.FromUnknownWireValue("blue"));
            w.WriteEndObject();
        }));
    }

    [Fact]
    public void Values_an_encoder_escapes_are_written_by_the_writer_s_encoder()
    {
        Assert.Equal("\"a\\u002Bb\"", Write(w => Colors.Write(w, Color.Plus)));
        Assert.Equal("\"caf\\u00E9\"", Write(w => Colors.Write(w, Color.Cafe)));
        Assert.Equal("\"a+b\"", Write(w => Colors.Write(w, Color.Plus), JavaScriptEncoder.UnsafeRelaxedJsonEscaping));
        Assert.Equal("\"café\"", Write(w => Colors.Write(w, Color.Cafe), JavaScriptEncoder.UnsafeRelaxedJsonEscaping));
        Assert.Equal("\"inference-007-texture\"", Write(w => CrowdedTable.Write(w, (Color)7), JavaScriptEncoder.UnsafeRelaxedJsonEscaping));
    }

    [Fact]
    public void A_number_that_is_no_member_cannot_be_written()
    {
        JsonException error = Assert.Throws<JsonException>(() => Write(w => Colors.Write(w, (Color)7)));
        Assert.Equal("The value is not a member of Color: 7.", error.Message);
        Assert.Throws<JsonException>(() => Write(w => CrowdedTable.WriteProperty(w, JsonEncodedText.Encode("a"), (Color)(-1))));
    }

    [Fact]
    public void Only_an_int_enum_has_a_table()
    {
        Assert.Throws<ArgumentException>(() => new StringEnumTable<Wide>(new[] { "one" }));
    }

    private static OpenEnum<Color> Read(StringEnumTable<Color> table, string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return table.Read(ref reader);
    }

    private static string Write(Action<Utf8JsonWriter> write, JavaScriptEncoder? encoder = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder, SkipValidation = true }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}

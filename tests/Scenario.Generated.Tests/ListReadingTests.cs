using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Scenario.Runtime.Json;
using Xunit;

namespace Scenario.Generated.Tests;

/// <summary>
/// <see cref="JsonRead.List{T}"/>: short arrays are kept as read, longer ones through a pooled buffer that grows; either
/// way the list holds exactly the items, in order, the reader is left on the array's end, and a failing item is located
/// by its index.
/// </summary>
public class ListReadingTests
{
    private static readonly JsonValueReader<int> ReadInt = static (ref Utf8JsonReader r, JsonSerializerOptions o) => JsonRead.Int32(ref r, o);

    private static Utf8JsonReader On(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(33)]
    [InlineData(1000)]
    public void Every_item_is_read_in_order_and_the_reader_is_left_on_the_end(int count)
    {
        int[] expected = Enumerable.Range(1, count).ToArray();
        Utf8JsonReader reader = On("{\"a\":[" + string.Join(",", expected) + "],\"b\":1}");
        reader.Read();
        reader.Read();

        IReadOnlyList<int> list = JsonRead.List(ref reader, JsonSerializerOptions.Default, ReadInt);

        Assert.Equal(expected, list);
        Assert.Equal(count, list.Count);
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.PropertyName, reader.TokenType);
    }

    [Fact]
    public void Lists_of_lists_each_keep_their_own_items()
    {
        string json = "[" + string.Join(",", Enumerable.Range(0, 20).Select(i => "[" + string.Join(",", Enumerable.Range(i * 100, i)) + "]")) + "]";
        Utf8JsonReader reader = On(json);

        IReadOnlyList<IReadOnlyList<int>> lists = JsonRead.List(ref reader, JsonSerializerOptions.Default, static (ref Utf8JsonReader r, JsonSerializerOptions o) => JsonRead.List(ref r, o, ReadInt));

        Assert.Equal(20, lists.Count);
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(Enumerable.Range(i * 100, i), lists[i]);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(40)]
    public void A_failing_item_is_located_by_its_index(int index)
    {
        string json = "[" + string.Join(",", Enumerable.Range(0, 50).Select(i => i == index ? "\"x\"" : i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
        Utf8JsonReader reader = On(json);
        JsonException? failure = null;

        try
        {
            JsonRead.List(ref reader, JsonSerializerOptions.Default, ReadInt);
        }
        catch (JsonException e)
        {
            failure = e;
        }

        Assert.NotNull(failure);
        Assert.Equal("$[" + index + "]", failure!.Path);
    }

    [Fact]
    public void A_list_read_is_written_back_as_it_was()
    {
        foreach (int count in new[] { 0, 1, 3, 5, 40 })
        {
            string json = "[" + string.Join(",", Enumerable.Range(7, count)) + "]";
            Utf8JsonReader reader = On(json);
            IReadOnlyList<int> list = JsonRead.List(ref reader, JsonSerializerOptions.Default, ReadInt);

            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                JsonWrite.List(writer, list, JsonSerializerOptions.Default, static (Utf8JsonWriter w, int v, JsonSerializerOptions o) => w.WriteNumberValue(v));
            }

            Assert.Equal(json, Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
    }
}

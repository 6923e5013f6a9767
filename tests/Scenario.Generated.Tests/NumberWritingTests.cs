using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Scenario.Runtime.Json;
using Xunit;

namespace Scenario.Generated.Tests;

/// <summary>
/// <see cref="JsonWrite.Number(Utf8JsonWriter, double)"/> formats whole numbers as integers, for speed; the text must be
/// the one <see cref="Utf8JsonWriter.WriteNumberValue(double)"/> writes, byte for byte, whatever the value.
/// </summary>
public class NumberWritingTests
{
    public static TheoryData<double> Edges => new()
    {
        0d, -0d, 1d, -1d, 0.5, -0.5, 42d, 1e14, -1e14, 999_999_999_999_999d, -999_999_999_999_999d, 1e15, -1e15, 1e15 + 2,
        1e16, 9_007_199_254_740_992d, 9_007_199_254_740_994d, 123_456_789_012_345d, 99_999_999_999_999.9, 1e-7, 1e-323,
        double.MaxValue, double.MinValue, double.Epsilon, long.MaxValue, long.MinValue, int.MaxValue, int.MinValue,
        4.35, 21.5, -0.000001, 1e21, 1e22, 0.1 + 0.2,
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void A_number_is_written_as_the_writer_writes_it(double value)
    {
        Assert.Equal(Reference(value), Written(value));
        Assert.Equal(ReferenceProperty(value), WrittenProperty(value));
    }

    [Fact]
    public void Random_numbers_are_written_as_the_writer_writes_them()
    {
        var random = new Random(20260112);
        for (int i = 0; i < 20_000; i++)
        {
            double value = (i % 4) switch
            {
                0 => Math.Round((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(0, 18))),
                1 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-10, 20)),
                2 => BitConverter.Int64BitsToDouble(random.NextInt64()),
                _ => random.Next(-1000, 1000),
            };
            if (!double.IsFinite(value))
            {
                continue;
            }

            Assert.Equal(Reference(value), Written(value));
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void What_json_cannot_hold_is_refused_as_the_writer_refuses_it(double value)
    {
        Assert.Throws<ArgumentException>(() => Written(value));
    }

    private static string Written(double value) => Write(writer => JsonWrite.Number(writer, value));

    private static string Reference(double value) => Write(writer => writer.WriteNumberValue(value));

    private static string WrittenProperty(double value) => Write(writer =>
    {
        writer.WriteStartObject();
        JsonWrite.Number(writer, JsonEncodedText.Encode("n"), value);
        JsonWrite.Number(writer, "m+", value);
        writer.WriteEndObject();
    });

    private static string ReferenceProperty(double value) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("n", value);
        writer.WriteNumber("m+", value);
        writer.WriteEndObject();
    });

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

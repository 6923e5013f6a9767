using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Scenario.Runtime.Json;
using Xunit;

namespace Scenario.Generated.Tests;

/// <summary>
/// <see cref="JsonRead.Double"/> sums short whole numbers from their digits and gives the rest to the parser: either way
/// the double is bit for bit the one <see cref="Utf8JsonReader.TryGetDouble"/> reads, negative zero included.
/// </summary>
public class NumberReadingTests
{
    public static IEnumerable<object[]> Numbers()
    {
        string[] fixedCases =
        {
            "0", "-0", "1", "-1", "9", "10", "1024", "-1024", "999999999999999", "-999999999999999", "1000000000000000",
            "9007199254740993", "-9007199254740993", "123456789012345678901234567890", "0.5", "-0.0", "1e3", "1E-3", "1.50",
            "2.2250738585072014E-308", "1e400", "-1e400", "4.9e-324",
        };
        var numbers = new HashSet<string>(fixedCases, StringComparer.Ordinal);
        var random = new Random(1234);
        for (int i = 0; i < 200; i++)
        {
            int digits = random.Next(1, 19);
            var text = new StringBuilder(random.Next(4) == 0 ? "-" : string.Empty);
            text.Append((char)('1' + random.Next(9)));
            for (int d = 1; d < digits; d++)
            {
                text.Append((char)('0' + random.Next(10)));
            }

            numbers.Add(text.ToString());
        }

        foreach (string number in numbers)
        {
            yield return new object[] { number };
        }
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void A_number_reads_as_the_parser_reads_it(string number)
    {
        var parsed = new Utf8JsonReader(Encoding.UTF8.GetBytes(number));
        parsed.Read();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(number));
        reader.Read();

        if (parsed.TryGetDouble(out double expected))
        {
            double value = JsonRead.Double(ref reader, JsonSerializerOptions.Default);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
        }
        else
        {
            JsonException failure = Assert.ThrowsAny<JsonException>(() =>
            {
                var r = new Utf8JsonReader(Encoding.UTF8.GetBytes(number));
                r.Read();
                return JsonRead.Double(ref r, JsonSerializerOptions.Default);
            });
            Assert.Contains("range of a double", failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Negative_zero_stays_negative()
    {
        var reader = new Utf8JsonReader("-0"u8);
        reader.Read();

        double value = JsonRead.Double(ref reader, JsonSerializerOptions.Default);

        Assert.True(double.IsNegative(value));
        Assert.Equal("-0", value.ToString(CultureInfo.InvariantCulture));
    }
}

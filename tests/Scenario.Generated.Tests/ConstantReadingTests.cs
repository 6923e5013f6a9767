using System.Text;
using System.Text.Json;
using Scenario.Runtime.Json;
using Xunit;

namespace Scenario.Generated.Tests;

/// <summary>
/// <see cref="JsonRead.String(ref Utf8JsonReader, JsonSerializerOptions, string)"/>: a schema's constant read as written is
/// the constant's own instance (nothing allocated); any other text, escaped or not, is read as it is.
/// </summary>
public class ConstantReadingTests
{
    [Theory]
    [InlineData("\"card\"", "card", true)]
    [InlineData("\"c\\u0061rd\"", "card", false)]
    [InlineData("\"carD\"", "carD", false)]
    [InlineData("\"cards\"", "cards", false)]
    [InlineData("\"\"", "", false)]
    [InlineData("\"caf\u00e9\"", "caf\u00e9", false)]
    public void A_constant_is_its_own_instance_only_when_read_as_written(string json, string expected, bool same)
    {
        const string constant = "card";
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();

        string read = JsonRead.String(ref reader, JsonSerializerOptions.Default, constant);

        Assert.Equal(expected, read);
        Assert.Equal(same, ReferenceEquals(constant, read));
    }

    [Fact]
    public void Non_ASCII_bytes_never_match_a_constant_of_as_many_characters()
    {
        // "été" is 5 bytes of UTF-8, as many as the constant has characters.
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("\"\u00e9t\u00e9\""));
        reader.Read();

        Assert.Equal("\u00e9t\u00e9", JsonRead.String(ref reader, JsonSerializerOptions.Default, "\u00e9t\u00e9!!"));
    }

    [Fact]
    public void A_value_that_is_not_a_string_is_refused_as_for_any_string()
    {
        var reader = new Utf8JsonReader("3"u8);
        reader.Read();
        JsonException? failure = null;
        try
        {
            JsonRead.String(ref reader, JsonSerializerOptions.Default, "card");
        }
        catch (JsonException e)
        {
            failure = e;
        }

        Assert.NotNull(failure);
    }
}

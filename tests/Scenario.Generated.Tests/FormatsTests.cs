using System;
using System.Collections.Generic;
using System.Text.Json;
using Formats;
using Xunit;

namespace Scenario.Generated.Tests;

/// <summary>
/// tests/Schemas/formats.schema.json, added with <c>Formats="true"</c>: values are typed by their <c>format</c>, written
/// back byte for byte as read while unchanged, in a canonical form when set in code, and a value that does not parse is a
/// <see cref="JsonException"/> with its path.
/// </summary>
public class FormatsTests
{
    private const string Full =
        """{"id":"6F9619FF-8B86-D011-B42D-00CF4FC964FF","createdAt":"2023-02-03T11:19:41.579Z","updatedAt":"2023-02-03T12:19:41.5+01:00","day":"2024-02-29","startsAt":"09:30:00.250+02:00","every":"P1W","link":"https://example.com/a%20b?x=1","path":"../events/1","organizer":"ada@example.com","price":12.50,"rate":1.5e2,"weight":1.0,"reminders":["2023-02-03T10:00:00Z","2023-02-03T10:30:00.000+00:00"],"history":{"created":"2023-01-01T00:00:00.0000000Z"},"when":"2023-02-04T08:00:00Z"}""";

    private static Event Read(string json) => JsonSerializer.Deserialize(json, FormatsJsonContext.Default.Event)!;

    private static string Write(Event value) => JsonSerializer.Serialize(value, FormatsJsonContext.Default.Event);

    [Fact]
    public void Values_are_typed_by_their_format()
    {
        Event e = Read(Full);

        Assert.Equal(Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), e.Id);
        Assert.Equal(new DateTimeOffset(2023, 2, 3, 11, 19, 41, 579, TimeSpan.Zero), e.CreatedAt);
        Assert.Equal(TimeSpan.FromHours(1), e.UpdatedAt!.Value.Offset);
        Assert.Equal(new DateOnly(2024, 2, 29), e.Day);
        Assert.Equal(new TimeOnly(9, 30, 0, 250), e.StartsAt);
        Assert.Equal(TimeSpan.FromDays(7), e.Every);
        Assert.Equal("example.com", e.Link!.Host);
        Assert.False(e.Path!.IsAbsoluteUri);
        Assert.Equal("ada@example.com", e.Organizer);
        Assert.Equal(12.50m, e.Price);
        Assert.Equal("12.50", e.Price!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(150m, e.Rate);
        Assert.Equal(1.0, e.Weight);
        Assert.Equal(new DateTimeOffset(2023, 2, 3, 10, 30, 0, TimeSpan.Zero), e.Reminders![1]);
        Assert.Equal(new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero), e.History!["created"]);
        Assert.Equal("2023-02-04T08:00:00Z", e.When!.Value.AsString);
    }

    [Fact]
    public void A_document_read_is_written_back_byte_for_byte()
    {
        Assert.Equal(Full.Replace("\"weight\":1.0", "\"weight\":1", StringComparison.Ordinal), Write(Read(Full)));
        Assert.Equal("""{"id":"00000000-0000-0000-0000-000000000001","createdAt":"2023-02-03T11:19:41.579Z"}""", Write(Read("""{"id":"00000000-0000-0000-0000-000000000001","createdAt":"2023-02-03T11:19:41.579Z"}""")));
    }

    [Fact]
    public void Values_set_in_code_are_written_in_the_canonical_form()
    {
        Event read = Read(Full);
        Event changed = read with
        {
            Id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
            CreatedAt = read.CreatedAt.AddSeconds(1),
            UpdatedAt = read.UpdatedAt!.Value.ToOffset(TimeSpan.Zero),
            Every = TimeSpan.FromMinutes(90.5),
            Link = new Uri("https://example.org/"),
            Price = 3m,
            Reminders = new List<DateTimeOffset> { new(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(-5)) },
        };

        string json = Write(changed);

        // The unchanged uuid keeps its upper case; the rest are the new values in their canonical form.
        Assert.Contains("\"id\":\"6F9619FF-8B86-D011-B42D-00CF4FC964FF\"", json, StringComparison.Ordinal);
        Assert.Contains("\"createdAt\":\"2023-02-03T11:19:42.579Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"updatedAt\":\"2023-02-03T11:19:41.5Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"every\":\"PT1H30M30S\"", json, StringComparison.Ordinal);
        Assert.Contains("\"link\":\"https://example.org/\"", json, StringComparison.Ordinal);
        Assert.Contains("\"price\":3,", json, StringComparison.Ordinal);
        Assert.Contains("\"reminders\":[\"2024-05-06T07:08:09-05:00\"]", json, StringComparison.Ordinal);
        Assert.Equal(changed, Read(json));
    }

    [Theory]
    [InlineData("P3DT4H30M", 3 * 24 * 60 + 4 * 60 + 30)]
    [InlineData("PT0.5S", 0.5 / 60)]
    [InlineData("P2W", 2 * 7 * 24 * 60)]
    [InlineData("PT36H", 36 * 60)]
    public void Durations_of_weeks_days_and_time_read_as_time_spans(string text, double minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), Read("{\"id\":\"00000000-0000-0000-0000-000000000001\",\"createdAt\":\"2023-02-03T11:19:41Z\",\"every\":\"" + text + "\"}").Every);
    }

    [Theory]
    [InlineData("id", "\"not-a-uuid\"")]
    [InlineData("createdAt", "\"yesterday\"")]
    [InlineData("day", "\"2024-02-30\"")]
    [InlineData("startsAt", "\"25:00:00\"")]
    [InlineData("every", "\"P1Y\"")]
    [InlineData("every", "\"P\"")]
    [InlineData("price", "\"12.50\"")]
    [InlineData("reminders", "[\"2023-02-03T10:00:00Z\",\"soon\"]")]
    public void A_value_that_does_not_parse_is_a_json_exception_with_its_path(string property, string value)
    {
        string json = "{\"id\":\"00000000-0000-0000-0000-000000000001\",\"createdAt\":\"2023-02-03T11:19:41Z\",\"" + property + "\":" + value + "}";
        if (property is "id" or "createdAt")
        {
            json = "{\"" + property + "\":" + value + "}";
        }

        JsonException failure = Assert.ThrowsAny<JsonException>(() => Read(json));

        Assert.StartsWith("$." + property, failure.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_values_read_from_different_texts_compare_equal()
    {
        Event first = Read("""{"id":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","createdAt":"2023-02-03T11:19:41.579Z","price":12.5}""");
        Event second = Read("""{"id":"6F9619FF-8B86-D011-B42D-00CF4FC964FF","createdAt":"2023-02-03T11:19:41.5790Z","price":12.50}""");

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }
}

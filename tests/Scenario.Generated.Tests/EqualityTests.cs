using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Petstore;
using Scenario;
using Xunit;

namespace Scenario.Generated.Tests;

/// <summary>
/// Records compare by value: two read from the same JSON are equal and hash alike, lists, maps, <c>JsonElement</c>s and
/// unknown properties included; any difference on the wire makes them differ.
/// </summary>
public class EqualityTests
{
    private static readonly string Seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "seed-response.json"));

    private const string Page = """
        { "pets": [ { "id": "p1", "name": "Rex", "species": "dog", "status": "sold", "ageMonths": 30, "weightKg": 12.5, "microchip": 985112003456789,
                      "tags": ["friendly"], "photoSizes": [[640, 480]], "category": { "name": "Mammals", "children": [] },
                      "attributes": { "colour": "brown" }, "extra": { "b": [1, 2], "a": 1.0 }, "adoptedAt": null, "unknown": { "x": true } } ],
          "nextCursor": null, "total": 1 }
        """;

    [Fact]
    public void The_seed_read_twice_and_after_a_round_trip_is_equal_with_the_same_hash()
    {
        ExampleListResponse first = JsonSerializer.Deserialize(Seed, ScenarioJsonContext.Default.ExampleListResponse)!;
        ExampleListResponse second = JsonSerializer.Deserialize(Seed, ScenarioJsonContext.Default.ExampleListResponse)!;
        ExampleListResponse again = JsonSerializer.Deserialize(JsonSerializer.Serialize(first, ScenarioJsonContext.Default.ExampleListResponse), ScenarioJsonContext.Default.ExampleListResponse)!;

        Assert.Equal(first, second);
        Assert.Equal(first, again);
        Assert.Equal(first.GetHashCode(), again.GetHashCode());
        Assert.True(first == again);
    }

    [Fact]
    public void Json_values_compare_by_content_members_in_any_order_and_numbers_by_value()
    {
        PetPage page = JsonSerializer.Deserialize(Page, PetstoreJsonContext.Default.PetPage)!;
        PetPage reordered = JsonSerializer.Deserialize(Page.Replace("\"b\": [1, 2], \"a\": 1.0", "\"a\": 1, \"b\": [1, 2]", StringComparison.Ordinal), PetstoreJsonContext.Default.PetPage)!;

        Assert.Equal(page, reordered);
        Assert.Equal(page.GetHashCode(), reordered.GetHashCode());
    }

    [Theory]
    [InlineData("\"friendly\"", "\"calm\"")]
    [InlineData("[[640, 480]]", "[[640, 481]]")]
    [InlineData("\"colour\": \"brown\"", "\"colour\": \"black\"")]
    [InlineData("\"b\": [1, 2]", "\"b\": [2, 1]")]
    [InlineData("\"x\": true", "\"x\": false")]
    [InlineData("\"adoptedAt\": null, ", "")]
    [InlineData("985112003456789", "\"985112003456789\"")]
    public void Any_difference_on_the_wire_makes_them_differ(string original, string changed)
    {
        PetPage page = JsonSerializer.Deserialize(Page, PetstoreJsonContext.Default.PetPage)!;
        PetPage other = JsonSerializer.Deserialize(Page.Replace(original, changed, StringComparison.Ordinal), PetstoreJsonContext.Default.PetPage)!;

        Assert.NotEqual(page, other);
    }

    [Fact]
    public void Records_made_in_code_compare_by_value_too()
    {
        var left = new Category { Name = "Dogs", Children = new List<Category> { new() { Name = "Puppies" } } };
        var right = new Category { Name = "Dogs", Children = new[] { new Category { Name = "Puppies" } } };

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, right with { Name = "Cats" });
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""", """{"a":1,"a":2}""", true)]
    [InlineData("""{"a":1,"b":[1,{"c":null}]}""", """{"b":[1,{"c":null}],"a":1.0}""", true)]
    [InlineData("""{"a":1,"a":1}""", """{"a":1,"b":2}""", false)]
    [InlineData("""{"a":1,"b":2}""", """{"a":1,"a":1}""", false)]
    [InlineData("""[1,2]""", """[2,1]""", false)]
    public void Json_values_are_equal_by_content_and_the_relation_is_symmetric(string left, string right, bool equal)
    {
        using JsonDocument l = JsonDocument.Parse(left);
        using JsonDocument r = JsonDocument.Parse(right);

        Assert.Equal(equal, Scenario.Runtime.Json.JsonEquality.Equal(l.RootElement, r.RootElement));
        Assert.Equal(equal, Scenario.Runtime.Json.JsonEquality.Equal(r.RootElement, l.RootElement));
        Assert.True(Scenario.Runtime.Json.JsonEquality.Equal(l.RootElement, l.RootElement));
        if (equal)
        {
            Assert.Equal(Scenario.Runtime.Json.JsonEquality.Hash(l.RootElement), Scenario.Runtime.Json.JsonEquality.Hash(r.RootElement));
        }
    }
}

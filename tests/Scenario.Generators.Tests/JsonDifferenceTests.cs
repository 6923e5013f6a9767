using System.Text.Json;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>The comparison the real-schema round trips rely on: member order aside, numbers by value, first difference named.</summary>
public class JsonDifferenceTests
{
    [Theory]
    [InlineData("{\"a\":1,\"b\":[true,null]}", "{\"b\":[true,null],\"a\":1}")]
    [InlineData("{\"n\":1.0,\"m\":100}", "{\"n\":1,\"m\":1e2}")]
    [InlineData("\"x\"", "\"\\u0078\"")]
    public void Equal_values_have_no_difference(string expected, string actual)
    {
        using JsonDocument a = JsonDocument.Parse(expected), b = JsonDocument.Parse(actual);
        Assert.True(JsonElement.DeepEquals(a.RootElement, b.RootElement));
        Assert.Null(JsonDifference.Find(a.RootElement, b.RootElement));
    }

    [Theory]
    [InlineData("{\"a\":{\"b\":[1,2]}}", "{\"a\":{\"b\":[1,3]}}", "$.a.b[1]: expected 2, got 3")]
    [InlineData("{\"a\":1,\"b\":2}", "{\"a\":1}", "$.b: missing in the output (expected number 2)")]
    [InlineData("{\"a\":1}", "{\"a\":1,\"c-d\":null}", "$[\"c-d\"]: not in the input, but written as null null")]
    [InlineData("[1]", "[1,2]", "$: expected 1 items, got 2")]
    [InlineData("{\"a\":\"1\"}", "{\"a\":1}", "$.a: expected string \"1\", got number 1")]
    public void The_first_difference_is_named_by_its_path(string expected, string actual, string difference)
    {
        using JsonDocument a = JsonDocument.Parse(expected), b = JsonDocument.Parse(actual);
        Assert.False(JsonElement.DeepEquals(a.RootElement, b.RootElement));
        Assert.Equal(difference, JsonDifference.Find(a.RootElement, b.RootElement));
    }
}

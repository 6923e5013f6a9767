using System.Text.Json;
using Xunit;

namespace Scenario.Generated.Tests;

internal static class JsonAssert
{
    /// <summary>Asserts two JSON texts are the same value, key order aside (numbers compared by value).</summary>
    public static void Equivalent(string expected, string actual)
    {
        using JsonDocument left = JsonDocument.Parse(expected);
        using JsonDocument right = JsonDocument.Parse(actual);
        Assert.True(JsonElement.DeepEquals(left.RootElement, right.RootElement), $"JSON differs.\nExpected: {expected}\nActual:   {actual}");
    }
}

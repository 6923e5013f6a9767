using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Scenario.Generators.Tests;

/// <summary>Where two JSON values first differ, as a JSON path: object member order aside, numbers by value.</summary>
internal static class JsonDifference
{
    /// <summary>Null when the values are the same JSON value; otherwise the path of the first difference and what differs there.</summary>
    public static string? Find(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return path + ": expected " + Describe(expected) + ", got " + Describe(actual);
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var actualMembers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (JsonProperty property in actual.EnumerateObject())
                {
                    actualMembers[property.Name] = property.Value;
                }

                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (JsonProperty property in expected.EnumerateObject())
                {
                    seen.Add(property.Name);
                    string memberPath = MemberPath(path, property.Name);
                    if (!actualMembers.TryGetValue(property.Name, out JsonElement value))
                    {
                        return memberPath + ": missing in the output (expected " + Describe(property.Value) + ")";
                    }

                    if (Find(property.Value, value, memberPath) is { } difference)
                    {
                        return difference;
                    }
                }

                string? extra = actualMembers.Keys.FirstOrDefault(name => !seen.Contains(name));
                return extra is null ? null : MemberPath(path, extra) + ": not in the input, but written as " + Describe(actualMembers[extra]);

            case JsonValueKind.Array:
                int expectedLength = expected.GetArrayLength(), actualLength = actual.GetArrayLength();
                for (int i = 0; i < Math.Min(expectedLength, actualLength); i++)
                {
                    if (Find(expected[i], actual[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]") is { } difference)
                    {
                        return difference;
                    }
                }

                return expectedLength == actualLength ? null : path + ": expected " + expectedLength + " items, got " + actualLength;

            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : path + ": expected " + Describe(expected) + ", got " + Describe(actual);

            case JsonValueKind.Number:
                return JsonElement.DeepEquals(expected, actual) ? null : path + ": expected " + expected.GetRawText() + ", got " + actual.GetRawText();

            default:
                return null;
        }
    }

    private static string MemberPath(string path, string name) =>
        name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c == '_') ? path + "." + name : path + "[" + JsonSerializer.Serialize(name) + "]";

    private static string Describe(JsonElement value)
    {
        string raw = value.GetRawText();
        return value.ValueKind.ToString().ToLowerInvariant() + " " + (raw.Length > 120 ? raw.Substring(0, 120) + "…" : raw);
    }
}

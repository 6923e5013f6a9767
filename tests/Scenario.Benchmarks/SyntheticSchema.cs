using System.Linq;
using System.Text.Json.Nodes;

namespace Scenario.Benchmarks;

/// <summary>
/// A schema <c>scale</c> times the Scenario schema's size: every definition copied <c>scale - 1</c> more times under
/// a suffixed name (<c>Asset_2</c>, …), each copy's <c>$ref</c>s pointing at the same copy. The client stays the original's.
/// </summary>
public static class SyntheticSchema
{
    public static string Make(string schemaJson, int scale)
    {
        JsonNode root = JsonNode.Parse(schemaJson)!;
        JsonObject definitions = root["definitions"]!.AsObject();
        var originals = definitions.ToList();
        for (int copy = 2; copy <= scale; copy++)
        {
            foreach ((string name, JsonNode? definition) in originals)
            {
                string suffix = "_" + copy;
                definitions[name + suffix] = JsonNode.Parse(Rename(definition!.ToJsonString(), originals.Select(o => o.Key), suffix));
            }
        }

        return root.ToJsonString();
    }

    private static string Rename(string json, System.Collections.Generic.IEnumerable<string> names, string suffix)
    {
        foreach (string name in names)
        {
            json = json.Replace("\"#/definitions/" + name + "\"", "\"#/definitions/" + name + suffix + "\"", System.StringComparison.Ordinal);
        }

        return json;
    }
}

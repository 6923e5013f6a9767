using System.Linq;
using System.Text.Json.Nodes;

namespace Scenario.Benchmarks;

/// <summary>
/// A schema <c>scale</c> times a schema's size: every definition (<c>definitions</c> or <c>$defs</c>) copied <c>scale - 1</c>
/// more times under a suffixed name (<c>Asset_2</c>, …), each copy's <c>$ref</c>s pointing at the same copy. The client
/// and the root stay the original's.
/// </summary>
public static class SyntheticSchema
{
    public static string Make(string schemaJson, int scale)
    {
        JsonNode root = JsonNode.Parse(schemaJson)!;
        string keyword = root["definitions"] is null ? "$defs" : "definitions";
        JsonObject definitions = root[keyword]!.AsObject();
        var originals = definitions.ToList();
        for (int copy = 2; copy <= scale; copy++)
        {
            foreach ((string name, JsonNode? definition) in originals)
            {
                string suffix = "_" + copy;
                definitions[name + suffix] = JsonNode.Parse(Rename(definition!.ToJsonString(), "#/" + keyword + "/", originals.Select(o => o.Key), suffix));
            }
        }

        return root.ToJsonString();
    }

    private static string Rename(string json, string pointer, System.Collections.Generic.IEnumerable<string> names, string suffix)
    {
        foreach (string name in names)
        {
            json = json.Replace("\"" + pointer + name + "\"", "\"" + pointer + name + suffix + "\"", System.StringComparison.Ordinal);
        }

        return json;
    }
}

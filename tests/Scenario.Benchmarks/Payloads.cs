using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scenario.Benchmarks;

/// <summary>The payloads: the API's documented list response, and the same with 500 examples (about 3.5 MB).</summary>
public static class Payloads
{
    public const string Seed = "seed (1 example)";
    public const string Large = "500 examples";
    public const string Typed = "500 typed fields";

    public static byte[] Get(string name) => name switch
    {
        Seed => Minified(Resource("list-response.json")),
        Large => Multiply(Resource("list-response.json"), 500),
        Typed => Multiply(WithoutFreeFormValues(Resource("list-response.json")), 500),
        _ => throw new System.ArgumentOutOfRangeException(nameof(name), name, "unknown payload"),
    };

    public static string Resource(string name)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!;
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>
    /// The example without the values the schema leaves free-form (<c>{}</c> and <c>additionalProperties</c> maps, read
    /// as JsonElement by every serializer alike), to show the typed part of the work on its own.
    /// </summary>
    private static string WithoutFreeFormValues(string json)
    {
        JsonNode root = JsonNode.Parse(json)!;
        JsonNode job = root["examples"]![0]!["job"]!;
        job["metadata"]!.AsObject().Remove("input");
        job["metadata"]!.AsObject().Remove("output");
        foreach (JsonNode? node in job["metadata"]!["flow"]!.AsArray())
        {
            node!.AsObject().Remove("output");
            foreach (JsonNode? input in node["inputs"]!.AsArray())
            {
                Strip(input!);
                foreach (JsonNode? items in input!["items"]?.AsArray() ?? new JsonArray())
                {
                    foreach (JsonNode? item in items!.AsArray())
                    {
                        Strip(item!);
                    }
                }
            }
        }

        return root.ToJsonString();

        static void Strip(JsonNode input)
        {
            foreach (string name in new[] { "default", "value", "allowedValues", "inputs" })
            {
                input.AsObject().Remove(name);
            }

            if (input["required"] is JsonObject required)
            {
                foreach (string name in new[] { "conditionalValues", "ifDefined", "ifNotDefined" })
                {
                    required.Remove(name);
                }
            }
        }
    }

    private static byte[] Minified(string json) => Encoding.UTF8.GetBytes(JsonNode.Parse(json)!.ToJsonString());

    /// <summary>The example repeated <paramref name="count"/> times, each with its own ids.</summary>
    private static byte[] Multiply(string json, int count)
    {
        JsonNode root = JsonNode.Parse(json)!;
        JsonNode template = root["examples"]![0]!;
        var examples = new JsonArray(Enumerable.Range(0, count).Select(i =>
        {
            JsonNode copy = template.DeepClone();
            copy["asset"]!["id"] = $"asset_{i:D6}";
            copy["modelId"] = $"model_{i % 17:D3}";
            return (JsonNode?)copy;
        }).ToArray());
        root["examples"] = examples;
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scenario.Generators.Tests;

/// <summary>
/// Mutations of OpenAPI documents for <see cref="FuzzTests"/>: what a schema mutation does (<see cref="SchemaMutator"/>)
/// anywhere in a JSON document, and what goes wrong in the parts only OpenAPI has — parameters of the wrong place,
/// style or name, references of parameters and responses that break or loop, path keys a client cannot send as they are,
/// media types and statuses nobody expects, security requirements naming no scheme, servers without a URL — and, for
/// YAML, damage to the text itself (lines cut, moved, indented, a character that means something in YAML put in).
/// </summary>
internal static class OpenApiMutator
{
    public static readonly string[] Kinds =
    {
        "schema", "parameter-in", "parameter-style", "parameter-name", "drop-name", "break-ref", "loop-ref", "path-key",
        "media-type", "status", "security", "servers", "operation-id", "x-client",
    };

    private static readonly string[] s_in = { "path", "query", "header", "cookie", "body", "formData", "querystring", "nowhere", "" };
    private static readonly string[] s_styles = { "simple", "label", "matrix", "form", "spaceDelimited", "pipeDelimited", "deepObject", "tabDelimited", "" };
    private static readonly string[] s_names = { "class", "options", "cancellationToken", "body", "query", "", "a b", "{x}", "Équipe", "😀", "x-y", "x_y", "params", "base" };
    private static readonly string[] s_paths = { "/", "", "no-slash", "/a/{a}/{a}", "/{x}{y}", "/a#frag", "/a?b=c&d", "/a/../b", "/a/./b", "/%2e%2e", "/x/{}", "/x/{unclosed", "//double", "/ünicode/{p}" };
    private static readonly string[] s_media = { "application/json", "text/plain", "*/*", "application/octet-stream", "multipart/form-data", "application/xml", "text/event-stream", "application/vnd.api+json", "image/png", "", "not a media type" };
    private static readonly string[] s_statuses = { "200", "201", "204", "2XX", "default", "404", "4XX", "5XX", "302", "1XX", "999", "abc", "" };

    private static readonly JsonSerializerOptions s_write = new() { WriteIndented = true, MaxDepth = 100_000, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One to three mutations of a JSON document; returns the new text and what was done.</summary>
    public static (string Text, string Description) MutateJson(string text, Random random)
    {
        JsonNode root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 100_000 })!;
        var done = new List<string>();
        int count = 1 + random.Next(3);
        for (int i = 0; i < count; i++)
        {
            string kind = Kinds[random.Next(Kinds.Length)];
            if (kind == "schema")
            {
                (string mutated, string description) = SchemaMutator.Mutate(root.ToJsonString(s_write), random);
                done.Add("schema: " + description);
                try
                {
                    root = JsonNode.Parse(mutated, documentOptions: new JsonDocumentOptions { MaxDepth = 100_000 })!;
                }
                catch (JsonException)
                {
                    // A textual mutation (truncated, a trailing comma): the document ends as that text.
                    return (mutated, string.Join("; ", done));
                }

                continue;
            }

            // A schema mutation may have made the root something else (an array, a boolean): nothing of OpenAPI's is left to break.
            done.Add(root is JsonObject document ? Apply(document, kind, random) : kind + ": the root is no object");
        }

        return (root.ToJsonString(s_write), string.Join("; ", done));
    }

    /// <summary>One to three mutations of a YAML document's text.</summary>
    public static (string Text, string Description) MutateYaml(string text, Random random)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        var done = new List<string>();
        int count = 1 + random.Next(3);
        for (int i = 0; i < count && lines.Count > 1; i++)
        {
            int at = random.Next(lines.Count);
            switch (random.Next(7))
            {
                case 0:
                    lines.RemoveAt(at);
                    done.Add("delete line " + (at + 1));
                    break;
                case 1:
                    lines[at] = "  " + lines[at];
                    done.Add("indent line " + (at + 1));
                    break;
                case 2:
                    lines[at] = lines[at].TrimStart();
                    done.Add("dedent line " + (at + 1));
                    break;
                case 3:
                    lines.Insert(at, lines[random.Next(lines.Count)]);
                    done.Add("copy a line to " + (at + 1));
                    break;
                case 4:
                    string[] marks = { ":", "- ", "&a ", "*a", "{", "[", "\t", "\"", "'", "? ", "<<: *a", "!!binary ", "|", ">-", "#", "%YAML 1.1", "---", "..." };
                    string mark = marks[random.Next(marks.Length)];
                    int column = random.Next(lines[at].Length + 1);
                    lines[at] = lines[at].Insert(column, mark);
                    done.Add($"insert '{mark}' at {at + 1}:{column + 1}");
                    break;
                case 5:
                    lines.RemoveRange(at, lines.Count - at);
                    done.Add("truncate at line " + (at + 1));
                    break;
                default:
                    lines.Insert(at, "anchored: &a [" + string.Join(", ", Enumerable.Repeat("*a", random.Next(2, 6))) + "]");
                    done.Add("a self-referring alias at line " + (at + 1));
                    break;
            }
        }

        return (string.Join("\n", lines), string.Join("; ", done));
    }

    private static string Apply(JsonObject root, string kind, Random random)
    {
        List<JsonObject> operations = Operations(root).ToList();
        List<JsonObject> parameters = operations.SelectMany(o => (o["parameters"] as JsonArray ?? new JsonArray()).OfType<JsonObject>()).ToList();
        switch (kind)
        {
            case "parameter-in" when parameters.Count > 0:
                return Set(Pick(parameters, random), "in", Pick(s_in, random));
            case "parameter-style" when parameters.Count > 0:
                JsonObject styled = Pick(parameters, random);
                styled["explode"] = random.Next(2) == 0;
                return Set(styled, "style", Pick(s_styles, random));
            case "parameter-name" when parameters.Count > 0:
                return Set(Pick(parameters, random), "name", Pick(s_names, random));
            case "drop-name" when parameters.Count > 0:
                JsonObject nameless = Pick(parameters, random);
                nameless.Remove(random.Next(2) == 0 ? "name" : "in");
                return "drop a parameter's name or in";
            case "break-ref":
            {
                List<JsonObject> references = Descendants(root).OfType<JsonObject>().Where(o => o["$ref"] is JsonValue).ToList();
                if (references.Count == 0)
                {
                    return "break-ref: none";
                }

                JsonObject reference = Pick(references, random);
                reference["$ref"] = random.Next(3) switch
                {
                    0 => "#/components/parameters/Missing",
                    1 => "other.openapi.yaml#/components/schemas/X",
                    _ => "#/paths",
                };
                return "break " + reference.GetPath() + "/$ref";
            }

            case "loop-ref" when root["components"] is JsonObject components:
                components["parameters"] = new JsonObject { ["A"] = new JsonObject { ["$ref"] = "#/components/parameters/B" }, ["B"] = new JsonObject { ["$ref"] = "#/components/parameters/A" } };
                components["responses"] = new JsonObject { ["R"] = new JsonObject { ["$ref"] = "#/components/responses/R" } };
                if (operations.Count > 0)
                {
                    JsonObject looped = Pick(operations, random);
                    (looped["parameters"] as JsonArray ?? (JsonArray)(looped["parameters"] = new JsonArray())).Add(new JsonObject { ["$ref"] = "#/components/parameters/A" });
                    looped["responses"] = new JsonObject { ["200"] = new JsonObject { ["$ref"] = "#/components/responses/R" } };
                }

                return "parameters and responses that refer to each other";
            case "path-key" when root["paths"] is JsonObject paths && paths.Count > 0:
            {
                KeyValuePair<string, JsonNode?> path = paths.ElementAt(random.Next(paths.Count));
                string key = Pick(s_paths, random);
                paths.Remove(path.Key);
                if (!paths.ContainsKey(key))
                {
                    paths[key] = path.Value;
                }

                return $"path '{path.Key}' becomes '{key}'";
            }

            case "media-type":
            {
                List<JsonObject> contents = Descendants(root).OfType<JsonObject>().Where(o => o.Parent is JsonObject parent && parent["content"] == o).ToList();
                if (contents.Count == 0)
                {
                    return "media-type: none";
                }

                JsonObject content = Pick(contents, random);
                KeyValuePair<string, JsonNode?> first = content.First();
                content.Remove(first.Key);
                string media = Pick(s_media, random);
                if (!content.ContainsKey(media))
                {
                    content[media] = first.Value;
                }

                return $"media type '{first.Key}' becomes '{media}'";
            }

            case "status" when operations.Count > 0:
            {
                if (Pick(operations, random)["responses"] is not JsonObject responses || responses.Count == 0)
                {
                    return "status: none";
                }

                KeyValuePair<string, JsonNode?> first = responses.First();
                responses.Remove(first.Key);
                string status = Pick(s_statuses, random);
                if (!responses.ContainsKey(status))
                {
                    responses[status] = first.Value;
                }

                return $"status '{first.Key}' becomes '{status}'";
            }

            case "security":
                root["security"] = random.Next(3) switch
                {
                    0 => new JsonArray(new JsonObject { ["missing"] = new JsonArray() }),
                    1 => new JsonArray(new JsonObject(), new JsonObject { ["x"] = new JsonArray() }),
                    _ => JsonValue.Create("not an array"),
                };
                return "security naming nothing the document defines";
            case "servers":
                root["servers"] = random.Next(3) switch
                {
                    0 => new JsonArray(new JsonObject { ["url"] = "{scheme}://{host}/v1", ["variables"] = new JsonObject { ["scheme"] = new JsonObject { ["default"] = "ftp" } } }),
                    1 => new JsonArray(new JsonObject()),
                    _ => new JsonArray(JsonValue.Create("https://x")),
                };
                return "servers that give no http address";
            case "operation-id" when operations.Count > 1:
                string id = Pick(s_names, random);
                foreach (JsonObject operation in operations.Take(2))
                {
                    operation["operationId"] = id;
                }

                return $"two operations with the operationId '{id}'";
            case "x-client" when operations.Count > 0:
                Pick(operations, random)["x-client"] = random.Next(3) switch
                {
                    0 => new JsonObject { ["resource"] = Pick(s_names, random), ["method"] = Pick(s_names, random) },
                    1 => new JsonObject { ["parameters"] = new JsonObject { ["$ref"] = "#/nowhere" } },
                    _ => JsonValue.Create(42),
                };
                return "an odd x-client on an operation";
            default:
                return kind + ": nothing to mutate";
        }
    }

    private static IEnumerable<JsonObject> Operations(JsonObject root)
    {
        if (root["paths"] is not JsonObject paths)
        {
            yield break;
        }

        foreach (KeyValuePair<string, JsonNode?> path in paths)
        {
            if (path.Value is JsonObject item)
            {
                foreach (KeyValuePair<string, JsonNode?> operation in item)
                {
                    if (operation.Value is JsonObject node && operation.Key is "get" or "put" or "post" or "delete" or "patch" or "head" or "options" or "trace")
                    {
                        yield return node;
                    }
                }
            }
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        var pending = new Stack<JsonNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            JsonNode current = pending.Pop();
            yield return current;
            IEnumerable<JsonNode?> children = current switch
            {
                JsonObject obj => obj.Select(p => p.Value),
                JsonArray array => array,
                _ => Enumerable.Empty<JsonNode?>(),
            };
            foreach (JsonNode? child in children)
            {
                if (child is not null)
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static string Set(JsonObject target, string key, string value)
    {
        target[key] = value;
        return $"{target.GetPath()}/{key} = '{value}'";
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scenario.Generators.Tests;

/// <summary>
/// Seeded mutations of a JSON Schema's text, for fuzzing the generator: the same text and the same <see cref="Random"/>
/// give the same mutant. Structural mutations work on the parsed tree; <c>truncate</c> and <c>trailing-comma</c> break
/// the text itself and come last.
/// </summary>
internal static class SchemaMutator
{
    /// <summary>Every kind of mutation, by name.</summary>
    public static readonly string[] Kinds =
    {
        "delete", "retype", "rename", "break-ref", "boolean-schema", "wrap", "deepen", "huge-enum",
        "duplicate-definition", "change-draft", "swap-definitions", "truncate", "trailing-comma",
    };

    private static readonly string[] s_drafts =
    {
        "http://json-schema.org/draft-04/schema#",
        "http://json-schema.org/draft-06/schema#",
        "http://json-schema.org/draft-07/schema#",
        "https://json-schema.org/draft/2019-09/schema",
        "https://json-schema.org/draft/2020-12/schema",
        "https://example.com/not-a-draft",
    };

    private static readonly string[] s_types = { "string", "number", "integer", "boolean", "object", "array", "null" };

    private static readonly string[] s_awkwardNames =
    {
        "", " ", "class", "namespace", "object", "string", "int", "default", "event", "operator", "this", "base", "record",
        "Default", "Equals", "GetHashCode", "ToString", "Options", "EqualityContract", "GetTypeInfo", "value", "__", "_",
        "123", "1st", "a-b.c:d", "16:9", "prénom", "名前", "Ωmega", "😀", "tab\tname", "new\nline", "quote\"d", "back\\slash",
        "$ref", "$defs", "definitions", "properties", "type", "@type", "#", "/", "~1", "%20",
    };

    private static readonly string[] s_schemaMaps = { "properties", "patternProperties", "definitions", "$defs", "dependentSchemas" };

    private static readonly string[] s_schemaValues =
    {
        "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedProperties",
        "unevaluatedItems", "additionalItems",
    };

    private static readonly string[] s_schemaArrays = { "allOf", "anyOf", "oneOf", "prefixItems", "items" };

    private static readonly JsonSerializerOptions s_write = new()
    {
        WriteIndented = true,
        MaxDepth = 100_000,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonDocumentOptions s_read = new() { MaxDepth = 100_000 };

    /// <summary>Applies one to three mutations chosen by <paramref name="random"/>; returns the new text and what was done.</summary>
    public static (string Text, string Description) Mutate(string text, Random random)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: s_read);
        }
        catch (JsonException)
        {
            return (text, "none (the input is not JSON)");
        }

        var done = new List<string>();
        var textual = new List<string>();
        int count = 1 + random.Next(3);
        var deepTexts = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string kind = Kinds[random.Next(Kinds.Length)];
            if (kind is "truncate" or "trailing-comma")
            {
                textual.Add(kind);
                continue;
            }

            if (root is null)
            {
                root = new JsonObject();
            }

            done.Add(Apply(ref root, kind, random, deepTexts));
        }

        string result = root?.ToJsonString(s_write) ?? "null";
        foreach (KeyValuePair<string, string> deep in deepTexts)
        {
            result = result.Replace("\"" + deep.Key + "\"", deep.Value, StringComparison.Ordinal);
        }

        foreach (string kind in textual)
        {
            (result, string description) = kind == "truncate" ? Truncate(result, random) : TrailingComma(result, random);
            done.Add(description);
        }

        return (result, string.Join("; ", done));
    }

    private static string Apply(ref JsonNode root, string kind, Random random, Dictionary<string, string> deepTexts)
    {
        List<JsonNode> all = Descendants(root).ToList();
        List<JsonNode> schemas = SchemaPositions(root).ToList();
        switch (kind)
        {
            case "delete":
            {
                List<JsonNode> removable = all.Where(n => n.Parent is not null).ToList();
                if (removable.Count == 0)
                {
                    return "delete: nothing to delete";
                }

                JsonNode victim = Pick(removable, random);
                string pointer = victim.GetPath();
                Detach(victim);
                return "delete " + pointer;
            }

            case "retype":
            {
                JsonObject target = Pick(schemas.OfType<JsonObject>().DefaultIfEmpty(root as JsonObject ?? new JsonObject()).ToList(), random);
                JsonNode? type = random.Next(6) switch
                {
                    0 => JsonValue.Create(s_types[random.Next(s_types.Length)]),
                    1 => new JsonArray(JsonValue.Create(s_types[random.Next(s_types.Length)]), JsonValue.Create(s_types[random.Next(s_types.Length)])),
                    2 => new JsonArray(s_types.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
                    3 => JsonValue.Create("banana"),
                    4 => JsonValue.Create(42),
                    _ => new JsonArray(),
                };
                string description = "retype " + target.GetPath() + " to " + (type?.ToJsonString() ?? "null");
                target["type"] = type;
                return description;
            }

            case "rename":
            {
                List<JsonObject> objects = all.OfType<JsonObject>().Where(o => o.Count > 0).ToList();
                if (objects.Count == 0)
                {
                    return "rename: no member";
                }

                JsonObject owner = Pick(objects, random);
                string oldName = owner.ElementAt(random.Next(owner.Count)).Key;
                string newName = random.Next(5) == 0
                    ? new string('L', 300 + random.Next(5000)) + random.Next(1000).ToString(CultureInfo.InvariantCulture)
                    : s_awkwardNames[random.Next(s_awkwardNames.Length)];
                if (owner.ContainsKey(newName))
                {
                    return "rename: " + newName + " already there";
                }

                JsonNode? value = owner[oldName];
                owner.Remove(oldName);
                owner[newName] = value;
                return "rename " + owner.GetPath() + "/" + oldName + " to " + Quote(newName);
            }

            case "break-ref":
                return BreakReference(root, all, schemas, random);

            case "boolean-schema":
            {
                JsonNode target = Pick(schemas, random);
                bool value = random.Next(2) == 0;
                string pointer = target.GetPath();
                if (target.Parent is null)
                {
                    root = JsonValue.Create(value);
                }
                else
                {
                    Replace(target, JsonValue.Create(value));
                }

                return "boolean-schema " + pointer + " = " + (value ? "true" : "false");
            }

            case "wrap":
            {
                JsonNode target = Pick(schemas, random);
                string combinator = new[] { "allOf", "oneOf", "anyOf" }[random.Next(3)];
                var branches = new JsonArray(target.DeepClone());
                if (random.Next(2) == 0)
                {
                    branches.Add(new JsonObject { ["type"] = "null" });
                }

                var wrapper = new JsonObject { [combinator] = branches };
                if (random.Next(2) == 0)
                {
                    wrapper["description"] = "wrapped";
                    wrapper["default"] = null;
                }

                string pointer = target.GetPath();
                if (target.Parent is null)
                {
                    root = wrapper;
                }
                else
                {
                    Replace(target, wrapper);
                }

                return "wrap " + pointer + " in " + combinator + " of " + branches.Count;
            }

            case "deepen":
            {
                JsonNode target = Pick(schemas, random);
                int depth = 100 + random.Next(500);
                string shape = new[] { "properties", "items", "allOf" }[random.Next(3)];
                string token = "__deep_" + deepTexts.Count.ToString(CultureInfo.InvariantCulture) + "__";
                deepTexts[token] = Deep(shape, depth);
                string pointer = target.GetPath();
                if (target.Parent is null)
                {
                    root = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["deep"] = token } };
                }
                else
                {
                    Replace(target, JsonValue.Create(token));
                }

                return "deepen " + pointer + " with " + depth + " levels of " + shape;
            }

            case "huge-enum":
            {
                JsonObject target = Pick(schemas.OfType<JsonObject>().DefaultIfEmpty(root as JsonObject ?? new JsonObject()).ToList(), random);
                int size = 1000 + random.Next(4000);
                var values = new JsonArray();
                for (int i = 0; i < size; i++)
                {
                    values.Add(random.Next(50) switch
                    {
                        0 => JsonValue.Create(string.Empty),
                        1 => JsonValue.Create("a-b"),
                        2 => JsonValue.Create("a_b"),
                        3 => JsonValue.Create("A B"),
                        4 => JsonValue.Create(i),
                        5 => null,
                        6 => JsonValue.Create("value " + (i % 7).ToString(CultureInfo.InvariantCulture)),
                        _ => JsonValue.Create("v" + i.ToString(CultureInfo.InvariantCulture) + "-" + s_awkwardNames[i % s_awkwardNames.Length]),
                    });
                }

                target["enum"] = values;
                if (random.Next(2) == 0)
                {
                    target["type"] = "string";
                }

                return "huge-enum of " + size + " at " + target.GetPath();
            }

            case "duplicate-definition":
            {
                if (root is not JsonObject rootObject)
                {
                    return "duplicate-definition: root is not an object";
                }

                string section = rootObject.ContainsKey("$defs") && (!rootObject.ContainsKey("definitions") || random.Next(2) == 0) ? "$defs" : "definitions";
                if (rootObject[section] is not JsonObject definitions || definitions.Count == 0)
                {
                    rootObject[section] = definitions = new JsonObject { ["Thing"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["id"] = new JsonObject { ["type"] = "string" } } } };
                }

                KeyValuePair<string, JsonNode?> original = definitions.ElementAt(random.Next(definitions.Count));
                string[] twins =
                {
                    original.Key.ToUpperInvariant(), original.Key.ToLowerInvariant(), original.Key + "_", "_" + original.Key,
                    original.Key.Replace('-', '_'), original.Key + "-", original.Key + " ",
                };
                string twin = twins.FirstOrDefault(t => !definitions.ContainsKey(t)) ?? original.Key + "2";
                definitions[twin] = original.Value?.DeepClone();
                string other = section == "$defs" ? "definitions" : "$defs";
                if (random.Next(2) == 0)
                {
                    if (rootObject[other] is not JsonObject otherDefinitions)
                    {
                        rootObject[other] = otherDefinitions = new JsonObject();
                    }

                    otherDefinitions[original.Key] = new JsonObject { ["type"] = "integer" };
                    return "duplicate-definition " + section + "/" + original.Key + " as " + Quote(twin) + " and as " + other + "/" + original.Key;
                }

                return "duplicate-definition " + section + "/" + original.Key + " as " + Quote(twin);
            }

            case "change-draft":
            {
                if (root is not JsonObject rootObject)
                {
                    return "change-draft: root is not an object";
                }

                int choice = random.Next(s_drafts.Length + 1);
                if (choice == s_drafts.Length)
                {
                    rootObject.Remove("$schema");
                    return "change-draft: remove $schema";
                }

                rootObject["$schema"] = s_drafts[choice];
                return "change-draft to " + s_drafts[choice];
            }

            case "swap-definitions":
            {
                if (root is not JsonObject rootObject)
                {
                    return "swap-definitions: root is not an object";
                }

                bool rewrite = random.Next(2) == 0;
                JsonNode? definitions = rootObject["definitions"], defs = rootObject["$defs"];
                rootObject.Remove("definitions");
                rootObject.Remove("$defs");
                if (definitions is not null)
                {
                    rootObject["$defs"] = definitions;
                }

                if (defs is not null)
                {
                    rootObject["definitions"] = defs;
                }

                if (rewrite)
                {
                    foreach (JsonObject owner in Descendants(rootObject).OfType<JsonObject>().ToList())
                    {
                        if (owner["$ref"] is JsonValue reference && reference.TryGetValue(out string? target))
                        {
                            owner["$ref"] = target.StartsWith("#/definitions/", StringComparison.Ordinal) ? "#/$defs/" + target.Substring(14)
                                : target.StartsWith("#/$defs/", StringComparison.Ordinal) ? "#/definitions/" + target.Substring(8)
                                : target;
                        }
                    }
                }

                return "swap-definitions (definitions <-> $defs" + (rewrite ? ", $refs rewritten)" : ", $refs left as they were)");
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static string BreakReference(JsonNode root, List<JsonNode> all, List<JsonNode> schemas, Random random)
    {
        List<JsonObject> referrers = all.OfType<JsonObject>().Where(o => o.ContainsKey("$ref")).ToList();
        JsonObject owner = referrers.Count > 0 && random.Next(4) != 0
            ? Pick(referrers, random)
            : Pick(schemas.OfType<JsonObject>().DefaultIfEmpty(root as JsonObject ?? new JsonObject()).ToList(), random);
        string self = "#" + Pointer(owner);
        int choice = random.Next(9);
        if (choice >= 6 && root is JsonObject rootObject)
        {
            if (rootObject["definitions"] is not JsonObject definitions)
            {
                rootObject["definitions"] = definitions = new JsonObject();
            }

            switch (choice)
            {
                case 6:
                    definitions["FuzzA"] = new JsonObject { ["$ref"] = "#/definitions/FuzzB" };
                    definitions["FuzzB"] = new JsonObject { ["$ref"] = "#/definitions/FuzzA" };
                    owner["$ref"] = "#/definitions/FuzzA";
                    return "break-ref " + owner.GetPath() + ": mutual cycle FuzzA <-> FuzzB";
                case 7:
                    string existing = referrers.Count > 0 && referrers[0]["$ref"] is JsonValue value && value.TryGetValue(out string? s) ? s : "#";
                    definitions["FuzzAlias"] = new JsonObject { ["$ref"] = "#/definitions/FuzzTarget" };
                    definitions["FuzzTarget"] = new JsonObject { ["$ref"] = existing };
                    owner["$ref"] = "#/definitions/FuzzAlias";
                    return "break-ref " + owner.GetPath() + ": a ref to a ref to a ref (" + existing + ")";
                default:
                    definitions["FuzzLoop"] = new JsonObject
                    {
                        ["type"] = "array",
                        ["items"] = new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/definitions/FuzzLoop" }, new JsonObject { ["$ref"] = "#" }) },
                    };
                    owner["$ref"] = "#/definitions/FuzzLoop";
                    return "break-ref " + owner.GetPath() + ": array of a oneOf that refers back to itself and to the root";
            }
        }

        string[] targets =
        {
            "#/definitions/DoesNotExist", "https://example.com/schemas/other.json#/definitions/Thing", "#", self,
            "other.schema.json", "#/$defs/Missing/properties/x", "#/properties", "not a uri at all", "#/definitions/",
        };
        string reference = targets[random.Next(targets.Length)];
        owner["$ref"] = reference;
        return "break-ref " + owner.GetPath() + " to " + Quote(reference);
    }

    private static string Deep(string shape, int depth)
    {
        var text = new StringBuilder();
        for (int i = 0; i < depth; i++)
        {
            text.Append(shape switch
            {
                "properties" => "{\"type\":\"object\",\"properties\":{\"n\":",
                "items" => "{\"type\":\"array\",\"items\":",
                _ => "{\"allOf\":[",
            });
        }

        text.Append("{\"type\":\"string\"}");
        for (int i = 0; i < depth; i++)
        {
            text.Append(shape switch { "properties" => "}}", "items" => "}", _ => "]}" });
        }

        return text.ToString();
    }

    private static (string Text, string Description) Truncate(string text, Random random)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        int at = bytes.Length == 0 ? 0 : random.Next(bytes.Length);
        return (Encoding.UTF8.GetString(bytes, 0, at), "truncate at byte " + at + " of " + bytes.Length);
    }

    private static (string Text, string Description) TrailingComma(string text, Random random)
    {
        var closers = new List<int>();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is '}' or ']')
            {
                closers.Add(i);
            }
        }

        if (closers.Count == 0)
        {
            return (text + ",", "trailing-comma at the end");
        }

        int at = closers[random.Next(closers.Count)];
        return (text.Insert(at, ","), "trailing-comma before offset " + at);
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        var stack = new Stack<JsonNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            JsonNode current = stack.Pop();
            yield return current;
            if (current is JsonObject obj)
            {
                foreach (KeyValuePair<string, JsonNode?> member in obj.Reverse())
                {
                    if (member.Value is not null)
                    {
                        stack.Push(member.Value);
                    }
                }
            }
            else if (current is JsonArray array)
            {
                for (int i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is { } item)
                    {
                        stack.Push(item);
                    }
                }
            }
        }
    }

    /// <summary>The nodes that stand where a schema may stand, found by following the schema keywords from the root.</summary>
    private static IEnumerable<JsonNode> SchemaPositions(JsonNode root)
    {
        var stack = new Stack<JsonNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            JsonNode current = stack.Pop();
            yield return current;
            if (current is not JsonObject obj)
            {
                continue;
            }

            foreach (KeyValuePair<string, JsonNode?> member in obj)
            {
                if (member.Value is JsonObject map && s_schemaMaps.Contains(member.Key, StringComparer.Ordinal))
                {
                    foreach (KeyValuePair<string, JsonNode?> entry in map)
                    {
                        if (entry.Value is JsonObject or JsonValue)
                        {
                            stack.Push(entry.Value);
                        }
                    }
                }
                else if (member.Value is JsonArray array && s_schemaArrays.Contains(member.Key, StringComparer.Ordinal))
                {
                    foreach (JsonNode? item in array)
                    {
                        if (item is not null)
                        {
                            stack.Push(item);
                        }
                    }
                }
                else if (member.Value is JsonObject schema && s_schemaValues.Contains(member.Key, StringComparer.Ordinal))
                {
                    stack.Push(schema);
                }
            }
        }
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    private static void Detach(JsonNode node)
    {
        switch (node.Parent)
        {
            case JsonObject obj:
                obj.Remove(node.GetPropertyName());
                break;
            case JsonArray array:
                array.RemoveAt(node.GetElementIndex());
                break;
        }
    }

    private static void Replace(JsonNode node, JsonNode? replacement)
    {
        switch (node.Parent)
        {
            case JsonObject obj:
                obj[node.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = replacement;
                break;
        }
    }

    /// <summary>The node's JSON pointer (RFC 6901).</summary>
    private static string Pointer(JsonNode node)
    {
        var parts = new List<string>();
        for (JsonNode? current = node; current?.Parent is not null; current = current.Parent)
        {
            parts.Add(current.Parent is JsonArray ? current.GetElementIndex().ToString(CultureInfo.InvariantCulture) : current.GetPropertyName().Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }

        parts.Reverse();
        return parts.Count == 0 ? string.Empty : "/" + string.Join("/", parts);
    }

    private static string Quote(string value) => value.Length > 60 ? "\"" + value.Substring(0, 20) + "…\" (" + value.Length + " chars)" : JsonSerializer.Serialize(value, s_write);
}

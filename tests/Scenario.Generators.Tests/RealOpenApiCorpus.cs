using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scenario.Generators.Tests;

/// <summary>
/// tests/RealOpenApi: one folder per public API description, <c>{slug}/{slug}.openapi.{json|yaml|yml}</c>, with
/// <c>examples.json</c> listing its JSON response examples (each checked against its schema with Ajv, see the folder's
/// README). The documents are read here by readers that are not ours (System.Text.Json; for YAML, SharpYaml's nodes with
/// the YAML 1.2 core schema's scalars), so what the tests compare with does not come from the generator.
/// </summary>
internal static class RealOpenApiCorpus
{
    public static string Root => Path.Combine(GeneratorHarness.RepositoryRoot(), "tests", "RealOpenApi");

    /// <summary>The documents' folders (GitHub's, kept compressed for the scale test, aside).</summary>
    public static IReadOnlyList<string> Slugs() =>
        Directory.GetDirectories(Root)
            .Select(Path.GetFileName)
            .Where(slug => slug is not null && DocumentPath(slug) is not null)
            .Select(slug => slug!)
            .OrderBy(slug => slug, StringComparer.Ordinal)
            .ToList();

    /// <summary>The document of a folder: <c>{slug}.openapi.json</c>, <c>.yaml</c> or <c>.yml</c>; null for none.</summary>
    public static string? DocumentPath(string slug) =>
        new[] { ".openapi.json", ".openapi.yaml", ".openapi.yml" }.Select(suffix => Path.Combine(Root, slug, slug + suffix)).FirstOrDefault(File.Exists);

    /// <summary>GitHub's REST description (about 13 MB), decompressed.</summary>
    public static string GitHubText()
    {
        using FileStream file = File.OpenRead(Path.Combine(Root, "github", "api.github.com.openapi.json.gz"));
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }

    /// <summary>The document as JSON, read by System.Text.Json or, for YAML, by SharpYaml.</summary>
    public static JsonNode Read(string path)
    {
        string text = File.ReadAllText(path);
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 512 })!;
        }

        var stream = new SharpYaml.Serialization.YamlStream();
        stream.Load(new StringReader(text));
        return FromYaml(stream.Documents[0].RootNode)!;
    }

    /// <summary>A YAML node as JSON: plain scalars typed by the YAML 1.2 core schema, quoted ones strings, aliases as their nodes.</summary>
    private static JsonNode? FromYaml(SharpYaml.Serialization.YamlNode node)
    {
        switch (node)
        {
            case SharpYaml.Serialization.YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (KeyValuePair<SharpYaml.Serialization.YamlNode, SharpYaml.Serialization.YamlNode> entry in mapping.Children)
                {
                    obj[((SharpYaml.Serialization.YamlScalarNode)entry.Key).Value!] = FromYaml(entry.Value);
                }

                return obj;
            case SharpYaml.Serialization.YamlSequenceNode sequence:
                return new JsonArray(sequence.Children.Select(FromYaml).ToArray());
            default:
                var scalar = (SharpYaml.Serialization.YamlScalarNode)node;
                string value = scalar.Value ?? string.Empty;
                if (scalar.Style != SharpYaml.ScalarStyle.Plain)
                {
                    return JsonValue.Create(value);
                }

                if (value is "" or "~" or "null" or "Null" or "NULL")
                {
                    return null;
                }

                if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
                {
                    return JsonValue.Create(value[0] is 't' or 'T');
                }

                if (System.Text.RegularExpressions.Regex.IsMatch(value, @"^[-+]?[0-9]+$") && long.TryParse(value, out long integer))
                {
                    return JsonValue.Create(integer);
                }

                if (System.Text.RegularExpressions.Regex.IsMatch(value, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"))
                {
                    return JsonNode.Parse(decimal.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out decimal number)
                        ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : double.Parse(value, System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
                }

                return JsonValue.Create(value);
        }
    }

    /// <summary>Every operation of the document: the method (upper case) and the path template, one per (path, method).</summary>
    public static IReadOnlyList<(string Method, string Path)> Operations(JsonNode document)
    {
        var operations = new List<(string, string)>();
        if (document["paths"] is not JsonObject paths)
        {
            return operations;
        }

        foreach (KeyValuePair<string, JsonNode?> path in paths)
        {
            if (path.Value is not JsonObject item || path.Key.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (string method in new[] { "get", "put", "post", "delete", "options", "head", "patch", "trace" })
            {
                if (item[method] is JsonObject)
                {
                    operations.Add((method.ToUpperInvariant(), path.Key));
                }
            }
        }

        return operations;
    }

    /// <summary>The value at a JSON pointer (RFC 6901); null when there is none.</summary>
    public static JsonNode? At(JsonNode document, string pointer)
    {
        JsonNode? current = document;
        foreach (string raw in pointer.Split('/').Skip(1))
        {
            string segment = raw.Replace("~1", "/").Replace("~0", "~");
            current = current switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out JsonNode? child) ? child : null,
                JsonArray array when int.TryParse(segment, out int index) && index < array.Count => array[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>One entry of a folder's <c>examples.json</c>.</summary>
    public sealed record Example(string Pointer, string Status, string MediaType, string Operation, string? Schema, bool Valid, bool FormatOnly);

    public static IReadOnlyList<Example> Examples(string slug)
    {
        string path = Path.Combine(Root, slug, "examples.json");
        if (!File.Exists(path))
        {
            return Array.Empty<Example>();
        }

        using JsonDocument examples = JsonDocument.Parse(File.ReadAllText(path));
        return examples.RootElement.GetProperty("examples").EnumerateArray().Select(e => new Example(
            e.GetProperty("pointer").GetString()!,
            e.GetProperty("status").GetString()!,
            e.GetProperty("mediaType").GetString()!,
            e.GetProperty("operation").GetString()!,
            e.TryGetProperty("schema", out JsonElement schema) && schema.ValueKind == JsonValueKind.String ? schema.GetString() : null,
            e.GetProperty("valid").GetBoolean(),
            e.TryGetProperty("formatOnly", out JsonElement formatOnly) && formatOnly.ValueKind == JsonValueKind.True)).ToList();
    }
}

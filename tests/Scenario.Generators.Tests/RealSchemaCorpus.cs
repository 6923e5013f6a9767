using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scenario.Generators.Tests;

/// <summary>
/// tests/RealSchemas: one folder per public schema, <c>{slug}/{slug}.schema.json</c> (plus the files it refers to)
/// and <c>{slug}/documents/*.json</c>, real documents valid against it. Sources are cited in the folder's README.
/// </summary>
internal static class RealSchemaCorpus
{
    /// <summary>
    /// Folders the generator is expected to refuse (an error diagnostic, no code), with the reason.
    /// Every folder not listed here must generate, compile and round-trip its documents. Keep it empty.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ExpectedRefusals = new Dictionary<string, string>(StringComparer.Ordinal);

    public static string Root => Path.Combine(GeneratorHarness.RepositoryRoot(), "tests", "RealSchemas");

    /// <summary>The folders that hold a <c>{slug}.schema.json</c>, in ordinal order.</summary>
    public static IReadOnlyList<string> Slugs() =>
        Directory.GetDirectories(Root)
            .Select(d => Path.GetFileName(d)!)
            .Where(slug => File.Exists(MainSchemaPath(slug)))
            .OrderBy(slug => slug, StringComparer.Ordinal)
            .ToList();

    public static string MainSchemaPath(string slug) => Path.Combine(Root, slug, slug + ".schema.json");

    /// <summary>Every <c>*.schema.json</c> of the folder, as AdditionalFiles side by side in one project.</summary>
    public static SchemaFile[] SchemaFiles(string slug, bool formats = false) =>
        Directory.GetFiles(Path.Combine(Root, slug), "*.schema.json")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => GeneratorHarness.Inline(Path.GetFileName(p), File.ReadAllText(p), formats ? new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Formats"] = "true" } : null))
            .ToArray();

    /// <summary>The folder's documents, in ordinal order.</summary>
    public static IReadOnlyList<string> Documents(string slug)
    {
        string folder = Path.Combine(Root, slug, "documents");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").OrderBy(p => p, StringComparer.Ordinal).ToList()
            : Array.Empty<string>();
    }

    /// <summary>
    /// True when the root accepts any JSON value (<c>true</c>, or an object with nothing but annotations and definitions),
    /// the one case where no root type is right.
    /// </summary>
    public static bool RootIsUntyped(string schemaText)
    {
        JsonNode? root = JsonNode.Parse(schemaText, documentOptions: new JsonDocumentOptions { MaxDepth = 4096 });
        if (root is JsonValue value)
        {
            return value.GetValueKind() == JsonValueKind.True;
        }

        string[] annotations = { "$schema", "$id", "id", "title", "description", "$comment", "definitions", "$defs", "examples", "default" };
        return root is JsonObject obj && obj.All(member => annotations.Contains(member.Key, StringComparer.Ordinal));
    }
}

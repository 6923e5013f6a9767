using System;
using System.Collections.Generic;
using System.Text;
using Scenario.Generators.Diagnostics;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing.Json;
using Scenario.Generators.Parsing.OpenApi;

namespace Scenario.Generators.Parsing;

/// <summary>
/// One schema file, read: its JSON tree (<see cref="JsonTreeReader"/>: each node knows where it starts, strings and
/// numbers are kept as written), its draft, and the URI its relative references resolve against. Reading is strict
/// (<see cref="StrictJson"/>) and never throws.
/// </summary>
internal sealed class SchemaDocument
{
    /// <summary>The deepest nesting of JSON a schema file may have; deeper is refused rather than risking the stack.</summary>
    public const int MaxJsonDepth = 512;

    private SchemaDocument(string path, SchemaLocator locator, JsonNode root, Draft draft, Uri baseUri)
    {
        Path = path;
        Locator = locator;
        Root = root;
        Draft = draft;
        BaseUri = baseUri;
    }

    public string Path { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    public SchemaLocator Locator { get; }

    public JsonNode Root { get; }

    public Draft Draft { get; }

    /// <summary>What the file is: a JSON Schema, or an OpenAPI document of one version (its schemas then in that version's dialect).</summary>
    public Dialect Dialect { get; private init; }

    /// <summary>The file is an OpenAPI (or Swagger) document.</summary>
    public bool IsOpenApi => Dialect != Dialect.JsonSchema;

    /// <summary>The root's <c>$id</c> when it is absolute, else the file's own URI.</summary>
    public Uri BaseUri { get; }

    /// <summary>The file's own URI (<c>file:///…</c>), whatever its <c>$id</c>.</summary>
    public Uri FileUri => FileUriOf(Path);

    /// <summary>Reads a schema file or an OpenAPI document (JSON or YAML); null (with a diagnostic) when it cannot be read or is not a schema.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="text">The file's text; null when the compiler could not read it.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="kind">What the file's name says it is: a JSON Schema, an OpenAPI document, or either (Unity's names say nothing).</param>
    public static SchemaDocument? Load(string path, string? text, List<DiagnosticInfo> diagnostics, DocumentKind kind = DocumentKind.Schema)
    {
        string fileName = System.IO.Path.GetFileName(path);
        var locator = new SchemaLocator(path, text ?? string.Empty);
        if (text is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSchema, locator.File, fileName, "the compiler could not read the file"));
            return null;
        }

        if (DocumentText.Read(path, text, locator, diagnostics) is not { } root)
        {
            return null;
        }

        if (root is not JsonObject && root.Type != JsonNodeType.Boolean)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSchema, locator.File, fileName, "a schema is a JSON object (or true or false), not " + SchemaKeywords.Describe(root)));
            return null;
        }

        Dialect dialect = Dialects.Detect(root as JsonObject);
        if (kind == DocumentKind.OpenApi && dialect == Dialect.JsonSchema)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOpenApi, locator.File, "'" + fileName + "' is named as an OpenAPI document but has no \"openapi\" (3.x) or \"swagger\" (2.0) field; add it, or name a JSON Schema *.schema.json"));
            return null;
        }

        if (kind == DocumentKind.Schema && dialect != Dialect.JsonSchema)
        {
            // An OpenAPI document under a JSON Schema's name is read as one, as ever (its definitions are types), and told how to get its client.
            JsonNode version = ((JsonObject)root)["openapi"] ?? ((JsonObject)root)["swagger"]!;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OpenApiNotUsed, locator.Of(version), fileName, Dialects.Describe(dialect), "it is read as a JSON Schema (only its definitions become types) because its name ends in .schema.json; name it *.openapi.json (or .yaml) to generate its client"));
            dialect = Dialect.JsonSchema;
        }

        Draft draft = dialect == Dialect.JsonSchema ? Drafts.Detect(root as JsonObject) : Dialects.DraftOf(dialect, (JsonObject)root);
        Uri fileUri = FileUriOf(path);
        Uri baseUri = fileUri;
        if (root is JsonObject obj && Drafts.IdOf(obj, draft) is { } id && Uri.TryCreate(id, UriKind.Absolute, out Uri? absolute) && !string.IsNullOrEmpty(absolute.Scheme))
        {
            baseUri = WithoutFragment(absolute);
        }

        return new SchemaDocument(path, locator, root, draft, baseUri) { Dialect = dialect };
    }

    /// <summary>The JSON pointer of a token of this document (<c>/definitions/Asset/properties/id</c>); empty for the root.</summary>
    public static string PointerOf(JsonNode token)
    {
        var segments = new List<string>();
        JsonNode? current = token;
        while (current?.Parent is { } parent)
        {
            if (parent is JsonProperty property)
            {
                segments.Add(EscapePointer(property.Name));
                current = property.Parent;
            }
            else
            {
                if (parent is JsonArray array)
                {
                    segments.Add(array.IndexOf(current).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                current = parent;
            }
        }

        var result = new StringBuilder();
        for (int i = segments.Count - 1; i >= 0; i--)
        {
            result.Append('/').Append(segments[i]);
        }

        return result.ToString();
    }

    public static string EscapePointer(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    public static Uri WithoutFragment(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            return uri;
        }

        string text = uri.OriginalString;
        int hash = text.IndexOf('#');
        return hash < 0 ? uri : new Uri(text.Substring(0, hash), UriKind.Absolute);
    }

    /// <summary>A <c>file:</c> URI for a path as the compiler gives it (Windows or Unix), escaping what a URI would misread.</summary>
    public static Uri FileUriOf(string path)
    {
        string normalized = path.Replace('\\', '/');
        var escaped = new StringBuilder("file://");
        if (!normalized.StartsWith("/", StringComparison.Ordinal))
        {
            escaped.Append('/');
        }

        foreach (char c in normalized)
        {
            switch (c)
            {
                case '%': escaped.Append("%25"); break;
                case '#': escaped.Append("%23"); break;
                case '?': escaped.Append("%3F"); break;
                case ' ': escaped.Append("%20"); break;
                default: escaped.Append(c); break;
            }
        }

        return Uri.TryCreate(escaped.ToString(), UriKind.Absolute, out Uri? uri) ? uri : new Uri("file:///schema.json");
    }
}

using System;
using System.Collections.Generic;
using System.Text;
using Scenario.Generators.Diagnostics;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing.Json;

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

    /// <summary>The root's <c>$id</c> when it is absolute, else the file's own URI.</summary>
    public Uri BaseUri { get; }

    /// <summary>The file's own URI (<c>file:///…</c>), whatever its <c>$id</c>.</summary>
    public Uri FileUri => FileUriOf(Path);

    /// <summary>Reads a schema file; null (with a diagnostic) when it is not JSON or not a schema.</summary>
    public static SchemaDocument? Load(string path, string? text, List<DiagnosticInfo> diagnostics)
    {
        string fileName = System.IO.Path.GetFileName(path);
        var locator = new SchemaLocator(path, text ?? string.Empty);
        if (text is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSchema, locator.File, fileName, "the compiler could not read the file"));
            return null;
        }

        if (StrictJson.Check(text) is { } fault)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, locator.AtOffset(fault.Offset), fileName, fault.Message));
            return null;
        }

        JsonNode root;
        try
        {
            root = JsonTreeReader.Read(text, MaxJsonDepth);
        }
        catch (JsonTreeException ex)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, locator.AtOffset(ex.Offset), fileName, ex.Message));
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reader has no other failure on text StrictJson passed; if it had one, it is a diagnostic, not a crash.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, locator.File, fileName, ex.Message.TrimEnd('.')));
            return null;
        }

        if (root is not JsonObject && root.Type != JsonNodeType.Boolean)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSchema, locator.File, fileName, "a schema is a JSON object (or true or false), not " + SchemaKeywords.Describe(root)));
            return null;
        }

        Draft draft = Drafts.Detect(root as JsonObject);
        Uri fileUri = FileUriOf(path);
        Uri baseUri = fileUri;
        if (root is JsonObject obj && Drafts.IdOf(obj, draft) is { } id && Uri.TryCreate(id, UriKind.Absolute, out Uri? absolute) && !string.IsNullOrEmpty(absolute.Scheme))
        {
            baseUri = WithoutFragment(absolute);
        }

        return new SchemaDocument(path, locator, root, draft, baseUri);
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

using System;
using System.Collections.Generic;
using System.Text;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing.Json;
using Scenario.Generators.Parsing.OpenApi;

namespace Scenario.Generators.Parsing;

/// <summary>
/// What each context embeds so its types can be checked against their schemas (docs/decisions.md, "Validation:
/// constraints embedded, one evaluator"): the file's document under a URI that does not depend on the machine, its JSON
/// without what validation never reads, and the other files its references reach.
/// </summary>
internal static class ValidationDocuments
{
    /// <summary>Annotations: keywords no validator reads, dropped from a schema (not from a map of names, nor from values).</summary>
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "description", "title", "examples", "example", "$comment", "default", "externalDocs", "summary",
    };

    /// <summary>Keywords whose value maps names to schemas: a name there is a name, whatever it spells.</summary>
    private static readonly HashSet<string> NameMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies", "dependentRequired", "schemas",
    };

    /// <summary>Keywords whose value is data, written as it is.</summary>
    private static readonly HashSet<string> Values = new(StringComparer.Ordinal) { "enum", "const" };

    /// <summary>The folder every schema file of the compilation is in, as a path ending in a separator ("" when they share none).</summary>
    public static string CommonFolder(IEnumerable<string> paths)
    {
        string? common = null;
        foreach (string path in paths)
        {
            string folder = path.Substring(0, LastSeparator(path) + 1);
            if (common is null)
            {
                common = folder;
                continue;
            }

            int length = 0;
            int limit = Math.Min(common.Length, folder.Length);
            while (length < limit && common[length] == folder[length])
            {
                length++;
            }

            common = common.Substring(0, LastSeparator(common.Substring(0, length)) + 1);
        }

        return common ?? string.Empty;
    }

    /// <summary>The document's URI in the embedded set: <c>file:///</c> and its path from <paramref name="commonFolder"/>, with <c>/</c> between folders.</summary>
    public static string UriOf(string path, string commonFolder)
    {
        string relative = path.StartsWith(commonFolder, StringComparison.Ordinal) ? path.Substring(commonFolder.Length) : System.IO.Path.GetFileName(path);
        var uri = new StringBuilder("file:///");
        foreach (string segment in relative.Replace('\\', '/').Split('/'))
        {
            if (uri.Length > "file:///".Length)
            {
                uri.Append('/');
            }

            uri.Append(Uri.EscapeDataString(segment));
        }

        return uri.ToString();
    }

    /// <summary>The name of the runtime's <c>JsonSchemaDialect</c> member a document follows.</summary>
    public static string DialectOf(SchemaDocument document) => document.Dialect switch
    {
        Dialect.Swagger2 or Dialect.OpenApi30 => "OpenApi30",
        Dialect.OpenApi31 => "Draft202012",
        _ => document.Draft switch
        {
            Draft.Draft04 => "Draft4",
            Draft.Draft06 => "Draft6",
            Draft.Draft07 => "Draft7",
            Draft.Draft2019_09 => "Draft201909",
            _ => "Draft202012",
        },
    };

    /// <summary>
    /// The document's JSON as validation reads it: annotations dropped from its schemas; of an OpenAPI document, only the
    /// schemas (what sits under <c>schema</c>, <c>schemas</c> and Swagger's <c>definitions</c>), every other part reduced
    /// to what keeps their JSON pointers.
    /// </summary>
    public static string JsonOf(SchemaDocument document)
    {
        var text = new StringBuilder();
        if (document.IsOpenApi)
        {
            if (!WriteSchemasOnly(text, document.Root))
            {
                text.Append("{}");
            }
        }
        else
        {
            WriteSchema(text, document.Root);
        }

        return text.ToString();
    }

    /// <summary>
    /// The other documents whose schemas <paramref name="document"/>'s references (<c>$ref</c>, <c>$dynamicRef</c>,
    /// <c>$recursiveRef</c>) reach, directly, and the meta-schema its <c>$schema</c> names when that is a file of the
    /// compilation (its <c>$vocabulary</c> decides which keywords assert).
    /// </summary>
    /// <param name="document">The referring document.</param>
    /// <param name="set">The compilation's schema files.</param>
    /// <param name="embedded">A URI as validation names it (a file's URI from the schema folder, <see cref="EmbeddedUri"/>).</param>
    /// <param name="aliases">
    /// Where a reference names another file by a URI that is neither the file's name nor its <c>$id</c> in validation's
    /// names (the generator found it by its name beside the referring file), that URI, added to the file's others.
    /// </param>
    public static HashSet<SchemaDocument> Referenced(SchemaDocument document, SchemaSet set, Func<Uri, string> embedded, Dictionary<SchemaDocument, SortedSet<string>> aliases)
    {
        var found = new HashSet<SchemaDocument>();
        var pending = new Stack<JsonNode>();
        pending.Push(document.Root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    foreach (JsonProperty property in obj.Properties())
                    {
                        if (property.Name is "$ref" or "$dynamicRef" or "$recursiveRef" or "$schema" && property.Value is JsonValue { Type: JsonNodeType.String } reference
                            && (string?)reference is { Length: > 0 } target && target[0] != '#'
                            && set.Resolve(document, obj, target).Found is { } resolved && !ReferenceEquals(resolved.Document, document))
                        {
                            found.Add(resolved.Document);
                            string resourcePart = target.IndexOf('#') is var hash and >= 0 ? target.Substring(0, hash) : target;
                            if (resourcePart.Length > 0 && set.Resolve(document, obj, resourcePart).Found is { } file && ReferenceEquals(file.Token, file.Document.Root)
                                && Uri.TryCreate(set.BaseOf(document, obj), resourcePart, out Uri? absolute))
                            {
                                if (!aliases.TryGetValue(file.Document, out SortedSet<string>? names))
                                {
                                    aliases[file.Document] = names = new SortedSet<string>(StringComparer.Ordinal);
                                }

                                names.Add(embedded(absolute));
                            }
                        }

                        pending.Push(property.Value);
                    }

                    break;
                case JsonArray array:
                    foreach (JsonNode item in array)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }

        return found;
    }

    private static void WriteSchema(StringBuilder text, JsonNode node)
    {
        if (node is not JsonObject obj)
        {
            if (node is JsonArray array)
            {
                WriteItems(text, array, WriteSchema);
            }
            else
            {
                JsonText.Write(text, node);
            }

            return;
        }

        text.Append('{');
        bool first = true;
        foreach (JsonProperty property in obj.Properties())
        {
            string name = property.Name;
            if (Annotations.Contains(name) || (name.StartsWith("x-", StringComparison.Ordinal) && name != "x-nullable"))
            {
                continue;
            }

            if (!first)
            {
                text.Append(',');
            }

            first = false;
            JsonText.WriteString(text, name);
            text.Append(':');
            if (Values.Contains(name))
            {
                JsonText.Write(text, property.Value);
            }
            else if (NameMaps.Contains(name) && property.Value is JsonObject map)
            {
                WriteNameMap(text, map);
            }
            else
            {
                WriteSchema(text, property.Value);
            }
        }

        text.Append('}');
    }

    private static void WriteNameMap(StringBuilder text, JsonObject map)
    {
        text.Append('{');
        for (int i = 0; i < map.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            JsonProperty property = map.Properties()[i];
            JsonText.WriteString(text, property.Name);
            text.Append(':');
            WriteSchema(text, property.Value);
        }

        text.Append('}');
    }

    private static void WriteItems(StringBuilder text, JsonArray array, Action<StringBuilder, JsonNode> write)
    {
        text.Append('[');
        for (int i = 0; i < array.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            write(text, array[i]);
        }

        text.Append(']');
    }

    /// <summary>
    /// Writes the parts of an OpenAPI document that hold schemas; false (and nothing written) when <paramref name="node"/>
    /// holds none. An array keeps its length, an item without schemas written as <c>{}</c>, so pointers stay as they are.
    /// </summary>
    private static bool WriteSchemasOnly(StringBuilder text, JsonNode node)
    {
        int start = text.Length;
        switch (node)
        {
            case JsonObject obj:
                text.Append('{');
                bool any = false;
                foreach (JsonProperty property in obj.Properties())
                {
                    int before = text.Length;
                    if (any)
                    {
                        text.Append(',');
                    }

                    JsonText.WriteString(text, property.Name);
                    text.Append(':');
                    bool isSchema = property.Name is "schema" || (property.Name is "schemas" or "definitions" && property.Value is JsonObject);
                    if (isSchema)
                    {
                        if (property.Name == "schema")
                        {
                            WriteSchema(text, property.Value);
                        }
                        else
                        {
                            WriteNameMap(text, (JsonObject)property.Value);
                        }

                        any = true;
                    }
                    else if (property.Value is JsonObject or JsonArray && WriteSchemasOnly(text, property.Value))
                    {
                        any = true;
                    }
                    else
                    {
                        text.Length = before;
                    }
                }

                if (!any)
                {
                    text.Length = start;
                    return false;
                }

                text.Append('}');
                return true;
            case JsonArray array:
                text.Append('[');
                int kept = -1;
                for (int i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    if (array[i] is JsonObject or JsonArray && WriteSchemasOnly(text, array[i]))
                    {
                        kept = i;
                    }
                    else
                    {
                        text.Append("{}");
                    }
                }

                if (kept < 0)
                {
                    text.Length = start;
                    return false;
                }

                text.Append(']');
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A URI as validation names it: a file's URI under <paramref name="commonFolder"/> becomes <c>file:///</c> and its path
    /// from there (as <see cref="UriOf"/> names the file); any other URI (an <c>$id</c>'s web address) stays as it is.
    /// </summary>
    public static string EmbeddedUri(Uri absolute, string commonFolder)
    {
        string prefix = SchemaDocument.FileUriOf(commonFolder + "_").AbsoluteUri;
        prefix = prefix.Substring(0, prefix.Length - 1);
        string text = SchemaDocument.WithoutFragment(absolute).AbsoluteUri;
        return absolute.Scheme == Uri.UriSchemeFile && text.StartsWith(prefix, StringComparison.Ordinal)
            ? "file:///" + text.Substring(prefix.Length)
            : text;
    }

    private static int LastSeparator(string path) => Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
}

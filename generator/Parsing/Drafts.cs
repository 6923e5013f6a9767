using System;
using System.Collections.Generic;
using Scenario.Generators.Parsing.Json;

namespace Scenario.Generators.Parsing;

/// <summary>The JSON Schema drafts, oldest first. A file without <c>$schema</c> is read as the newest.</summary>
internal enum Draft
{
    Draft04,
    Draft06,
    Draft07,
    Draft2019_09,
    Draft2020_12,
}

/// <summary>
/// What differs between drafts, in one place, so the rest of the parser reads every draft alike: how a draft is named,
/// where a schema's id is, what an <c>items</c> array means, whether <c>$ref</c> has siblings, and which keywords hold
/// subschemas, change the shape of a value, or are unsupported.
/// </summary>
internal static class Drafts
{
    /// <summary>Keywords whose value is one subschema.</summary>
    public static readonly string[] SingleSubschemas =
    {
        "additionalProperties", "additionalItems", "items", "contains", "not", "if", "then", "else", "propertyNames",
        "unevaluatedProperties", "unevaluatedItems", "contentSchema",
    };

    /// <summary>Keywords whose value is an array of subschemas.</summary>
    public static readonly string[] ArraySubschemas = { "allOf", "anyOf", "oneOf", "prefixItems", "items" };

    /// <summary>Keywords whose value maps names to subschemas.</summary>
    public static readonly string[] MapSubschemas = { "properties", "patternProperties", "definitions", "$defs", "dependentSchemas", "dependencies" };

    /// <summary>Whether <paramref name="name"/> is a keyword whose value is a subschema, an array or a map of them.</summary>
    public static bool IsSubschemaKeyword(string name) =>
        Array.IndexOf(SingleSubschemas, name) >= 0 || Array.IndexOf(ArraySubschemas, name) >= 0 || Array.IndexOf(MapSubschemas, name) >= 0;

    /// <summary>Keywords that decide the shape of a value, and so its C# type. Any other keyword only validates or annotates.</summary>
    private static readonly HashSet<string> ShapeKeywords = new(StringComparer.Ordinal)
    {
        "type", "properties", "patternProperties", "additionalProperties", "items", "prefixItems", "additionalItems", "enum",
        "const", "oneOf", "anyOf", "allOf", "$ref", "$recursiveRef", "$dynamicRef",
    };

    /// <summary>
    /// Keywords that change what a value may hold in ways the generated types do not follow. Each use is a warning
    /// (SCENGEN007); the values they would add are still kept, in the record's <c>ExtensionData</c> or as JSON.
    /// </summary>
    public static readonly Dictionary<string, string> UnsupportedKeywords = new(StringComparer.Ordinal)
    {
        ["if"] = "its properties are conditional ('if'/'then'/'else'); the record has the properties every value has, and keeps the others in ExtensionData",
        ["dependentSchemas"] = "its properties depend on others ('dependentSchemas'); the record keeps the dependent ones in ExtensionData",
        ["unevaluatedProperties"] = "'unevaluatedProperties' with a schema types the properties no other keyword names; they are kept untyped in ExtensionData",
        ["unevaluatedItems"] = "'unevaluatedItems' with a schema types the items no other keyword covers; they are read as the list's item type or kept as JSON",
    };

    public static Draft Detect(JsonObject? root) => FromUri(SchemaKeywords.StringOf(root?["$schema"]));

    /// <summary>The draft a metaschema URI names (<c>$schema</c>, OpenAPI 3.1's <c>jsonSchemaDialect</c>); the newest for none or another.</summary>
    public static Draft FromUri(string? uri)
    {
        if (uri is null)
        {
            return Draft.Draft2020_12;
        }

        if (uri.IndexOf("draft-04", StringComparison.Ordinal) >= 0 || uri.IndexOf("draft-03", StringComparison.Ordinal) >= 0)
        {
            return Draft.Draft04;
        }

        if (uri.IndexOf("draft-06", StringComparison.Ordinal) >= 0)
        {
            return Draft.Draft06;
        }

        if (uri.IndexOf("draft-07", StringComparison.Ordinal) >= 0)
        {
            return Draft.Draft07;
        }

        if (uri.IndexOf("2019-09", StringComparison.Ordinal) >= 0)
        {
            return Draft.Draft2019_09;
        }

        return Draft.Draft2020_12;
    }

    /// <summary>The schema's id: <c>$id</c>, or <c>id</c> in draft-04 (where a property may be named <c>id</c>, so only a string counts).</summary>
    public static string? IdOf(JsonObject schema, Draft draft) =>
        SchemaKeywords.StringOf(schema["$id"] ?? (draft == Draft.Draft04 ? schema["id"] : null));

    /// <summary>Whether <c>$ref</c>'s siblings apply (2019-09 on) or are ignored (draft-04 to 07, as those drafts say).</summary>
    public static bool RefHasSiblings(Draft draft) => draft >= Draft.Draft2019_09;

    /// <summary>Whether <c>$defs</c> is a keyword (2019-09 on); before, what it holds is data, though a <c>$ref</c> may point into it.</summary>
    public static bool HasDefsKeyword(Draft draft) => draft >= Draft.Draft2019_09;

    /// <summary>Whether the keyword decides the shape of a value.</summary>
    public static bool IsShapeKeyword(string keyword) => ShapeKeywords.Contains(keyword);

    /// <summary>Whether the schema has any keyword that decides the shape of a value (<c>{}</c> and pure validation have none).</summary>
    public static bool HasShape(JsonObject schema)
    {
        foreach (JsonProperty property in schema.Properties())
        {
            if (ShapeKeywords.Contains(property.Name))
            {
                // additionalProperties: true and items: true allow anything: no shape of their own.
                if (property.Value.Type == JsonNodeType.Boolean && property.Name is "additionalProperties" or "additionalItems" or "items")
                {
                    continue;
                }

                return true;
            }
        }

        return false;
    }
}

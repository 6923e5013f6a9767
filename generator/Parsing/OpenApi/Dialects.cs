using System;
using Scenario.Generators.Parsing.Json;

namespace Scenario.Generators.Parsing.OpenApi;

/// <summary>What a document is: a JSON Schema, or an OpenAPI description of one version, whose schemas follow its dialect.</summary>
internal enum Dialect
{
    /// <summary>A JSON Schema (any draft).</summary>
    JsonSchema,

    /// <summary>Swagger 2.0: <c>definitions</c>, <c>parameters</c> with <c>type</c>, <c>consumes</c>/<c>produces</c>, <c>x-nullable</c>.</summary>
    Swagger2,

    /// <summary>OpenAPI 3.0.x: <c>components</c>, schemas of draft-05 with <c>nullable</c>, <c>$ref</c> siblings ignored.</summary>
    OpenApi30,

    /// <summary>OpenAPI 3.1.x (and later 3.x): schemas are JSON Schema 2020-12, unless <c>jsonSchemaDialect</c> says otherwise.</summary>
    OpenApi31,
}

/// <summary>What a file's name says it is.</summary>
internal enum DocumentKind
{
    /// <summary><c>*.schema.json</c>: a JSON Schema, whatever it holds.</summary>
    Schema,

    /// <summary><c>*.openapi.json</c>, <c>*.openapi.yaml</c>, <c>*.openapi.yml</c>: an OpenAPI document.</summary>
    OpenApi,

    /// <summary>A name that says nothing (Unity's <c>*.additionalfile</c>): what the content is.</summary>
    Either,
}

/// <summary>Tells the dialects apart, and gives each the JSON Schema draft its schemas are read as.</summary>
internal static class Dialects
{
    /// <summary>The document's dialect: <c>"openapi": "3.0.x"</c>, <c>"3.1.x"</c> (or a later 3.x), <c>"swagger": "2.0"</c>; else a JSON Schema.</summary>
    public static Dialect Detect(JsonObject? root)
    {
        if (SchemaKeywords.StringOf(root?["openapi"]) is { } openapi)
        {
            return openapi.StartsWith("3.0", StringComparison.Ordinal) ? Dialect.OpenApi30 : Dialect.OpenApi31;
        }

        return SchemaKeywords.StringOf(root?["swagger"]) is not null ? Dialect.Swagger2 : Dialect.JsonSchema;
    }

    /// <summary>
    /// The draft an OpenAPI document's schemas are read as: 2.0 and 3.0 ignore a <c>$ref</c>'s siblings and know only
    /// <c>$ref</c> as an id-free reference, as draft-07 reads them; 3.1 is 2020-12 unless <c>jsonSchemaDialect</c> names another.
    /// </summary>
    public static Draft DraftOf(Dialect dialect, JsonObject root)
    {
        if (dialect != Dialect.OpenApi31)
        {
            return Draft.Draft07;
        }

        return Drafts.FromUri(SchemaKeywords.StringOf(root["jsonSchemaDialect"]));
    }

    /// <summary>The version as the document writes it, for messages.</summary>
    public static string Describe(Dialect dialect) => dialect switch
    {
        Dialect.Swagger2 => "Swagger 2.0",
        Dialect.OpenApi30 => "OpenAPI 3.0",
        Dialect.OpenApi31 => "OpenAPI 3.1",
        _ => "JSON Schema",
    };
}

using System;
using System.Collections.Generic;

namespace Scenario.Runtime.Validation;

/// <summary>Which rules a schema document follows: its JSON Schema draft, or the schema dialect of OpenAPI 3.0 and Swagger 2.0.</summary>
public enum JsonSchemaDialect
{
    /// <summary>JSON Schema draft 4 (<c>id</c>, boolean <c>exclusiveMinimum</c>).</summary>
    Draft4,

    /// <summary>JSON Schema draft 6.</summary>
    Draft6,

    /// <summary>JSON Schema draft 7.</summary>
    Draft7,

    /// <summary>JSON Schema 2019-09.</summary>
    Draft201909,

    /// <summary>JSON Schema 2020-12 (also OpenAPI 3.1's dialect).</summary>
    Draft202012,

    /// <summary>The schema objects of OpenAPI 3.0 and Swagger 2.0: draft 4's rules with <c>nullable</c>.</summary>
    OpenApi30,
}

/// <summary>
/// One schema document as generated code embeds it: the URI its references resolve against, its JSON text and its
/// dialect. The text is parsed when a validation first needs it, once.
/// </summary>
public sealed class JsonSchemaDocument
{
    /// <summary>Creates a document.</summary>
    /// <param name="uri">The document's absolute URI: its <c>$id</c>, or a name the generator gave it.</param>
    /// <param name="json">The document's JSON text.</param>
    /// <param name="dialect">The rules it follows when it does not say (<c>$schema</c>).</param>
    public JsonSchemaDocument(string uri, string json, JsonSchemaDialect dialect)
        : this(uri, json, dialect, Array.Empty<string>())
    {
    }

    /// <summary>Creates a document that other documents also refer to by <paramref name="aliases"/>.</summary>
    /// <param name="uri">The document's absolute URI: its <c>$id</c>, or a name the generator gave it.</param>
    /// <param name="json">The document's JSON text.</param>
    /// <param name="dialect">The rules it follows when it does not say (<c>$schema</c>).</param>
    /// <param name="aliases">
    /// Other absolute URIs that name the document: those a reference resolves to where the generator found the file by
    /// its name beside the referring one (<c>"$ref": "spdx.schema.json"</c> in a schema whose <c>$id</c> is a web address).
    /// </param>
    public JsonSchemaDocument(string uri, string json, JsonSchemaDialect dialect, IReadOnlyList<string> aliases)
    {
        Uri = uri ?? throw new ArgumentNullException(nameof(uri));
        Json = json ?? throw new ArgumentNullException(nameof(json));
        Dialect = dialect;
        Aliases = aliases ?? throw new ArgumentNullException(nameof(aliases));
    }

    /// <summary>The document's absolute URI, without a fragment.</summary>
    public string Uri { get; }

    /// <summary>The document's JSON text.</summary>
    public string Json { get; }

    /// <summary>The rules the document follows.</summary>
    public JsonSchemaDialect Dialect { get; }

    /// <summary>Other absolute URIs that name the document (without a fragment); a name another resource of the set has stays that resource's.</summary>
    public IReadOnlyList<string> Aliases { get; }
}

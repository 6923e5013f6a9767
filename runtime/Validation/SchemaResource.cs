using System.Collections.Generic;
using System.Text.Json;

namespace Scenario.Runtime.Validation;

/// <summary>
/// A schema resource: a document's root, or a subschema with an <c>$id</c> of its own. References resolve against its
/// URI, its anchors are names for its subschemas, and the dynamic scope of an evaluation is a stack of these.
/// </summary>
internal sealed class SchemaResource
{
    /// <summary>Creates a resource of document <paramref name="documentIndex"/> rooted at <paramref name="documentPointer"/>.</summary>
    public SchemaResource(string uri, JsonElement element, int documentIndex, string documentPointer, JsonSchemaDialect dialect)
    {
        Uri = uri;
        Element = element;
        DocumentIndex = documentIndex;
        DocumentPointer = documentPointer;
        Dialect = dialect;
    }

    /// <summary>The resource's absolute URI, without a fragment.</summary>
    public string Uri { get; }

    /// <summary>The resource's root schema, as JSON.</summary>
    public JsonElement Element { get; }

    /// <summary>Which document of the set holds it.</summary>
    public int DocumentIndex { get; }

    /// <summary>The JSON pointer of its root in that document (<c>""</c> for the document itself).</summary>
    public string DocumentPointer { get; }

    /// <summary>The dialect of its root.</summary>
    public JsonSchemaDialect Dialect { get; }

    /// <summary>The compiled root schema.</summary>
    public SchemaNode? Root { get; set; }

    /// <summary>Plain-name fragments: <c>$anchor</c>, <c>$dynamicAnchor</c>, and draft 6/7's <c>"$id": "#name"</c>.</summary>
    public Dictionary<string, SchemaNode> Anchors { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The <c>$dynamicAnchor</c>s of the resource (2020-12), which a <c>$dynamicRef</c> looks up along the dynamic scope.</summary>
    public Dictionary<string, SchemaNode>? DynamicAnchors { get; set; }

    /// <summary>Whether its root says <c>"$recursiveAnchor": true</c> (2019-09).</summary>
    public bool RecursiveAnchor { get; set; }
}

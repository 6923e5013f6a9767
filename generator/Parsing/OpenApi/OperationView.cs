using System.Collections.Generic;
using Scenario.Generators.Parsing.Json;

namespace Scenario.Generators.Parsing.OpenApi;

/// <summary>
/// One operation of an OpenAPI document as both versions are read alike: its path and method, the path item's and the
/// operation's parameters merged (the operation's win, by name and place), every <c>$ref</c> to a parameter, a body or a
/// response followed. Swagger 2.0's <c>body</c> and <c>formData</c> parameters and its <c>consumes</c>/<c>produces</c> are
/// turned into the body and the media types 3.x has. What it becomes in C# (its resource and method) is set by
/// <see cref="OperationNames"/>.
/// </summary>
internal sealed class OperationView
{
    public OperationView(string path, string method, JsonObject node)
    {
        Path = path;
        Method = method;
        Node = node;
    }

    /// <summary>The path template as the document writes it (<c>/models/{modelId}/examples</c>).</summary>
    public string Path { get; }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The operation object.</summary>
    public JsonObject Node { get; }

    public string? OperationId => SchemaKeywords.StringOf(Node["operationId"]);

    /// <summary>The operation's <c>x-client</c> extension: <c>resource</c>, <c>method</c>, <c>parameters</c>.</summary>
    public JsonObject? Extension => Node["x-client"] as JsonObject;

    public List<ParameterView> Parameters { get; } = new();

    /// <summary>The request body: 3.x's <c>requestBody</c>, or what 2.0's <c>body</c>/<c>formData</c> parameters describe.</summary>
    public BodyView? Body { get; set; }

    /// <summary>The responses, by status as written (<c>200</c>, <c>4XX</c>, <c>default</c>), each with its media types.</summary>
    public List<ResponseView> Responses { get; } = new();

    /// <summary>The C# resource path (<c>Models</c>, <c>Examples</c>), set by <see cref="OperationNames"/>.</summary>
    public IReadOnlyList<string> Resource { get; set; } = new string[0];

    /// <summary>The C# method's name without <c>Async</c> (<c>List</c>), set by <see cref="OperationNames"/>.</summary>
    public string MethodName { get; set; } = string.Empty;
}

/// <summary>A parameter, either version: its name, place, schema (2.0: the parameter itself), style and explode.</summary>
internal sealed class ParameterView
{
    public ParameterView(string name, string location, JsonObject node)
    {
        Name = name;
        In = location;
        Node = node;
    }

    public string Name { get; }

    /// <summary><c>path</c>, <c>query</c>, <c>header</c> or <c>cookie</c>.</summary>
    public string In { get; }

    /// <summary>The parameter object (a <c>$ref</c> followed).</summary>
    public JsonObject Node { get; }

    public SchemaDocument Document { get; set; } = null!;

    /// <summary>The schema of its values; null when it has none (any value).</summary>
    public JsonNode? Schema { get; set; }

    public bool Required { get; set; }

    public string Style { get; set; } = "form";

    public bool Explode { get; set; }

    public string? Description => SchemaKeywords.StringOf(Node["description"]);

    public bool Deprecated => Node["deprecated"]?.Type == JsonNodeType.Boolean && (bool)Node["deprecated"]!;
}

/// <summary>A request body: its media types with their schemas, and whether it is required.</summary>
internal sealed class BodyView
{
    public BodyView(JsonNode node, SchemaDocument document)
    {
        Node = node;
        Document = document;
    }

    /// <summary>The body object (2.0: the body parameter), for diagnostics and names.</summary>
    public JsonNode Node { get; }

    public SchemaDocument Document { get; }

    public List<MediaView> Content { get; } = new();

    public bool Required { get; set; }

    public string? Description { get; set; }

    /// <summary>2.0: the <c>formData</c> parameters, which are the form's fields (3.x: the properties of the media type's schema).</summary>
    public List<ParameterView> FormFields { get; } = new();
}

/// <summary>A response: its status as written and its media types.</summary>
internal sealed class ResponseView
{
    public ResponseView(string status, JsonNode node, SchemaDocument document)
    {
        Status = status;
        Node = node;
        Document = document;
    }

    public string Status { get; }

    public JsonNode Node { get; }

    public SchemaDocument Document { get; }

    public List<MediaView> Content { get; } = new();

    public string? Description { get; set; }
}

/// <summary>One media type of a body or a response and its schema (null: any).</summary>
internal sealed class MediaView
{
    public MediaView(string mediaType, JsonNode? schema, JsonNode node)
    {
        MediaType = mediaType;
        Schema = schema;
        Node = node;
    }

    public string MediaType { get; }

    public JsonNode? Schema { get; }

    /// <summary>The media type object (2.0: the response), for its examples.</summary>
    public JsonNode Node { get; }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Scenario.Generators.Parsing.Json;

namespace Scenario.Generators.Parsing.OpenApi;

/// <summary>
/// The operations of a document's <c>paths</c>, in document order (paths as written, methods in the order OpenAPI lists
/// them), as <see cref="OperationView"/>s: references followed, path-item parameters merged in, and Swagger 2.0's
/// body, form and media types read into the shape 3.x has. Problems are reported through <see cref="OpenApiReader"/>
/// and leave out only what they concern.
/// </summary>
internal sealed class OperationCollector
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly OpenApiReader _reader;
    private readonly SchemaDocument _document;
    private readonly bool _swagger2;
    private readonly JsonObject _root;

    public OperationCollector(OpenApiReader reader, SchemaDocument document)
    {
        _reader = reader;
        _document = document;
        _root = (JsonObject)document.Root;
        _swagger2 = document.Dialect == Dialect.Swagger2;
    }

    public List<OperationView> Collect()
    {
        var operations = new List<OperationView>();
        if (_root["paths"] is not JsonObject paths)
        {
            if (_root["paths"] is { } notPaths)
            {
                _reader.Invalid(notPaths, "'paths' is an object from path templates to path items");
            }

            return operations;
        }

        foreach (JsonProperty path in paths.Properties())
        {
            if (path.Name.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            if (!path.Name.StartsWith("/", StringComparison.Ordinal))
            {
                _reader.Invalid(path, "the path '" + path.Name + "' does not start with '/'; its operations are left out");
                continue;
            }

            if (_reader.Follow(_document, path.Value, "a path item") is not (SchemaDocument itemDocument, JsonObject item))
            {
                continue;
            }

            List<ParameterView> shared = Parameters(itemDocument, item["parameters"]);
            foreach (string method in Methods)
            {
                if (item[method] is not { } operationNode)
                {
                    continue;
                }

                if (operationNode is not JsonObject operation)
                {
                    _reader.Invalid(operationNode, "an operation is an object");
                    continue;
                }

                var view = new OperationView(path.Name, method.ToUpperInvariant(), operation);
                List<ParameterView> own = Parameters(itemDocument, operation["parameters"]);
                foreach (ParameterView parameter in shared.Concat(own))
                {
                    // The operation's own parameter replaces the path item's of the same name and place.
                    view.Parameters.RemoveAll(p => p.Name == parameter.Name && p.In == parameter.In);
                    view.Parameters.Add(parameter);
                }

                ReadBody(itemDocument, view);
                ReadResponses(itemDocument, view);
                operations.Add(view);
            }
        }

        return operations;
    }

    private List<ParameterView> Parameters(SchemaDocument document, JsonNode? list)
    {
        var result = new List<ParameterView>();
        if (list is null)
        {
            return result;
        }

        if (list is not JsonArray items)
        {
            _reader.Invalid(list, "'parameters' is an array of parameters");
            return result;
        }

        foreach (JsonNode item in items.Items())
        {
            if (_reader.Follow(document, item, "a parameter") is not (SchemaDocument parameterDocument, JsonObject parameter))
            {
                continue;
            }

            string? name = SchemaKeywords.StringOf(parameter["name"]);
            string? location = SchemaKeywords.StringOf(parameter["in"]);
            if (name is null || location is null)
            {
                _reader.Invalid(parameter, "a parameter has a 'name' and an 'in'");
                continue;
            }

            var view = new ParameterView(name, location, parameter)
            {
                Document = parameterDocument,
                Required = location == "path" || (parameter["required"]?.Type == JsonNodeType.Boolean && (bool)parameter["required"]!),
            };
            if (_swagger2)
            {
                // 2.0: the parameter is its own schema (type, items, enum); a body's is under schema.
                view.Schema = location == "body" ? parameter["schema"] : parameter;
                (view.Style, view.Explode) = SchemaKeywords.StringOf(parameter["collectionFormat"]) switch
                {
                    "multi" => ("form", true),
                    "ssv" => ("spaceDelimited", false),
                    "pipes" => ("pipeDelimited", false),
                    _ => (location is "query" or "formData" ? "form" : "simple", false),
                };
            }
            else
            {
                view.Schema = parameter["schema"];
                if (view.Schema is null && parameter["content"] is JsonObject content && content.Properties().FirstOrDefault() is { } media)
                {
                    // A parameter sent as the text of one media type (JSON): typed by its schema, written as JSON.
                    view.Schema = media.Value["schema"];
                    view.Style = "content";
                }
                else
                {
                    view.Style = SchemaKeywords.StringOf(parameter["style"]) ?? (location is "query" or "cookie" ? "form" : "simple");
                }

                view.Explode = parameter["explode"]?.Type == JsonNodeType.Boolean ? (bool)parameter["explode"]! : view.Style == "form";
            }

            if (location is not ("path" or "query" or "header" or "cookie") && !(_swagger2 && location is "body" or "formData"))
            {
                _reader.Invalid(parameter["in"]!, "'in' is path, query, header or cookie" + (_swagger2 ? ", body or formData" : " (a body is the operation's requestBody)") + "; the parameter '" + name + "' is left out");
                continue;
            }

            result.Add(view);
        }

        return result;
    }

    private void ReadBody(SchemaDocument document, OperationView view)
    {
        if (_swagger2)
        {
            List<string> consumes = MediaTypes(view.Node["consumes"] ?? _root["consumes"]);
            if (view.Parameters.FirstOrDefault(p => p.In == "body") is { } body)
            {
                var bodyView = new BodyView(body.Node, body.Document) { Required = body.Required, Description = body.Description };
                foreach (string media in consumes.Count > 0 ? consumes : new List<string> { "application/json" })
                {
                    bodyView.Content.Add(new MediaView(media, body.Schema, body.Node));
                }

                view.Body = bodyView;
            }
            else if (view.Parameters.FirstOrDefault(p => p.In == "formData") is { } form)
            {
                // Form fields (and files): a body the caller builds, in the first media type the operation consumes.
                string media = consumes.FirstOrDefault(m => m.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) || m.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
                    ?? (view.Parameters.Any(p => p.In == "formData" && SchemaKeywords.StringOf(p.Node["type"]) == "file") ? "multipart/form-data" : "application/x-www-form-urlencoded");
                var bodyView = new BodyView(form.Node, form.Document) { Required = view.Parameters.Any(p => p.In == "formData" && p.Required) };
                bodyView.Content.Add(new MediaView(media, null, form.Node));
                bodyView.FormFields.AddRange(view.Parameters.Where(p => p.In == "formData"));
                view.Body = bodyView;
            }

            view.Parameters.RemoveAll(p => p.In is "body" or "formData");
            return;
        }

        if (view.Node["requestBody"] is not { } requestBody || _reader.Follow(document, requestBody, "a request body") is not (SchemaDocument bodyDocument, JsonObject bodyObject))
        {
            return;
        }

        var result = new BodyView(bodyObject, bodyDocument)
        {
            Required = bodyObject["required"]?.Type == JsonNodeType.Boolean && (bool)bodyObject["required"]!,
            Description = SchemaKeywords.StringOf(bodyObject["description"]),
        };
        AddContent(bodyObject["content"], result.Content);
        view.Body = result.Content.Count > 0 ? result : null;
    }

    private void ReadResponses(SchemaDocument document, OperationView view)
    {
        if (view.Node["responses"] is not JsonObject responses)
        {
            return;
        }

        List<string> produces = _swagger2 ? MediaTypes(view.Node["produces"] ?? _root["produces"]) : new List<string>();
        foreach (JsonProperty response in responses.Properties())
        {
            if (response.Name.StartsWith("x-", StringComparison.Ordinal) || _reader.Follow(document, response.Value, "a response") is not (SchemaDocument responseDocument, JsonObject responseObject))
            {
                continue;
            }

            var result = new ResponseView(response.Name, responseObject, responseDocument) { Description = SchemaKeywords.StringOf(responseObject["description"]) };
            if (_swagger2)
            {
                if (responseObject["schema"] is { } schema)
                {
                    // The media types the operation produces, and those its examples are given in (Docker's errors are JSON
                    // examples of operations that produce streams).
                    IEnumerable<string> examples = (responseObject["examples"] as JsonObject)?.Properties().Select(p => p.Name) ?? Enumerable.Empty<string>();
                    foreach (string media in (produces.Count > 0 ? produces : new List<string> { "application/json" }).Concat(examples).Distinct(StringComparer.OrdinalIgnoreCase))
                    {
                        result.Content.Add(new MediaView(media, schema, responseObject));
                    }
                }
            }
            else
            {
                AddContent(responseObject["content"], result.Content);
            }

            view.Responses.Add(result);
        }
    }

    /// <summary>A 3.x content map's media types, in order.</summary>
    private void AddContent(JsonNode? content, List<MediaView> into)
    {
        if (content is not JsonObject map)
        {
            return;
        }

        foreach (JsonProperty media in map.Properties())
        {
            if (media.Value is JsonObject mediaObject)
            {
                into.Add(new MediaView(media.Name, mediaObject["schema"], mediaObject));
            }
        }
    }

    private static List<string> MediaTypes(JsonNode? list) =>
        list is JsonArray items ? items.Items().Select(SchemaKeywords.StringOf).Where(m => m is not null).Select(m => m!).ToList() : new List<string>();
}

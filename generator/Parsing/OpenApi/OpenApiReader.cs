using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Scenario.Generators.Diagnostics;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing.Json;

namespace Scenario.Generators.Parsing.OpenApi;

/// <summary>
/// An OpenAPI document (2.0, 3.0 or 3.1) → the client model <c>x-client</c> fills for JSON Schemas (DESIGN, "One model,
/// two readers"). Its named schemas were mapped already (they are the document's definitions); this reads the
/// operations (<see cref="OperationCollector"/>), names them (<see cref="OperationNames"/>), maps their parameters',
/// bodies' and responses' schemas with the same <see cref="TypeMapper"/> (inline ones named after the operation:
/// <c>{Resource}{Method}Request</c>, <c>…Response</c>, <c>…{Parameter}</c>), and reads the security schemes and the
/// servers. Never throws: a problem is a diagnostic at its place and leaves out only what it concerns.
/// </summary>
internal sealed class OpenApiReader
{
    /// <summary>How many <c>$ref</c>s a parameter, body or response may go through before it is taken for a cycle.</summary>
    private const int MaxReferences = 16;

    /// <summary>The C# arguments every operation has or may have, which no parameter is named like.</summary>
    private static readonly string[] ReservedArguments = { "options", "cancellationToken", "body", "query", "parameters", "request" };

    /// <summary>Members of the client class, which no top resource is named like.</summary>
    private static readonly HashSet<string> ClientMembers = new(StringComparer.Ordinal)
    {
        "WithRawResponse", "BaseAddress", "WithOptions", "Dispose", "ActivitySourceName", "MeterName", "DefaultBaseAddress",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    private static readonly Regex PathParameter = new(@"\{([^{}/]+)\}", RegexOptions.CultureInvariant);

    private readonly TypeMapper _mapper;
    private readonly DocumentOutput _output;
    private readonly string _clientName;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly JsonObject _root;

    public OpenApiReader(SchemaDocument document, TypeMapper mapper, DocumentOutput output, string clientName, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        Document = document;
        _mapper = mapper;
        _output = output;
        _clientName = clientName;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _root = (JsonObject)document.Root;
    }

    public SchemaDocument Document { get; }

    /// <summary>The operations to keep (the <c>Operations</c> setting); null keeps them all.</summary>
    public OperationFilter? Filter { get; init; }

    /// <summary>The client's name from <c>info.title</c>, when it reads as a name (a trailing "API" dropped: "Petstore API" → <c>Petstore</c>).</summary>
    public static string? NameOf(JsonObject root)
    {
        if (SchemaKeywords.StringOf(root["info"]?["title"]) is not { } title)
        {
            return null;
        }

        string trimmed = Regex.Replace(title.Trim(), @"[\s-]+(API|Api|api)$", string.Empty);
        return Identifiers.FromTitle(trimmed.Length > 0 ? trimmed : title);
    }

    /// <summary>The client, or null when the document has no operation (its schemas are still types).</summary>
    public ClientModel? Read()
    {
        List<OperationView> views = new OperationCollector(this, Document).Collect();
        if (views.Count == 0)
        {
            return null;
        }

        // Named over the whole document, so a filter changes no name; then only the kept operations are read.
        OperationNames.Assign(views);
        if (Filter is { } filter)
        {
            int all = views.Count;
            views = views.Where(filter.Keeps).ToList();
            if (views.Count == 0)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSetting, Document.Locator.File, "Operations", filter.Text, "it keeps none of the document's " + all + " operations"));
                return null;
            }
        }

        var schemes = new SecuritySchemes(this, _root, _clientName + "ClientOptions");
        var operations = new List<(OperationView View, OperationModel Model)>(views.Count);
        foreach (OperationView view in views)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            operations.Add((view, Operation(view, schemes)));
        }

        var extension = _root["x-client"] as JsonObject;
        string? idempotencyHeader = SchemaKeywords.StringOf(extension?["idempotencyKey"]?["header"]) ?? (extension?["idempotencyKey"] is JsonObject ? "Idempotency-Key" : null);
        bool generateKeys = extension?["idempotencyKey"]?["generate"] is { Type: JsonNodeType.Boolean } generate && (bool)generate;
        return new ClientModel(
            _clientName,
            Description(),
            Servers.BaseAddress(_root, Document.Dialect),
            SchemaKeywords.StringOf(extension?["baseAddressVariable"]),
            null,
            Resources(operations),
            idempotencyHeader,
            generateKeys)
        {
            Schemes = schemes.All.ToEquatableArray(),
        };
    }

    private string? Description()
    {
        if (SchemaKeywords.StringOf(_root["x-client"]?["description"]) is { } described)
        {
            return described;
        }

        string? title = SchemaKeywords.StringOf(_root["info"]?["title"]);
        string? version = SchemaKeywords.StringOf(_root["info"]?["version"]) ?? (_root["info"]?["version"] is JsonValue { Type: JsonNodeType.Integer or JsonNodeType.Float } number ? (string)number! : null);
        return title is null ? null : "The client of " + title.Trim() + (version is null ? "." : " " + version.Trim() + ".");
    }

    private OperationModel Operation(OperationView view, SecuritySchemes schemes)
    {
        string stem = string.Concat(view.Resource) + view.MethodName;

        // x-client's parameters record: its properties are the query and body parameters (x-in says which), in one argument.
        string? parametersType = null;
        bool parametersRequired = false;
        if (view.Extension?["parameters"] is { } parametersNode)
        {
            TypeRef record = Map(Document, parametersNode, stem + "Params");
            if (record.Kind == TypeKind.Record && record.Namespace == _output.Namespace)
            {
                parametersType = record.Name;
                parametersRequired = view.Extension["parametersRequired"] is { Type: JsonNodeType.Boolean } required && (bool)required;
            }
            else
            {
                Invalid(parametersNode, "x-client 'parameters' is { \"$ref\": … } naming an object schema of this document");
            }
        }

        // A path key's fragment is not sent, and a query it holds is sent as fixed parameters.
        string sent = view.Path;
        string? fixedQuery = null;
        if (sent.IndexOf('#') is int hash and >= 0)
        {
            sent = sent.Substring(0, hash);
        }

        if (sent.IndexOf('?') is int question and >= 0)
        {
            fixedQuery = sent.Substring(question + 1);
            sent = sent.Substring(0, question);
        }

        // Types are mapped (and so named) in this order: parameters, body, success, errors, then a stream's events.
        List<ParameterModel> parameters = Parameters(view, sent, stem, parametersType is not null);
        BodyModel? body = parametersType is null && view.Body is { } bodyView ? Body(bodyView, stem) : null;
        string? optionalType = parameters.Any(p => !p.Required) ? _output.Names.Unique(stem + "Params") : null;
        ResponseModel response = Response(view, stem);
        return new OperationModel(
            view.MethodName + "Async",
            view.Method,
            view.Path,
            SchemaKeywords.StringOf(view.Node["summary"]) ?? SchemaKeywords.StringOf(view.Node["description"]),
            parameters.ToEquatableArray(),
            parametersType,
            parametersRequired,
            optionalType,
            body,
            response)
        {
            Description = SchemaKeywords.StringOf(view.Node["summary"]) is null ? null : SchemaKeywords.StringOf(view.Node["description"]),
            OperationId = view.OperationId,
            Deprecated = view.Node["deprecated"] is { Type: JsonNodeType.Boolean } deprecated && (bool)deprecated,
            Errors = Errors(view, stem).ToEquatableArray(),
            Stream = Stream(view, stem, response.Kind == ResponseKind.None),
            Pagination = Pagination(view, parameters, body, response),
            Security = schemes.Requirements(view.Node["security"], _root["security"]),
            SentPath = sent == view.Path ? null : sent,
            FixedQuery = fixedQuery is null ? EquatableArray<QueryPair>.Empty : QueryPairs(fixedQuery),
        };
    }

    /// <summary>A query string's pairs, unescaped (<c>kind=a&amp;b</c> → <c>kind</c>=<c>a</c>, <c>b</c>=<c></c>).</summary>
    private static EquatableArray<QueryPair> QueryPairs(string query) =>
        query.Split('&').Where(part => part.Length > 0).Select(part =>
        {
            int equals = part.IndexOf('=');
            string name = equals < 0 ? part : part.Substring(0, equals);
            string value = equals < 0 ? string.Empty : part.Substring(equals + 1);
            return new QueryPair(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value));
        }).ToEquatableArray();

    /// <summary>
    /// The operation's parameters: the path's in the template's order (a placeholder nobody declared is a string), then
    /// the query, header and cookie ones in document order (without the query ones where x-client's record has them).
    /// Required ones get an argument name, optional ones a property name, each unique in its scope.
    /// </summary>
    private List<ParameterModel> Parameters(OperationView view, string path, string stem, bool recordHasQuery)
    {
        var ordered = new List<ParameterView?>();
        var placeholders = new List<string>();
        foreach (Match match in PathParameter.Matches(path))
        {
            string name = match.Groups[1].Value;
            placeholders.Add(name);
            ParameterView? declared = view.Parameters.FirstOrDefault(p => p.In == "path" && p.Name == name);
            if (declared is null)
            {
                Unsupported(view.Node, "the path '" + path + "' has the parameter '" + name + "', which its " + view.Method + " operation does not declare; it is a string");
            }

            ordered.Add(declared);
        }

        var others = view.Parameters.Where(p => p.In != "path" && !(recordHasQuery && p.In == "query")).ToList();
        var arguments = new HashSet<string>(ReservedArguments, StringComparer.Ordinal);
        var result = new List<ParameterModel>();
        for (int i = 0; i < placeholders.Count; i++)
        {
            ParameterView? parameter = ordered[i];
            TypeRef type = parameter is null ? TypeRef.String : ParameterType(parameter, stem);
            result.Add(new ParameterModel(placeholders[i], Argument(placeholders[i], arguments), Identifiers.ToPascalCase(placeholders[i]), ParameterLocation.Path, type, true, parameter?.Style ?? "simple", parameter?.Explode ?? false, parameter?.Description, parameter?.Deprecated ?? false));
        }

        // The optional ones are properties of one class: named by the record rule, a name that repeats in another place by both.
        List<ParameterView> optional = others.Where(p => !p.Required).ToList();
        string className = stem + "Params";
        var reserved = new HashSet<string>(TypeNames.RecordMemberNames, StringComparer.Ordinal) { className };
        List<string> keys = optional.Select(p => optional.Count(o => o.Name == p.Name) > 1 ? p.Name + " " + p.In : p.Name).ToList();
        Dictionary<string, string> properties = Identifiers.NameScope(keys, reserved, "Value");
        int next = 0;
        foreach (ParameterView parameter in others)
        {
            TypeRef type = ParameterType(parameter, stem);
            ParameterLocation location = parameter.In switch
            {
                "header" => ParameterLocation.Header,
                "cookie" => ParameterLocation.Cookie,
                _ => ParameterLocation.Query,
            };
            string property = parameter.Required ? Identifiers.ToPascalCase(parameter.Name) : properties[keys[next++]];
            string argument = parameter.Required ? Argument(parameter.Name, arguments) : Identifiers.ToCamelCase(property);
            result.Add(new ParameterModel(parameter.Name, argument, property, location, type, parameter.Required, parameter.Style, parameter.Explode, parameter.Description, parameter.Deprecated));
        }

        return result;
    }

    /// <summary>A C# argument name for a wire name: camelCase, <c>@</c> before a keyword, unique in the method.</summary>
    private static string Argument(string wireName, HashSet<string> taken)
    {
        string name = Identifiers.ToCamelCase(Identifiers.ToPascalCase(wireName));
        string unique = name;
        for (int n = 2; !taken.Add(unique); n++)
        {
            unique = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Identifiers.IsKeyword(unique) ? "@" + unique : unique;
    }

    private TypeRef ParameterType(ParameterView parameter, string stem)
    {
        if (parameter.Schema is null)
        {
            return TypeRef.String;
        }

        TypeRef type = Map(parameter.Document, parameter.Schema, Hint(parameter.Node, "parameters") ?? stem + Identifiers.ToPascalCase(parameter.Name));

        // A list of lists, of records, of JSON values: sent as the JSON text of the whole (no style writes it).
        return type.Kind == TypeKind.List && type.Element!.Kind is TypeKind.List or TypeKind.Map ? type.WithoutFormats() : type;
    }

    private BodyModel Body(BodyView body, string stem)
    {
        MediaView media = MediaTypes.Choose(body.Content)!;
        string essence = MediaTypes.Essence(media.MediaType);
        bool isForm = essence is "multipart/form-data" or "application/x-www-form-urlencoded";
        if (isForm && Form(body, media, stem, essence == "multipart/form-data") is { } form)
        {
            return new BodyModel(BodyKind.Form, media.MediaType, null, body.Required, "body", body.Description) { Form = form };
        }

        MediaKind kind = IsBinary(media.Schema) ? MediaKind.Other : MediaTypes.KindOf(media.MediaType, media.Schema is not null);
        string mediaType = MediaTypes.Essence(media.MediaType) is "*/*" or "application/*" ? "application/json" : media.MediaType;
        switch (kind)
        {
            case MediaKind.Json:
                TypeRef type = media.Schema is null ? TypeRef.Any : Map(body.Document, media.Schema, Hint(body.Node, "requestBodies", "Body") ?? stem + "Request").WithoutTopFormats();
                return new BodyModel(BodyKind.Json, mediaType, type, body.Required, "body", body.Description);
            case MediaKind.Text:
                return new BodyModel(BodyKind.Text, mediaType, null, body.Required, "body", body.Description);
            default:
                // A file, streamed; a form whose fields are not known, or another multipart body, is content the caller builds.
                return new BodyModel(isForm || essence.StartsWith("multipart/", StringComparison.Ordinal) ? BodyKind.Content : BodyKind.File, mediaType, null, body.Required, "body", body.Description);
        }
    }

    /// <summary>
    /// A form's class: a property per field, from 2.0's <c>formData</c> parameters or the properties of 3.x's object
    /// schema; a binary field (<c>format: binary</c>, 2.0's <c>type: file</c>) is an <c>ApiFile</c>, an array of them a
    /// list. Null when the fields cannot be known (no object schema with properties), or a URL-encoded form has a file (a
    /// SCENGEN014 warning): the body is then content the caller builds.
    /// </summary>
    private FormModel? Form(BodyView body, MediaView media, string stem, bool multipart)
    {
        var fields = new List<(string Name, SchemaDocument Document, JsonNode Schema, bool Required, string? Description)>();
        if (body.FormFields.Count > 0)
        {
            fields.AddRange(body.FormFields.Select(p => (p.Name, p.Document, p.Schema ?? p.Node, p.Required, SchemaKeywords.StringOf(p.Node["description"]))));
        }
        else if (media.Schema is { } schema && _mapper.Follow(body.Document, schema) is (SchemaDocument document, JsonObject { } target) && target["properties"] is JsonObject properties)
        {
            var required = new HashSet<string>((target["required"] as JsonArray)?.Items().Select(SchemaKeywords.StringOf).OfType<string>() ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
            foreach (JsonProperty property in properties.Properties())
            {
                fields.Add((property.Name, document, property.Value, required.Contains(property.Name), SchemaKeywords.StringOf(_mapper.Follow(document, property.Value).Schema["description"])));
            }
        }

        if (fields.Count == 0)
        {
            return null;
        }

        string typeName = _output.Names.Unique(stem + "Form");
        Dictionary<string, string> names = Identifiers.NameScope(fields.Select(f => f.Name), new HashSet<string>(StringComparer.Ordinal) { typeName, "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals" }, "Field");
        var models = new List<FormFieldModel>();
        foreach ((string name, SchemaDocument document, JsonNode schema, bool required, string? description) in fields)
        {
            JsonNode target = _mapper.Follow(document, schema).Schema;
            bool files = SchemaKeywords.StringOf(target["type"]) == "array" && target["items"] is { } items && IsBinary(_mapper.Follow(document, items).Schema);
            TypeRef? type = IsBinary(target) || files ? null : Map(document, schema, typeName + Identifiers.ToPascalCase(name)).WithoutTopFormats();
            models.Add(new FormFieldModel(name, names[name], type, files, required, description));
        }

        if (!multipart && models.Any(m => m.IsFile))
        {
            Unsupported(media.Node, "a URL-encoded form holds no files, and a field of this one is a file; the body is content the caller builds");
            return null;
        }

        return new FormModel(typeName, multipart, models.ToEquatableArray());
    }

    /// <summary>
    /// What a success is read as, from the <c>2xx</c> responses (or <c>default</c> when the document gives none): the JSON
    /// type of those that have JSON (null too where another has no body), else text, else a file (a stream), else nothing.
    /// </summary>
    private ResponseModel Response(OperationView view, string stem)
    {
        List<ResponseView> successes = view.Responses.Where(r => r.Status.StartsWith("2", StringComparison.Ordinal)).OrderBy(r => r.Status, StringComparer.Ordinal).ToList();
        if (successes.Count == 0)
        {
            successes = view.Responses.Where(r => r.Status == "default").ToList();
        }

        var json = new List<(ResponseView Response, MediaView Media, TypeRef Type)>();
        MediaView? text = null, other = null;
        bool empty = false;
        foreach (ResponseView response in successes)
        {
            // 204 and 205 have no body, whatever the document says; a stream of events is read by its own method (Stream).
            List<MediaView> content = response.Content.Where(m => MediaTypes.StreamFormatOf(m.MediaType) is null || m.Schema is null).ToList();
            if (response.Status is "204" or "205" || MediaTypes.Choose(content) is not { } media)
            {
                empty |= content.Count == response.Content.Count;
                continue;
            }

            MediaKind kind = IsBinary(media.Schema) ? MediaKind.Other : MediaTypes.KindOf(media.MediaType, media.Schema is not null);
            if (kind == MediaKind.Json)
            {
                TypeRef type = media.Schema is null ? TypeRef.Any : Map(response.Document, media.Schema, Hint(response.Node, "responses", "Response") ?? stem + "Response").WithoutTopFormats();
                json.Add((response, media, type));
            }
            else if (kind == MediaKind.Text)
            {
                text ??= media;
            }
            else
            {
                other ??= media;
            }
        }

        if (json.Count > 0)
        {
            TypeRef type = json[0].Type;
            if (json.Any(j => !Equals(j.Type, type)))
            {
                // Successes of different types (a 200 and a 202): the method returns their union, told apart as any union is.
                type = json.All(j => ReferenceEquals(j.Response.Document, Document) && j.Media.Schema is not null)
                    ? Map(Document, JsonObject.Composed("oneOf", json.Select(j => j.Media.Schema!).ToList()), stem + "Result")
                    : TypeRef.Any;
                if (type.Kind == TypeKind.Any)
                {
                    Unsupported(json[1].Response.Node, "the success responses of " + view.Method + " " + view.Path + " have JSON of different types (" + string.Join(", ", json.Select(j => j.Response.Status)) + ") from several files; the method returns JsonElement, which holds any of them");
                }
            }

            string essence = MediaTypes.Essence(json[0].Media.MediaType);
            return new ResponseModel(ResponseKind.Json, type, empty || text is not null || other is not null, json[0].Response.Description, essence is "application/json" or "*/*" or "application/*" ? null : json[0].Media.MediaType);
        }

        if (text is not null)
        {
            return new ResponseModel(ResponseKind.Text, null, false, null, text.MediaType);
        }

        if (other is not null)
        {
            string essence = MediaTypes.Essence(other.MediaType);
            return new ResponseModel(ResponseKind.File, null, false, null, essence == "*/*" ? null : other.MediaType);
        }

        return ResponseModel.None;
    }

    /// <summary>
    /// How a paged operation pages: its <c>x-client.pagination</c> (<c>style</c> <c>cursor</c>, <c>page</c>, <c>offset</c>
    /// or <c>nextLink</c>; <c>parameter</c>, a query parameter, or with <c>"in": "body"</c> a property of its JSON body;
    /// <c>items</c>, the page's array property; <c>next</c>, for cursors and next links the page's property with the next one;
    /// <c>hasMore</c> and <c>firstPage</c>), or else Azure's <c>x-ms-pageable</c> (<c>nextLinkName</c>, the page's
    /// property with the next page's link, <c>itemName</c>, its items, <c>value</c> unless named; a null
    /// <c>nextLinkName</c> is a list in one response, not paged). What does not fit the operation is SCENGEN014, and the
    /// operation is not paged.
    /// </summary>
    private PaginationModel? Pagination(OperationView view, List<ParameterModel> parameters, BodyModel? body, ResponseModel response)
    {
        string style, where, nextKey = "next", itemsKey = "items";
        string? parameter = null, itemsName, nextName, hasMoreName = null;
        bool inBody = false;
        long firstPage = 1;
        JsonNode node;
        if (view.Extension?["pagination"] is { } declared)
        {
            node = declared;
            where = view.Method + " " + view.Path + "'s x-client.pagination";
            if (declared is not JsonObject paging)
            {
                Unsupported(declared, where + " is an object (style, parameter, items, next, hasMore, firstPage); the operation is not paged");
                return null;
            }

            style = SchemaKeywords.StringOf(paging["style"]) ?? "cursor";
            parameter = SchemaKeywords.StringOf(paging["parameter"]);
            itemsName = SchemaKeywords.StringOf(paging["items"]);
            nextName = SchemaKeywords.StringOf(paging["next"]);
            hasMoreName = SchemaKeywords.StringOf(paging["hasMore"]);
            inBody = SchemaKeywords.StringOf(paging["in"]) == "body";
            firstPage = paging["firstPage"] is { Type: JsonNodeType.Integer } first ? (long)first : 1;
        }
        else if (view.Node["x-ms-pageable"] is { } pageable)
        {
            node = pageable;
            where = view.Method + " " + view.Path + "'s x-ms-pageable";
            if (pageable is not JsonObject azure)
            {
                Unsupported(pageable, where + " is an object (nextLinkName, itemName); the operation is not paged");
                return null;
            }

            if (azure["nextLinkName"] is null or { Type: JsonNodeType.Null })
            {
                // A null (or no) nextLinkName: every item comes in the one response.
                return null;
            }

            style = "nextLink";
            nextKey = "nextLinkName";
            itemsKey = "itemName";
            itemsName = azure["itemName"] is null or { Type: JsonNodeType.Null } ? "value" : SchemaKeywords.StringOf(azure["itemName"]);
            nextName = SchemaKeywords.StringOf(azure["nextLinkName"]);
            if (itemsName is null || nextName is null)
            {
                Unsupported(pageable, where + "'s nextLinkName and itemName are property names; the operation is not paged");
                return null;
            }
        }
        else
        {
            return null;
        }

        RecordModel? page = response.Kind == ResponseKind.Json && response.Type is { Kind: TypeKind.Record } type && type.Namespace == _output.Namespace
            ? _output.Records.FirstOrDefault(r => r.Name == type.Name)
            : null;
        PropertyModel? Property(string? name) => name is null ? null : page?.Properties.FirstOrDefault(p => p.JsonName == name);
        PropertyModel? items = Property(itemsName);
        PropertyModel? next = Property(nextName);
        PropertyModel? hasMore = Property(hasMoreName);
        string? problem =
            style == "nextLink" ? null
            : style is not ("cursor" or "page" or "offset") ? "its style is 'cursor', 'page', 'offset' or 'nextLink', not '" + style + "'"
            : parameter is null ? "it names the 'parameter' that carries the " + style
            : inBody ? (body is not { Kind: BodyKind.Json } ? "its parameter is in the body, but the operation sends no JSON body" : null)
            : !parameters.Any(p => p.In == ParameterLocation.Query && p.Name == parameter) ? "its parameter '" + parameter + "' is not a query parameter of the operation"
            : null;
        problem ??=
            page is null ? "the operation's success is not an object of this document's, whose properties hold the items"
            : items is not { Type.Kind: TypeKind.List } ? "'" + itemsKey + "' names the page's array property" + (itemsName is null ? string.Empty : ", and '" + itemsName + "' is not one")
            : style == "cursor" && next is not { Type.Kind: TypeKind.String or TypeKind.Int32 or TypeKind.Int64 } ? "'next' names the page's string (or integer) property that holds the next cursor" + (nextName is null ? string.Empty : ", and '" + nextName + "' is not one")
            : style == "nextLink" && next is not { Type.Kind: TypeKind.String or TypeKind.Uri } ? "'" + nextKey + "' names the page's string property that holds the next page's link" + (nextName is null ? string.Empty : ", and '" + nextName + "' is not one")
            : hasMore is not null && hasMore.Type.Kind != TypeKind.Boolean ? "'hasMore' names a boolean property of the page"
            : null;
        if (problem is not null)
        {
            Unsupported(node, where + ": " + problem + "; the operation is not paged");
            return null;
        }

        bool followsNext = style is "cursor" or "nextLink";
        return new PaginationModel(
            style == "cursor" ? "Cursor" : style == "page" ? "Page" : style == "offset" ? "Offset" : "NextLink",
            parameter ?? string.Empty,
            inBody,
            firstPage,
            items!.Type.Element!,
            items.Name,
            followsNext ? next!.Name : null,
            followsNext ? next!.Type.Kind : TypeKind.String,
            hasMore?.Name,
            items.Type.ElementAllowsNull);
    }

    /// <summary>
    /// The streamed success of an operation: the first <c>2xx</c> media type of events (server-sent events or JSON lines)
    /// with a schema, its data typed by that schema; its method is the operation's own when nothing else answers
    /// (<paramref name="alone"/>), else <c>{Method}StreamAsync</c> (made unique among the resource's in <see cref="Resources"/>).
    /// </summary>
    private StreamModel? Stream(OperationView view, string stem, bool alone)
    {
        foreach (ResponseView response in view.Responses.Where(r => r.Status.StartsWith("2", StringComparison.Ordinal) && r.Status is not "204" and not "205").OrderBy(r => r.Status, StringComparer.Ordinal))
        {
            foreach (MediaView media in response.Content)
            {
                if (MediaTypes.StreamFormatOf(media.MediaType) is bool serverSentEvents && media.Schema is { } schema)
                {
                    TypeRef type = Map(response.Document, schema, stem + "Event").WithoutTopFormats();
                    return new StreamModel(type, serverSentEvents, view.MethodName + (alone ? "Async" : "StreamAsync"), alone);
                }
            }
        }

        return null;
    }

    /// <summary>The documented error bodies: each <c>3xx</c>, <c>4xx</c>, <c>5xx</c>, range and <c>default</c> response with JSON, and its type (the client follows no redirect: a 3xx is an error too).</summary>
    private IEnumerable<ErrorModel> Errors(OperationView view, string stem)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (ResponseView response in view.Responses)
        {
            string status = response.Status.ToUpperInvariant() == "DEFAULT" ? "default" : response.Status.ToUpperInvariant();
            if (!(status == "default" || status.StartsWith("3", StringComparison.Ordinal) || status.StartsWith("4", StringComparison.Ordinal) || status.StartsWith("5", StringComparison.Ordinal)) || !seen.Add(status))
            {
                continue;
            }

            if (MediaTypes.Choose(response.Content) is not { Schema: { } schema } media || MediaTypes.KindOf(media.MediaType, true) != MediaKind.Json || IsBinary(schema))
            {
                continue;
            }

            string word = status == "default" ? "Default" : status;
            TypeRef type = Map(response.Document, schema, Hint(response.Node, "responses", "Response") ?? stem + word + "Error").WithoutTopFormats();
            if (type.Kind != TypeKind.Any)
            {
                yield return new ErrorModel(status, type, response.Description);
            }
        }
    }

    /// <summary><c>type: string</c> with <c>format: binary</c> (or 2.0's <c>type: file</c>): bytes, not JSON.</summary>
    private static bool IsBinary(JsonNode? schema) =>
        schema is JsonObject obj && ((SchemaKeywords.StringOf(obj["type"]) == "string" && SchemaKeywords.StringOf(obj["format"]) == "binary") || SchemaKeywords.StringOf(obj["type"]) == "file");

    /// <summary>
    /// The name a component's inline schema takes: its key (with <paramref name="suffix"/>) when <paramref name="node"/> is
    /// a named parameter, body or response (<c>components/responses/NotFound</c>, 2.0's root <c>responses</c>); else null.
    /// </summary>
    private static string? Hint(JsonNode node, string section, string suffix = "")
    {
        if (node.Parent is not JsonProperty { Parent: JsonObject { Parent: JsonProperty group } } entry || group.Name != section)
        {
            return null;
        }

        bool isComponent = group.Parent is JsonObject { Parent: JsonProperty { Name: "components", Parent: JsonObject { Parent: null } } }
            || group.Parent is JsonObject { Parent: null };
        if (!isComponent)
        {
            return null;
        }

        string name = Identifiers.ToPascalCase(entry.Name);
        return suffix.Length > 0 && !name.EndsWith(suffix, StringComparison.Ordinal) ? name + suffix : name;
    }

    private TypeRef Map(SchemaDocument document, JsonNode schema, string hint) => _mapper.Map(document, schema, hint, 0);

    /// <summary>The resources, nested as the operations' names say, in the order each is first met.</summary>
    private EquatableArray<ResourceModel> Resources(List<(OperationView View, OperationModel Model)> operations)
    {
        var root = new ResourceNode(string.Empty);
        foreach ((OperationView view, OperationModel model) in operations)
        {
            ResourceNode node = root;
            foreach (string segment in view.Resource)
            {
                node = node.Child(segment);
            }

            node.Operations.Add(model);
        }

        NameStreams(root);
        return Build(root, string.Empty, ClientMembers);
    }

    /// <summary>
    /// Gives each stream method beside a method of its operation a name no method or request builder of its resource has:
    /// <c>CreateStreamAsync</c>, else <c>CreateStream2Async</c>, ….
    /// </summary>
    private static void NameStreams(ResourceNode node)
    {
        var taken = new HashSet<string>(node.Operations.SelectMany(o => new[] { o.MethodName, o.BuilderName }), StringComparer.Ordinal);
        for (int i = 0; i < node.Operations.Count; i++)
        {
            if (node.Operations[i].Stream is { ReplacesMethod: false } stream)
            {
                string stem = stream.MethodName.Substring(0, stream.MethodName.Length - "Async".Length);
                string name = stream.MethodName;
                for (int n = 2; !taken.Add(name); n++)
                {
                    name = stem + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "Async";
                }

                node.Operations[i] = node.Operations[i] with { Stream = stream with { MethodName = name } };
            }
        }

        foreach (ResourceNode child in node.Children)
        {
            NameStreams(child);
        }
    }

    private EquatableArray<ResourceModel> Build(ResourceNode parent, string prefix, ISet<string> reserved)
    {
        var result = new List<ResourceModel>();
        // A resource is named like no member of its parent: methods, their request builders (DeleteRequest), its own type.
        var taken = new HashSet<string>(reserved, StringComparer.Ordinal);
        foreach (OperationModel operation in parent.Operations)
        {
            taken.Add(operation.MethodName);
            taken.Add(operation.BuilderName);
            if (operation.Stream is { } stream)
            {
                taken.Add(stream.MethodName);
            }
        }

        foreach (ResourceNode child in parent.Children)
        {
            string property = child.Name;
            for (int n = 2; !taken.Add(property); n++)
            {
                property = child.Name + "Resource" + (n == 2 ? string.Empty : n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            string typeName = _output.Names.Unique(prefix + property + "Resource");
            EquatableArray<ResourceModel> children = Build(child, prefix + property, new HashSet<string>(StringComparer.Ordinal) { typeName, "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals" });
            result.Add(new ResourceModel(
                property,
                typeName,
                null,
                children,
                child.Operations.ToEquatableArray(),
                _output.Names.Unique("I" + prefix + property + "Resource"),
                _output.Names.Unique(prefix + property + "ResourceWithRawResponse")));
        }

        return result.ToEquatableArray();
    }

    private sealed class ResourceNode
    {
        private readonly Dictionary<string, ResourceNode> _byName = new(StringComparer.Ordinal);

        public ResourceNode(string name) => Name = name;

        public string Name { get; }

        public List<ResourceNode> Children { get; } = new();

        public List<OperationModel> Operations { get; } = new();

        public ResourceNode Child(string name)
        {
            if (!_byName.TryGetValue(name, out ResourceNode? child))
            {
                child = new ResourceNode(name);
                _byName.Add(name, child);
                Children.Add(child);
            }

            return child;
        }
    }

    /// <summary>
    /// Follows <c>$ref</c>s from a parameter, a body, a response or a path item to the object they name (in this file or
    /// another of the compilation), boundedly; null, with a diagnostic, when one does not resolve or they loop.
    /// </summary>
    public (SchemaDocument Document, JsonNode Node)? Follow(SchemaDocument document, JsonNode node, string what)
    {
        for (int i = 0; i < MaxReferences; i++)
        {
            if (node is not JsonObject obj || SchemaKeywords.StringOf(obj["$ref"]) is not { } reference)
            {
                if (node is not JsonObject)
                {
                    Invalid(node, what + " is an object, not " + SchemaKeywords.Describe(node));
                    return null;
                }

                return (document, node);
            }

            SchemaSet.Resolution resolution = _mapper.Set.Resolve(document, obj, reference);
            if (resolution.Found is not { } target)
            {
                Invalid(obj["$ref"]!, "the $ref '" + reference + "' of " + what + " does not resolve: " + resolution.Problem);
                return null;
            }

            document = target.Document;
            node = target.Token;
        }

        Invalid(node, "the $refs of " + what + " go through more than " + MaxReferences + " references (a cycle?)");
        return null;
    }

    /// <summary>An error (SCENGEN013) at <paramref name="at"/>: the document is not valid OpenAPI there.</summary>
    public void Invalid(JsonNode at, string message) =>
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOpenApi, Document.Locator.Of(at), message));

    /// <summary>A warning (SCENGEN014) at <paramref name="at"/>: valid, but generated with less than it describes.</summary>
    public void Unsupported(JsonNode at, string message) =>
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedOpenApi, Document.Locator.Of(at), message));
}

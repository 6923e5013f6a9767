namespace Scenario.Generators.Model;

/// <summary>
/// The client a schema's <c>x-client</c> extension or an OpenAPI document describes (docs/client.md and
/// docs/openapi.md): both readers fill this one model, and the emitters do not know which ran.
/// </summary>
/// <param name="Name">The client's name: <c>Scenario</c> gives <c>ScenarioClient</c> and <c>ScenarioClientOptions</c>.</param>
/// <param name="BaseAddress">The default base address; null when the document gives none that is absolute (the options must then).</param>
/// <param name="BaseAddressVariable">The environment variable that overrides the default base address, when set.</param>
/// <param name="Auth">x-client's HTTP Basic credentials, sent with every call; null for none (or for an OpenAPI document's <see cref="Schemes"/>).</param>
/// <param name="IdempotencyHeader">The header idempotency keys go in (<c>x-client.idempotencyKey.header</c>); null when the schema says nothing.</param>
/// <param name="GenerateIdempotencyKeys">Whether a key is generated once per call of a POST or PATCH (<c>x-client.idempotencyKey.generate</c>).</param>
internal sealed record ClientModel(
    string Name,
    string? Description,
    string? BaseAddress,
    string? BaseAddressVariable,
    BasicAuthModel? Auth,
    EquatableArray<ResourceModel> Resources,
    string? IdempotencyHeader = null,
    bool GenerateIdempotencyKeys = false)
{
    /// <summary>An OpenAPI document's security schemes: each is options of the client, sent with the operations that name it.</summary>
    public EquatableArray<SecuritySchemeModel> Schemes { get; init; } = EquatableArray<SecuritySchemeModel>.Empty;
}

/// <summary>HTTP Basic authentication: each part from an option of the client's options, or else an environment variable.</summary>
internal sealed record BasicAuthModel(CredentialModel User, CredentialModel Password);

/// <summary>One part of the credentials: its option's name, its environment variable (null for none), its description.</summary>
internal sealed record CredentialModel(string Option, string? Variable, string? Description);

/// <summary>How an OpenAPI security scheme sends its credentials.</summary>
internal enum SecurityKind
{
    /// <summary><c>http</c> <c>basic</c>: a user name and a password.</summary>
    Basic,

    /// <summary><c>http</c> <c>bearer</c> (or another <c>http</c> scheme): a token in <c>Authorization</c>.</summary>
    Bearer,

    /// <summary><c>apiKey</c>: a key in a header, the query or a cookie.</summary>
    ApiKey,

    /// <summary><c>oauth2</c> or <c>openIdConnect</c>: a bearer token the caller supplies through a callback, asked for every attempt.</summary>
    OAuth2,
}

/// <summary>One security scheme of an OpenAPI document (<c>components/securitySchemes</c>, 2.0's <c>securityDefinitions</c>).</summary>
/// <param name="Key">Its key in the document, which operations' <c>security</c> names.</param>
/// <param name="Kind">How it sends credentials.</param>
/// <param name="Scheme">For <see cref="SecurityKind.Bearer"/>: the <c>Authorization</c> scheme (<c>Bearer</c>).</param>
/// <param name="In">For <see cref="SecurityKind.ApiKey"/>: <c>header</c>, <c>query</c> or <c>cookie</c>.</param>
/// <param name="ParameterName">For <see cref="SecurityKind.ApiKey"/>: the header, query parameter or cookie name.</param>
/// <param name="Primary">The option that holds the key, the token, the token callback, or the user name.</param>
/// <param name="Secondary">For <see cref="SecurityKind.Basic"/>: the password's option.</param>
internal sealed record SecuritySchemeModel(
    string Key,
    SecurityKind Kind,
    string? Scheme,
    string? In,
    string? ParameterName,
    string? Description,
    CredentialModel Primary,
    CredentialModel? Secondary);

/// <summary>A group of operations (<c>client.Models.Examples</c>), possibly holding further groups.</summary>
/// <param name="PropertyName">The property of the parent that holds it (<c>Examples</c>).</param>
/// <param name="TypeName">Its class (<c>ModelsExamplesResource</c>).</param>
/// <param name="InterfaceName">Its interface, for mocking (<c>IModelsExamplesResource</c>).</param>
/// <param name="RawTypeName">Its twin under <c>client.WithRawResponse</c> (<c>ModelsExamplesResourceWithRawResponse</c>).</param>
internal sealed record ResourceModel(
    string PropertyName,
    string TypeName,
    string? Description,
    EquatableArray<ResourceModel> Resources,
    EquatableArray<OperationModel> Operations,
    string InterfaceName,
    string RawTypeName);

/// <summary>One endpoint: <c>ListAsync(modelId, query, cancellationToken)</c> sends <c>GET /models/{modelId}/examples</c>.</summary>
/// <param name="MethodName">The C# method (<c>ListAsync</c>).</param>
/// <param name="HttpMethod">The HTTP method, upper case.</param>
/// <param name="Path">The path template, <c>{name}</c> marking each path parameter.</param>
/// <param name="Summary">The one-line summary (OpenAPI's <c>summary</c>; x-client's <c>description</c>).</param>
/// <param name="Parameters">The path, query, header and cookie parameters, path parameters first in the path's order.</param>
/// <param name="ParametersType">A record whose properties are the query and body parameters (x-client's <c>parameters</c>), when there is one.</param>
/// <param name="ParametersRequired">Whether the <see cref="ParametersType"/> argument is required (else it defaults to null).</param>
/// <param name="OptionalParametersType">The class the optional query, header and cookie parameters are properties of; null when there are none.</param>
/// <param name="Body">The request body, when the operation sends one apart from <see cref="ParametersType"/>.</param>
/// <param name="Response">What a success answers.</param>
internal sealed record OperationModel(
    string MethodName,
    string HttpMethod,
    string Path,
    string? Summary,
    EquatableArray<ParameterModel> Parameters,
    string? ParametersType,
    bool ParametersRequired,
    string? OptionalParametersType,
    BodyModel? Body,
    ResponseModel Response)
{
    /// <summary>The internal static method that builds the request (<c>ListRequest</c> for <c>ListAsync</c>).</summary>
    public string BuilderName =>
        (MethodName.EndsWith("Async", System.StringComparison.Ordinal) ? MethodName.Substring(0, MethodName.Length - 5) : MethodName) + "Request";

    /// <summary>More than the summary (OpenAPI's <c>description</c>), for the method's remarks.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// The path sent, where it is not <see cref="Path"/>: an OpenAPI path key's fragment (Box's <c>/files/{file_id}#get_shared_link</c>,
    /// a second operation on one path) is not sent, nor its query, which goes in <see cref="FixedQuery"/>.
    /// </summary>
    public string? SentPath { get; init; }

    /// <summary>Query parameters a path key fixes (<c>/items?kind=a</c>): each name and value, sent with every call.</summary>
    public EquatableArray<QueryPair> FixedQuery { get; init; } = EquatableArray<QueryPair>.Empty;

    /// <summary>
    /// A streamed success (<c>text/event-stream</c>, JSON lines) beside or instead of <see cref="Response"/>: a method that
    /// returns its events' data as they arrive; null when the operation streams nothing.
    /// </summary>
    public StreamModel? Stream { get; init; }

    /// <summary>How the operation pages its items (its <c>x-client.pagination</c>); null when it is not paged.</summary>
    public PaginationModel? Pagination { get; init; }

    /// <summary>The document's <c>operationId</c>, for the docs.</summary>
    public string? OperationId { get; init; }

    /// <summary>The operation is <c>deprecated</c>: the method is <c>[Obsolete]</c>.</summary>
    public bool Deprecated { get; init; }

    /// <summary>The documented error bodies, by status (<c>404</c>, <c>4XX</c>, <c>default</c>), read onto the exception's <c>Body</c>.</summary>
    public EquatableArray<ErrorModel> Errors { get; init; } = EquatableArray<ErrorModel>.Empty;

    /// <summary>
    /// The security requirements (OpenAPI's <c>security</c>): any one of them, each a set of scheme keys sent together; an
    /// empty set lets the call go without credentials. Null where the client's <see cref="ClientModel.Auth"/> applies (x-client).
    /// </summary>
    public EquatableArray<EquatableArray<string>>? Security { get; init; }
}

/// <summary>A query parameter's name and value, as text.</summary>
internal sealed record QueryPair(string Name, string Value);

/// <summary>Where a parameter goes.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <summary>A path, query, header or cookie parameter.</summary>
/// <param name="Name">The name on the wire (in the path template, the query, the header or the cookie).</param>
/// <param name="ParameterName">The C# argument (<c>modelId</c>, <c>@class</c>), for a required parameter.</param>
/// <param name="PropertyName">The property of the optional parameters' class (<c>PageSize</c>), for an optional one.</param>
/// <param name="Type">Its type.</param>
/// <param name="Required">A required parameter is an argument; an optional one a property of <see cref="OperationModel.OptionalParametersType"/>.</param>
/// <param name="Style">How the value is written (<c>simple</c>, <c>form</c>, <c>spaceDelimited</c>, <c>pipeDelimited</c>, <c>deepObject</c>, <c>label</c>, <c>matrix</c>).</param>
/// <param name="Explode">Whether lists and objects are written as one parameter per item.</param>
internal sealed record ParameterModel(
    string Name,
    string ParameterName,
    string PropertyName,
    ParameterLocation In,
    TypeRef Type,
    bool Required,
    string Style,
    bool Explode,
    string? Description,
    bool Deprecated);

/// <summary>What a request body is sent as.</summary>
internal enum BodyKind
{
    /// <summary>JSON of <see cref="BodyModel.Type"/>.</summary>
    Json,

    /// <summary>Text (<c>text/plain</c>) from a string.</summary>
    Text,

    /// <summary>
    /// Content the caller builds (<c>HttpContent</c>): a media type the generator does not type (a form whose fields it
    /// cannot read), sent as given.
    /// </summary>
    Content,

    /// <summary>A form (<c>multipart/form-data</c> or <c>application/x-www-form-urlencoded</c>) of <see cref="BodyModel.Form"/>'s fields.</summary>
    Form,

    /// <summary>A file (<c>application/octet-stream</c>, <c>image/png</c>, <c>format: binary</c>): an <c>ApiFile</c>, streamed.</summary>
    File,
}

/// <summary>A form body's class: its fields, each a property.</summary>
/// <param name="TypeName">The class (<c>FilesCreateForm</c>).</param>
/// <param name="Multipart"><c>multipart/form-data</c>; else <c>application/x-www-form-urlencoded</c>.</param>
internal sealed record FormModel(string TypeName, bool Multipart, EquatableArray<FormFieldModel> Fields);

/// <summary>One field of a form.</summary>
/// <param name="Name">Its name on the wire.</param>
/// <param name="PropertyName">Its property in the form class.</param>
/// <param name="Type">A value field's type (written as text: JSON for objects and lists); null for files.</param>
/// <param name="Files">For files: several (<c>type: array</c> of binary), each a part of the same name.</param>
internal sealed record FormFieldModel(string Name, string PropertyName, TypeRef? Type, bool Files, bool Required, string? Description)
{
    /// <summary>Whether the field is a file (or files).</summary>
    public bool IsFile => Type is null;
}

/// <summary>A request body.</summary>
/// <param name="MediaType">The media type sent (<c>application/json</c>).</param>
/// <param name="Type">For JSON: the body's type.</param>
/// <param name="Required">Whether the argument is required (else it defaults to null and sends no body).</param>
/// <param name="ParameterName">The C# argument (<c>body</c>).</param>
internal sealed record BodyModel(BodyKind Kind, string MediaType, TypeRef? Type, bool Required, string ParameterName, string? Description)
{
    /// <summary>For JSON: JSON null is a value of the body (the schema allows it), sent as <c>null</c>.</summary>
    public bool AllowsNull { get; init; }

    /// <summary>For a form: its class.</summary>
    public FormModel? Form { get; init; }
}

/// <summary>What a success response is read as.</summary>
internal enum ResponseKind
{
    /// <summary>No body: the method returns <c>Task</c>.</summary>
    None,

    /// <summary>JSON of <see cref="ResponseModel.Type"/>.</summary>
    Json,

    /// <summary>Text (<c>text/*</c>): a string.</summary>
    Text,

    /// <summary>
    /// Another media type (<c>application/octet-stream</c>, <c>image/png</c>, <c>model/gltf-binary</c>, …) or
    /// <c>format: binary</c>: an <c>ApiFileResponse</c> whose body the caller reads as a stream, never buffered whole.
    /// </summary>
    File,
}

/// <summary>How a paged operation asks for its pages and where a page's items are (docs/openapi.md, "Pagination").</summary>
/// <param name="Style"><c>Cursor</c>, <c>Page</c>, <c>Offset</c> or <c>NextLink</c> (<c>ApiPagination</c>'s factory methods).</param>
/// <param name="Parameter">The query parameter (or body property, <paramref name="InBody"/>) that carries the cursor, page or offset; empty for next links.</param>
/// <param name="FirstPage">For pages: the first page's number.</param>
/// <param name="ItemType">An item's type.</param>
/// <param name="ItemsProperty">The C# property of the page that holds its items.</param>
/// <param name="NextProperty">For cursors and next links: the C# property of the page that holds the next cursor or link.</param>
/// <param name="NextKind">The kind of <paramref name="NextProperty"/>: a string, a <c>Uri</c>, or a number (written invariantly).</param>
/// <param name="HasMoreProperty">The C# property of the page that says whether more pages follow; null when the page has none.</param>
/// <param name="ItemAllowsNull">An item may be null (<c>IReadOnlyList&lt;T?&gt;</c>).</param>
internal sealed record PaginationModel(string Style, string Parameter, bool InBody, long FirstPage, TypeRef ItemType, string ItemsProperty, string? NextProperty, TypeKind NextKind, string? HasMoreProperty, bool ItemAllowsNull);

/// <summary>A streamed success: the events' data type, their format, and the method that returns them.</summary>
/// <param name="Type">The type each event's data is read as.</param>
/// <param name="ServerSentEvents">Server-sent events (<c>text/event-stream</c>); else JSON lines (<c>application/x-ndjson</c>, <c>application/jsonl</c>, <c>application/json-seq</c>).</param>
/// <param name="MethodName">The method (<c>CreateStreamAsync</c> beside <c>CreateAsync</c>; the operation's own when it answers nothing else).</param>
/// <param name="ReplacesMethod">The operation answers nothing but the stream: its method is the stream's, and no <c>Task</c> method is made.</param>
internal sealed record StreamModel(TypeRef Type, bool ServerSentEvents, string MethodName, bool ReplacesMethod);

/// <summary>A success response.</summary>
/// <param name="Type">For JSON: the type a success body is read as.</param>
/// <param name="MayBeEmpty">A success status may come without a body (a <c>204</c> beside a <c>200</c>): the method's value is then null.</param>
/// <param name="MediaType">The media type asked for (<c>Accept</c>) where it is not <c>application/json</c>; null for that.</param>
internal sealed record ResponseModel(ResponseKind Kind, TypeRef? Type, bool MayBeEmpty, string? Description, string? MediaType = null)
{
    public static ResponseModel None { get; } = new(ResponseKind.None, null, false, null);
}

/// <summary>A documented error body: <c>404</c>, a range (<c>4XX</c>) or <c>default</c>, and the type its JSON is read as.</summary>
internal sealed record ErrorModel(string Status, TypeRef Type, string? Description);

using System.Collections.Generic;
using System.Linq;
using Scenario.Generators.Model;

namespace Scenario.Generators.Emitting;

/// <summary>
/// The client the <c>x-client</c> extension describes: <c>{Name}ClientOptions</c>, <c>{Name}Client</c> and one class per
/// resource, whose methods build an <c>ApiRequest</c> and hand it to the runtime's <c>ApiTransport</c>.
/// </summary>
internal static class ClientEmitter
{
    private const string Http = "global::Scenario.Runtime.Http";
    private const string CancellationToken = "global::System.Threading.CancellationToken";

    public static IEnumerable<OperationModel> Operations(EquatableArray<ResourceModel> resources) =>
        resources.SelectMany(r => r.Operations.Concat(Operations(r.Resources)));

    /// <summary>Whether the operation sends a body: every method but GET and DELETE.</summary>
    public static bool SendsBody(OperationModel operation) => operation.HttpMethod is not "GET" and not "DELETE";

    /// <summary>Whether a parameter goes in the query: as <c>x-in</c> says, else when the operation sends no body.</summary>
    public static bool InQuery(OperationModel operation, PropertyModel property) =>
        property.InQuery ?? !SendsBody(operation);

    /// <summary>The types a query parameter can have: scalars, enums, and lists of them.</summary>
    public static bool IsQueryType(TypeRef type) =>
        type.Kind is TypeKind.String or TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Enum or TypeKind.StringOrNumber
        || type.IsFormatted
        || (type.Kind == TypeKind.List && (type.Element!.Kind is TypeKind.String or TypeKind.Enum or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double || type.Element.IsFormatted));

    /// <summary>The constant the DI package's build targets define; the registration code is compiled only where it is.</summary>
    public const string DependencyInjectionSymbol = "SCENARIO_DEPENDENCY_INJECTION";

    public static string Emit(SchemaModel schema, ClientModel client, LanguageFeatures features)
    {
        var types = new TypeSyntax(schema.Namespace);
        string visibility = schema.IsPublic ? "public" : "internal";
        var names = new ClientNames(client.Name);
        var w = new SourceWriter(features);
        w.Line(SourceWriter.Header.TrimEnd('\n'));
        w.Line();
        w.Open($"namespace {schema.Namespace}");

        EmitOptions(w, client, visibility, names);
        w.Line();
        EmitClientInterface(w, client, visibility, names);
        w.Line();
        EmitClient(w, client, visibility, names);
        w.Line();
        EmitRawClient(w, client, visibility, names);
        foreach (ResourceModel resource in Flatten(client.Resources))
        {
            w.Line();
            EmitResourceInterface(w, schema, types, resource, visibility);
            w.Line();
            EmitResource(w, schema, types, resource, visibility);
            w.Line();
            EmitRawResource(w, schema, types, resource, visibility);
        }

        w.Line();
        EmitRegistration(w, client, visibility, names);
        w.Close();
        return w.Finish();
    }

    private sealed class ClientNames
    {
        public ClientNames(string name)
        {
            Client = name + "Client";
            Options = name + "ClientOptions";
            Interface = "I" + name + "Client";
            Raw = name + "ClientWithRawResponse";
            Registration = name + "ClientServiceCollectionExtensions";
        }

        public string Client { get; }

        public string Options { get; }

        public string Interface { get; }

        public string Raw { get; }

        public string Registration { get; }
    }

    private static IEnumerable<ResourceModel> Flatten(EquatableArray<ResourceModel> resources) =>
        resources.SelectMany(r => new[] { r }.Concat(Flatten(r.Resources)));

    private static void EmitOptions(SourceWriter w, ClientModel client, string visibility, ClientNames names)
    {
        w.Line($"/// <summary>The settings of <see cref=\"{names.Client}\"/>.</summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"{visibility} sealed class {names.Options} : {Http}.ApiClientOptions");
        if (client.Auth is { } auth)
        {
            foreach (CredentialModel credential in new[] { auth.User, auth.Password })
            {
                w.Doc("summary", (credential.Description ?? "A part of the credentials.") + "\nWhen null or empty, the environment variable " + credential.Variable + " is used.");
                w.Line($"public string? {credential.Option} {{ get; set; }}");
                w.Line();
            }
        }

        w.Line("/// <summary>Redacted, so that logging the options never shows a credential.</summary>");
        w.Line($"public override string ToString() => {SourceWriter.Quote(names.Options + " { BaseAddress = ")} + (BaseAddress?.ToString() ?? \"(default)\") + \", MaxRetries = \" + MaxRetries + \", Timeout = \" + Timeout + \" }}\";");
        w.Close();
    }

    private static void EmitClientInterface(SourceWriter w, ClientModel client, string visibility, ClientNames names)
    {
        w.Line($"/// <summary>The operations of <see cref=\"{names.Client}\"/>, for code that mocks the client in its tests.</summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"{visibility} interface {names.Interface}");
        bool first = true;
        foreach (ResourceModel resource in client.Resources)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.Doc("summary", resource.Description ?? "The " + resource.PropertyName + " operations.");
            w.Line($"{resource.InterfaceName} {resource.PropertyName} {{ get; }}");
        }

        w.Close();
    }

    private static void EmitClient(SourceWriter w, ClientModel client, string visibility, ClientNames names)
    {
        string clientName = names.Client;
        w.Doc("summary", client.Description ?? "The client of the API.");
        w.Line("/// <remarks>Thread-safe: one instance serves concurrent calls. Failures are <see cref=\"global::Scenario.ScenarioException\"/>s.</remarks>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"{visibility} sealed partial class {clientName} : {names.Interface}, global::System.IDisposable");
        w.Line("/// <summary>The name of the <see cref=\"global::System.Diagnostics.ActivitySource\"/> of the client's spans (one per call, one per attempt).</summary>");
        w.Line($"public const string ActivitySourceName = {SourceWriter.Quote(client.Name + ".Client")};");
        w.Line();
        w.Line($"/// <summary>The name of the <see cref=\"global::System.Diagnostics.Metrics.Meter\"/> of the client's metrics (<c>http.client.request.duration</c>, <c>http.client.active_requests</c>, <c>{SourceWriter.Escape(client.Name.ToLowerInvariant())}.client.retries</c>).</summary>");
        w.Line($"public const string MeterName = {SourceWriter.Quote(client.Name + ".Client")};");
        w.Line();
        w.Line($"private static readonly global::System.Diagnostics.ActivitySource s_activitySource = new(ActivitySourceName, {SourceWriter.Quote(SourceWriter.Version)});");
        w.Line($"private static readonly global::System.Diagnostics.Metrics.Meter s_meter = new(MeterName, {SourceWriter.Quote(SourceWriter.Version)});");
        w.Line($"private readonly {Http}.ApiTransport _transport;");
        w.Line();
        w.Line($"/// <summary>The base address used when neither the options, the HttpClient nor the environment give one: <c>{SourceWriter.Escape(client.BaseAddress)}</c>.</summary>");
        w.Line($"public static global::System.Uri DefaultBaseAddress {{ get; }} = new global::System.Uri({SourceWriter.Quote(client.BaseAddress)});");
        w.Line();
        w.Line("/// <summary>Creates a client with its own <see cref=\"global::System.Net.Http.HttpClient\"/> (gzip and brotli, pooled connections recycled, no redirects followed), disposed with it.</summary>");
        w.Line("/// <exception cref=\"global::Scenario.ScenarioException\">No credentials in the options or the environment, or an insecure base address.</exception>");
        w.Line($"public {clientName}({names.Options}? options = null)");
        w.Line($"    : this(new {Http}.ApiTransport(Settings(options, null)))");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line($"/// <summary>Creates a client over <paramref name=\"httpClient\"/> (for <c>services.AddHttpClient&lt;{clientName}&gt;()</c>), which it does not dispose.</summary>");
        w.Line("/// <remarks>The base address is the options', else the HttpClient's, else the environment's, else <see cref=\"DefaultBaseAddress\"/>.</remarks>");
        w.Line("/// <exception cref=\"global::Scenario.ScenarioException\">No credentials in the options or the environment, or an insecure base address.</exception>");
        w.Line($"public {clientName}(global::System.Net.Http.HttpClient httpClient, {names.Options}? options = null)");
        w.Line($"    : this(new {Http}.ApiTransport(httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient)), Settings(options, httpClient.BaseAddress)))");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Open($"private {clientName}({Http}.ApiTransport transport)");
        w.Line("_transport = transport;");
        foreach (ResourceModel resource in client.Resources)
        {
            w.Line($"{resource.PropertyName} = new {resource.TypeName}(transport);");
        }

        w.Line($"WithRawResponse = new {names.Raw}(transport);");
        w.Close();
        w.Line();
        w.Line("/// <summary>The base address requests go to.</summary>");
        w.Line("public global::System.Uri BaseAddress => _transport.BaseAddress;");
        w.Line();
        w.Line("/// <summary>The same operations, returning <see cref=\"global::Scenario.ApiResponse{T}\"/>: the body with the status, headers, request id, elapsed time and attempt count.</summary>");
        w.Line($"public {names.Raw} WithRawResponse {{ get; }}");
        foreach (ResourceModel resource in client.Resources)
        {
            w.Line();
            w.Doc("summary", resource.Description ?? "The " + resource.PropertyName + " operations.");
            w.Line($"public {resource.TypeName} {resource.PropertyName} {{ get; }}");
            w.Line();
            w.Line($"{resource.InterfaceName} {names.Interface}.{resource.PropertyName} => {resource.PropertyName};");
        }

        w.Line();
        w.Line("/// <summary>");
        w.Line("/// A client that shares this one's connection pool, with per-call defaults: what <paramref name=\"configure\"/> sets");
        w.Line("/// applies to every call, under the call's own <see cref=\"global::Scenario.RequestOptions\"/>. Disposing it does nothing; dispose this one.");
        w.Line("/// </summary>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">The options hold a refused or malformed header.</exception>");
        w.Open($"public {clientName} WithOptions(global::System.Action<global::Scenario.RequestOptions> configure)");
        w.Line("_ = configure ?? throw new global::System.ArgumentNullException(nameof(configure));");
        w.Line("var defaults = new global::Scenario.RequestOptions();");
        w.Line("configure(defaults);");
        w.Line($"return new {clientName}(_transport.WithDefaults(defaults));");
        w.Close();
        w.Line();
        w.Line("/// <summary>Releases the HttpClient the client created (not one it was given).</summary>");
        w.Line("public void Dispose() => _transport.Dispose();");
        w.Line();
        w.Open($"private static {Http}.ApiTransportSettings Settings({names.Options}? options, global::System.Uri? httpClientBaseAddress)");
        w.Line($"options ??= new {names.Options}();");
        w.Line($"global::System.Uri baseAddress = options.BaseAddress ?? httpClientBaseAddress ?? {(client.BaseAddressVariable is { } variable ? Http + ".ApiClientOptions.BaseAddressFromEnvironment(" + SourceWriter.Literal(variable) + ") ?? " : string.Empty)}DefaultBaseAddress;");
        if (client.Auth is { } auth)
        {
            w.Line($"var credentials = {Http}.BasicCredentials.Resolve(options.{auth.User.Option}, {SourceWriter.Quote(auth.User.Option)}, {SourceWriter.Quote(auth.User.Variable)}, options.{auth.Password.Option}, {SourceWriter.Quote(auth.Password.Option)}, {SourceWriter.Quote(auth.Password.Variable)}, {SourceWriter.Quote(clientName)});");
        }

        w.Line($"return new {Http}.ApiTransportSettings");
        w.Line("{");
        w.Line("    BaseAddress = baseAddress,");
        if (client.Auth is not null)
        {
            w.Line("    Authorization = credentials.Authorization,");
            w.Line("    Secrets = credentials.Secrets,");
        }

        w.Line($"    UserAgent = {SourceWriter.Quote(clientName + "/" + SourceWriter.Version + " ")} + {Http}.ApiTransportSettings.DefaultUserAgent,");
        w.Line("    MaxRetries = options.MaxRetries,");
        w.Line("    Timeout = options.Timeout,");
        w.Line("    ActivitySource = s_activitySource,");
        w.Line("    Meter = s_meter,");
        w.Line($"    ClientName = {SourceWriter.Quote(client.Name)},");
        w.Line("    ClientOptions = options,");
        if (client.IdempotencyHeader is { } header)
        {
            w.Line($"    IdempotencyHeader = {SourceWriter.Quote(header)},");
        }

        if (client.GenerateIdempotencyKeys)
        {
            w.Line("    GenerateIdempotencyKeys = true,");
        }

        w.Line("};");
        w.Close();
        w.Close();
    }

    private static void EmitRawClient(SourceWriter w, ClientModel client, string visibility, ClientNames names)
    {
        w.Line($"/// <summary>The operations of <see cref=\"{names.Client}\"/>, each returning a <see cref=\"global::Scenario.ApiResponse{{T}}\"/>.</summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"{visibility} sealed class {names.Raw}");
        w.Open($"internal {names.Raw}({Http}.ApiTransport transport)");
        foreach (ResourceModel resource in client.Resources)
        {
            w.Line($"{resource.PropertyName} = new {resource.RawTypeName}(transport);");
        }

        w.Close();
        foreach (ResourceModel resource in client.Resources)
        {
            w.Line();
            w.Doc("summary", resource.Description ?? "The " + resource.PropertyName + " operations.");
            w.Line($"public {resource.RawTypeName} {resource.PropertyName} {{ get; }}");
        }

        w.Close();
    }

    private static void EmitResourceInterface(SourceWriter w, SchemaModel schema, TypeSyntax types, ResourceModel resource, string visibility)
    {
        w.Line($"/// <summary>The operations of <see cref=\"{resource.TypeName}\"/>, for code that mocks them in its tests.</summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"{visibility} interface {resource.InterfaceName}");
        bool first = true;
        foreach (ResourceModel child in resource.Resources)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.Doc("summary", child.Description ?? "The " + child.PropertyName + " operations.");
            w.Line($"{child.InterfaceName} {child.PropertyName} {{ get; }}");
        }

        foreach (OperationModel operation in resource.Operations)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            Signature signature = Sign(schema, types, operation);
            w.Line($"/// <inheritdoc cref=\"{resource.TypeName}.{operation.MethodName}({string.Join(", ", signature.CrefTypes)})\"/>");
            w.Line($"global::System.Threading.Tasks.Task<{signature.Response}> {operation.MethodName}({string.Join(", ", signature.Arguments)});");
        }

        w.Close();
    }

    private static void EmitResource(SourceWriter w, SchemaModel schema, TypeSyntax types, ResourceModel resource, string visibility)
    {
        w.Doc("summary", resource.Description ?? "The " + resource.PropertyName + " operations.");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"{visibility} sealed class {resource.TypeName} : {resource.InterfaceName}");
        w.Line($"private readonly {Http}.ApiTransport _transport;");
        w.Line();
        w.Open($"internal {resource.TypeName}({Http}.ApiTransport transport)");
        w.Line("_transport = transport;");
        foreach (ResourceModel child in resource.Resources)
        {
            w.Line($"{child.PropertyName} = new {child.TypeName}(transport);");
        }

        w.Close();
        foreach (ResourceModel child in resource.Resources)
        {
            w.Line();
            w.Doc("summary", child.Description ?? "The " + child.PropertyName + " operations.");
            w.Line($"public {child.TypeName} {child.PropertyName} {{ get; }}");
            w.Line();
            w.Line($"{child.InterfaceName} {resource.InterfaceName}.{child.PropertyName} => {child.PropertyName};");
        }

        foreach (OperationModel operation in resource.Operations)
        {
            w.Line();
            EmitOperation(w, schema, types, operation);
        }

        w.Close();
    }

    private static void EmitRawResource(SourceWriter w, SchemaModel schema, TypeSyntax types, ResourceModel resource, string visibility)
    {
        w.Line($"/// <summary>The operations of <see cref=\"{resource.TypeName}\"/>, each returning a <see cref=\"global::Scenario.ApiResponse{{T}}\"/>.</summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"{visibility} sealed class {resource.RawTypeName}");
        w.Line($"private readonly {Http}.ApiTransport _transport;");
        w.Line();
        w.Open($"internal {resource.RawTypeName}({Http}.ApiTransport transport)");
        w.Line("_transport = transport;");
        foreach (ResourceModel child in resource.Resources)
        {
            w.Line($"{child.PropertyName} = new {child.RawTypeName}(transport);");
        }

        w.Close();
        foreach (ResourceModel child in resource.Resources)
        {
            w.Line();
            w.Doc("summary", child.Description ?? "The " + child.PropertyName + " operations.");
            w.Line($"public {child.RawTypeName} {child.PropertyName} {{ get; }}");
        }

        foreach (OperationModel operation in resource.Operations)
        {
            Signature signature = Sign(schema, types, operation);
            w.Line();
            w.Line($"/// <inheritdoc cref=\"{resource.TypeName}.{operation.MethodName}({string.Join(", ", signature.CrefTypes)})\"/>");
            w.Line("/// <returns>The response body with the status, headers, request id, elapsed time and attempt count.</returns>");
            w.Line($"public global::System.Threading.Tasks.Task<global::Scenario.ApiResponse<{signature.Response}>> {operation.MethodName}({string.Join(", ", signature.Arguments)}) =>");
            w.Line($"    _transport.SendForResponseAsync({resource.TypeName}.{BuilderName(operation)}({string.Join(", ", signature.Names)}), {types.Qualified(schema.ContextName)}.Default.{operation.ResponseType}, options, cancellationToken);");
        }

        w.Close();
    }

    private sealed class Signature
    {
        public List<string> Arguments { get; } = new();

        /// <summary>The arguments of the compatibility overload: the same without options, and no defaults.</summary>
        public List<string> LegacyArguments { get; } = new();

        public List<string> CrefTypes { get; } = new();

        /// <summary>The names the request builder takes (path parameters and the parameters record).</summary>
        public List<string> Names { get; } = new();

        public string Response { get; set; } = string.Empty;

        public RecordModel? Parameters { get; set; }

        public string ParametersName { get; set; } = string.Empty;

        public bool QueryOnly { get; set; }
    }

    private static Signature Sign(SchemaModel schema, TypeSyntax types, OperationModel operation)
    {
        RecordModel? parameters = operation.ParametersType is null ? null : schema.Records.FirstOrDefault(r => r.Name == operation.ParametersType);
        bool queryOnly = parameters is not null && parameters.Properties.All(p => InQuery(operation, p));
        var signature = new Signature
        {
            Response = types.Qualified(operation.ResponseType),
            Parameters = parameters,
            ParametersName = queryOnly ? "query" : "parameters",
            QueryOnly = queryOnly,
        };
        foreach (PathParameterModel parameter in operation.PathParameters)
        {
            signature.Arguments.Add("string " + parameter.ParameterName);
            signature.LegacyArguments.Add("string " + parameter.ParameterName);
            signature.CrefTypes.Add("string");
            signature.Names.Add(parameter.ParameterName);
        }

        if (parameters is not null)
        {
            string type = types.Qualified(parameters.Name);
            signature.Arguments.Add(type + (operation.ParametersRequired ? " " + signature.ParametersName : "? " + signature.ParametersName + " = null"));
            signature.LegacyArguments.Add(type + (operation.ParametersRequired ? " " : "? ") + signature.ParametersName);
            signature.CrefTypes.Add(type);
            signature.Names.Add(signature.ParametersName);
        }

        signature.Arguments.Add("global::Scenario.RequestOptions? options = null");
        signature.Arguments.Add(CancellationToken + " cancellationToken = default");
        signature.LegacyArguments.Add(CancellationToken + " cancellationToken");
        signature.CrefTypes.Add("global::Scenario.RequestOptions");
        signature.CrefTypes.Add(CancellationToken);
        return signature;
    }

    private static string BuilderName(OperationModel operation) =>
        (operation.MethodName.EndsWith("Async", System.StringComparison.Ordinal) ? operation.MethodName.Substring(0, operation.MethodName.Length - 5) : operation.MethodName) + "Request";

    private static void EmitOperation(SourceWriter w, SchemaModel schema, TypeSyntax types, OperationModel operation)
    {
        Signature signature = Sign(schema, types, operation);
        RecordModel? parameters = signature.Parameters;
        string parametersName = signature.ParametersName;
        string context = types.Qualified(schema.ContextName);

        w.Doc("summary", operation.Description ?? operation.HttpMethod + " " + operation.Path);
        w.Line($"/// <remarks><c>{operation.HttpMethod} {SourceWriter.Escape(operation.Path)}</c></remarks>");
        foreach (PathParameterModel parameter in operation.PathParameters)
        {
            w.Line($"/// <param name=\"{parameter.ParameterName.TrimStart('@')}\">{SourceWriter.Escape(parameter.Description ?? "The " + parameter.Name + " of the path.")} Sent as one escaped path segment; <c>.</c> and <c>..</c> are refused.</param>");
        }

        if (parameters is not null)
        {
            w.Line($"/// <param name=\"{parametersName}\">{(signature.QueryOnly ? "The query parameters" : "The parameters (body and query)")}{(operation.ParametersRequired ? "." : "; null sends none.")}</param>");
        }

        w.Line("/// <param name=\"options\">Per-call settings (timeout, retries, headers, query, idempotency key); null keeps the client's.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the call at once, as an <see cref=\"global::System.OperationCanceledException\"/>.</param>");
        w.Line("/// <returns>The response body.</returns>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">A path parameter is null, empty, <c>.</c> or <c>..</c>, or the options hold a refused header.</exception>");
        w.Line("/// <exception cref=\"global::Scenario.ScenarioApiException\">The API answered with an error status.</exception>");
        w.Line("/// <exception cref=\"global::Scenario.ScenarioException\">The call failed: connection, timeout, or an invalid or too large response.</exception>");
        w.Line($"public global::System.Threading.Tasks.Task<{signature.Response}> {operation.MethodName}({string.Join(", ", signature.Arguments)}) =>");
        w.Line($"    _transport.SendAsync({BuilderName(operation)}({string.Join(", ", signature.Names)}), {context}.Default.{operation.ResponseType}, options, cancellationToken);");
        w.Line();
        w.Line("/// <summary>The same call without <see cref=\"global::Scenario.RequestOptions\"/>, so that calls written before it existed still compile.</summary>");
        w.Line($"/// <inheritdoc cref=\"{operation.MethodName}({string.Join(", ", signature.CrefTypes)})\"/>");
        w.Line($"public global::System.Threading.Tasks.Task<{signature.Response}> {operation.MethodName}({string.Join(", ", signature.LegacyArguments)}) =>");
        w.Line($"    {operation.MethodName}({string.Join(", ", signature.Names.Concat(new[] { "null", "cancellationToken" }))});");
        w.Line();

        var builderArguments = new List<string>(signature.Arguments.Take(signature.Names.Count));
        for (int i = 0; i < builderArguments.Count; i++)
        {
            builderArguments[i] = builderArguments[i].Replace(" = null", string.Empty);
        }

        w.Line($"/// <summary>The request of <see cref=\"{operation.MethodName}({string.Join(", ", signature.CrefTypes)})\"/>, checked and escaped before anything is sent.</summary>");
        w.Open($"internal static {Http}.ApiRequest {BuilderName(operation)}({string.Join(", ", builderArguments)})");
        if (parameters is not null && operation.ParametersRequired)
        {
            // Not ArgumentNullException.ThrowIfNull: .NET 6 on, and the client compiles on netstandard2.0 too.
            w.Line($"_ = {parametersName} ?? throw new global::System.ArgumentNullException(nameof({parametersName}));");
        }

        w.Line($"var request = new {Http}.ApiRequest(global::System.Net.Http.HttpMethod.{Pascal(operation.HttpMethod)}, {SourceWriter.Quote(operation.Path)}, {PathExpression(operation)});");
        if (parameters is not null)
        {
            List<PropertyModel> query = parameters.Properties.Where(p => InQuery(operation, p)).ToList();
            bool hasBody = query.Count < parameters.Properties.Count && SendsBody(operation);
            if (query.Count > 0 || hasBody)
            {
                string value = parametersName;
                if (!operation.ParametersRequired)
                {
                    w.Open($"if ({parametersName} is not null)");
                }

                foreach (PropertyModel property in query)
                {
                    EmitQuery(w, value, property);
                }

                if (hasBody)
                {
                    w.Line($"request.JsonBody = global::Scenario.Runtime.Json.JsonBody.Serialize({value}, {types.Qualified(parameters.Name)}.WriteJsonBody, {context}.Default.Options);");
                }

                if (!operation.ParametersRequired)
                {
                    w.Close();
                }
            }
        }

        w.Line("return request;");
        w.Close();
    }

    private static void EmitRegistration(SourceWriter w, ClientModel client, string visibility, ClientNames names)
    {
        const string Services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
        const string Builder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";
        const string Configuration = "global::Microsoft.Extensions.Configuration.IConfiguration";
        const string Registration = "global::Scenario.Extensions.DependencyInjection.ApiClientRegistration";
        string options = names.Options;
        string generic = "<" + names.Interface + ", " + names.Client + ", " + options + ">";

        w.Line($"#if {DependencyInjectionSymbol}");
        w.Line($"/// <summary>Registers <see cref=\"{names.Client}\"/> with IHttpClientFactory (the Scenario.Extensions.DependencyInjection package defines {DependencyInjectionSymbol}).</summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"{visibility} static class {names.Registration}");
        w.Line("/// <summary>");
        w.Line($"/// Registers <see cref=\"{names.Client}\"/> and <see cref=\"{names.Interface}\"/> (transient, over a named HttpClient from IHttpClientFactory),");
        w.Line($"/// with <paramref name=\"configure\"/> applied to the <c>IOptions&lt;{options}&gt;</c> (which <c>services.Configure</c> may also set) and the container's ILoggerFactory.");
        w.Line("/// </summary>");
        w.Line("/// <returns>The HttpClient's builder, to add handlers (turn the client's own retries off with <c>MaxRetries = 0</c> when one retries).</returns>");
        w.Line($"public static {Builder} Add{names.Client}(this {Services} services, global::System.Action<{options}>? configure = null) =>");
        w.Line($"    {Registration}.Add{generic}(services, null, configure, static (http, options) => new {names.Client}(http, options));");
        w.Line();
        w.Line($"/// <summary>Registers the client with its options bound from <paramref name=\"configuration\"/> (for example <c>configuration.GetSection(\"{SourceWriter.Escape(client.Name)}\")</c>), without reflection.</summary>");
        w.Line("/// <returns>The HttpClient's builder.</returns>");
        w.Open($"public static {Builder} Add{names.Client}(this {Services} services, {Configuration} configuration)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(configuration);");
        w.Line($"return Add{names.Client}(services, options => Bind(options, configuration));");
        w.Close();
        w.Line();
        w.Line("/// <summary>Registers a client under <paramref name=\"key\"/> (a keyed service, with named options and a named HttpClient), for example one per account.</summary>");
        w.Line("/// <returns>The HttpClient's builder.</returns>");
        w.Line($"public static {Builder} AddKeyed{names.Client}(this {Services} services, string key, global::System.Action<{options}>? configure = null) =>");
        w.Line($"    {Registration}.Add{generic}(services, key ?? throw new global::System.ArgumentNullException(nameof(key)), configure, static (http, options) => new {names.Client}(http, options));");
        w.Line();
        w.Line("/// <summary>Registers a client under <paramref name=\"key\"/> with its options bound from <paramref name=\"configuration\"/>.</summary>");
        w.Line("/// <returns>The HttpClient's builder.</returns>");
        w.Open($"public static {Builder} AddKeyed{names.Client}(this {Services} services, string key, {Configuration} configuration)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(configuration);");
        w.Line($"return AddKeyed{names.Client}(services, key, options => Bind(options, configuration));");
        w.Close();
        w.Line();
        w.Line($"/// <summary>Sets the options from configuration keys of the same names (<c>BaseAddress</c>, <c>MaxRetries</c>, <c>Timeout</c>, <c>MaxResponseBodyBytes</c>, <c>LogBodies</c>{(client.Auth is { } a ? ", <c>" + a.User.Option + "</c>, <c>" + a.Password.Option + "</c>" : string.Empty)}); absent keys keep their values.</summary>");
        w.Line("/// <exception cref=\"global::Scenario.ScenarioException\">A value cannot be read as its type.</exception>");
        w.Open($"public static void Bind({options} options, {Configuration} configuration)");
        w.Line($"{Registration}.BindCommon(options, configuration);");
        if (client.Auth is { } auth)
        {
            foreach (CredentialModel credential in new[] { auth.User, auth.Password })
            {
                w.Open($"if (configuration[{SourceWriter.Quote(credential.Option)}] is {{ Length: > 0 }} {Parsing.Identifiers.ToCamelCase(credential.Option)}Value)");
                w.Line($"options.{credential.Option} = {Parsing.Identifiers.ToCamelCase(credential.Option)}Value;");
                w.Close();
            }
        }

        w.Close();
        w.Close();
        w.Line("#endif");
    }

    private static void EmitQuery(SourceWriter w, string parameters, PropertyModel property)
    {
        string access = parameters + "." + property.Name;
        string name = SourceWriter.Literal(property.JsonName);
        string local = "v" + property.Name; // as in records: a fixed prefix and the unique C# name
        string add = property.Type.Kind switch
        {
            TypeKind.Enum or TypeKind.StringOrNumber => "request.AddQuery(" + name + ", " + local + ".ToString());",
            _ when property.Type.IsFormatted => "request.AddQuery(" + name + ", " + TypeSyntax.JsonFormats + ".Text(" + local + "));",
            TypeKind.List when property.Type.Element!.IsFormatted => "request.AddQuery(" + name + ", global::System.Linq.Enumerable.Select(" + local + ", static item => " + TypeSyntax.JsonFormats + ".Text(item)));",
            TypeKind.List when property.Type.Element!.Kind is TypeKind.String => "request.AddQuery(" + name + ", " + local + ");",
            TypeKind.List => "request.AddQuery(" + name + ", global::System.Linq.Enumerable.Select(" + local + ", static item => item.ToString()!));",
            _ => "request.AddQuery(" + name + ", " + local + ");",
        };
        if (property.IsRequired && !property.AllowsNull && property.Type.IsValueType)
        {
            w.Line($"var {local} = {access};");
            w.Line(add);
            return;
        }

        w.Open($"if ({access} is {{ }} {local})");
        w.Line(add);
        w.Close();
    }

    private static string PathExpression(OperationModel operation)
    {
        var parts = new List<string>();
        string path = operation.Path;
        int position = 0;
        foreach (PathParameterModel parameter in operation.PathParameters)
        {
            string placeholder = "{" + parameter.Name + "}";
            int at = path.IndexOf(placeholder, position, System.StringComparison.Ordinal);
            if (at > position)
            {
                parts.Add(SourceWriter.Literal(path.Substring(position, at - position)));
            }

            parts.Add(Http + ".ApiRequest.EscapePathParameter(" + parameter.ParameterName + ", " + SourceWriter.Literal(parameter.ParameterName.TrimStart('@')) + ")");
            position = at + placeholder.Length;
        }

        if (position < path.Length)
        {
            parts.Add(SourceWriter.Literal(path.Substring(position)));
        }

        return string.Join(" + ", parts);
    }

    private static string Pascal(string method) => method.Substring(0, 1) + method.Substring(1).ToLowerInvariant();
}

using System.Collections.Generic;
using System.Linq;
using Scenario.Generators.Model;

namespace Scenario.Generators.Emitting.Client;

/// <summary>
/// The client an <c>x-client</c> extension or an OpenAPI document describes: <c>{Name}ClientOptions</c> (with the
/// credentials of each security scheme), <c>{Name}Client</c>, one class per resource (<see cref="ResourceEmitter"/>)
/// whose methods build an <c>ApiRequest</c> (<see cref="RequestEmitter"/>) and hand it to the runtime's
/// <c>ApiTransport</c>, the classes of operations' optional parameters, and the DI registration.
/// </summary>
internal static class ClientEmitter
{
    private const string Http = "global::Scenario.Runtime.Http";

    public static IEnumerable<OperationModel> Operations(EquatableArray<ResourceModel> resources) =>
        resources.SelectMany(r => r.Operations.Concat(Operations(r.Resources)));

    /// <summary>The constant the DI package's build targets define; the registration code is compiled only where it is.</summary>
    public const string DependencyInjectionSymbol = "SCENARIO_DEPENDENCY_INJECTION";

    public static string Emit(SchemaIndex index, ClientModel client, LanguageFeatures features)
    {
        SchemaModel schema = index.Schema;
        var types = new TypeSyntax(schema.Namespace);
        string visibility = schema.IsPublic ? "public" : "internal";
        var names = new ClientNames(client.Name);
        ExceptionNames exceptions = ExceptionNames.For(client);
        var w = new SourceWriter(features);
        w.Line(SourceWriter.Header.TrimEnd('\n'));
        if (Operations(client.Resources).Any(o => o.Parameters.Any(p => p.Deprecated && !p.Required)))
        {
            // The request builders read the API's deprecated parameters, which the callers are warned of.
            w.Line("#pragma warning disable CS0618");
        }

        w.Line();
        w.Open($"namespace {schema.Namespace}");

        EmitOptions(w, client, visibility, names);
        w.Line();
        EmitClientInterface(w, client, visibility, names);
        w.Line();
        EmitClient(w, client, visibility, names, exceptions);
        w.Line();
        EmitRawClient(w, client, visibility, names);
        foreach (ResourceModel resource in Flatten(client.Resources))
        {
            w.Line();
            ResourceEmitter.Emit(w, index, types, resource, visibility, exceptions);
        }

        foreach (OperationModel operation in Operations(client.Resources).Where(o => o.OptionalParametersType is not null))
        {
            w.Line();
            ParametersEmitter.Emit(w, types, operation, visibility);
        }

        foreach (OperationModel operation in Operations(client.Resources).Where(o => o.Body?.Form is not null))
        {
            w.Line();
            ParametersEmitter.EmitForm(w, types, operation, visibility);
        }

        w.Line();
        EmitRegistration(w, client, visibility, names, exceptions);
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

        CredentialsEmitter.EmitOptions(w, client);
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

    private static void EmitClient(SourceWriter w, ClientModel client, string visibility, ClientNames names, ExceptionNames exceptions)
    {
        string clientName = names.Client;
        w.Doc("summary", client.Description ?? "The client of the API.");
        w.Line($"/// <remarks>Thread-safe: one instance serves concurrent calls. Failures are <see cref=\"{exceptions.Root}\"/>s.</remarks>");
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
        CredentialsEmitter.EmitHints(w, client);
        if (client.BaseAddress is { } defaultAddress)
        {
            w.Line($"/// <summary>The base address used when neither the options, the HttpClient nor the environment give one: <c>{SourceWriter.Escape(defaultAddress)}</c>.</summary>");
            w.Line($"public static global::System.Uri DefaultBaseAddress {{ get; }} = new global::System.Uri({SourceWriter.Quote(defaultAddress)});");
            w.Line();
        }

        w.Line("/// <summary>Creates a client with its own <see cref=\"global::System.Net.Http.HttpClient\"/> (gzip and brotli, pooled connections recycled, no redirects followed), disposed with it.</summary>");
        w.Line(ConstructionFails(client, exceptions));
        w.Line($"public {clientName}({names.Options}? options = null)");
        w.Line($"    : this(new {Http}.ApiTransport(Settings(options, null)))");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line($"/// <summary>Creates a client over <paramref name=\"httpClient\"/> (for <c>services.AddHttpClient&lt;{clientName}&gt;()</c>), which it does not dispose.</summary>");
        w.Line(client.BaseAddress is null
            ? "/// <remarks>The base address is the options', else the HttpClient's, else the environment's; the API's description gives none that is absolute.</remarks>"
            : "/// <remarks>The base address is the options', else the HttpClient's, else the environment's, else <see cref=\"DefaultBaseAddress\"/>.</remarks>");
        w.Line(ConstructionFails(client, exceptions));
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
        string fromEnvironment = client.BaseAddressVariable is { } variable ? Http + ".ApiClientOptions.BaseAddressFromEnvironment(" + SourceWriter.Literal(variable) + ", " + exceptions.Family + ") ?? " : string.Empty;
        string fallback = client.BaseAddress is null
            ? "throw new " + exceptions.Root + "(" + SourceWriter.Literal(clientName + " has no base address: set BaseAddress in its options" + (client.BaseAddressVariable is { } named ? " (or the environment variable " + named + ")" : string.Empty) + ", or pass an HttpClient that has one.") + ")"
            : "DefaultBaseAddress";
        w.Line($"global::System.Uri baseAddress = options.BaseAddress ?? httpClientBaseAddress ?? {fromEnvironment}{fallback};");
        if (client.Auth is { } auth)
        {
            w.Line($"var credentials = {Http}.BasicCredentials.Resolve(options.{auth.User.Option}, {SourceWriter.Quote(auth.User.Option)}, {SourceWriter.Quote(auth.User.Variable!)}, options.{auth.Password.Option}, {SourceWriter.Quote(auth.Password.Option)}, {SourceWriter.Quote(auth.Password.Variable!)}, {SourceWriter.Quote(clientName)}, {exceptions.Family});");
        }

        CredentialsEmitter.EmitResolve(w, client);
        w.Line($"return new {Http}.ApiTransportSettings");
        w.Line("{");
        w.Line("    BaseAddress = baseAddress,");
        if (client.Auth is not null)
        {
            w.Line("    Authorization = credentials.Authorization,");
            w.Line("    Secrets = credentials.Secrets,");
        }

        CredentialsEmitter.EmitSettings(w, client);
        w.Line($"    UserAgent = {SourceWriter.Quote(clientName + "/" + SourceWriter.Version + " ")} + {Http}.ApiTransportSettings.DefaultUserAgent,");
        w.Line("    MaxRetries = options.MaxRetries,");
        w.Line("    Timeout = options.Timeout,");
        w.Line("    ActivitySource = s_activitySource,");
        w.Line("    Meter = s_meter,");
        w.Line($"    ClientName = {SourceWriter.Quote(client.Name)},");
        w.Line($"    ExceptionFamily = {exceptions.Family},");
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

    /// <summary>When making the client throws: x-client's credentials are required at once; an OpenAPI client's are asked for by the calls that need them.</summary>
    private static string ConstructionFails(ClientModel client, ExceptionNames exceptions) =>
        "/// <exception cref=\"" + exceptions.Root + "\">"
        + (client.Auth is not null ? "No credentials in the options or the environment, or an insecure base address." : client.BaseAddress is null ? "No base address, or credentials for an insecure one." : "Credentials for an insecure base address.")
        + "</exception>";

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

    private static void EmitRegistration(SourceWriter w, ClientModel client, string visibility, ClientNames names, ExceptionNames exceptions)
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
        List<string> bound = CredentialsEmitter.BoundOptions(client).ToList();
        w.Line($"/// <summary>Sets the options from configuration keys of the same names (<c>BaseAddress</c>, <c>MaxRetries</c>, <c>Timeout</c>, <c>MaxResponseBodyBytes</c>, <c>LogBodies</c>{string.Concat(bound.Select(o => ", <c>" + o + "</c>"))}); absent keys keep their values.</summary>");
        w.Line($"/// <exception cref=\"{exceptions.Root}\">A value cannot be read as its type.</exception>");
        w.Open($"public static void Bind({options} options, {Configuration} configuration)");
        w.Line($"{Registration}.BindCommon(options, configuration, {exceptions.Family});");
        foreach (string option in bound)
        {
            w.Open($"if (configuration[{SourceWriter.Quote(option)}] is {{ Length: > 0 }} {Parsing.Identifiers.ToCamelCase(option)}Value)");
            w.Line($"options.{option} = {Parsing.Identifiers.ToCamelCase(option)}Value;");
            w.Close();
        }

        w.Close();
        w.Close();
        w.Line("#endif");
    }
}

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
        || (type.Kind == TypeKind.List && type.Element!.Kind is TypeKind.String or TypeKind.Enum or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double);

    public static string Emit(SchemaModel schema, ClientModel client)
    {
        var types = new TypeSyntax(schema.Namespace);
        string visibility = schema.IsPublic ? "public" : "internal";
        string clientName = client.Name + "Client";
        string optionsName = client.Name + "ClientOptions";
        var w = new SourceWriter();
        w.Line(SourceWriter.Header.TrimEnd('\n'));
        w.Line();
        w.Open("namespace " + schema.Namespace);

        EmitOptions(w, client, visibility, clientName, optionsName);
        w.Line();
        EmitClient(w, client, visibility, clientName, optionsName);
        foreach (ResourceModel resource in Flatten(client.Resources))
        {
            w.Line();
            EmitResource(w, schema, types, resource, visibility);
        }

        w.Close();
        return w.ToString();
    }

    private static IEnumerable<ResourceModel> Flatten(EquatableArray<ResourceModel> resources) =>
        resources.SelectMany(r => new[] { r }.Concat(Flatten(r.Resources)));

    private static void EmitOptions(SourceWriter w, ClientModel client, string visibility, string clientName, string optionsName)
    {
        w.Line("/// <summary>The settings of <see cref=\"" + clientName + "\"/>.</summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open(visibility + " sealed class " + optionsName + " : " + Http + ".ApiClientOptions");
        if (client.Auth is { } auth)
        {
            foreach (CredentialModel credential in new[] { auth.User, auth.Password })
            {
                w.Doc("summary", (credential.Description ?? "A part of the credentials.") + "\nWhen null or empty, the environment variable " + credential.Variable + " is used.");
                w.Line("public string? " + credential.Option + " { get; set; }");
                w.Line();
            }
        }

        w.Line("/// <summary>Redacted, so that logging the options never shows a credential.</summary>");
        w.Line("public override string ToString() => " + SourceWriter.Literal(optionsName + " { BaseAddress = ") + " + (BaseAddress?.ToString() ?? \"(default)\") + \", MaxRetries = \" + MaxRetries + \", Timeout = \" + Timeout + \" }\";");
        w.Close();
    }

    private static void EmitClient(SourceWriter w, ClientModel client, string visibility, string clientName, string optionsName)
    {
        w.Doc("summary", client.Description ?? "The client of the API.");
        w.Line("/// <remarks>Thread-safe: one instance serves concurrent calls. Failures are <see cref=\"global::Scenario.ScenarioException\"/>s.</remarks>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open(visibility + " sealed partial class " + clientName + " : global::System.IDisposable");
        w.Line("/// <summary>The name of the <see cref=\"global::System.Diagnostics.ActivitySource\"/> of the client's spans (one per call, one per attempt).</summary>");
        w.Line("public const string ActivitySourceName = " + SourceWriter.Literal(client.Name + ".Client") + ";");
        w.Line();
        w.Line("private static readonly global::System.Diagnostics.ActivitySource s_activitySource = new(ActivitySourceName, " + SourceWriter.Literal(SourceWriter.Version) + ");");
        w.Line("private readonly " + Http + ".ApiTransport _transport;");
        w.Line();
        w.Line("/// <summary>The base address used when neither the options, the HttpClient nor the environment give one: <c>" + SourceWriter.Escape(client.BaseAddress) + "</c>.</summary>");
        w.Line("public static global::System.Uri DefaultBaseAddress { get; } = new global::System.Uri(" + SourceWriter.Literal(client.BaseAddress) + ");");
        w.Line();
        w.Line("/// <summary>Creates a client with its own <see cref=\"global::System.Net.Http.HttpClient\"/>, disposed with it.</summary>");
        w.Line("/// <exception cref=\"global::Scenario.ScenarioException\">No credentials in the options or the environment, or an insecure base address.</exception>");
        w.Open("public " + clientName + "(" + optionsName + "? options = null)");
        w.Line("_transport = new " + Http + ".ApiTransport(Settings(options, null));");
        foreach (ResourceModel resource in client.Resources)
        {
            w.Line(resource.PropertyName + " = new " + resource.TypeName + "(_transport);");
        }

        w.Close();
        w.Line();
        w.Line("/// <summary>Creates a client over <paramref name=\"httpClient\"/> (for <c>services.AddHttpClient&lt;" + clientName + "&gt;()</c>), which it does not dispose.</summary>");
        w.Line("/// <remarks>The base address is the options', else the HttpClient's, else the environment's, else <see cref=\"DefaultBaseAddress\"/>.</remarks>");
        w.Line("/// <exception cref=\"global::Scenario.ScenarioException\">No credentials in the options or the environment, or an insecure base address.</exception>");
        w.Open("public " + clientName + "(global::System.Net.Http.HttpClient httpClient, " + optionsName + "? options = null)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(httpClient);");
        w.Line("_transport = new " + Http + ".ApiTransport(httpClient, Settings(options, httpClient.BaseAddress));");
        foreach (ResourceModel resource in client.Resources)
        {
            w.Line(resource.PropertyName + " = new " + resource.TypeName + "(_transport);");
        }

        w.Close();
        w.Line();
        w.Line("/// <summary>The base address requests go to.</summary>");
        w.Line("public global::System.Uri BaseAddress => _transport.BaseAddress;");
        foreach (ResourceModel resource in client.Resources)
        {
            w.Line();
            w.Doc("summary", resource.Description ?? "The " + resource.PropertyName + " operations.");
            w.Line("public " + resource.TypeName + " " + resource.PropertyName + " { get; }");
        }

        w.Line();
        w.Line("/// <summary>Releases the HttpClient the client created (not one it was given).</summary>");
        w.Line("public void Dispose() => _transport.Dispose();");
        w.Line();
        w.Open("private static " + Http + ".ApiTransportSettings Settings(" + optionsName + "? options, global::System.Uri? httpClientBaseAddress)");
        w.Line("options ??= new " + optionsName + "();");
        w.Line("global::System.Uri baseAddress = options.BaseAddress ?? httpClientBaseAddress ?? " + (client.BaseAddressVariable is { } variable ? Http + ".ApiClientOptions.BaseAddressFromEnvironment(" + SourceWriter.Literal(variable) + ") ?? " : string.Empty) + "DefaultBaseAddress;");
        if (client.Auth is { } auth)
        {
            w.Line("var credentials = " + Http + ".BasicCredentials.Resolve(options." + auth.User.Option + ", " + SourceWriter.Literal(auth.User.Option) + ", " + SourceWriter.Literal(auth.User.Variable)
                + ", options." + auth.Password.Option + ", " + SourceWriter.Literal(auth.Password.Option) + ", " + SourceWriter.Literal(auth.Password.Variable) + ", " + SourceWriter.Literal(clientName) + ");");
        }

        w.Line("return new " + Http + ".ApiTransportSettings");
        w.Line("{");
        w.Line("    BaseAddress = baseAddress,");
        if (client.Auth is not null)
        {
            w.Line("    Authorization = credentials.Authorization,");
            w.Line("    Secrets = credentials.Secrets,");
        }

        w.Line("    UserAgent = " + SourceWriter.Literal(clientName + "/" + SourceWriter.Version + " ") + " + " + Http + ".ApiTransportSettings.DefaultUserAgent,");
        w.Line("    MaxRetries = options.MaxRetries,");
        w.Line("    Timeout = options.Timeout,");
        w.Line("    ActivitySource = s_activitySource,");
        w.Line("    ClientName = " + SourceWriter.Literal(client.Name) + ",");
        w.Line("};");
        w.Close();
        w.Close();
    }

    private static void EmitResource(SourceWriter w, SchemaModel schema, TypeSyntax types, ResourceModel resource, string visibility)
    {
        w.Doc("summary", resource.Description ?? "The " + resource.PropertyName + " operations.");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open(visibility + " sealed class " + resource.TypeName);
        w.Line("private readonly " + Http + ".ApiTransport _transport;");
        w.Line();
        w.Open("internal " + resource.TypeName + "(" + Http + ".ApiTransport transport)");
        w.Line("_transport = transport;");
        foreach (ResourceModel child in resource.Resources)
        {
            w.Line(child.PropertyName + " = new " + child.TypeName + "(transport);");
        }

        w.Close();
        foreach (ResourceModel child in resource.Resources)
        {
            w.Line();
            w.Doc("summary", child.Description ?? "The " + child.PropertyName + " operations.");
            w.Line("public " + child.TypeName + " " + child.PropertyName + " { get; }");
        }

        foreach (OperationModel operation in resource.Operations)
        {
            w.Line();
            EmitOperation(w, schema, types, operation);
        }

        w.Close();
    }

    private static void EmitOperation(SourceWriter w, SchemaModel schema, TypeSyntax types, OperationModel operation)
    {
        RecordModel? parameters = operation.ParametersType is null ? null : schema.Records.FirstOrDefault(r => r.Name == operation.ParametersType);
        bool queryOnly = parameters is not null && parameters.Properties.All(p => InQuery(operation, p));
        string parametersName = queryOnly ? "query" : "parameters";
        string response = types.Qualified(operation.ResponseType);

        w.Doc("summary", operation.Description ?? operation.HttpMethod + " " + operation.Path);
        w.Line("/// <remarks><c>" + operation.HttpMethod + " " + SourceWriter.Escape(operation.Path) + "</c></remarks>");
        foreach (PathParameterModel parameter in operation.PathParameters)
        {
            w.Line("/// <param name=\"" + parameter.ParameterName.TrimStart('@') + "\">" + SourceWriter.Escape(parameter.Description ?? "The " + parameter.Name + " of the path.") + "</param>");
        }

        if (parameters is not null)
        {
            w.Line("/// <param name=\"" + parametersName + "\">" + (queryOnly ? "The query parameters" : "The parameters (body and query)") + (operation.ParametersRequired ? "." : "; null sends none.") + "</param>");
        }

        w.Line("/// <param name=\"cancellationToken\">Cancels the call at once, as an <see cref=\"global::System.OperationCanceledException\"/>.</param>");
        w.Line("/// <returns>The response body.</returns>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">A path parameter is null or empty.</exception>");
        w.Line("/// <exception cref=\"global::Scenario.ScenarioApiException\">The API answered with an error status.</exception>");
        w.Line("/// <exception cref=\"global::Scenario.ScenarioException\">The call failed: connection, timeout, or an invalid response.</exception>");

        var arguments = new List<string>();
        arguments.AddRange(operation.PathParameters.Select(p => "string " + p.ParameterName));
        if (parameters is not null)
        {
            arguments.Add(types.Qualified(parameters.Name) + (operation.ParametersRequired ? " " + parametersName : "? " + parametersName + " = null"));
        }

        arguments.Add(CancellationToken + " cancellationToken = default");
        w.Open("public global::System.Threading.Tasks.Task<" + response + "> " + operation.MethodName + "(" + string.Join(", ", arguments) + ")");
        if (parameters is not null && operation.ParametersRequired)
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(" + parametersName + ");");
        }

        w.Line("var request = new " + Http + ".ApiRequest(global::System.Net.Http.HttpMethod." + Pascal(operation.HttpMethod) + ", " + SourceWriter.Literal(operation.Path) + ", " + PathExpression(operation) + ");");
        if (parameters is not null)
        {
            List<PropertyModel> query = parameters.Properties.Where(p => InQuery(operation, p)).ToList();
            bool hasBody = query.Count < parameters.Properties.Count && SendsBody(operation);
            if (query.Count > 0 || hasBody)
            {
                string value = parametersName;
                if (!operation.ParametersRequired)
                {
                    w.Open("if (" + parametersName + " is not null)");
                }

                foreach (PropertyModel property in query)
                {
                    EmitQuery(w, value, property);
                }

                if (hasBody)
                {
                    w.Line("request.JsonBody = global::Scenario.Runtime.Json.JsonBody.Serialize(" + value + ", " + types.Qualified(parameters.Name) + ".WriteJsonBody, " + types.Qualified(schema.ContextName) + ".Default.Options);");
                }

                if (!operation.ParametersRequired)
                {
                    w.Close();
                }
            }
        }

        w.Line("return _transport.SendAsync(request, " + types.Qualified(schema.ContextName) + ".Default." + operation.ResponseType + ", cancellationToken);");
        w.Close();
    }

    private static void EmitQuery(SourceWriter w, string parameters, PropertyModel property)
    {
        string access = parameters + "." + property.Name;
        string name = SourceWriter.Literal(property.JsonName);
        string local = Parsing.Identifiers.ToCamelCase(property.Name) + "Value";
        string add = property.Type.Kind switch
        {
            TypeKind.Enum or TypeKind.StringOrNumber => "request.AddQuery(" + name + ", " + local + ".ToString());",
            TypeKind.List when property.Type.Element!.Kind is TypeKind.String => "request.AddQuery(" + name + ", " + local + ");",
            TypeKind.List => "request.AddQuery(" + name + ", global::System.Linq.Enumerable.Select(" + local + ", static item => item.ToString()!));",
            _ => "request.AddQuery(" + name + ", " + local + ");",
        };
        if (property.IsRequired && !property.AllowsNull && property.Type.IsValueType)
        {
            w.Line("var " + local + " = " + access + ";");
            w.Line(add);
            return;
        }

        w.Open("if (" + access + " is { } " + local + ")");
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

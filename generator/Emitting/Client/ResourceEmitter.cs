using System.Collections.Generic;
using System.Linq;
using Scenario.Generators.Model;

namespace Scenario.Generators.Emitting.Client;

/// <summary>
/// One group of operations (<c>client.Models.Examples</c>): its interface (for mocking), its class (each method builds
/// the request and hands it to the transport), and its twin under <c>client.WithRawResponse</c> (the same methods,
/// answering with the status, headers and timing too).
/// </summary>
internal static class ResourceEmitter
{
    private const string Http = "global::Scenario.Runtime.Http";

    public static void Emit(SourceWriter w, SchemaIndex index, TypeSyntax types, ResourceModel resource, string visibility, ExceptionNames exceptions)
    {
        List<OperationSignature> signatures = resource.Operations.Select(o => OperationSignature.Of(index, types, o)).ToList();
        EmitInterface(w, types, resource, signatures, visibility);
        w.Line();
        EmitResource(w, index, types, resource, signatures, visibility, exceptions);
        w.Line();
        EmitRawResource(w, index, types, resource, signatures, visibility);
    }

    private static void EmitInterface(SourceWriter w, TypeSyntax types, ResourceModel resource, List<OperationSignature> signatures, string visibility)
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

        foreach (OperationSignature signature in signatures)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            if (signature.Operation.Stream is not { ReplacesMethod: true })
            {
                w.Line($"/// <inheritdoc cref=\"{resource.TypeName}.{signature.Operation.MethodName}({signature.Cref})\"/>");
                Obsolete(w, signature.Operation);
                w.Line($"{signature.TaskType} {signature.Operation.MethodName}({string.Join(", ", signature.Declarations)});");
            }

            if (signature.Operation.Stream is { } stream)
            {
                if (!stream.ReplacesMethod)
                {
                    w.Line();
                }

                w.Line($"/// <inheritdoc cref=\"{resource.TypeName}.{stream.MethodName}({signature.Cref})\"/>");
                Obsolete(w, signature.Operation);
                w.Line($"{StreamType(types, stream)} {stream.MethodName}({string.Join(", ", signature.Declarations)});");
            }
        }

        w.Close();
    }

    private static void EmitResource(SourceWriter w, SchemaIndex index, TypeSyntax types, ResourceModel resource, List<OperationSignature> signatures, string visibility, ExceptionNames exceptions)
    {
        w.Doc("summary", resource.Description ?? "The " + resource.PropertyName + " operations.");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"{visibility} sealed class {resource.TypeName} : {resource.InterfaceName}");
        Dictionary<OperationModel, string> security = EmitSecurityFields(w, resource);
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

        foreach (OperationSignature signature in signatures)
        {
            w.Line();
            EmitOperation(w, index, types, signature, exceptions);
            w.Line();
            security.TryGetValue(signature.Operation, out string? field);
            RequestEmitter.Emit(w, index, types, signature, field);
        }

        w.Close();
    }

    /// <summary>
    /// One static <c>ApiSecurity</c> per distinct set of security requirements the resource's operations have, made once
    /// (<c>s_security0</c>, …); returns which operation uses which.
    /// </summary>
    private static Dictionary<OperationModel, string> EmitSecurityFields(SourceWriter w, ResourceModel resource)
    {
        var fields = new Dictionary<OperationModel, string>();
        var byRequirements = new Dictionary<EquatableArray<EquatableArray<string>>, string>();
        foreach (OperationModel operation in resource.Operations)
        {
            if (operation.Security is not { } requirements)
            {
                continue;
            }

            if (!byRequirements.TryGetValue(requirements, out string? field))
            {
                field = "s_security" + byRequirements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                byRequirements.Add(requirements, field);
                string alternatives = string.Join(", ", requirements.Select(set => set.Count == 0
                    ? "global::System.Array.Empty<string>()"
                    : "new[] { " + string.Join(", ", set.Select(SourceWriter.Literal)) + " }"));
                w.Line($"private static readonly {Http}.ApiSecurity {field} = new {Http}.ApiSecurity({alternatives});");
            }

            fields[operation] = field;
        }

        return fields;
    }

    private static void EmitOperation(SourceWriter w, SchemaIndex index, TypeSyntax types, OperationSignature signature, ExceptionNames exceptions)
    {
        OperationModel operation = signature.Operation;
        string context = types.Qualified(index.Schema.ContextName);
        w.Doc("summary", operation.Summary ?? operation.Description ?? operation.HttpMethod + " " + operation.Path);
        string remarks = "<c>" + operation.HttpMethod + " " + SourceWriter.Escape(operation.Path) + "</c>" + (operation.OperationId is { } id ? " (<c>" + SourceWriter.Escape(id) + "</c>)" : string.Empty);
        if (operation.Summary is not null && operation.Description is { } description && !string.IsNullOrWhiteSpace(description) && description != operation.Summary)
        {
            w.Line("/// <remarks>");
            w.Line($"/// <para>{remarks}</para>");
            foreach (string line in description.Replace("\r\n", "\n").Split('\n'))
            {
                string text = SourceWriter.Escape(line.TrimEnd()).TrimEnd();
                w.Line(text.Length == 0 ? "///" : "/// " + text);
            }

            w.Line("/// </remarks>");
        }
        else
        {
            w.Line($"/// <remarks>{remarks}</remarks>");
        }

        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.Required))
        {
            string text = SourceWriter.Escape(parameter.Description ?? "The " + parameter.Name + " " + Where(parameter.In) + ".")
                + (parameter.In == ParameterLocation.Path ? " Sent as one escaped path segment; <c>.</c> and <c>..</c> are refused." : string.Empty);
            w.Line($"/// <param name=\"{parameter.ParameterName.TrimStart('@')}\">{text}</param>");
        }

        if (signature.Parameters is not null)
        {
            w.Line($"/// <param name=\"{signature.ParametersName}\">{(signature.QueryOnly ? "The query parameters" : "The parameters (body and query)")}{(operation.ParametersRequired ? "." : "; null sends none.")}</param>");
        }

        if (operation.Body is { } body)
        {
            string text = body.Description ?? "The request body (" + body.MediaType + ")";
            w.Line($"/// <param name=\"{body.ParameterName.TrimStart('@')}\">{SourceWriter.Escape(text.TrimEnd('.'))}{(body.Required ? "." : "; null sends none.")}{BodyNote(body.Kind)}</param>");
        }

        if (operation.OptionalParametersType is not null)
        {
            w.Line($"/// <param name=\"{signature.OptionalName}\">The optional parameters; null sends none.</param>");
        }

        w.Line("/// <param name=\"options\">Per-call settings (timeout, retries, headers, query, idempotency key); null keeps the client's.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the call at once, as an <see cref=\"global::System.OperationCanceledException\"/>.</param>");
        bool streamOnly = operation.Stream is { ReplacesMethod: true };
        w.Line(streamOnly ? StreamReturns(exceptions) : Returns(operation));
        w.Line(operation.Parameters.Any(p => p.In == ParameterLocation.Path)
            ? "/// <exception cref=\"global::System.ArgumentException\">A path parameter is null, empty, <c>.</c> or <c>..</c>, or the options hold a refused header.</exception>"
            : "/// <exception cref=\"global::System.ArgumentException\">An argument is invalid, or the options hold a refused header.</exception>");
        w.Line(operation.Errors.Count > 0
            ? $"/// <exception cref=\"{exceptions.Status}\">The API answered with an error status; its <c>Body</c> is the documented error model when the body is one.</exception>"
            : $"/// <exception cref=\"{exceptions.Status}\">The API answered with an error status.</exception>");
        w.Line($"/// <exception cref=\"{exceptions.Root}\">The call failed: connection, timeout, or an invalid or too large response.</exception>");
        Obsolete(w, operation);
        if (streamOnly)
        {
            EmitStreamMethod(w, index, types, signature, context);
            return;
        }

        w.Line($"public {signature.TaskType} {operation.MethodName}({string.Join(", ", signature.Declarations)}) =>");
        w.Line(signature.Pager is null
            ? $"    _transport.SendAsync({operation.BuilderName}({string.Join(", ", signature.Names)}), {ReaderArgument(index, types, operation.Response, context)}options, cancellationToken);"
            : "    " + NewPager(index, types, signature, operation.BuilderName, context));
        w.Line();
        w.Line("/// <summary>The same call without <see cref=\"global::Scenario.RequestOptions\"/>, so that calls written before it existed still compile.</summary>");
        w.Line($"/// <inheritdoc cref=\"{operation.MethodName}({signature.Cref})\"/>");
        Obsolete(w, operation);
        w.Line($"public {signature.TaskType} {operation.MethodName}({string.Join(", ", signature.LegacyDeclarations)}) =>");
        w.Line($"    {operation.MethodName}({string.Join(", ", signature.Names.Concat(new[] { "null", "cancellationToken" }))});");
        if (operation.Stream is { } stream)
        {
            w.Line();
            string summary = (operation.Summary ?? operation.HttpMethod + " " + operation.Path).TrimEnd('.');
            w.Line($"/// <summary>{SourceWriter.Escape(summary)}: the events of its streamed answer (<c>{(stream.ServerSentEvents ? "text/event-stream" : "application/x-ndjson")}</c>), as they arrive.</summary>");
            w.Line($"/// <inheritdoc cref=\"{operation.MethodName}({signature.Cref})\"/>");
            w.Line(StreamReturns(exceptions));
            Obsolete(w, operation);
            EmitStreamMethod(w, index, types, signature, context);
        }
    }

    /// <summary>
    /// The pager of a paged operation: its first page's request built anew for each page, the page's type, how it asks for
    /// the next, and where a page's items, next cursor and "has more" are.
    /// </summary>
    private static string NewPager(SchemaIndex index, TypeSyntax types, OperationSignature signature, string builder, string context)
    {
        OperationModel operation = signature.Operation;
        PaginationModel pagination = operation.Pagination!;
        string how = Http + ".ApiPagination." + pagination.Style + "(" + (pagination.Style == "NextLink" ? string.Empty : SourceWriter.Literal(pagination.Parameter))
            + (pagination.Style == "Page" ? ", " + pagination.FirstPage.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L" : string.Empty)
            + (pagination.InBody ? ", inBody: true" : string.Empty) + ")";
        string next = pagination.NextProperty is null
            ? "null"
            : "static page => page." + pagination.NextProperty + pagination.NextKind switch
            {
                TypeKind.String => string.Empty,
                TypeKind.Uri => "?.OriginalString",
                _ => "?.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
            };
        string hasMore = pagination.HasMoreProperty is null ? "null" : "static page => page." + pagination.HasMoreProperty;
        return $"new {signature.Pager}(_transport, () => {builder}({string.Join(", ", signature.Names)}), {context}.Default.{index.ContextProperty(operation.Response.Type!)}, {how}, static page => page.{pagination.ItemsProperty}, {next}, {hasMore}, options, cancellationToken);";
    }

    private static string StreamReturns(ExceptionNames exceptions) =>
        "/// <returns>Each event's data, as it arrives. The request is sent when the sequence is first enumerated; each wait for more of the stream is within the timeout; an <c>error</c> event ends it with a <see cref=\"" + exceptions.EventStream + "\"/>.</returns>";

    /// <summary>The sequence a stream method returns: its events' data.</summary>
    private static string StreamType(TypeSyntax types, StreamModel stream) =>
        "global::System.Collections.Generic.IAsyncEnumerable<" + types.Type(stream.Type) + ">";

    private static string StreamFormat(StreamModel stream) =>
        Http + ".ApiStreamFormat." + (stream.ServerSentEvents ? "ServerSentEvents" : "JsonLines");

    private static void EmitStreamMethod(SourceWriter w, SchemaIndex index, TypeSyntax types, OperationSignature signature, string context)
    {
        OperationModel operation = signature.Operation;
        StreamModel stream = operation.Stream!;
        w.Line($"public {StreamType(types, stream)} {stream.MethodName}({string.Join(", ", signature.Declarations)}) =>");
        w.Line($"    _transport.StreamAsync({operation.BuilderName}({string.Join(", ", signature.Names)}), {context}.Default.{index.ContextProperty(stream.Type)}, {StreamFormat(stream)}, options, cancellationToken);");
    }

    private static string BodyNote(BodyKind kind) => kind switch
    {
        BodyKind.Content => " Sent as given, once: a call with it is not retried.",
        BodyKind.File or BodyKind.Form => " Files are streamed; the call is retried only when each can be sent again (not from a stream that does not seek).",
        _ => string.Empty,
    };

    private static string Where(ParameterLocation location) => location switch
    {
        ParameterLocation.Query => "query parameter",
        ParameterLocation.Header => "header",
        ParameterLocation.Cookie => "cookie",
        _ => "of the path",
    };

    private static string Returns(OperationModel operation) => operation.Pagination is not null
        ? "/// <returns>Every item of every page as the walk reaches it (<c>await foreach</c>), each page asked for only then; <c>AsPages()</c> walks the pages with their responses. Nothing is sent until it is enumerated.</returns>"
        : Returns(operation.Response);

    private static string Returns(ResponseModel response) => response.Kind switch
    {
        ResponseKind.None => "/// <returns>A task that completes when the API has answered with success.</returns>",
        ResponseKind.Text => "/// <returns>The response body, as text.</returns>",
        ResponseKind.File => "/// <returns>The response, whose <c>Content</c> the caller reads as a stream (not buffered, not bound by <c>MaxResponseBodyBytes</c>, each read within the timeout); dispose it to release the connection.</returns>",
        _ when response.MayBeEmpty => "/// <returns>The response body; null when the API answered with success and no body.</returns>",
        _ => "/// <returns>The response body.</returns>",
    };

    private static void Obsolete(SourceWriter w, OperationModel operation)
    {
        if (operation.Deprecated)
        {
            w.Line("[global::System.Obsolete(\"The API marks this operation deprecated.\")]");
        }
    }

    /// <summary>
    /// What the transport reads a success with, as the arguments before the options: the response type's
    /// <c>JsonTypeInfo</c> (or a reader: JSON or nothing, text, a file's stream); nothing for an operation without a body.
    /// </summary>
    private static string ReaderArgument(SchemaIndex index, TypeSyntax types, ResponseModel response, string context)
    {
        const string Readers = Http + ".ApiResponseReader";
        return response.Kind switch
        {
            ResponseKind.Json when response.MayBeEmpty => Readers + (response.Type!.IsValueType ? ".JsonOrNullValue(" : ".JsonOrNull(") + context + ".Default." + index.ContextProperty(response.Type!) + "), ",
            ResponseKind.Json => context + ".Default." + index.ContextProperty(response.Type!) + ", ",
            ResponseKind.Text => Readers + ".Text, ",
            ResponseKind.File => Readers + ".File, ",
            _ => string.Empty,
        };
    }

    private static void EmitRawResource(SourceWriter w, SchemaIndex index, TypeSyntax types, ResourceModel resource, List<OperationSignature> signatures, string visibility)
    {
        string context = types.Qualified(index.Schema.ContextName);
        string streams = resource.Operations.Any(o => o.Stream is not null) ? " (a stream, each <see cref=\"global::Scenario.ApiEvent{T}\"/>)" : string.Empty;
        w.Line($"/// <summary>The operations of <see cref=\"{resource.TypeName}\"/>, each returning a <see cref=\"global::Scenario.ApiResponse{{T}}\"/>{streams}.</summary>");
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

        foreach (OperationSignature signature in signatures)
        {
            OperationModel operation = signature.Operation;
            if (operation.Stream is not { ReplacesMethod: true })
            {
                w.Line();
                w.Line($"/// <inheritdoc cref=\"{resource.TypeName}.{operation.MethodName}({signature.Cref})\"/>");
                w.Line(signature.Response is null
                    ? "/// <returns>The status, headers, request id, elapsed time and attempt count.</returns>"
                    : "/// <returns>The response body with the status, headers, request id, elapsed time and attempt count.</returns>");
                Obsolete(w, operation);
                w.Line($"public {signature.RawTaskType} {operation.MethodName}({string.Join(", ", signature.Declarations)}) =>");
                w.Line(signature.Pager is null
                    ? $"    _transport.SendForResponseAsync({resource.TypeName}.{operation.BuilderName}({string.Join(", ", signature.Names)}), {ReaderArgument(index, types, operation.Response, context)}options, cancellationToken);"
                    : "    " + NewPager(index, types, signature, resource.TypeName + "." + operation.BuilderName, context));
            }

            if (operation.Stream is { } stream)
            {
                w.Line();
                w.Line($"/// <inheritdoc cref=\"{resource.TypeName}.{stream.MethodName}({signature.Cref})\"/>");
                w.Line("/// <returns>Each event as it arrives, with its type, the last event id and the reconnection time the stream set.</returns>");
                Obsolete(w, operation);
                w.Line($"public global::System.Collections.Generic.IAsyncEnumerable<global::Scenario.ApiEvent<{types.Type(stream.Type)}>> {stream.MethodName}({string.Join(", ", signature.Declarations)}) =>");
                w.Line($"    _transport.StreamEventsAsync({resource.TypeName}.{operation.BuilderName}({string.Join(", ", signature.Names)}), {context}.Default.{index.ContextProperty(stream.Type)}, {StreamFormat(stream)}, options, cancellationToken);");
            }
        }

        w.Close();
    }
}

using System.Collections.Generic;
using System.Linq;
using Scenario.Generators.Model;

namespace Scenario.Generators.Emitting.Client;

/// <summary>
/// The request builder of one operation (<c>internal static ApiRequest ListRequest(…)</c>): every argument checked and
/// escaped into the runtime's <c>ApiRequest</c> before anything is sent. Path parameters become one escaped segment
/// each; query parameters follow their OpenAPI style (<c>form</c> exploded or joined, <c>spaceDelimited</c>,
/// <c>pipeDelimited</c>, <c>deepObject</c>); header and cookie parameters are added as text; the body is serialized
/// once; the documented error bodies and the security requirements ride along for the transport.
/// </summary>
internal static class RequestEmitter
{
    private const string Http = "global::Scenario.Runtime.Http";
    private const string Text = Http + ".ParameterText";

    /// <summary>Writes the builder; <paramref name="security"/> names the resource's static field of the operation's requirements, if any.</summary>
    public static void Emit(SourceWriter w, SchemaIndex index, TypeSyntax types, OperationSignature signature, string? security)
    {
        OperationModel operation = signature.Operation;
        string context = types.Qualified(index.Schema.ContextName);
        w.Line($"/// <summary>The request of <see cref=\"{operation.MethodName}({signature.Cref})\"/>, checked and escaped before anything is sent.</summary>");
        w.Open($"internal static {Http}.ApiRequest {operation.BuilderName}({string.Join(", ", signature.Inputs.Select(a => a.Declaration))})");
        if (signature.Parameters is not null && operation.ParametersRequired)
        {
            // Not ArgumentNullException.ThrowIfNull: .NET 6 on, and the client compiles on netstandard2.0 too.
            w.Line($"_ = {signature.ParametersName} ?? throw new global::System.ArgumentNullException(nameof({signature.ParametersName}));");
        }

        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.Required && !p.Type.IsValueType && p.In != ParameterLocation.Path))
        {
            w.Line($"_ = {parameter.ParameterName} ?? throw new global::System.ArgumentNullException(nameof({parameter.ParameterName}));");
        }

        if (operation.Body is { Required: true } requiredBody && (requiredBody.Kind != BodyKind.Json || !requiredBody.Type!.IsValueType))
        {
            w.Line($"_ = {requiredBody.ParameterName} ?? throw new global::System.ArgumentNullException(nameof({requiredBody.ParameterName}));");
        }

        w.Line($"var request = new {Http}.ApiRequest({Method(operation.HttpMethod)}, {SourceWriter.Quote(operation.Path)}, {PathExpression(index, types, operation)});");
        foreach (QueryPair pair in operation.FixedQuery)
        {
            w.Line($"request.AddQuery({SourceWriter.Quote(pair.Name)}, {SourceWriter.Quote(pair.Value)});");
        }

        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.Required && p.In != ParameterLocation.Path))
        {
            EmitParameter(w, index, types, parameter, parameter.ParameterName);
        }

        if (signature.Parameters is { } parameters)
        {
            EmitParametersRecord(w, types, signature, parameters, context);
        }

        List<ParameterModel> optional = operation.Parameters.Where(p => !p.Required).ToList();
        if (optional.Count > 0)
        {
            w.Open($"if ({signature.OptionalName} is not null)");
            foreach (ParameterModel parameter in optional)
            {
                // "o": the optional class's, apart from x-client's record's "v" locals of the same names.
                string local = "o" + parameter.PropertyName;
                w.Open($"if ({signature.OptionalName}.{parameter.PropertyName} is {{ }} {local})");
                EmitParameter(w, index, types, parameter, local);
                w.Close();
            }

            w.Close();
        }

        if (operation.Body is { } body)
        {
            EmitBody(w, index, types, body, context);
        }

        if (Accept(operation) is { } accept)
        {
            w.Line($"request.Accept = {SourceWriter.Quote(accept)};");
        }

        foreach (ErrorModel error in operation.Errors)
        {
            w.Line($"request.AddError({SourceWriter.Quote(error.Status)}, {context}.Default.{index.ContextProperty(error.Type)});");
        }

        if (security is not null)
        {
            w.Line($"request.Security = {security};");
        }

        w.Line("return request;");
        w.Close();
    }

    /// <summary>
    /// The <c>Accept</c> a call sends where it is not <c>application/json</c>: the document's media type for text and
    /// bytes (and a JSON type of its own, <c>application/vnd.github+json</c>).
    /// </summary>
    private static string? Accept(OperationModel operation) =>
        operation.Response.MediaType is { } media && media != "application/json" ? media : null;

    private static string Method(string method) => method switch
    {
        "GET" or "POST" or "PUT" or "DELETE" or "HEAD" or "OPTIONS" or "TRACE" => "global::System.Net.Http.HttpMethod." + method.Substring(0, 1) + method.Substring(1).ToLowerInvariant(),
        // HttpMethod.Patch is not in netstandard2.0.
        _ => "new global::System.Net.Http.HttpMethod(" + SourceWriter.Literal(method) + ")",
    };

    /// <summary>The escaped path: fixed text between each parameter's one escaped segment.</summary>
    private static string PathExpression(SchemaIndex index, TypeSyntax types, OperationModel operation)
    {
        var parts = new List<string>();
        string path = operation.SentPath ?? operation.Path;
        int position = 0;
        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.In == ParameterLocation.Path))
        {
            string placeholder = "{" + parameter.Name + "}";
            int at = path.IndexOf(placeholder, position, System.StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            if (at > position)
            {
                parts.Add(SourceWriter.Literal(path.Substring(position, at - position)));
            }

            string name = SourceWriter.Literal(parameter.Name);
            string style = SourceWriter.Literal(parameter.Style);
            string explode = parameter.Explode ? "true" : "false";
            parts.Add(ValueOf(index, types, parameter, parameter.ParameterName) switch
            {
                (ValueShape.List, string items) => $"{Http}.ApiRequest.PathParameter({items}, {name}, {style}, {explode})",
                (ValueShape.Object, string members) => $"{Http}.ApiRequest.PathParameter({members}, {name}, {style}, {explode})",
                (_, string text) when parameter.Style is "label" or "matrix" => $"{Http}.ApiRequest.PathParameter({text}, {name}, {style})",
                (_, string text) => $"{Http}.ApiRequest.EscapePathParameter({text}, {SourceWriter.Literal(parameter.ParameterName.TrimStart('@'))})",
            });
            position = at + placeholder.Length;
        }

        if (position < path.Length || parts.Count == 0)
        {
            parts.Add(SourceWriter.Literal(path.Substring(position)));
        }

        return string.Join(" + ", parts);
    }

    /// <summary>How a parameter's value is written: one text, a list of texts, or an object's members.</summary>
    private enum ValueShape
    {
        Text,
        List,
        Object,
    }

    /// <summary>
    /// A parameter's value as its style needs it, as an expression: the text of a scalar (a string as is, a formatted value
    /// in its canonical form, anything else as <c>ParameterText</c> gives it); the texts of a list's items; the members of
    /// a map or of a record of scalars (<c>ParameterText.Members</c>, those that are null left out). Anything else (a
    /// list of records, a JSON value of no shape) is one text, its JSON (OpenAPI's parameters with <c>content</c>).
    /// </summary>
    private static (ValueShape Shape, string Expression) Shape(SchemaIndex index, TypeSyntax types, TypeRef type, string value)
    {
        if (IsScalar(type))
        {
            return (ValueShape.Text, ScalarText(type, value));
        }

        if (type.Kind == TypeKind.List && IsScalar(type.Element!))
        {
            return (ValueShape.List, type.Element!.Kind == TypeKind.String && !type.ElementAllowsNull
                ? value
                : "global::System.Linq.Enumerable.Select(" + value + ", static item => " + ScalarText(type.Element!, "item") + ")");
        }

        if (type.Kind == TypeKind.Map && IsScalar(type.Element!))
        {
            return (ValueShape.Object, "global::System.Linq.Enumerable.Select(" + value + ", static member => new global::System.Collections.Generic.KeyValuePair<string, string>(member.Key, " + ScalarText(type.Element!, "member.Value") + "))");
        }

        if (type.Kind == TypeKind.Record && index.Record(type) is { } record && record.Maps.Count == 0 && record.Properties.All(p => IsScalar(p.Type)))
        {
            var members = new List<string>();
            foreach (PropertyModel property in record.Properties)
            {
                string access = value + "." + property.Name;
                string local = "m" + members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + value.TrimStart('@');
                members.Add("(" + SourceWriter.Literal(property.JsonName) + ", " + (!property.IsNullable
                    ? ScalarText(property.Type, access)
                    : access + " is { } " + local + " ? " + ScalarText(property.Type, local) + " : null") + ")");
            }

            return (ValueShape.Object, Text + ".Members(" + string.Join(", ", members) + ")");
        }

        return (ValueShape.Text, "global::Scenario.Runtime.Json.JsonBody.Text(" + value + ", " + types.WriterDelegate(type) + ")");
    }

    /// <summary>A parameter's value as its style needs it; a parameter of <c>content</c> (a media type) is its JSON text.</summary>
    private static (ValueShape Shape, string Expression) ValueOf(SchemaIndex index, TypeSyntax types, ParameterModel parameter, string value) =>
        parameter.Style == "content"
            ? (ValueShape.Text, "global::Scenario.Runtime.Json.JsonBody.Text(" + value + ", " + types.WriterDelegate(parameter.Type) + ")")
            : Shape(index, types, parameter.Type, value);

    /// <summary>The text of a scalar: a string as is, a formatted value in its canonical form, anything else through <c>ParameterText.Of</c>.</summary>
    private static string ScalarText(TypeRef type, string value) => type.Kind switch
    {
        TypeKind.String => value,
        _ when type.IsFormatted => TypeSyntax.JsonFormats + ".Text(" + value + ")",
        _ => Text + ".Of(" + value + ")",
    };

    /// <summary>A value sent as one piece of text: a string, a number, a boolean, an enum, a formatted value, any JSON value.</summary>
    private static bool IsScalar(TypeRef type) =>
        type.Kind is TypeKind.String or TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Enum or TypeKind.StringOrNumber or TypeKind.Any
        || type.IsFormatted;

    private static void EmitParameter(SourceWriter w, SchemaIndex index, TypeSyntax types, ParameterModel parameter, string value)
    {
        string name = SourceWriter.Literal(parameter.Name);
        string explode = parameter.Explode ? "true" : "false";
        (ValueShape shape, string expression) = ValueOf(index, types, parameter, value);
        string statement = (parameter.In, shape) switch
        {
            (ParameterLocation.Header, ValueShape.List) => $"request.AddHeader({name}, {Http}.ApiRequest.HeaderText({expression}));",
            (ParameterLocation.Header, ValueShape.Object) => $"request.AddHeader({name}, {Http}.ApiRequest.HeaderText({expression}, {explode}));",
            (ParameterLocation.Header, _) => $"request.AddHeader({name}, {expression});",
            (ParameterLocation.Cookie, ValueShape.Text) => $"request.AddCookie({name}, {expression});",
            (ParameterLocation.Cookie, _) => $"request.AddCookie({name}, {expression}, {explode});",
            (_, ValueShape.Object) => $"request.AddQueryObject({name}, {expression}, {SourceWriter.Literal(parameter.Style)}, {explode});",
            (_, ValueShape.List) when parameter.Style == "form" && parameter.Explode => $"request.AddQuery({name}, {expression});",
            (_, ValueShape.List) => $"request.AddQuery({name}, {expression}, {SourceWriter.Literal(parameter.Style switch { "spaceDelimited" => " ", "pipeDelimited" => "|", _ => "," })});",
            _ => $"request.AddQuery({name}, {expression});",
        };
        w.Line(statement);
    }

    private static void EmitBody(SourceWriter w, SchemaIndex index, TypeSyntax types, BodyModel body, string context)
    {
        string value = body.ParameterName;
        bool optional = !body.Required;
        if (optional)
        {
            value = "bodyValue";
            w.Open($"if ({body.ParameterName} is {{ }} {value})");
        }

        switch (body.Kind)
        {
            case BodyKind.Json:
                w.Line($"request.JsonBody = global::Scenario.Runtime.Json.JsonBody.Serialize({value}, {types.WriterDelegate(body.Type!)}, {context}.Default.Options);");
                if (body.MediaType != "application/json")
                {
                    w.Line($"request.ContentType = {SourceWriter.Quote(body.MediaType)};");
                }

                break;
            case BodyKind.Text:
                w.Line($"request.JsonBody = global::System.Text.Encoding.UTF8.GetBytes({value});");
                w.Line($"request.ContentType = {SourceWriter.Quote(body.MediaType + "; charset=utf-8")};");
                break;
            case BodyKind.File:
                w.Line($"request.Body = {value};");
                w.Line($"request.ContentType = {SourceWriter.Quote(body.MediaType)};");
                break;
            case BodyKind.Form:
                EmitForm(w, index, types, body, value, context);
                break;
            default:
                w.Line($"request.Content = {value};");
                break;
        }

        if (optional)
        {
            w.Close();
        }
    }

    /// <summary>
    /// A form's fields into a <c>FormBody</c>, in the form's order: a required one left null is an <c>ArgumentException</c>,
    /// an optional one is not sent; files as parts, values as text (numbers and booleans invariant, an enum its wire value,
    /// an object or a list its JSON).
    /// </summary>
    private static void EmitForm(SourceWriter w, SchemaIndex index, TypeSyntax types, BodyModel body, string value, string context)
    {
        FormModel form = body.Form!;
        w.Line($"var form = new {Http}.FormBody({(form.Multipart ? "true" : "false")});");
        for (int i = 0; i < form.Fields.Count; i++)
        {
            FormFieldModel field = form.Fields[i];
            string member = value + "." + field.PropertyName;
            string local = "field" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string name = SourceWriter.Literal(field.Name);
            if (field.Required)
            {
                w.Line($"_ = {member} ?? throw new global::System.ArgumentException(\"The form's {field.PropertyName} is required.\", nameof({body.ParameterName}));");
            }

            if (field.Files)
            {
                w.Open($"foreach (global::Scenario.ApiFile {local} in {member} ?? global::System.Array.Empty<global::Scenario.ApiFile>())");
                w.Line($"form.Add({name}, {local});");
                w.Close();
                continue;
            }

            w.Open($"if ({member} is {{ }} {local})");
            w.Line($"form.Add({name}, {(field.IsFile ? local : FormText(index, types, field.Type!, local, context))});");
            w.Close();
        }

        w.Line("request.Body = form;");
    }

    /// <summary>A form value as <c>FormBody.Add</c> takes it: itself for strings, numbers and booleans; an enum's wire value; else its JSON.</summary>
    private static string FormText(SchemaIndex index, TypeSyntax types, TypeRef type, string value, string context) => type.Kind switch
    {
        TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Decimal or TypeKind.Boolean => value,
        TypeKind.Enum or TypeKind.StringOrNumber => value + ".ToString()",
        _ => "global::System.Text.Json.JsonSerializer.Serialize(" + value + ", " + context + ".Default." + index.ContextProperty(type) + ")",
    };

    /// <summary>x-client's parameters record: its query properties into the query, the others into the JSON body.</summary>
    private static void EmitParametersRecord(SourceWriter w, TypeSyntax types, OperationSignature signature, RecordModel parameters, string context)
    {
        OperationModel operation = signature.Operation;
        string parametersName = signature.ParametersName;
        List<PropertyModel> query = parameters.Properties.Where(p => OperationSignature.InQuery(operation, p)).ToList();
        bool hasBody = query.Count < parameters.Properties.Count && OperationSignature.SendsBody(operation);
        if (query.Count == 0 && !hasBody)
        {
            return;
        }

        if (!operation.ParametersRequired)
        {
            w.Open($"if ({parametersName} is not null)");
        }

        foreach (PropertyModel property in query)
        {
            EmitQuery(w, parametersName, property);
        }

        if (hasBody)
        {
            w.Line($"request.JsonBody = global::Scenario.Runtime.Json.JsonBody.Serialize({parametersName}, {types.Qualified(parameters.Name)}.WriteJsonBody, {context}.Default.Options);");
        }

        if (!operation.ParametersRequired)
        {
            w.Close();
        }
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
        if (!property.IsNullable && property.Type.IsValueType)
        {
            w.Line($"var {local} = {access};");
            w.Line(add);
            return;
        }

        w.Open($"if ({access} is {{ }} {local})");
        w.Line(add);
        w.Close();
    }
}

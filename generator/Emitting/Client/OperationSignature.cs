using System.Collections.Generic;
using System.Linq;
using Scenario.Generators.Model;

namespace Scenario.Generators.Emitting.Client;

/// <summary>
/// The C# shape of one operation: its arguments in order (path parameters, the other required parameters, the required
/// body, then whatever may be left out), what it returns, and how the transport reads the response. The resource, its
/// interface and its raw twin all declare the same arguments; the request builder takes them without the options.
/// </summary>
internal sealed class OperationSignature
{
    private const string CancellationToken = "global::System.Threading.CancellationToken";

    private OperationSignature(OperationModel operation)
    {
        Operation = operation;
    }

    public OperationModel Operation { get; }

    /// <summary>The arguments the request builder takes: every argument but the options and the token.</summary>
    public List<Argument> Inputs { get; } = new();

    /// <summary>The C# type a success is, without <c>Task</c>; null for an operation that answers with no body.</summary>
    public string? Response { get; private set; }

    /// <summary>x-client's parameters record, when the operation has one.</summary>
    public RecordModel? Parameters { get; private set; }

    /// <summary>The argument that holds x-client's parameters record (<c>query</c> when they all go in the query, else <c>parameters</c>).</summary>
    public string ParametersName { get; private set; } = "parameters";

    /// <summary>Whether x-client's parameters all go in the query.</summary>
    public bool QueryOnly { get; private set; }

    /// <summary>The argument that holds the optional parameters, when the operation has some.</summary>
    public string OptionalName { get; private set; } = "parameters";

    /// <summary>One argument: its declaration without and with a default, and its type as a <c>cref</c> names it.</summary>
    public sealed record Argument(string Type, string Name, bool Optional, string CrefType)
    {
        public string Declaration => Type + (Optional ? "? " : " ") + Name;

        public string WithDefault => Declaration + (Optional ? " = null" : string.Empty);
    }

    /// <summary>The arguments of the method: <see cref="Inputs"/>, the options and the token.</summary>
    public IEnumerable<string> Declarations =>
        Inputs.Select(a => a.WithDefault).Concat(new[] { "global::Scenario.RequestOptions? options = null", CancellationToken + " cancellationToken = default" });

    /// <summary>The arguments of the overload without options (kept so calls written before it existed compile): no defaults.</summary>
    public IEnumerable<string> LegacyDeclarations => Inputs.Select(a => a.Declaration).Concat(new[] { CancellationToken + " cancellationToken" });

    /// <summary>The types of the method's arguments, as a <c>cref</c> writes them.</summary>
    public string Cref => string.Join(", ", Inputs.Select(a => a.CrefType).Concat(new[] { "global::Scenario.RequestOptions", CancellationToken }));

    /// <summary>The names of <see cref="Inputs"/>, in order.</summary>
    public IEnumerable<string> Names => Inputs.Select(a => a.Name);

    /// <summary>For a paged operation: <c>ApiPager&lt;TPage, TItem&gt;</c>, which both the method and its raw twin return.</summary>
    public string? Pager { get; private set; }

    /// <summary><c>Task</c> or <c>Task&lt;T&gt;</c> (a paged operation's pager).</summary>
    public string TaskType => Pager ?? (Response is null ? "global::System.Threading.Tasks.Task" : "global::System.Threading.Tasks.Task<" + Response + ">");

    /// <summary>The raw twin's <c>Task&lt;ApiResponse&gt;</c> or <c>Task&lt;ApiResponse&lt;T&gt;&gt;</c> (a paged operation's pager, whose pages hold their responses).</summary>
    public string RawTaskType => Pager ?? (Response is null
        ? "global::System.Threading.Tasks.Task<global::Scenario.ApiResponse>"
        : "global::System.Threading.Tasks.Task<global::Scenario.ApiResponse<" + Response + ">>");

    public static OperationSignature Of(SchemaIndex index, TypeSyntax types, OperationModel operation)
    {
        var signature = new OperationSignature(operation);
        var optional = new List<Argument>();
        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.Required))
        {
            string type = types.Type(parameter.Type);
            signature.Inputs.Add(new Argument(type, parameter.ParameterName, false, CrefOf(type)));
        }

        if (operation.ParametersType is { } parametersType)
        {
            RecordModel? parameters = index.Schema.Records.FirstOrDefault(r => r.Name == parametersType);
            signature.Parameters = parameters;
            signature.QueryOnly = parameters is not null && parameters.Properties.All(p => InQuery(operation, p));
            signature.ParametersName = signature.QueryOnly ? "query" : "parameters";
            string type = types.Qualified(parametersType);
            (operation.ParametersRequired ? signature.Inputs : optional).Add(new Argument(type, signature.ParametersName, !operation.ParametersRequired, type));
        }

        if (operation.Body is { } body)
        {
            string type = BodyType(types, body);
            bool valueType = body.Type?.IsValueType == true;
            (body.Required ? signature.Inputs : optional).Add(new Argument(type, body.ParameterName, !body.Required, CrefOf(type, !body.Required && valueType)));
        }

        if (operation.OptionalParametersType is { } optionalType)
        {
            string name = operation.Parameters.Where(p => !p.Required).All(p => p.In == ParameterLocation.Query) ? "query" : "parameters";
            signature.OptionalName = operation.ParametersType is not null && name == signature.ParametersName ? name + "2" : name;
            string type = types.Qualified(optionalType);
            optional.Add(new Argument(type, signature.OptionalName, true, type));
        }

        signature.Inputs.AddRange(optional);
        if (operation.Pagination is { } pagination && operation.Response.Type is { } page)
        {
            signature.Pager = "global::Scenario.ApiPager<" + types.Type(page) + ", " + types.Type(pagination.ItemType) + (pagination.ItemAllowsNull ? "?" : string.Empty) + ">";
        }

        signature.Response = operation.Response.Kind switch
        {
            ResponseKind.Json => types.Type(operation.Response.Type!) + (operation.Response.MayBeEmpty ? "?" : string.Empty),
            ResponseKind.Text => "string",
            ResponseKind.File => "global::Scenario.ApiFileResponse",
            _ => null,
        };
        return signature;
    }

    /// <summary>The C# type of a body argument: its JSON type, a string for text, the caller's <c>HttpContent</c> otherwise.</summary>
    public static string BodyType(TypeSyntax types, BodyModel body) => body.Kind switch
    {
        BodyKind.Json => types.Type(body.Type!),
        BodyKind.Text => "string",
        BodyKind.File => "global::Scenario.ApiFile",
        BodyKind.Form => types.Qualified(body.Form!.TypeName),
        _ => "global::System.Net.Http.HttpContent",
    };

    /// <summary>A type as a <c>cref</c> writes it: generic arguments in braces, a nullable value type as <c>Nullable{T}</c>.</summary>
    private static string CrefOf(string type, bool nullableValue = false)
    {
        string cref = type.Replace('<', '{').Replace('>', '}');
        return nullableValue ? "global::System.Nullable{" + cref + "}" : cref;
    }

    /// <summary>Whether an x-client parameter goes in the query: as <c>x-in</c> says, else when the operation sends no body.</summary>
    public static bool InQuery(OperationModel operation, PropertyModel property) =>
        property.InQuery ?? !SendsBody(operation);

    /// <summary>Whether the operation sends its x-client parameters as a body: every method but GET, DELETE and HEAD.</summary>
    public static bool SendsBody(OperationModel operation) => operation.HttpMethod is not "GET" and not "DELETE" and not "HEAD";
}

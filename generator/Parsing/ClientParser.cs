using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Scenario.Generators.Diagnostics;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing.Json;

namespace Scenario.Generators.Parsing;

/// <summary>
/// Reads the schema's <c>x-client</c> extension (the client's name, base address, authentication, and its resources'
/// operations) into a <see cref="ClientModel"/>. Problems are SCENGEN006 diagnostics at the offending token.
/// </summary>
internal sealed class ClientParser
{
    private static readonly string[] Methods = { "GET", "POST", "PUT", "PATCH", "DELETE" };
    private static readonly Regex PathParameter = new(@"\{([^{}/]+)\}", RegexOptions.CultureInvariant);

    private readonly SchemaLocator _locator;
    private readonly IReadOnlyDictionary<string, string> _recordsByPointer;
    private readonly Func<string, string> _unique;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly string _namespace;

    public ClientParser(SchemaLocator locator, string ns, IReadOnlyDictionary<string, string> recordsByPointer, Func<string, string> unique, List<DiagnosticInfo> diagnostics)
    {
        _locator = locator;
        _namespace = ns;
        _recordsByPointer = recordsByPointer;
        _unique = unique;
        _diagnostics = diagnostics;
    }

    /// <summary>Reads <c>x-client</c>; <paramref name="nameOverride"/> (the <c>ClientName</c> setting) replaces its name.</summary>
    public ClientModel? Parse(JsonObject document, string? nameOverride)
    {
        if (document.Property("x-client", StringComparison.Ordinal) is not { } property)
        {
            return null;
        }

        if (property.Value is not JsonObject client)
        {
            return Fail<ClientModel>(property.Value, "it is an object: { \"name\": …, \"baseAddress\": …, \"resources\": … }");
        }

        string? rawName = String(client, "name", required: true);
        string? baseAddress = String(client, "baseAddress", required: true);
        if (rawName is null || baseAddress is null)
        {
            return null;
        }

        if (!Uri.TryCreate(baseAddress, UriKind.Absolute, out Uri? uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            return Fail<ClientModel>(client["baseAddress"]!, "'baseAddress' is an absolute http or https address");
        }

        string name = Identifiers.ToPascalCase(nameOverride ?? rawName);
        _unique(name + "Client");
        _unique(name + "ClientOptions");
        _unique("I" + name + "Client");
        _unique(name + "ClientWithRawResponse");
        _unique(name + "ClientServiceCollectionExtensions");

        BasicAuthModel? auth = null;
        if (client["auth"] is JsonNode authToken)
        {
            auth = Auth(authToken);
            if (auth is null)
            {
                return null;
            }
        }

        List<ResourceModel>? resources = Resources(client["resources"], string.Empty);
        if (resources is null)
        {
            return null;
        }

        string? idempotencyHeader = null;
        bool generateKeys = false;
        if (client["idempotencyKey"] is JsonNode idempotencyToken)
        {
            if (idempotencyToken is not JsonObject idempotency)
            {
                return Fail<ClientModel>(idempotencyToken, "'idempotencyKey' is an object: { \"header\": \"Idempotency-Key\", \"generate\": true }");
            }

            idempotencyHeader = String(idempotency, "header", required: false) ?? "Idempotency-Key";
            if (idempotencyHeader.Length == 0 || idempotencyHeader.Any(c => c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".IndexOf(c) >= 0))
            {
                return Fail<ClientModel>(idempotency["header"]!, "'idempotencyKey.header' is an HTTP header name");
            }

            if (idempotency["generate"] is JsonNode generate)
            {
                if (generate.Type != JsonNodeType.Boolean)
                {
                    return Fail<ClientModel>(generate, "'idempotencyKey.generate' is true or false");
                }

                generateKeys = generate.Value<bool>();
            }
        }

        return new ClientModel(name, String(client, "description", required: false), baseAddress, String(client, "baseAddressVariable", required: false), auth, resources.ToEquatableArray(), idempotencyHeader, generateKeys);
    }

    private BasicAuthModel? Auth(JsonNode token)
    {
        if (token is not JsonObject auth || String(auth, "type", required: true) is not string type)
        {
            return Fail<BasicAuthModel>(token, "'auth' is an object with \"type\": \"basic\", \"user\" and \"password\"");
        }

        if (type != "basic")
        {
            return Fail<BasicAuthModel>(auth["type"]!, "only \"basic\" authentication is supported");
        }

        CredentialModel? user = Credential(auth, "user");
        CredentialModel? password = Credential(auth, "password");
        return user is null || password is null ? null : new BasicAuthModel(user, password);
    }

    private CredentialModel? Credential(JsonObject auth, string part)
    {
        if (auth[part] is not JsonObject credential)
        {
            return Fail<CredentialModel>(auth[part] ?? auth, $"'auth.{part}' is an object with \"option\" (a property name) and \"variable\" (an environment variable)");
        }

        string? option = String(credential, "option", required: true);
        string? variable = String(credential, "variable", required: true);
        return option is null || variable is null ? null : new CredentialModel(Identifiers.ToPascalCase(option), variable, String(credential, "description", required: false));
    }

    private List<ResourceModel>? Resources(JsonNode? token, string prefix)
    {
        var result = new List<ResourceModel>();
        if (token is null)
        {
            return result;
        }

        if (token is not JsonObject resources)
        {
            return Fail<List<ResourceModel>>(token, "'resources' is an object from resource names to resources");
        }

        foreach (JsonProperty entry in resources.Properties())
        {
            if (entry.Value is not JsonObject resource)
            {
                return Fail<List<ResourceModel>>(entry.Value, $"the resource '{entry.Name}' is an object with \"operations\" and/or \"resources\"");
            }

            string propertyName = Identifiers.ToPascalCase(entry.Name);
            string typeName = _unique(prefix + propertyName + "Resource");
            string interfaceName = _unique("I" + prefix + propertyName + "Resource");
            string rawTypeName = _unique(prefix + propertyName + "ResourceWithRawResponse");
            List<ResourceModel>? children = Resources(resource["resources"], prefix + propertyName);
            List<OperationModel>? operations = Operations(resource["operations"]);
            if (children is null || operations is null)
            {
                return null;
            }

            result.Add(new ResourceModel(propertyName, typeName, String(resource, "description", required: false), children.ToEquatableArray(), operations.ToEquatableArray(), interfaceName, rawTypeName));
        }

        return result;
    }

    private List<OperationModel>? Operations(JsonNode? token)
    {
        var result = new List<OperationModel>();
        if (token is null)
        {
            return result;
        }

        if (token is not JsonObject operations)
        {
            return Fail<List<OperationModel>>(token, "'operations' is an object from operation names to operations");
        }

        foreach (JsonProperty entry in operations.Properties())
        {
            if (entry.Value is not JsonObject operation)
            {
                return Fail<List<OperationModel>>(entry.Value, $"the operation '{entry.Name}' is an object with \"method\", \"path\" and \"response\"");
            }

            string? method = String(operation, "method", required: true)?.ToUpperInvariant();
            string? path = String(operation, "path", required: true);
            if (method is null || path is null)
            {
                return null;
            }

            if (Array.IndexOf(Methods, method) < 0)
            {
                return Fail<List<OperationModel>>(operation["method"]!, $"'method' is one of {string.Join(", ", Methods)}");
            }

            if (!path.StartsWith("/", StringComparison.Ordinal))
            {
                return Fail<List<OperationModel>>(operation["path"]!, "'path' starts with '/'");
            }

            var declared = operation["pathParameters"] as JsonObject;
            var parameters = new List<ParameterModel>();
            foreach (Match match in PathParameter.Matches(path))
            {
                string parameter = match.Groups[1].Value;
                string csName = Identifiers.ToCamelCase(Identifiers.ToPascalCase(parameter));
                string? description = (declared?[parameter] as JsonObject)?["description"]?.Value<string>();
                parameters.Add(new ParameterModel(parameter, Identifiers.IsKeyword(csName) ? "@" + csName : csName, Identifiers.ToPascalCase(parameter), ParameterLocation.Path, TypeRef.String, true, "simple", false, description, false));
            }

            foreach (JsonProperty extra in declared?.Properties() ?? Enumerable.Empty<JsonProperty>())
            {
                if (!parameters.Any(p => p.Name == extra.Name))
                {
                    return Fail<List<OperationModel>>(extra.Value, $"the path parameter '{extra.Name}' is not in the path '{path}'");
                }
            }

            string? parametersType = null;
            if (operation["parameters"] is JsonNode parametersToken)
            {
                parametersType = Record(parametersToken, "parameters");
                if (parametersType is null)
                {
                    return null;
                }
            }

            string? responseType = operation["response"] is JsonNode responseToken ? Record(responseToken, "response") : Fail<string>(operation, "an operation has a \"response\": { \"$ref\": \"#/definitions/…\" }");
            if (responseType is null)
            {
                return null;
            }

            bool parametersRequired = operation["parametersRequired"]?.Type == JsonNodeType.Boolean && operation["parametersRequired"]!.Value<bool>();
            result.Add(new OperationModel(
                Identifiers.ToPascalCase(entry.Name) + "Async",
                method,
                path,
                String(operation, "description", required: false),
                parameters.ToEquatableArray(),
                parametersType,
                parametersRequired,
                null,
                null,
                new ResponseModel(ResponseKind.Json, TypeRef.Record(responseType, _namespace), false, null)));
        }

        return result;
    }

    private string? Record(JsonNode token, string what)
    {
        string? reference = (token as JsonObject)?["$ref"]?.Type == JsonNodeType.String ? token["$ref"]!.Value<string>() : null;
        if (reference is null || !reference.StartsWith("#", StringComparison.Ordinal) || !_recordsByPointer.TryGetValue(reference.Substring(1), out string? name))
        {
            return Fail<string>(token, $"'{what}' is {{ \"$ref\": \"#/definitions/Name\" }} naming an object definition");
        }

        return name;
    }

    private string? String(JsonObject owner, string name, bool required)
    {
        JsonNode? value = owner[name];
        if (value is null)
        {
            return required ? Fail<string>(owner, $"'{name}' is required here") : null;
        }

        return value.Type == JsonNodeType.String ? value.Value<string>() : Fail<string>(value, $"'{name}' is a string");
    }

    private T? Fail<T>(JsonNode token, string message)
        where T : class
    {
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidClient, _locator.Of(token), message));
        return null;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing.Json;

namespace Scenario.Generators.Parsing.OpenApi;

/// <summary>
/// A document's security schemes (3.x's <c>components/securitySchemes</c>, 2.0's <c>securityDefinitions</c>) as options of
/// the client, and its security requirements as the sets of schemes each operation may send. Each scheme's options are
/// named from its key (<c>api_key</c> → <c>ApiKey</c>; a bearer token's <c>…Token</c>, a Basic scheme's <c>…Username</c>
/// and <c>…Password</c>, an OAuth 2 callback's <c>…TokenProvider</c>) unless its <c>x-client</c> extension names them and
/// an environment variable: <c>{ "option": "ApiKey", "variable": "PETSTORE_API_KEY" }</c>, or for Basic
/// <c>{ "user": { … }, "password": { … } }</c>.
/// </summary>
internal sealed class SecuritySchemes
{
    /// <summary>Members of the options' base class, which no credential option may be named like.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "BaseAddress", "MaxRetries", "Timeout", "MaxResponseBodyBytes", "LoggerFactory", "LogBodies", "DefaultMaxResponseBodyBytes",
        "BaseAddressFromEnvironment", "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    private readonly OpenApiReader _reader;
    private readonly Dictionary<string, SecuritySchemeModel> _byKey = new(StringComparer.Ordinal);

    /// <summary>Schemes the HttpClient's handler meets, not the client (mutual TLS: a client certificate): requirements skip them.</summary>
    private readonly HashSet<string> _handlerSchemes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _options = new(Reserved, StringComparer.Ordinal);

    public SecuritySchemes(OpenApiReader reader, JsonObject root, string optionsName)
    {
        _reader = reader;
        _options.Add(optionsName);
        JsonNode? definitions = root["components"]?["securitySchemes"] ?? root["securityDefinitions"];
        if (definitions is not JsonObject schemes)
        {
            return;
        }

        foreach (JsonProperty entry in schemes.Properties())
        {
            if (reader.Follow(reader.Document, entry.Value, "a security scheme") is not (_, JsonObject scheme))
            {
                continue;
            }

            if (SchemaKeywords.StringOf(scheme["type"]) == "mutualTLS")
            {
                // A client certificate, which the HttpClient's handler presents (docs/openapi.md, "Security"): nothing to send here.
                _handlerSchemes.Add(entry.Name);
                continue;
            }

            if (Read(entry.Name, scheme) is { } model)
            {
                _byKey[entry.Name] = model;
                All.Add(model);
            }
        }
    }

    /// <summary>The schemes the client has options for, in document order.</summary>
    public List<SecuritySchemeModel> All { get; } = new();

    /// <summary>
    /// The requirements an operation has (its own <c>security</c>, else the document's): any one set of schemes; null
    /// when it sends no credentials (no requirement, or only the empty one).
    /// </summary>
    public EquatableArray<EquatableArray<string>>? Requirements(JsonNode? own, JsonNode? document)
    {
        JsonNode? requirement = own ?? document;
        if (requirement is not JsonArray alternatives)
        {
            if (requirement is not null)
            {
                _reader.Invalid(requirement, "'security' is an array of security requirements");
            }

            return null;
        }

        var result = new List<EquatableArray<string>>();
        foreach (JsonNode alternative in alternatives.Items())
        {
            if (alternative is not JsonObject set)
            {
                _reader.Invalid(alternative, "a security requirement is an object from scheme names to scopes");
                continue;
            }

            var keys = new List<string>();
            bool known = true;
            foreach (JsonProperty scheme in set.Properties())
            {
                if (_handlerSchemes.Contains(scheme.Name))
                {
                    continue;
                }

                if (!_byKey.ContainsKey(scheme.Name))
                {
                    _reader.Unsupported(scheme, "the security requirement names '" + scheme.Name + "', which is no scheme of securitySchemes the client supports; the requirement is left out");
                    known = false;
                    break;
                }

                keys.Add(scheme.Name);
            }

            if (known)
            {
                result.Add(keys.ToEquatableArray());
            }
        }

        return result.Count == 0 || result.All(r => r.Count == 0) ? null : result.ToEquatableArray();
    }

    private SecuritySchemeModel? Read(string key, JsonObject scheme)
    {
        string? type = SchemaKeywords.StringOf(scheme["type"]);
        string? description = SchemaKeywords.StringOf(scheme["description"]);
        var extension = scheme["x-client"] as JsonObject;
        string stem = Identifiers.ToPascalCase(key);
        switch (type)
        {
            case "http" when string.Equals(SchemaKeywords.StringOf(scheme["scheme"]), "basic", StringComparison.OrdinalIgnoreCase):
            case "basic":
                return new SecuritySchemeModel(key, SecurityKind.Basic, null, null, null, description,
                    Credential(extension?["user"] as JsonObject, stem + "Username"),
                    Credential(extension?["password"] as JsonObject, stem + "Password"));
            case "http":
                string authScheme = SchemaKeywords.StringOf(scheme["scheme"]) is { Length: > 0 } named ? named : "Bearer";
                authScheme = string.Equals(authScheme, "bearer", StringComparison.OrdinalIgnoreCase) ? "Bearer" : authScheme;
                return new SecuritySchemeModel(key, SecurityKind.Bearer, authScheme, null, null, description,
                    Credential(extension, stem.EndsWith("Token", StringComparison.Ordinal) ? stem : stem + "Token"), null);
            case "apiKey":
                string? location = SchemaKeywords.StringOf(scheme["in"]);
                string? name = SchemaKeywords.StringOf(scheme["name"]);
                if (location is not ("header" or "query" or "cookie") || string.IsNullOrEmpty(name))
                {
                    _reader.Invalid(scheme, "the apiKey scheme '" + key + "' has an 'in' (header, query or cookie) and a 'name'");
                    return null;
                }

                return new SecuritySchemeModel(key, SecurityKind.ApiKey, null, location, name, description, Credential(extension, stem), null);
            case "oauth2":
            case "openIdConnect":
                return new SecuritySchemeModel(key, SecurityKind.OAuth2, "Bearer", null, null, description, Credential(extension, stem + "TokenProvider", withVariable: false), null);
            default:
                _reader.Unsupported(scheme, "the security scheme '" + key + "' is of type '" + type + "', which the client does not know how to send; operations that require only it are called without credentials");
                return null;
        }
    }

    /// <summary>A credential's option (the extension's <c>option</c>, else <paramref name="fallback"/>), unique among the options, and its variable.</summary>
    private CredentialModel Credential(JsonObject? extension, string fallback, bool withVariable = true)
    {
        string option = SchemaKeywords.StringOf(extension?["option"]) is { } named ? Identifiers.ToPascalCase(named) : fallback;
        string unique = option;
        if (Reserved.Contains(unique))
        {
            unique += "Credential";
        }

        for (int n = 2; !_options.Add(unique); n++)
        {
            unique = option + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        string? variable = withVariable ? SchemaKeywords.StringOf(extension?["variable"]) : null;
        return new CredentialModel(unique, variable, SchemaKeywords.StringOf(extension?["description"]));
    }
}

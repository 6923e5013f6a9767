using System.Collections.Generic;
using System.Linq;
using Scenario.Generators.Model;

namespace Scenario.Generators.Emitting.Client;

/// <summary>
/// What an OpenAPI document's security schemes add to the client: an option per credential (a key, a token, a user and
/// a password, a token callback), the runtime credential each becomes when it is given (or its environment variable
/// is set), how a call that lacks one says what to set, and the configuration keys that bind them.
/// </summary>
internal static class CredentialsEmitter
{
    private const string Http = "global::Scenario.Runtime.Http";
    private const string TokenCallback = "global::System.Func<global::System.Threading.CancellationToken, global::System.Threading.Tasks.ValueTask<string>>";

    /// <summary>The options' properties, one per credential of each scheme.</summary>
    public static void EmitOptions(SourceWriter w, ClientModel client)
    {
        foreach (SecuritySchemeModel scheme in client.Schemes)
        {
            foreach ((CredentialModel credential, string what) in Parts(scheme))
            {
                string summary = (credential.Description ?? what)
                    + (credential.Variable is { } variable ? "\nWhen null or empty, the environment variable " + variable + " is used." : string.Empty);
                w.Doc("summary", summary);
                w.Line(scheme.Kind == SecurityKind.OAuth2
                    ? $"public {TokenCallback}? {credential.Option} {{ get; set; }}"
                    : $"public string? {credential.Option} {{ get; set; }}");
                w.Line();
            }
        }
    }

    /// <summary>The option's parts of a scheme, each with what it is in words.</summary>
    private static IEnumerable<(CredentialModel Credential, string What)> Parts(SecuritySchemeModel scheme)
    {
        string key = "'" + scheme.Key + "'";
        switch (scheme.Kind)
        {
            case SecurityKind.Basic:
                yield return (scheme.Primary, "The user name of the " + key + " security scheme (HTTP Basic)." + Description(scheme));
                yield return (scheme.Secondary!, "The password of the " + key + " security scheme (HTTP Basic). Never logged nor shown in exceptions.");
                break;
            case SecurityKind.Bearer:
                yield return (scheme.Primary, "The token of the " + key + " security scheme, sent as Authorization: " + scheme.Scheme + " …. Never logged nor shown in exceptions." + Description(scheme));
                break;
            case SecurityKind.ApiKey:
                yield return (scheme.Primary, "The API key of the " + key + " security scheme, sent in the " + scheme.In + " " + scheme.ParameterName + ". Never logged nor shown in exceptions." + Description(scheme));
                break;
            default:
                yield return (scheme.Primary, "Gives the OAuth 2 (or OpenID Connect) access token of the " + key + " security scheme, asked for before every attempt, so the caller can refresh it; sent as Authorization: Bearer …, never logged." + Description(scheme));
                break;
        }
    }

    private static string Description(SecuritySchemeModel scheme) => scheme.Description is { } text ? "\n" + text : string.Empty;

    /// <summary>The settings' credentials, made in <c>Settings(options, …)</c>: each scheme whose options (or variables) are set.</summary>
    public static void EmitResolve(SourceWriter w, ClientModel client)
    {
        if (client.Schemes.Count == 0)
        {
            return;
        }

        w.Line($"var credentials = new global::System.Collections.Generic.Dictionary<string, {Http}.ApiCredential>(global::System.StringComparer.Ordinal);");
        int n = 0;
        foreach (SecuritySchemeModel scheme in client.Schemes)
        {
            string local = "c" + (n++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            string key = SourceWriter.Literal(scheme.Key);
            string resolve = scheme.Kind switch
            {
                SecurityKind.Basic => $"{Http}.BasicCredentials.TryResolve(options.{scheme.Primary.Option}, {Variable(scheme.Primary)}, options.{scheme.Secondary!.Option}, {Variable(scheme.Secondary)})",
                SecurityKind.Bearer => $"{Http}.BearerCredential.Resolve(options.{scheme.Primary.Option}, {Variable(scheme.Primary)}, {SourceWriter.Literal(scheme.Scheme ?? "Bearer")})",
                SecurityKind.ApiKey => $"{Http}.ApiKeyCredential.Resolve(options.{scheme.Primary.Option}, {Variable(scheme.Primary)}, {Http}.ApiKeyLocation.{Location(scheme.In)}, {SourceWriter.Literal(scheme.ParameterName ?? string.Empty)})",
                _ => $"(options.{scheme.Primary.Option} is {{ }} {local}Provider ? new {Http}.TokenCredential({local}Provider, {SourceWriter.Literal(scheme.Primary.Option)}) : null)",
            };
            w.Open($"if ({resolve} is {{ }} {local})");
            w.Line($"credentials[{key}] = {local};");
            w.Close();
        }
    }

    /// <summary>The settings' lines for the credentials (after <see cref="EmitResolve"/>).</summary>
    public static void EmitSettings(SourceWriter w, ClientModel client)
    {
        if (client.Schemes.Count > 0)
        {
            w.Line("    Credentials = credentials,");
            w.Line("    CredentialHints = s_credentialHints,");
        }
    }

    /// <summary>The client's static table of what to set for each scheme, for the message of a call that lacks its credentials.</summary>
    public static void EmitHints(SourceWriter w, ClientModel client)
    {
        if (client.Schemes.Count == 0)
        {
            return;
        }

        w.Line($"private static readonly global::System.Collections.Generic.Dictionary<string, string> s_credentialHints = new(global::System.StringComparer.Ordinal)");
        w.Line("{");
        foreach (SecuritySchemeModel scheme in client.Schemes)
        {
            string hint = string.Join(" and ", Parts(scheme).Select(p => p.Credential.Option + (p.Credential.Variable is { } variable ? " (or the environment variable " + variable + ")" : string.Empty)));
            w.Line($"    [{SourceWriter.Literal(scheme.Key)}] = {SourceWriter.Literal(hint)},");
        }

        w.Line("};");
        w.Line();
    }

    /// <summary>The string options configuration binds (a callback is set in code).</summary>
    public static IEnumerable<string> BoundOptions(ClientModel client)
    {
        IEnumerable<CredentialModel> basic = client.Auth is { } auth ? new[] { auth.User, auth.Password } : Enumerable.Empty<CredentialModel>();
        return basic.Concat(client.Schemes.Where(s => s.Kind != SecurityKind.OAuth2).SelectMany(s => Parts(s).Select(p => p.Credential))).Select(c => c.Option);
    }

    private static string Variable(CredentialModel credential) => credential.Variable is { } variable ? SourceWriter.Literal(variable) : "null";

    private static string Location(string? location) => location switch
    {
        "query" => "Query",
        "cookie" => "Cookie",
        _ => "Header",
    };
}

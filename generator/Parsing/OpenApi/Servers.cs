using System;
using System.Linq;
using System.Text.RegularExpressions;
using Scenario.Generators.Parsing.Json;

namespace Scenario.Generators.Parsing.OpenApi;

/// <summary>
/// The client's default base address: 3.x's first <c>servers</c> entry with each <c>{variable}</c> at its default, or
/// 2.0's <c>schemes</c> (https first), <c>host</c> and <c>basePath</c>. Null when that is not an absolute http or https
/// address (a relative server such as <c>/v3</c>): the caller's options then give it.
/// </summary>
internal static class Servers
{
    private static readonly Regex Variable = new(@"\{([^{}]+)\}", RegexOptions.CultureInvariant);

    public static string? BaseAddress(JsonObject root, Dialect dialect)
    {
        string? address;
        if (dialect == Dialect.Swagger2)
        {
            string? host = SchemaKeywords.StringOf(root["host"]);
            if (string.IsNullOrEmpty(host))
            {
                return null;
            }

            string[] schemes = root["schemes"] is JsonArray list ? list.Items().Select(SchemaKeywords.StringOf).Where(s => s is not null).Select(s => s!).ToArray() : Array.Empty<string>();
            string scheme = schemes.Contains("https") || schemes.Length == 0 ? "https" : schemes.Contains("http") ? "http" : "https";
            address = scheme + "://" + host + (SchemaKeywords.StringOf(root["basePath"]) ?? string.Empty);
        }
        else
        {
            if (root["servers"] is not JsonArray { Count: > 0 } servers || servers[0] is not JsonObject server || SchemaKeywords.StringOf(server["url"]) is not { } url)
            {
                return null;
            }

            var variables = server["variables"] as JsonObject;
            address = Variable.Replace(url, match => SchemaKeywords.StringOf(variables?[match.Groups[1].Value]?["default"]) ?? match.Value);
        }

        return Uri.TryCreate(address, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && address.IndexOf('{') < 0
            ? address
            : null;
    }
}

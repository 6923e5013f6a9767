using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Scenario.Runtime.Http;

/// <summary>Where an API key goes.</summary>
public enum ApiKeyLocation
{
    /// <summary>A request header.</summary>
    Header,

    /// <summary>A query parameter.</summary>
    Query,

    /// <summary>A cookie.</summary>
    Cookie,
}

/// <summary>An API key (OpenAPI's <c>apiKey</c>): a header, a query parameter or a cookie of a fixed name.</summary>
public sealed class ApiKeyCredential : ApiCredential
{
    private readonly ApiKeyLocation _location;
    private readonly string _name;
    private readonly string _value;
    private readonly string[] _secrets;

    private ApiKeyCredential(ApiKeyLocation location, string name, string value)
    {
        _location = location;
        _name = name;
        _value = value;
        _secrets = Forms(value);
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Secrets => _secrets;

    /// <summary>The key from its option or else its environment variable; null when neither has one.</summary>
    /// <exception cref="ArgumentException">A key for a header or a cookie holds a line break.</exception>
    public static ApiKeyCredential? Resolve(string? value, string? variable, ApiKeyLocation location, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        value = FromOptionOrEnvironment(value, variable);
        if (value is null)
        {
            return null;
        }

        if (location != ApiKeyLocation.Query)
        {
            CheckHeaderValue(value, "The API key");
        }

        return new ApiKeyCredential(location, name, value);
    }

    internal static void CheckHeaderValue(string value, string what)
    {
        if (value.IndexOfAny(new[] { '\r', '\n', '\0' }) >= 0)
        {
            throw new ArgumentException(what + " holds a line break, which would end its header.");
        }
    }

    /// <summary>The key as a query parameter, in place of any of its name the query has (a next page's link may carry it back).</summary>
    internal override void AppendQuery(StringBuilder query)
    {
        if (_location != ApiKeyLocation.Query)
        {
            return;
        }

        ApiRequest.ReplaceQueryPair(query, Uri.EscapeDataString(_name), Uri.EscapeDataString(_value));
    }

    internal override ValueTask ApplyAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        switch (_location)
        {
            case ApiKeyLocation.Header:
                message.Headers.Remove(_name);
                message.Headers.TryAddWithoutValidation(_name, _value);
                break;
            case ApiKeyLocation.Cookie:
                message.Headers.TryAddWithoutValidation("Cookie", _name + "=" + Uri.EscapeDataString(_value));
                break;
        }

        return default;
    }
}

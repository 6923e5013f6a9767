using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json.Serialization.Metadata;

namespace Scenario.Runtime.Http;

/// <summary>
/// One call, as generated code describes it: method, path (template and escaped), query, headers, cookies, body, the
/// credentials it may send and the error bodies it documents.
/// </summary>
public sealed class ApiRequest
{
    private readonly StringBuilder _query = new();
    private List<KeyValuePair<string, string>>? _headers;
    private List<KeyValuePair<string, string>>? _cookies;
    private List<KeyValuePair<string, JsonTypeInfo>>? _errors;

    /// <summary>Creates a request; <paramref name="path"/> has its parameters already escaped (see <see cref="EscapePathParameter"/>).</summary>
    public ApiRequest(HttpMethod method, string pathTemplate, string path)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        PathTemplate = pathTemplate ?? throw new ArgumentNullException(nameof(pathTemplate));
        Path = path ?? throw new ArgumentNullException(nameof(path));
        foreach (string segment in path.Split('/'))
        {
            if (IsDotSegment(segment))
            {
                throw new ArgumentException($"The path '{path}' has a '.' or '..' segment, which would change the endpoint it reaches.", nameof(path));
            }
        }
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path with its parameters as placeholders (<c>/models/{modelId}/examples</c>), for tracing.</summary>
    public string PathTemplate { get; }

    /// <summary>The path with its parameters escaped.</summary>
    public string Path { get; }

    /// <summary>The JSON body, serialized once and sent as is by every attempt; null for none.</summary>
    public byte[]? JsonBody { get; set; }

    /// <summary>The media type of <see cref="JsonBody"/> (<c>application/json</c> when null): another JSON type, or <c>text/plain</c> for a text body.</summary>
    public string? ContentType { get; set; }

    /// <summary>
    /// A body the caller built, sent as given (a media type the client does not type: <c>multipart/form-data</c>, a file).
    /// A call with one is made once, never retried: content may not be sendable twice.
    /// </summary>
    public HttpContent? Content { get; set; }

    /// <summary>The media types the call accepts (<c>Accept</c>); null for <c>application/json</c>.</summary>
    public string? Accept { get; set; }

    /// <summary>Which credentials the call sends (the operation's security requirements); null sends the client's own, if any, as always.</summary>
    public ApiSecurity? Security { get; set; }

    /// <summary>The headers the operation sends (its header parameters), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? Array.Empty<KeyValuePair<string, string>>();

    /// <summary>The cookies the operation sends (its cookie parameters), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Cookies => (IReadOnlyList<KeyValuePair<string, string>>?)_cookies ?? Array.Empty<KeyValuePair<string, string>>();

    /// <summary>The documented error bodies: status (<c>404</c>, <c>4XX</c>, <c>default</c>) → the type their JSON is read as.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonTypeInfo>> Errors => (IReadOnlyList<KeyValuePair<string, JsonTypeInfo>>?)_errors ?? Array.Empty<KeyValuePair<string, JsonTypeInfo>>();

    /// <summary>The query string, without the leading <c>?</c>.</summary>
    public string Query => _query.ToString();

    /// <summary>
    /// Escapes a path parameter into exactly one segment: <c>a/b c</c> becomes <c>a%2Fb%20c</c>, and <c>?</c>, <c>#</c> and
    /// <c>%</c> are escaped too. <c>.</c> and <c>..</c>, which would move the request to another endpoint, are refused.
    /// </summary>
    /// <exception cref="ArgumentException">The value is null, empty, <c>.</c> or <c>..</c>.</exception>
    public static string EscapePathParameter(string value, string parameterName)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"The path parameter '{parameterName}' cannot be null or empty.", parameterName);
        }

        if (value is "." or "..")
        {
            throw new ArgumentException($"The path parameter '{parameterName}' cannot be '{value}': it would change the endpoint the request reaches.", parameterName);
        }

        return EscapeDataString(value, parameterName);
    }

    /// <summary>
    /// <see cref="Uri.EscapeDataString(string)"/>, whose failure on .NET Framework (a value longer than 32,766 characters) is an
    /// <see cref="ArgumentException"/> like every other bad argument.
    /// </summary>
    internal static string EscapeDataString(string value, string? parameterName = null)
    {
        try
        {
            return Uri.EscapeDataString(value);
        }
        catch (UriFormatException tooLong)
        {
            throw new ArgumentException($"The value ({value.Length} characters) cannot be escaped into a URI on this platform: {tooLong.Message}", parameterName, tooLong);
        }
    }

    /// <summary>Whether a path segment is one that URI resolution removes: <c>.</c>, <c>..</c>, or either with dots percent-encoded.</summary>
    private static bool IsDotSegment(string segment)
    {
        string decoded = segment.Replace("%2e", ".").Replace("%2E", ".");
        return decoded is "." or "..";
    }

    /// <summary>Adds a query parameter.</summary>
    public ApiRequest AddQuery(string name, string value)
    {
        if (_query.Length > 0)
        {
            _query.Append('&');
        }

        _query.Append(EscapeDataString(name, nameof(name))).Append('=').Append(EscapeDataString(value, nameof(value)));
        return this;
    }

    /// <summary>Adds a boolean query parameter as <c>true</c> or <c>false</c>.</summary>
    public ApiRequest AddQuery(string name, bool value) => AddQuery(name, value ? "true" : "false");

    /// <summary>Adds a numeric query parameter, formatted invariantly.</summary>
    public ApiRequest AddQuery(string name, long value) => AddQuery(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a numeric query parameter, formatted invariantly.</summary>
    public ApiRequest AddQuery(string name, double value) => AddQuery(name, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds a query parameter whose items are joined by <paramref name="delimiter"/> (<c>name=a,b</c>; OpenAPI's <c>form</c> without explode, <c>spaceDelimited</c>, <c>pipeDelimited</c>); none for no item.</summary>
    public ApiRequest AddQuery(string name, IEnumerable<string> values, string delimiter)
    {
        ArgumentNullException.ThrowIfNull(values);
        var joined = new StringBuilder();
        bool any = false;
        foreach (string value in values)
        {
            joined.Append(any ? delimiter : string.Empty).Append(value);
            any = true;
        }

        return any ? AddQuery(name, joined.ToString()) : this;
    }

    /// <summary>
    /// Adds an object's members as OpenAPI's query styles write them: <c>deepObject</c> (<c>name[key]=value</c>), <c>form</c>
    /// exploded (<c>key=value</c>) or not (<c>name=key,value,key,value</c>).
    /// </summary>
    public ApiRequest AddQueryObject(string name, IEnumerable<KeyValuePair<string, string>> members, string style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (style == "form" && !explode)
        {
            var pairs = new List<string>();
            foreach (KeyValuePair<string, string> member in members)
            {
                pairs.Add(member.Key);
                pairs.Add(member.Value);
            }

            return AddQuery(name, pairs, ",");
        }

        foreach (KeyValuePair<string, string> member in members)
        {
            AddQuery(style == "deepObject" ? name + "[" + member.Key + "]" : member.Key, member.Value);
        }

        return this;
    }

    /// <summary>Adds a header (a header parameter). Its value must hold no line break.</summary>
    /// <exception cref="ArgumentException">The value holds a line break.</exception>
    public ApiRequest AddHeader(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (value.IndexOfAny(LineBreaks) >= 0)
        {
            throw new ArgumentException($"The header parameter '{name}' holds a line break, which would end the header.", nameof(value));
        }

        (_headers ??= new List<KeyValuePair<string, string>>()).Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    /// <summary>Adds a cookie (a cookie parameter), its value escaped.</summary>
    public ApiRequest AddCookie(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        (_cookies ??= new List<KeyValuePair<string, string>>()).Add(new KeyValuePair<string, string>(name, EscapeDataString(value, nameof(value))));
        return this;
    }

    /// <summary>Documents an error body: a status (<c>404</c>), a range (<c>4XX</c>) or <c>default</c>, and the type its JSON is read as (onto <c>ScenarioApiException.Body</c>).</summary>
    public ApiRequest AddError(string status, JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(typeInfo);
        (_errors ??= new List<KeyValuePair<string, JsonTypeInfo>>()).Add(new KeyValuePair<string, JsonTypeInfo>(status, typeInfo));
        return this;
    }

    /// <summary>The type an error body of <paramref name="status"/> is read as: its own status's, else its range's, else <c>default</c>'s; null for none.</summary>
    public JsonTypeInfo? ErrorType(int status)
    {
        if (_errors is null)
        {
            return null;
        }

        string exact = status.ToString(CultureInfo.InvariantCulture);
        string range = (status / 100).ToString(CultureInfo.InvariantCulture) + "XX";
        JsonTypeInfo? ranged = null, fallback = null;
        foreach (KeyValuePair<string, JsonTypeInfo> error in _errors)
        {
            if (error.Key == exact)
            {
                return error.Value;
            }

            if (string.Equals(error.Key, range, StringComparison.OrdinalIgnoreCase))
            {
                ranged ??= error.Value;
            }
            else if (error.Key == "default")
            {
                fallback ??= error.Value;
            }
        }

        return ranged ?? fallback;
    }

    private static readonly char[] LineBreaks = { '\r', '\n', '\0' };

    /// <summary>Adds one query parameter per item (<c>name=a&amp;name=b</c>).</summary>
    public ApiRequest AddQuery(string name, IEnumerable<string> values)
    {
        foreach (string value in values)
        {
            AddQuery(name, value);
        }

        return this;
    }
}

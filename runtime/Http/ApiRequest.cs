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
    /// A body the caller built, sent as given (a media type the client does not type). A call with one is made once, never
    /// retried: content may not be sendable twice.
    /// </summary>
    public HttpContent? Content { get; set; }

    /// <summary>
    /// A file or a form, made anew for each attempt (<see cref="ApiBody"/>); the call is retried only when the body can be
    /// sent again (<see cref="ApiBody.CanResend"/>).
    /// </summary>
    public ApiBody? Body { get; set; }

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
    public ApiRequest AddQuery(string name, string value) =>
        AppendQuery(EscapeDataString(name, nameof(name)), EscapeDataString(value, nameof(value)));

    private ApiRequest AppendQuery(string escapedName, string escapedValue)
    {
        if (_query.Length > 0)
        {
            _query.Append('&');
        }

        _query.Append(escapedName).Append('=').Append(escapedValue);
        return this;
    }

    /// <summary>Sets a query parameter: every pair of that name is replaced by one with <paramref name="value"/> (a pager's cursor).</summary>
    internal ApiRequest SetQuery(string name, string value)
    {
        ReplaceQueryPair(_query, EscapeDataString(name, nameof(name)), EscapeDataString(value, nameof(value)));
        return this;
    }

    /// <summary>
    /// Replaces every pair of <paramref name="query"/> (escaped, without <c>?</c>) named <paramref name="escapedName"/> by
    /// one with <paramref name="escapedValue"/>, added at the end; the query is left as it is when it has none of that name.
    /// </summary>
    internal static void ReplaceQueryPair(StringBuilder query, string escapedName, string escapedValue)
    {
        string[] pairs = query.ToString().Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries);
        bool Named(string pair)
        {
            int equals = pair.IndexOf('=');
            return string.Equals(equals < 0 ? pair : pair.Substring(0, equals), escapedName, StringComparison.Ordinal);
        }

        if (Array.Exists(pairs, Named))
        {
            query.Clear();
            foreach (string pair in pairs)
            {
                if (!Named(pair))
                {
                    query.Append(query.Length > 0 ? "&" : string.Empty).Append(pair);
                }
            }
        }

        query.Append(query.Length > 0 ? "&" : string.Empty).Append(escapedName).Append('=').Append(escapedValue);
    }

    /// <summary>The value of the first query parameter named <paramref name="name"/>, unescaped; null when there is none.</summary>
    internal string? QueryValue(string name)
    {
        string escaped = EscapeDataString(name, nameof(name));
        foreach (string pair in _query.ToString().Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=');
            if (equals >= 0 && string.Equals(pair.Substring(0, equals), escaped, StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(pair.Substring(equals + 1));
            }
        }

        return null;
    }

    /// <summary>Adds a boolean query parameter as <c>true</c> or <c>false</c>.</summary>
    public ApiRequest AddQuery(string name, bool value) => AddQuery(name, value ? "true" : "false");

    /// <summary>Adds a numeric query parameter, formatted invariantly.</summary>
    public ApiRequest AddQuery(string name, long value) => AddQuery(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a numeric query parameter, formatted invariantly.</summary>
    public ApiRequest AddQuery(string name, double value) => AddQuery(name, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>
    /// Adds a query parameter whose items are joined by <paramref name="delimiter"/> (<c>name=a,b</c>: OpenAPI's <c>form</c>
    /// without explode, <c>spaceDelimited</c> with <c>" "</c>, <c>pipeDelimited</c> with <c>"|"</c>): each item escaped, the
    /// delimiter kept as the style writes it (<c>,</c>; a space and a pipe escaped, <c>%20</c> and <c>%7C</c>). None for no item.
    /// </summary>
    public ApiRequest AddQuery(string name, IEnumerable<string> values, string delimiter)
    {
        ArgumentNullException.ThrowIfNull(values);
        var items = new List<string>(values);
        return items.Count == 0 ? this : AppendQuery(EscapeDataString(name, nameof(name)), Join(items, EscapedDelimiter(delimiter)));
    }

    /// <summary>
    /// Adds an object's members as OpenAPI's query styles write them: <c>form</c> exploded (<c>k=v&amp;k=v</c>) or not
    /// (<c>name=k,v,k,v</c>), <c>deepObject</c> (<c>name[k]=v</c>), <c>spaceDelimited</c> and <c>pipeDelimited</c>
    /// (<c>name=k%20v%20k%20v</c>, <c>name=k%7Cv</c>).
    /// </summary>
    public ApiRequest AddQueryObject(string name, IEnumerable<KeyValuePair<string, string>> members, string style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(members);
        switch (style)
        {
            case "deepObject":
                foreach (KeyValuePair<string, string> member in members)
                {
                    AddQuery(name + "[" + member.Key + "]", member.Value);
                }

                return this;
            case "form" when explode:
                foreach (KeyValuePair<string, string> member in members)
                {
                    AddQuery(member.Key, member.Value);
                }

                return this;
            default:
                return AddQuery(name, Flatten(members), style == "spaceDelimited" ? " " : style == "pipeDelimited" ? "|" : ",");
        }
    }

    /// <summary>An object's members as <c>k, v, k, v</c>: how every style that does not explode an object writes it.</summary>
    public static IEnumerable<string> Flatten(IEnumerable<KeyValuePair<string, string>> members)
    {
        foreach (KeyValuePair<string, string> member in members)
        {
            yield return member.Key;
            yield return member.Value;
        }
    }

    /// <summary>
    /// A path parameter's text in its OpenAPI style, escaped: <c>simple</c> (<c>blue</c>), <c>label</c> (<c>.blue</c>) or
    /// <c>matrix</c> (<c>;color=blue</c>). A simple value that is empty, <c>.</c> or <c>..</c> is refused, as by <see cref="EscapePathParameter"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A simple value is null, empty, <c>.</c> or <c>..</c>.</exception>
    public static string PathParameter(string value, string name, string style)
    {
        ArgumentNullException.ThrowIfNull(value);
        return style switch
        {
            "label" => "." + EscapeDataString(value, name),
            "matrix" => ";" + EscapeDataString(name, name) + (value.Length == 0 ? string.Empty : "=" + EscapeDataString(value, name)),
            _ => EscapePathParameter(value, name),
        };
    }

    /// <summary>
    /// A list path parameter in its style: <c>simple</c> <c>a,b</c>; <c>label</c> <c>.a,b</c> (exploded <c>.a.b</c>);
    /// <c>matrix</c> <c>;name=a,b</c> (exploded <c>;name=a;name=b</c>). Each item escaped.
    /// </summary>
    /// <exception cref="ArgumentException">A simple value is empty.</exception>
    public static string PathParameter(IEnumerable<string> values, string name, string style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(values);
        string escapedName = EscapeDataString(name, name);
        return style switch
        {
            "label" => "." + Join(values, explode ? "." : ","),
            "matrix" when explode => Join(values, string.Empty, ";" + escapedName + "="),
            "matrix" => ";" + escapedName + "=" + Join(values, ","),
            _ => NotEmpty(Join(values, ","), name),
        };
    }

    /// <summary>
    /// An object path parameter in its style: <c>simple</c> <c>k,v,k,v</c> (exploded <c>k=v,k=v</c>); <c>label</c>
    /// <c>.k,v,k,v</c> (exploded <c>.k=v.k=v</c>); <c>matrix</c> <c>;name=k,v,k,v</c> (exploded <c>;k=v;k=v</c>).
    /// </summary>
    /// <exception cref="ArgumentException">A simple value is empty.</exception>
    public static string PathParameter(IEnumerable<KeyValuePair<string, string>> members, string name, string style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (!explode)
        {
            return PathParameter(Flatten(members), name, style, explode: false);
        }

        var pairs = new List<string>();
        foreach (KeyValuePair<string, string> member in members)
        {
            pairs.Add(EscapeDataString(member.Key, name) + "=" + EscapeDataString(member.Value, name));
        }

        return style switch
        {
            "label" => "." + string.Join(".", pairs),
            "matrix" => pairs.Count == 0 ? string.Empty : ";" + string.Join(";", pairs),
            _ => NotEmpty(string.Join(",", pairs), name),
        };
    }

    /// <summary>The text of a list header (<c>simple</c>: <c>a,b</c>).</summary>
    public static string HeaderText(IEnumerable<string> values) => string.Join(",", values ?? throw new ArgumentNullException(nameof(values)));

    /// <summary>The text of an object header (<c>simple</c>: <c>k,v,k,v</c>; exploded <c>k=v,k=v</c>).</summary>
    public static string HeaderText(IEnumerable<KeyValuePair<string, string>> members, bool explode)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (!explode)
        {
            return string.Join(",", Flatten(members));
        }

        var pairs = new List<string>();
        foreach (KeyValuePair<string, string> member in members)
        {
            pairs.Add(member.Key + "=" + member.Value);
        }

        return string.Join(",", pairs);
    }

    private static string Join(IEnumerable<string> values, string delimiter, string prefix = "")
    {
        var joined = new StringBuilder();
        bool first = true;
        foreach (string value in values)
        {
            joined.Append(first ? string.Empty : delimiter).Append(prefix).Append(EscapeDataString(value ?? throw new ArgumentException("A list parameter holds a null item.", nameof(values))));
            first = false;
        }

        return joined.ToString();
    }

    private static string EscapedDelimiter(string delimiter) => delimiter switch
    {
        " " => "%20",
        "|" => "%7C",
        "," => ",",
        _ => EscapeDataString(delimiter),
    };

    private static string NotEmpty(string value, string name) =>
        value.Length > 0 ? value : throw new ArgumentException($"The path parameter '{name}' cannot be empty.", name);

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

    /// <summary>Adds a list cookie: <c>name=a,b</c>, or exploded, one cookie per item (<c>name=a; name=b</c>).</summary>
    public ApiRequest AddCookie(string name, IEnumerable<string> values, bool explode)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!explode)
        {
            (_cookies ??= new List<KeyValuePair<string, string>>()).Add(new KeyValuePair<string, string>(name, Join(values, ",")));
            return this;
        }

        foreach (string value in values)
        {
            AddCookie(name, value);
        }

        return this;
    }

    /// <summary>Adds an object cookie: <c>name=k,v,k,v</c>, or exploded, one cookie per member (<c>k=v; k=v</c>).</summary>
    public ApiRequest AddCookie(string name, IEnumerable<KeyValuePair<string, string>> members, bool explode)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (!explode)
        {
            return AddCookie(name, Flatten(members), explode: false);
        }

        foreach (KeyValuePair<string, string> member in members)
        {
            AddCookie(member.Key, member.Value);
        }

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

    /// <summary>Documents an error body: a status (<c>404</c>), a range (<c>4XX</c>) or <c>default</c>, and the type its JSON is read as (onto the status exception's <c>Body</c>: <c>ApiStatusException.Body</c>, or <c>ScenarioApiException.Body</c>).</summary>
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

    /// <summary>
    /// The request for the page at <paramref name="path"/> and <paramref name="query"/> (escaped, as a next-page link gives
    /// them): a <c>GET</c> with this request's headers, cookies, credentials, accepted media types and error bodies, no body.
    /// </summary>
    /// <exception cref="ArgumentException">The path has a <c>.</c> or <c>..</c> segment.</exception>
    internal ApiRequest ForLink(string path, string query)
    {
        var next = new ApiRequest(HttpMethod.Get, PathTemplate, path) { Accept = Accept, Security = Security };
        next._query.Append(query);
        next._headers = _headers is null ? null : new List<KeyValuePair<string, string>>(_headers);
        next._cookies = _cookies is null ? null : new List<KeyValuePair<string, string>>(_cookies);
        next._errors = _errors is null ? null : new List<KeyValuePair<string, JsonTypeInfo>>(_errors);
        return next;
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

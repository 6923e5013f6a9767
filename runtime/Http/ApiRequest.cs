using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;

namespace Scenario.Runtime.Http;

/// <summary>One call, as generated code describes it: method, path (template and escaped), query and JSON body.</summary>
public sealed class ApiRequest
{
    private readonly StringBuilder _query = new();

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

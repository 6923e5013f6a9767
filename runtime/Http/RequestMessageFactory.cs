using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace Scenario.Runtime.Http;

/// <summary>
/// What goes on the wire for a call: its address (the base address, the path as built, the query with the options' and
/// the credentials' parameters) and each attempt's message (body, headers, cookies, <c>User-Agent</c>, idempotency key,
/// the settings' <c>Authorization</c> for requests without security requirements).
/// </summary>
internal sealed class RequestMessageFactory
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };
    private readonly ApiTransportSettings _settings;
    private readonly string _baseAddress;

    public RequestMessageFactory(ApiTransportSettings settings)
    {
        _settings = settings;
        _baseAddress = settings.BaseAddress.AbsoluteUri.TrimEnd('/');
    }

    /// <summary>The call's address.</summary>
    /// <exception cref="ArgumentException">The address is not a valid URI (too long).</exception>
    public Uri BuildUri(ApiRequest request, RequestOptions? options, IReadOnlyList<ApiCredential> credentials)
    {
        string query = request.Query;
        if ((options is not null && options.Query.Count > 0) || credentials.Count > 0)
        {
            var extra = new StringBuilder(query);
            foreach (KeyValuePair<string, string> parameter in options?.Query ?? new Dictionary<string, string>())
            {
                extra.Append(extra.Length > 0 ? "&" : string.Empty).Append(ApiRequest.EscapeDataString(parameter.Key)).Append('=').Append(ApiRequest.EscapeDataString(parameter.Value));
            }

            foreach (ApiCredential credential in credentials)
            {
                credential.AppendQuery(extra);
            }

            query = extra.ToString();
        }

        string text = _baseAddress + request.Path + (query.Length > 0 ? "?" + query : string.Empty);
        try
        {
            // The path goes on the wire as built: no dot-segment removal, no unescaping (ApiRequest already refused dot segments).
            return HttpPlatform.CreateExactUri(text, request.PathTemplate);
        }
        catch (UriFormatException invalid)
        {
            throw new ArgumentException($"The request address ({text.Length} characters) is not a valid URI: {invalid.Message}", nameof(request), invalid);
        }
    }

    /// <summary>One attempt's message (credentials are added to it per attempt, see <see cref="ClientCredentials.ApplyAsync"/>).</summary>
    public HttpRequestMessage Create(ApiCall call)
    {
        ApiRequest request = call.Request;
        var message = new HttpRequestMessage(request.Method, call.Uri);
        if (request.Accept is null)
        {
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }
        else
        {
            message.Headers.TryAddWithoutValidation("Accept", request.Accept);
        }

        // No "Expect: 100-continue" (which .NET Framework sends on every request with a body, then waits for the server).
        message.Headers.ExpectContinue = false;

        string userAgent = _settings.UserAgent;
        if (request.JsonBody is not null)
        {
            message.Content = new ByteArrayContent(request.JsonBody);
            if (request.ContentType is null)
            {
                message.Content.Headers.ContentType = JsonContentType;
            }
            else
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }
        else if (request.Content is not null)
        {
            message.Content = request.Content;
        }
        else if (request.Body is not null)
        {
            message.Content = request.Body.CreateContent();
            if (message.Content.Headers.ContentType is null && request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        foreach (KeyValuePair<string, string> header in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (request.Cookies.Count > 0)
        {
            var cookies = new StringBuilder();
            foreach (KeyValuePair<string, string> cookie in request.Cookies)
            {
                cookies.Append(cookies.Length > 0 ? "; " : string.Empty).Append(cookie.Key).Append('=').Append(cookie.Value);
            }

            message.Headers.TryAddWithoutValidation("Cookie", cookies.ToString());
        }

        if (call.Options is not null)
        {
            foreach (KeyValuePair<string, string> header in call.Options.Headers)
            {
                if (string.Equals(header.Key, "User-Agent", StringComparison.OrdinalIgnoreCase))
                {
                    userAgent += " " + header.Value;
                }
                else if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value))
                {
                    message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
        }

        message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (call.IdempotencyKey is not null)
        {
            string name = _settings.IdempotencyHeader ?? ApiTransport.DefaultIdempotencyHeader;
            message.Headers.Remove(name);
            message.Headers.TryAddWithoutValidation(name, call.IdempotencyKey);
        }

        if (_settings.Authorization is not null && request.Security is null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", _settings.Authorization);
        }

        return message;
    }
}

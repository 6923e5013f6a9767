using System;
using System.Collections.Generic;
using System.Net;
using System.Text.Json;

namespace Scenario;

/// <summary>
/// The API answered with a non-success status. Subclasses name the statuses callers catch:
/// 400, 401, 403, 404, 409, 422, 429 and 5xx.
/// </summary>
public class ScenarioApiException : ScenarioException
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    /// <summary>The longest server message an exception's <see cref="Exception.Message"/> quotes; the rest is in <see cref="ErrorMessage"/> and <see cref="ResponseBody"/>.</summary>
    public const int MaxMessageLength = 200;

    /// <summary>Creates the exception.</summary>
    public ScenarioApiException(HttpStatusCode statusCode, string? errorMessage, string responseBody, string? requestId = null)
        : this(statusCode, errorMessage, responseBody, requestId, null)
    {
    }

    /// <summary>Creates the exception with the response's headers.</summary>
    public ScenarioApiException(HttpStatusCode statusCode, string? errorMessage, string responseBody, string? requestId, IReadOnlyDictionary<string, string>? headers)
        : base(Describe(statusCode, errorMessage, requestId))
    {
        StatusCode = statusCode;
        ErrorMessage = errorMessage;
        ResponseBody = responseBody;
        RequestId = requestId;
        Headers = headers ?? NoHeaders;
    }

    /// <inheritdoc />
    public override string Message => Note is null ? base.Message : base.Message + " " + Note;

    /// <summary>What the client adds to the message (why the call was not retried).</summary>
    internal string? Note { get; set; }

    /// <summary>The response headers (and content headers), by case-insensitive name; repeated headers joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; private set; }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// The server's error message: the body's human <c>message</c> (top level or inside <c>error</c>), else <c>detail</c>,
    /// else a string <c>error</c>, else the start of the body.
    /// </summary>
    public string? ErrorMessage { get; }

    /// <summary>The response body as received, up to the client's error body bound (64 KiB by default; a longer body ends with <c>…</c>).</summary>
    public string ResponseBody { get; }

    /// <summary>The server's request id (<c>x-request-id</c>), when it sent one.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// The error body read as the model the API documents for this status (an OpenAPI operation's <c>404</c>, <c>4XX</c> or
    /// <c>default</c> response), when it documents one and the body is that JSON; else null (<see cref="ResponseBody"/> has the text).
    /// </summary>
    public object? Body { get; internal set; }

    /// <summary>Whether <see cref="Body"/> is a <typeparamref name="T"/>, the documented error model: <c>if (e.TryGetBody(out Error? error)) …</c>.</summary>
    public bool TryGetBody<T>([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? body)
    {
        if (Body is T typed)
        {
            body = typed;
            return true;
        }

        body = default;
        return false;
    }

    /// <summary>The exception for a status: the most specific subclass.</summary>
    public static ScenarioApiException Create(HttpStatusCode statusCode, string responseBody, string? requestId = null) =>
        Create(statusCode, responseBody, requestId, null);

    /// <summary>The exception for a status, with the response's headers: the most specific subclass.</summary>
    public static ScenarioApiException Create(HttpStatusCode statusCode, string responseBody, string? requestId, IReadOnlyDictionary<string, string>? headers) =>
        Create(statusCode, responseBody, requestId, headers, redact: null);

    /// <summary>The exception for a status, its server message (decoded from the body's JSON) passed through <paramref name="redact"/>.</summary>
    internal static ScenarioApiException Create(HttpStatusCode statusCode, string responseBody, string? requestId, IReadOnlyDictionary<string, string>? headers, Func<string, string>? redact)
    {
        ScenarioApiException created = CreateCore(statusCode, responseBody ?? string.Empty, requestId, redact);
        created.Headers = headers ?? NoHeaders;
        return created;
    }

    private static ScenarioApiException CreateCore(HttpStatusCode statusCode, string responseBody, string? requestId, Func<string, string>? redact)
    {
        string? message = ExtractMessage(responseBody);
        message = message is null || redact is null ? message : redact(message);
        return (int)statusCode switch
        {
            400 => new ScenarioBadRequestException(message, responseBody, requestId),
            401 => new ScenarioAuthenticationException(message, responseBody, requestId),
            403 => new ScenarioPermissionDeniedException(message, responseBody, requestId),
            404 => new ScenarioNotFoundException(message, responseBody, requestId),
            409 => new ScenarioConflictException(message, responseBody, requestId),
            422 => new ScenarioUnprocessableEntityException(message, responseBody, requestId),
            429 => new ScenarioRateLimitException(message, responseBody, requestId),
            >= 500 => new ScenarioServerException(statusCode, message, responseBody, requestId),
            _ => new ScenarioApiException(statusCode, message, responseBody, requestId),
        };
    }

    private static string Describe(HttpStatusCode statusCode, string? errorMessage, string? requestId)
    {
        string? quoted = errorMessage is null ? null : Shorten(errorMessage);
        return $"The API answered {(int)statusCode} ({statusCode})"
            + (string.IsNullOrEmpty(quoted) ? "." : ": " + quoted + (quoted!.EndsWith(".", StringComparison.Ordinal) || quoted.EndsWith("…", StringComparison.Ordinal) ? string.Empty : "."))
            + (requestId is null ? string.Empty : $" Request id: {Shorten(requestId)}.");
    }

    /// <summary>The first line of <paramref name="text"/>, at most <see cref="MaxMessageLength"/> characters, control characters removed.</summary>
    internal static string Shorten(string text)
    {
        text = text.Trim();
        int newline = text.IndexOfAny(new[] { '\r', '\n' });
        bool cut = false;
        if (newline >= 0)
        {
            text = text.Substring(0, newline).TrimEnd();
            cut = true;
        }

        if (text.Length > MaxMessageLength)
        {
            text = text.Substring(0, MaxMessageLength);
            cut = true;
        }

        var clean = new System.Text.StringBuilder(text.Length + 1);
        foreach (char c in text)
        {
            clean.Append(char.IsControl(c) ? ' ' : c);
        }

        return cut ? clean.Append('…').ToString() : clean.ToString();
    }

    internal static string? ExtractMessage(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        if (ReadMessage(body) is { } found)
        {
            return found;
        }

        string text = body.Trim();
        return text.Length <= MaxMessageLength ? text : text.Substring(0, MaxMessageLength) + "…";
    }

    /// <summary>
    /// The human text of a JSON error body: <c>message</c>, then <c>error.message</c>, then <c>detail</c>, then a string
    /// <c>error</c>. Read token by token, so a body cut at the error body bound still gives what precedes the cut.
    /// </summary>
    private static string? ReadMessage(string body)
    {
        string? message = null, nested = null, detail = null, code = null;
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(body), isFinalBlock: false, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? property = null;
            bool inError = false;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        continue;
                    case JsonTokenType.String when reader.CurrentDepth == 1:
                        string? top = reader.GetString();
                        message ??= property == "message" ? top : null;
                        detail ??= property == "detail" ? top : null;
                        code ??= property == "error" ? top : null;
                        break;
                    case JsonTokenType.String when reader.CurrentDepth == 2 && inError && property == "message":
                        nested ??= reader.GetString();
                        break;
                    case JsonTokenType.StartObject when reader.CurrentDepth == 1:
                        inError = property == "error";
                        if (!inError && !reader.TrySkip())
                        {
                            return First(message, nested, detail, code);
                        }

                        break;
                    case JsonTokenType.StartArray:
                        if (!reader.TrySkip())
                        {
                            return First(message, nested, detail, code);
                        }

                        break;
                    case JsonTokenType.EndObject when reader.CurrentDepth == 1:
                        inError = false;
                        break;
                }

                property = null;
                if (message is not null)
                {
                    break;
                }
            }
        }
        catch (JsonException)
        {
            // A malformed body: what was read before the fault still counts.
        }
        catch (InvalidOperationException)
        {
        }

        return First(message, nested, detail, code);
    }

    private static string? First(params string?[] candidates)
    {
        foreach (string? candidate in candidates)
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>400: the request is invalid.</summary>
public sealed class ScenarioBadRequestException(string? errorMessage, string responseBody, string? requestId = null)
    : ScenarioApiException(HttpStatusCode.BadRequest, errorMessage, responseBody, requestId);

/// <summary>401: the credentials are missing or wrong.</summary>
public sealed class ScenarioAuthenticationException(string? errorMessage, string responseBody, string? requestId = null)
    : ScenarioApiException(HttpStatusCode.Unauthorized, errorMessage, responseBody, requestId);

/// <summary>403: the credentials do not allow this.</summary>
public sealed class ScenarioPermissionDeniedException(string? errorMessage, string responseBody, string? requestId = null)
    : ScenarioApiException(HttpStatusCode.Forbidden, errorMessage, responseBody, requestId);

/// <summary>404: no such resource.</summary>
public sealed class ScenarioNotFoundException(string? errorMessage, string responseBody, string? requestId = null)
    : ScenarioApiException(HttpStatusCode.NotFound, errorMessage, responseBody, requestId);

/// <summary>409: the request conflicts with the resource's state (retried before it is thrown).</summary>
public sealed class ScenarioConflictException(string? errorMessage, string responseBody, string? requestId = null)
    : ScenarioApiException(HttpStatusCode.Conflict, errorMessage, responseBody, requestId);

/// <summary>422: the request is well-formed but cannot be processed.</summary>
public sealed class ScenarioUnprocessableEntityException(string? errorMessage, string responseBody, string? requestId = null)
    : ScenarioApiException((HttpStatusCode)422, errorMessage, responseBody, requestId);

/// <summary>429: too many requests (retried, honouring <c>Retry-After</c>, before it is thrown).</summary>
public sealed class ScenarioRateLimitException(string? errorMessage, string responseBody, string? requestId = null)
    : ScenarioApiException((HttpStatusCode)429, errorMessage, responseBody, requestId);

/// <summary>5xx: the server failed (retried before it is thrown).</summary>
public sealed class ScenarioServerException(HttpStatusCode statusCode, string? errorMessage, string responseBody, string? requestId = null)
    : ScenarioApiException(statusCode, errorMessage, responseBody, requestId);

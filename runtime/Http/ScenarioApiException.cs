using System;
using System.Collections.Generic;
using System.Net;
using Scenario.Runtime.Http;

namespace Scenario;

/// <summary>
/// The Scenario API answered the Scenario client (<c>ScenarioClient</c>) with a non-success status. Subclasses name the
/// statuses callers catch: 400, 401, 403, 404, 409, 422, 429 and 5xx. Other clients throw <see cref="ApiStatusException"/>
/// and its subclasses, the same members under neutral names.
/// </summary>
public class ScenarioApiException : ScenarioException, IApiStatusException
{
    /// <summary>The longest server message an exception's <see cref="Exception.Message"/> quotes; the rest is in <see cref="ErrorMessage"/> and <see cref="ResponseBody"/>.</summary>
    public const int MaxMessageLength = ApiErrorText.MaxMessageLength;

    /// <summary>Creates the exception.</summary>
    public ScenarioApiException(HttpStatusCode statusCode, string? errorMessage, string responseBody, string? requestId = null)
        : this(statusCode, errorMessage, responseBody, requestId, null)
    {
    }

    /// <summary>Creates the exception with the response's headers.</summary>
    public ScenarioApiException(HttpStatusCode statusCode, string? errorMessage, string responseBody, string? requestId, IReadOnlyDictionary<string, string>? headers)
        : base(ApiErrorText.Describe(statusCode, errorMessage, requestId))
    {
        StatusCode = statusCode;
        ErrorMessage = errorMessage;
        ResponseBody = responseBody;
        RequestId = requestId;
        Headers = headers ?? ApiExceptionFactory.NoHeaders;
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
        (ScenarioApiException)ApiExceptionFactory.Status(ApiExceptionFamily.Scenario, statusCode, responseBody, requestId, headers, redact: null);

    HttpStatusCode IApiStatusException.StatusCode => StatusCode;

    object? IApiStatusException.Body
    {
        get => Body;
        set => Body = value;
    }

    string? IApiStatusException.Note
    {
        get => Note;
        set => Note = value;
    }

    IReadOnlyDictionary<string, string> IApiStatusException.Headers
    {
        get => Headers;
        set => Headers = value;
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

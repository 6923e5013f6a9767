using System;
using System.Collections.Generic;
using System.Net;

namespace Scenario.Runtime.Http;

/// <summary>
/// The one place that knows which type each kind of failure is in each <see cref="ApiExceptionFamily"/>: the neutral
/// <c>Api…</c> names, or the Scenario client's <c>Scenario…</c> names. Whatever in the runtime makes a failure asks here,
/// with the family of the client it works for (<see cref="ApiTransportSettings.ExceptionFamily"/>).
/// </summary>
internal static class ApiExceptionFactory
{
    /// <summary>The headers of a status exception made without any.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    /// <summary>The root type: a failure no more specific type names (configuration, credentials, a pager that stopped).</summary>
    public static ApiException Failure(ApiExceptionFamily family, string message, Exception? innerException = null) =>
        family == ApiExceptionFamily.Scenario ? new ScenarioException(message, innerException) : new ApiException(message, innerException);

    /// <summary>The API could not be reached, or the connection broke.</summary>
    public static ApiException Connection(ApiExceptionFamily family, string message, Exception? innerException) =>
        family == ApiExceptionFamily.Scenario ? new ScenarioConnectionException(message, innerException) : new ApiConnectionException(message, innerException);

    /// <summary>The API did not answer (or send more) within <paramref name="timeout"/>.</summary>
    public static ApiException Timeout(ApiExceptionFamily family, string message, TimeSpan timeout, Exception? innerException) =>
        family == ApiExceptionFamily.Scenario ? new ScenarioTimeoutException(message, timeout, innerException) : new ApiTimeoutException(message, timeout, innerException);

    /// <summary>A success whose body is not what the operation answers.</summary>
    public static ApiException InvalidResponse(ApiExceptionFamily family, string message, HttpStatusCode statusCode, string responseBody, Exception? innerException) =>
        family == ApiExceptionFamily.Scenario
            ? new ScenarioInvalidResponseException(message, statusCode, responseBody, innerException)
            : new ApiInvalidResponseException(message, statusCode, responseBody, innerException);

    /// <summary>A body (or an event) longer than the client's limit.</summary>
    public static ApiException TooLarge(ApiExceptionFamily family, string message, HttpStatusCode statusCode, long limit) =>
        family == ApiExceptionFamily.Scenario ? new ScenarioResponseTooLargeException(message, statusCode, limit) : new ApiResponseTooLargeException(message, statusCode, limit);

    /// <summary>An event stream's <c>error</c> event.</summary>
    public static ApiException EventStream(ApiExceptionFamily family, string message, string eventType, string eventData, string? errorMessage) =>
        family == ApiExceptionFamily.Scenario
            ? new ScenarioEventStreamException(message, eventType, eventData, errorMessage)
            : new ApiEventStreamException(message, eventType, eventData, errorMessage);

    /// <summary>
    /// The exception for an error status, the most specific subclass of the family's status base (an
    /// <see cref="IApiStatusException"/>), its server message decoded from the body's JSON and passed through <paramref name="redact"/>.
    /// </summary>
    public static ApiException Status(ApiExceptionFamily family, HttpStatusCode statusCode, string responseBody, string? requestId, IReadOnlyDictionary<string, string>? headers, Func<string, string>? redact)
    {
        responseBody ??= string.Empty;
        string? message = ApiErrorText.ExtractMessage(responseBody);
        message = message is null || redact is null ? message : redact(message);
        ApiException created = family == ApiExceptionFamily.Scenario
            ? ScenarioStatus(statusCode, message, responseBody, requestId)
            : NeutralStatus(statusCode, message, responseBody, requestId);
        ((IApiStatusException)created).Headers = headers ?? NoHeaders;
        return created;
    }

    private static ApiStatusException NeutralStatus(HttpStatusCode statusCode, string? message, string responseBody, string? requestId) => (int)statusCode switch
    {
        400 => new ApiBadRequestException(message, responseBody, requestId),
        401 => new ApiAuthenticationException(message, responseBody, requestId),
        403 => new ApiPermissionDeniedException(message, responseBody, requestId),
        404 => new ApiNotFoundException(message, responseBody, requestId),
        409 => new ApiConflictException(message, responseBody, requestId),
        422 => new ApiUnprocessableEntityException(message, responseBody, requestId),
        429 => new ApiRateLimitException(message, responseBody, requestId),
        >= 500 => new ApiServerException(statusCode, message, responseBody, requestId),
        _ => new ApiStatusException(statusCode, message, responseBody, requestId),
    };

    private static ScenarioApiException ScenarioStatus(HttpStatusCode statusCode, string? message, string responseBody, string? requestId) => (int)statusCode switch
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

/// <summary>
/// What the runtime reads and sets on either family's status base (<see cref="ApiStatusException"/>,
/// <see cref="ScenarioApiException"/>): the status for spans and logs, and the documented error body, the note and the
/// headers the transport adds after making it.
/// </summary>
internal interface IApiStatusException
{
    HttpStatusCode StatusCode { get; }

    object? Body { get; set; }

    string? Note { get; set; }

    IReadOnlyDictionary<string, string> Headers { get; set; }
}

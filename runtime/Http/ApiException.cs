using System;
using System.Net;
using Scenario.Runtime.Http;

namespace Scenario;

/// <summary>
/// The base of every failure of every generated client: configuration, connection, timeout, or an error the API
/// returned. A client throws the neutral family (<see cref="ApiStatusException"/> for error statuses,
/// <see cref="ApiConnectionException"/>, <see cref="ApiTimeoutException"/>, …); the Scenario API's own
/// <c>ScenarioClient</c> throws <see cref="ScenarioException"/> and its family, which derive from this type too, so
/// <c>catch (ApiException)</c> catches the failures of any client.
/// </summary>
public class ApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// The root exception of <paramref name="family"/>: an <see cref="ApiException"/>, or a <see cref="ScenarioException"/>
    /// for <see cref="ApiExceptionFamily.Scenario"/>. For code beside a generated client (the DI registration's configuration
    /// binding) that reports a failure the way the client does.
    /// </summary>
    public static ApiException ForFamily(ApiExceptionFamily family, string message, Exception? innerException = null) =>
        ApiExceptionFactory.Failure(family, message, innerException);
}

/// <summary>The request could not reach the API (DNS, refused or reset connection, TLS), after every retry.</summary>
public sealed class ApiConnectionException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ApiConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>The API did not answer within the per-attempt timeout, after every retry. Distinct from the caller's cancellation, which is an <see cref="OperationCanceledException"/>.</summary>
public sealed class ApiTimeoutException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ApiTimeoutException(string message, TimeSpan timeout, Exception? innerException = null)
        : base(message, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout each attempt had.</summary>
    public TimeSpan Timeout { get; }
}

/// <summary>The API answered with success, but the body is not the JSON the schema describes (malformed, truncated, or of another shape).</summary>
public sealed class ApiInvalidResponseException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ApiInvalidResponseException(string message, HttpStatusCode statusCode, string responseBody, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The body as received (up to the client's error body bound).</summary>
    public string ResponseBody { get; }
}

/// <summary>
/// The response body is longer than the client's <c>MaxResponseBodyBytes</c> (64 MiB by default). The client stopped
/// reading at the limit (or before reading, when <c>Content-Length</c> announced more), so memory stays bounded. Not retried.
/// </summary>
public sealed class ApiResponseTooLargeException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ApiResponseTooLargeException(string message, HttpStatusCode statusCode, long limit)
        : base(message)
    {
        StatusCode = statusCode;
        Limit = limit;
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The limit, in bytes, that the body exceeded.</summary>
    public long Limit { get; }
}

/// <summary>
/// An event stream sent an error event (<c>event: error</c>): the sequence ends with it. <see cref="EventData"/> is the
/// event's data (redacted), <see cref="ErrorMessage"/> its human message when the data is a JSON error body.
/// </summary>
public sealed class ApiEventStreamException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ApiEventStreamException(string message, string eventType, string eventData, string? errorMessage)
        : base(message)
    {
        EventType = eventType;
        EventData = eventData;
        ErrorMessage = errorMessage;
    }

    /// <summary>The event's type (<c>error</c>).</summary>
    public string EventType { get; }

    /// <summary>The event's data, as sent (secrets redacted).</summary>
    public string EventData { get; }

    /// <summary>The data's human message (<c>message</c>, <c>error.message</c>, <c>detail</c>, or a string <c>error</c>), when it is a JSON error body.</summary>
    public string? ErrorMessage { get; }
}

using System;
using System.Net;
using System.Text.Json;

namespace Scenario.Runtime.Http;

/// <summary>
/// The documented exception for a call that failed, in the client's <see cref="ApiExceptionFamily"/>: a timeout, a
/// connection failure, a body too large, or the API's error status as the subclass of the status base callers catch
/// (<see cref="ApiStatusException"/> or <see cref="ScenarioApiException"/>), with its documented error model read onto
/// its <c>Body</c>. Every text is redacted.
/// </summary>
internal sealed class CallFailures
{
    private readonly string _host;
    private readonly long _maxBody;
    private readonly Func<string, string> _redact;

    public CallFailures(ApiExceptionFamily family, string host, long maxBody, Func<string, string> redact)
    {
        Family = family;
        _host = host;
        _maxBody = maxBody;
        _redact = redact;
    }

    /// <summary>The family of the exceptions made.</summary>
    public ApiExceptionFamily Family { get; }

    /// <summary>A success body longer than <see cref="ApiClientOptions.MaxResponseBodyBytes"/>.</summary>
    public ApiException TooLarge(in Attempt outcome) => ApiExceptionFactory.TooLarge(
        Family,
        $"The API answered {outcome.StatusCode} with a body longer than the limit of {_maxBody} bytes (MaxResponseBodyBytes); the client stopped reading it.",
        (HttpStatusCode)outcome.StatusCode,
        _maxBody);

    /// <summary>The exception for the last attempt of a call that made <paramref name="retries"/> retries.</summary>
    public Exception Fail(ApiCall call, in Attempt outcome, int retries)
    {
        // A failure a retry would have followed, had the body been sendable twice: the message says why there was none.
        const string Why = "not retried, as its body can be sent once only (content the caller built, or a file from a stream that does not seek; a byte array, a path or a seekable stream is retried)";
        bool sentOnce = retries == 0 && RetryPolicy.IsSentOnce(call.Request) && RetryPolicy.IsRetryable(outcome);
        string tries = (retries == 0 ? "1 attempt" : $"{retries + 1} attempts") + (sentOnce ? "; " + Why : string.Empty);
        switch (outcome.Failure)
        {
            case TimeoutException timeout:
                return ApiExceptionFactory.Timeout(Family, $"The API did not answer in time ({tries}, {call.Timeout.TotalSeconds:0.###} s each).", call.Timeout, timeout);
            case Exception connection:
                return ApiExceptionFactory.Connection(Family, $"Could not reach the API at {_host} ({tries}): {_redact(connection.Message)}", connection);
            default:
                ApiException error = ApiExceptionFactory.Status(Family, (HttpStatusCode)outcome.StatusCode, BodyText(outcome), outcome.RequestId is null ? null : _redact(outcome.RequestId), outcome.Headers, _redact);
                var status = (IApiStatusException)error;
                status.Body = ErrorBody(call.Request, outcome);
                status.Note = sentOnce ? "The call was " + Why + "." : null;
                return error;
        }
    }

    /// <summary>What no documented exception covers, as one: nothing but the documented exceptions leaves a call.</summary>
    public ApiException Unexpected(Exception failure) => ApiExceptionFactory.Failure(Family, "The call failed unexpectedly: " + _redact(failure.Message), failure);

    private string BodyText(in Attempt outcome) =>
        outcome.Body is null ? string.Empty : _redact(outcome.Body.Text()) + (outcome.Body.Exceeded ? "…" : string.Empty);

    /// <summary>The error body as the model the request documents for its status; null when none is documented, the body was cut, or it is not that JSON.</summary>
    private static object? ErrorBody(ApiRequest request, in Attempt outcome)
    {
        if (outcome.Body is not { Length: > 0, Exceeded: false } body || request.ErrorType(outcome.StatusCode) is not { } type)
        {
            return null;
        }

        try
        {
            return body.Deserialize(type);
        }
        catch (Exception unreadable) when (unreadable is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            // Not the documented model: ResponseBody and ErrorMessage still have what the server said.
            return null;
        }
    }
}

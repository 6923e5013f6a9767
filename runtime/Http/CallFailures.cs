using System;
using System.Net;
using System.Text.Json;

namespace Scenario.Runtime.Http;

/// <summary>
/// The documented exception for a call that failed: a timeout, a connection failure, a body too large, or the API's
/// error status as the <see cref="ScenarioApiException"/> subclass callers catch, with its documented error model read
/// onto <see cref="ScenarioApiException.Body"/>. Every text is redacted.
/// </summary>
internal sealed class CallFailures
{
    private readonly string _host;
    private readonly long _maxBody;
    private readonly Func<string, string> _redact;

    public CallFailures(string host, long maxBody, Func<string, string> redact)
    {
        _host = host;
        _maxBody = maxBody;
        _redact = redact;
    }

    /// <summary>A success body longer than <see cref="ApiClientOptions.MaxResponseBodyBytes"/>.</summary>
    public ScenarioResponseTooLargeException TooLarge(in Attempt outcome) => new(
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
                return new ScenarioTimeoutException($"The API did not answer in time ({tries}, {call.Timeout.TotalSeconds:0.###} s each).", call.Timeout, timeout);
            case Exception connection:
                return new ScenarioConnectionException($"Could not reach the API at {_host} ({tries}): {_redact(connection.Message)}", connection);
            default:
                ScenarioApiException error = ScenarioApiException.Create((HttpStatusCode)outcome.StatusCode, BodyText(outcome), outcome.RequestId is null ? null : _redact(outcome.RequestId), outcome.Headers, _redact);
                error.Body = ErrorBody(call.Request, outcome);
                error.Note = sentOnce ? "The call was " + Why + "." : null;
                return error;
        }
    }

    /// <summary>What no documented exception covers, as one: nothing but the documented exceptions leaves a call.</summary>
    public ScenarioException Unexpected(Exception failure) => new("The call failed unexpectedly: " + _redact(failure.Message), failure);

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

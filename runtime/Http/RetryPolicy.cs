using System;

namespace Scenario.Runtime.Http;

/// <summary>
/// Whether and when a call is tried again: after a connection failure, a timeout, or a 408, 409, 429 or 5xx, up to the
/// call's retries, waiting what the server asks for (<see cref="RetryDelay.FromHeaders"/>) or an exponential backoff with
/// jitter. A body the caller built (<see cref="ApiRequest.Content"/>) may not be sendable twice: such a call is made once.
/// </summary>
internal sealed class RetryPolicy
{
    private readonly int _maxRetries;
    private readonly Func<double> _jitter;

    public RetryPolicy(int maxRetries, Func<double> jitter)
    {
        _maxRetries = maxRetries;
        _jitter = jitter;
    }

    /// <summary>The retries a call may make: the options', else the transport's; none for content that may not be sendable twice.</summary>
    public int MaxRetries(ApiRequest request, RequestOptions? options) =>
        IsSentOnce(request) ? 0 : options?.MaxRetries ?? _maxRetries;

    /// <summary>Whether the request's body can be sent once only: content the caller built, or a stream that does not seek.</summary>
    public static bool IsSentOnce(ApiRequest request) => request.Content is not null || request.Body is { CanResend: false };

    /// <summary>Whether <paramref name="outcome"/>, the attempt numbered <paramref name="attempt"/> (from 0), is tried again.</summary>
    public static bool ShouldRetry(in Attempt outcome, int attempt, int maxRetries) =>
        attempt < maxRetries && IsRetryable(outcome);

    /// <summary>Whether <paramref name="outcome"/> is a failure a retry follows, retries left: a connection failure, a timeout, or a retryable status.</summary>
    public static bool IsRetryable(in Attempt outcome) => outcome.Failure is not null || IsRetryableStatus(outcome.StatusCode);

    /// <summary>The wait before the next attempt: the server's, else the backoff of <paramref name="attempt"/>.</summary>
    public TimeSpan Delay(in Attempt outcome, int attempt) => outcome.ServerDelay ?? RetryDelay.Backoff(attempt, _jitter());

    /// <summary>Why an attempt is retried, for logs and metrics: <c>timeout</c>, <c>connection</c> or the status.</summary>
    public static string Reason(in Attempt outcome) =>
        outcome.Failure is TimeoutException ? "timeout" : outcome.Failure is not null ? "connection" : outcome.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsRetryableStatus(int status) => status is 408 or 409 or 429 or >= 500;
}

using System;
using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;

namespace Scenario.Runtime.Http;

/// <summary>How long to wait before retrying: what the server asks for, within a cap, or exponential backoff with jitter.</summary>
public static class RetryDelay
{
    /// <summary>The longest wait a server may ask for; longer (or negative) requests fall back to backoff.</summary>
    public static readonly TimeSpan MaxServerDelay = TimeSpan.FromSeconds(60);

    /// <summary>The first backoff step (0.5 s), doubled on each retry.</summary>
    public static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(0.5);

    /// <summary>The longest backoff step (8 s).</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The wait the server asks for: <c>retry-after-ms</c> (milliseconds), else <c>Retry-After</c> (seconds or an HTTP date);
    /// null when neither is present, readable and within <see cref="MaxServerDelay"/>.
    /// </summary>
    public static TimeSpan? FromHeaders(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.TryGetValues("retry-after-ms", out var millisecondValues)
            && double.TryParse(millisecondValues.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out double milliseconds))
        {
            return WithinCap(TimeSpan.FromMilliseconds(milliseconds));
        }

        RetryConditionHeaderValue? retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is TimeSpan delta)
        {
            return WithinCap(delta);
        }

        if (retryAfter?.Date is DateTimeOffset date)
        {
            return WithinCap(date - now);
        }

        return null;
    }

    /// <summary>Backoff before retry number <paramref name="retry"/> (0 for the first): 0.5 s doubling, at most 8 s, less up to 25 % jitter.</summary>
    /// <param name="retry">How many retries came before.</param>
    /// <param name="random">A number in [0, 1) that sets the jitter.</param>
    public static TimeSpan Backoff(int retry, double random)
    {
        double seconds = Math.Min(InitialBackoff.TotalSeconds * Math.Pow(2, Math.Min(retry, 30)), MaxBackoff.TotalSeconds);
        return TimeSpan.FromSeconds(seconds * (1 - (0.25 * random)));
    }

    private static TimeSpan? WithinCap(TimeSpan delay) => delay >= TimeSpan.Zero && delay <= MaxServerDelay ? delay : null;
}

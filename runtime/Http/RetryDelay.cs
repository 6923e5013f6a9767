using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;

namespace Scenario.Runtime.Http;

/// <summary>How long to wait before retrying: what the server asks for, within a cap, or exponential backoff with jitter.</summary>
public static class RetryDelay
{
    private static readonly string[] HttpDateFormats = { "r", "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy" };

    /// <summary>The longest wait a server may ask for; longer (or negative) requests fall back to backoff.</summary>
    public static readonly TimeSpan MaxServerDelay = TimeSpan.FromSeconds(60);

    /// <summary>The first backoff step (0.5 s), doubled on each retry.</summary>
    public static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(0.5);

    /// <summary>The longest backoff step (8 s).</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The wait the server asks for: <c>retry-after-ms</c> (milliseconds), else <c>Retry-After</c> (whole seconds or an HTTP date);
    /// null when neither is present, readable and within [0, <see cref="MaxServerDelay"/>]. Never throws: a negative, NaN,
    /// infinite, huge, malformed or past value is null, and the caller backs off instead.
    /// </summary>
    public static TimeSpan? FromHeaders(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers is null)
        {
            return null;
        }

        try
        {
            return FromValues(First(headers, "retry-after-ms"), First(headers, "Retry-After"), now);
        }
        catch (Exception)
        {
            // A header the HTTP stack cannot even enumerate: ask for nothing.
            return null;
        }
    }

    /// <summary>The same rules over the raw header values (either may be null).</summary>
    public static TimeSpan? FromValues(string? retryAfterMilliseconds, string? retryAfter, DateTimeOffset now)
    {
        if (retryAfterMilliseconds is not null
            && double.TryParse(retryAfterMilliseconds.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double milliseconds)
            && !double.IsNaN(milliseconds) && !double.IsInfinity(milliseconds)
            && milliseconds >= 0 && milliseconds <= MaxServerDelay.TotalMilliseconds)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (retryAfter is null)
        {
            return null;
        }

        string value = retryAfter.Trim();
        if (value.Length > 0 && value.All(c => c is >= '0' and <= '9'))
        {
            return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) && seconds <= (long)MaxServerDelay.TotalSeconds
                ? TimeSpan.FromSeconds(seconds)
                : null;
        }

        if (DateTimeOffset.TryParseExact(value, HttpDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out DateTimeOffset date))
        {
            TimeSpan delay = date - now;
            return delay >= TimeSpan.Zero && delay <= MaxServerDelay ? delay : null;
        }

        return null;
    }

    /// <summary>Backoff before retry number <paramref name="retry"/> (0 for the first): 0.5 s doubling, at most 8 s, less up to 25 % jitter.</summary>
    /// <param name="retry">How many retries came before.</param>
    /// <param name="random">A number in [0, 1) that sets the jitter.</param>
    public static TimeSpan Backoff(int retry, double random)
    {
        double seconds = Math.Min(InitialBackoff.TotalSeconds * Math.Pow(2, Math.Min(Math.Max(retry, 0), 30)), MaxBackoff.TotalSeconds);
        double jitter = double.IsNaN(random) ? 0 : Math.Min(Math.Max(random, 0), 1);
        return TimeSpan.FromSeconds(seconds * (1 - (0.25 * jitter)));
    }

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;
}

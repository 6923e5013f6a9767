using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Scenario;

/// <summary>
/// Per-call settings, the last argument before the <see cref="System.Threading.CancellationToken"/> of every generated
/// operation, or the defaults of a client made with <c>WithOptions</c>. What is left unset keeps the client's value.
/// </summary>
/// <remarks>
/// <see cref="Headers"/> are added to the request. <c>Authorization</c> and the headers HTTP itself manages (<c>Host</c>,
/// <c>Content-Length</c>, <c>Content-Type</c>, <c>Transfer-Encoding</c>, <c>Connection</c>, <c>Accept-Encoding</c>) are refused
/// with an <see cref="ArgumentException"/> before anything is sent: credentials come from the client's options only.
/// A <c>User-Agent</c> given here is appended after the client's own, never replacing it.
/// </remarks>
public sealed class RequestOptions
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Host", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection", "Accept-Encoding",
    };

    private TimeSpan? _timeout;
    private int? _maxRetries;

    /// <summary>The time each attempt may take, overriding the client's <c>Timeout</c>; null keeps it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive (or infinite).</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set => _timeout = value is null || value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Timeout must be positive.");
    }

    /// <summary>How many times a failed attempt is retried, overriding the client's <c>MaxRetries</c>; null keeps it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? MaxRetries
    {
        get => _maxRetries;
        set => _maxRetries = value is null or >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxRetries cannot be negative.");
    }

    /// <summary>Headers added to every attempt of the call (names are case-insensitive). See the remarks for the ones refused.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Extra query parameters, appended after the operation's own (escaped like them).</summary>
    public IDictionary<string, string> Query { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The idempotency key, sent unchanged on every attempt of the call in the client's idempotency header
    /// (<c>Idempotency-Key</c> unless the schema's <c>x-client</c> names another). When null and the schema asks for it,
    /// the client generates one per call for methods that are not idempotent (POST, PATCH).
    /// </summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>
    /// Whether this call checks the response against its schema (<c>Validate()</c> of the records and unions it reads):
    /// a response that breaks it fails with the client's invalid-response exception, whose inner
    /// <see cref="Scenario.Runtime.Validation.JsonSchemaValidationException"/> holds every problem. Null follows the
    /// client's <c>ValidateResponses</c> option (off by default).
    /// </summary>
    public bool? ValidateResponse { get; set; }

    /// <summary>A copy, so that a client's defaults cannot change after it was made.</summary>
    public RequestOptions Clone()
    {
        var copy = new RequestOptions { _timeout = _timeout, _maxRetries = _maxRetries, IdempotencyKey = IdempotencyKey, ValidateResponse = ValidateResponse };
        foreach (KeyValuePair<string, string> header in Headers)
        {
            copy.Headers[header.Key] = header.Value;
        }

        foreach (KeyValuePair<string, string> parameter in Query)
        {
            copy.Query[parameter.Key] = parameter.Value;
        }

        return copy;
    }

    /// <summary><paramref name="overrides"/> over <paramref name="defaults"/>: each value set in the first wins; headers and query merge by name.</summary>
    public static RequestOptions? Merge(RequestOptions? defaults, RequestOptions? overrides)
    {
        if (defaults is null)
        {
            return overrides;
        }

        if (overrides is null)
        {
            return defaults;
        }

        RequestOptions merged = defaults.Clone();
        merged._timeout = overrides._timeout ?? defaults._timeout;
        merged._maxRetries = overrides._maxRetries ?? defaults._maxRetries;
        merged.IdempotencyKey = overrides.IdempotencyKey ?? defaults.IdempotencyKey;
        merged.ValidateResponse = overrides.ValidateResponse ?? defaults.ValidateResponse;
        foreach (KeyValuePair<string, string> header in overrides.Headers)
        {
            merged.Headers[header.Key] = header.Value;
        }

        foreach (KeyValuePair<string, string> parameter in overrides.Query)
        {
            merged.Query[parameter.Key] = parameter.Value;
        }

        return merged;
    }

    /// <summary>Checks the headers and query parameters before anything is sent.</summary>
    /// <exception cref="ArgumentException">A reserved header, a name that is not an HTTP token, or a value with a line break or NUL.</exception>
    public void Validate()
    {
        foreach (KeyValuePair<string, string> header in Headers)
        {
            if (Reserved.Contains(header.Key))
            {
                throw new ArgumentException($"The header '{header.Key}' cannot be set through RequestOptions.Headers; credentials come from the client's options, and HTTP manages the others.", nameof(Headers));
            }

            if (!IsToken(header.Key))
            {
                throw new ArgumentException($"'{header.Key}' is not a valid header name.", nameof(Headers));
            }

            if (header.Value is null || HasControl(header.Value))
            {
                throw new ArgumentException($"The value of the header '{header.Key}' is null or holds a line break or NUL.", nameof(Headers));
            }
        }

        foreach (KeyValuePair<string, string> parameter in Query)
        {
            if (string.IsNullOrEmpty(parameter.Key) || parameter.Value is null)
            {
                throw new ArgumentException("A query parameter has an empty name or a null value.", nameof(Query));
            }
        }

        if (IdempotencyKey is not null && (IdempotencyKey.Length == 0 || HasControl(IdempotencyKey)))
        {
            throw new ArgumentException("The idempotency key is empty or holds a line break or NUL.", nameof(IdempotencyKey));
        }
    }

    private static bool HasControl(string value)
    {
        foreach (char c in value)
        {
            if (c is '\r' or '\n' or '\0')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsToken(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (char c in name)
        {
            bool ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
                or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the method is one HTTP calls idempotent (GET, HEAD, PUT, DELETE, OPTIONS, TRACE); POST and PATCH are not.</summary>
    public static bool IsIdempotent(HttpMethod method) =>
        method != HttpMethod.Post && !string.Equals(method?.Method, "PATCH", StringComparison.OrdinalIgnoreCase);
}

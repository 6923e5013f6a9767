using System;
using Microsoft.Extensions.Logging;

namespace Scenario.Runtime.Http;

/// <summary>The settings every generated client shares; a generated <c>…ClientOptions</c> adds its credentials.</summary>
public abstract class ApiClientOptions
{
    private int _maxRetries = 2;
    private TimeSpan _timeout = TimeSpan.FromSeconds(60);
    private long _maxResponseBodyBytes = DefaultMaxResponseBodyBytes;

    /// <summary>The default <see cref="MaxResponseBodyBytes"/>: 64 MiB.</summary>
    public const long DefaultMaxResponseBodyBytes = 64L * 1024 * 1024;

    /// <summary>The base address an environment variable holds; null when it is unset or blank.</summary>
    /// <exception cref="ApiException">The variable holds something other than an absolute URL.</exception>
    public static Uri? BaseAddressFromEnvironment(string variable) => BaseAddressFromEnvironment(variable, ApiExceptionFamily.Neutral);

    /// <summary>The base address an environment variable holds; null when it is unset or blank. Generated clients call it with their family.</summary>
    /// <exception cref="ApiException">The variable holds something other than an absolute URL: the root of <paramref name="family"/> (a <see cref="ScenarioException"/> for <see cref="ApiExceptionFamily.Scenario"/>).</exception>
    public static Uri? BaseAddressFromEnvironment(string variable, ApiExceptionFamily family)
    {
        string? value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out Uri? uri)
            ? uri
            : throw ApiExceptionFactory.Failure(family, "The environment variable " + variable + " is not an absolute URL: '" + value + "'.");
    }

    /// <summary>The API's base address; null for the client's default (or its environment variable).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>How many times a failed attempt is retried (connection failures, timeouts, 408, 409, 429, 5xx). Default 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxRetries
    {
        get => _maxRetries;
        set => _maxRetries = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxRetries cannot be negative.");
    }

    /// <summary>The time each attempt may take, reading the response included. Default 60 seconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive (or infinite).</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        set => _timeout = value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Timeout must be positive.");
    }

    /// <summary>
    /// The longest success body the client reads, in bytes (after decompression). A longer one fails with a
    /// <see cref="ApiResponseTooLargeException"/> (the Scenario client: <see cref="ScenarioResponseTooLargeException"/>) after at most this many bytes were read. Default 64 MiB.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public long MaxResponseBodyBytes
    {
        get => _maxResponseBodyBytes;
        set => _maxResponseBodyBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxResponseBodyBytes must be positive.");
    }

    /// <summary>
    /// Where the client logs (category <c>{Name}.Client</c>): each attempt at Debug, each call's outcome at Information,
    /// retries and failures at Warning. Null logs nothing. The DI registration sets it from the container.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Whether each call checks its response against the schema (<c>Validate()</c> of the records and unions it reads,
    /// every constraint of their schemas): a response that breaks it fails with the client's invalid-response exception
    /// (<see cref="ApiInvalidResponseException"/>; the Scenario client's <c>ScenarioInvalidResponseException</c>), naming the
    /// first problems, its inner <see cref="Scenario.Runtime.Validation.JsonSchemaValidationException"/> holding them all.
    /// Default false: a response is read as it comes, values the schema does not allow kept. A call's
    /// <see cref="RequestOptions.ValidateResponse"/> overrides it.
    /// </summary>
    public bool ValidateResponses { get; set; }

    /// <summary>Whether request and response bodies are logged too (at Debug, truncated to 4 KiB, secrets redacted). Default false.</summary>
    public bool LogBodies { get; set; }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Scenario.Runtime.Http;

/// <summary>What a generated client tells the transport: where to send, how to authenticate, how to retry and trace.</summary>
public sealed class ApiTransportSettings
{
    /// <summary>The base address the paths are appended to.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>The <c>Authorization</c> header value; null to send none. Never written to an exception or a trace.</summary>
    public string? Authorization { get; init; }

    /// <summary>
    /// The credentials the client was given, by security scheme (an OpenAPI document's <c>securitySchemes</c> key); a
    /// call sends those its <see cref="ApiRequest.Security"/> names. Null or empty: none.
    /// </summary>
    public IReadOnlyDictionary<string, ApiCredential>? Credentials { get; init; }

    /// <summary>How to give each scheme's credentials (<c>ApiKey (or the environment variable PETSTORE_API_KEY)</c>), for the message of a call that lacks them.</summary>
    public IReadOnlyDictionary<string, string>? CredentialHints { get; init; }

    /// <summary>Values to blank out of anything the client reports (the API secret, the encoded credentials).</summary>
    public IReadOnlyList<string> Secrets { get; init; } = Array.Empty<string>();

    /// <summary>The runtime's part of the <c>User-Agent</c>: <c>Scenario.Runtime/{version} (.NET {version}; {os})</c>.</summary>
    public static string DefaultUserAgent { get; } =
        "Scenario.Runtime/" + (typeof(ApiTransportSettings).Assembly.GetName().Version?.ToString(3) ?? "0.0.0")
        + " (.NET " + Environment.Version.ToString() + "; " + System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier + ")";

    /// <summary>The <c>User-Agent</c> header value.</summary>
    public required string UserAgent { get; init; }

    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>The time each attempt may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The source of the client's spans (one per call, one per attempt).</summary>
    public required ActivitySource ActivitySource { get; init; }

    /// <summary>The client's name, the prefix of its span names.</summary>
    public required string ClientName { get; init; }

    /// <summary>
    /// Which exception types the client throws: <see cref="ApiExceptionFamily.Neutral"/> (<c>ApiException</c>,
    /// <c>ApiStatusException</c>, …; the default), or <see cref="ApiExceptionFamily.Scenario"/> (<c>ScenarioException</c>,
    /// <c>ScenarioApiException</c>, …), which generated code sets for the client named <c>ScenarioClient</c> only.
    /// </summary>
    public ApiExceptionFamily ExceptionFamily { get; init; }

    /// <summary>A number in [0, 1) for the backoff's jitter; replaceable so tests can fix it.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>The source of the client's metrics (<c>http.client.request.duration</c> and others); null records none.</summary>
    public System.Diagnostics.Metrics.Meter? Meter { get; init; }

    /// <summary>
    /// The client's options, read once when the transport is made, for what the settings above do not carry:
    /// <see cref="ApiClientOptions.MaxResponseBodyBytes"/>, <see cref="ApiClientOptions.LoggerFactory"/> and <see cref="ApiClientOptions.LogBodies"/>.
    /// </summary>
    public ApiClientOptions? ClientOptions { get; init; }

    /// <summary>The header an idempotency key goes in; null for none (<see cref="RequestOptions.IdempotencyKey"/> then uses <c>Idempotency-Key</c>).</summary>
    public string? IdempotencyHeader { get; init; }

    /// <summary>Whether a key is generated once per call, for methods that are not idempotent (POST, PATCH), when the caller gives none.</summary>
    public bool GenerateIdempotencyKeys { get; init; }
}

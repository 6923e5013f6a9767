using System;
using Scenario.Runtime.Http;

namespace Scenario.Client.Tests;

/// <summary>Clients for the tests of this features: over a <see cref="RawServer"/>, or from options to adjust.</summary>
internal static class Clients
{
    public static ScenarioClient Raw(RawServer server, int maxRetries = 0, TimeSpan? timeout = null, long? maxBody = null) =>
        new(Options(server.BaseAddress, maxRetries, timeout, maxBody));

    public static ScenarioClientOptions Options(Uri baseAddress, int maxRetries = 2, TimeSpan? timeout = null, long? maxBody = null) =>
        new()
        {
            BaseAddress = baseAddress,
            ApiKey = "key_123",
            ApiSecret = "secret_456",
            MaxRetries = maxRetries,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
            MaxResponseBodyBytes = maxBody ?? ApiClientOptions.DefaultMaxResponseBodyBytes,
        };

    /// <summary>A client of Schemas/wire.openapi.yaml with its bearer token, no retries, and the timeout and body limit given.</summary>
    public static Wire.WireClient Wire(Uri baseAddress, TimeSpan? timeout = null, long maxBody = 1024 * 1024) => new(new Wire.WireClientOptions
    {
        BaseAddress = baseAddress,
        Token = "token_abcdef",
        MaxRetries = 0,
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
        MaxResponseBodyBytes = maxBody,
    });
}

using System;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary><c>client.WithRawResponse</c> and the headers of errors.</summary>
public class RawResponseTests
{
    [Fact]
    public async Task A_raw_response_has_the_status_headers_request_id_timing_and_attempts()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, number) =>
            number == 1
                ? LoopbackServer.Respond(context, 503, "{}", ("retry-after-ms", "10"))
                : LoopbackServer.Respond(context, 200, Seed.ListJson, ("x-request-id", "req_7"), ("X-RateLimit-Remaining", "41")));
        using ScenarioClient client = Seed.Client(server);

        ApiResponse<ExampleListResponse> response = await client.WithRawResponse.Models.Examples.ListAsync("m", new ExampleListParams { OriginalAssets = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("req_7", response.RequestId);
        Assert.Equal("41", response.Headers["x-ratelimit-remaining"]);
        Assert.StartsWith("application/json", response.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(2, response.Attempts);
        Assert.True(response.Elapsed > TimeSpan.Zero);
        Assert.Single(response.Value.Examples);
        Assert.Equal("/v1/models/m/examples?originalAssets=true", server.Requests.ToArray()[1].RawTarget);
    }

    [Fact]
    public async Task Api_exceptions_carry_the_response_headers()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(429, """{"message":"slow down"}""", ("Retry-After", "0"), ("X-RateLimit-Reset", "1700000000"));
        using ScenarioClient client = Seed.Client(server, maxRetries: 0);

        ScenarioRateLimitException failure = await Assert.ThrowsAsync<ScenarioRateLimitException>(() => client.WithRawResponse.Models.Examples.ListAsync("m"));

        Assert.Equal("1700000000", failure.Headers["x-ratelimit-reset"]);
        Assert.Equal("0", failure.Headers["Retry-After"]);
    }
}

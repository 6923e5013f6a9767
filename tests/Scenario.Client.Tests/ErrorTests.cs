using System;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>Every failure is a <see cref="ScenarioException"/> of the type users catch, and none shows a credential.</summary>
public class ErrorTests
{
    [Theory]
    [InlineData(400, typeof(ScenarioBadRequestException))]
    [InlineData(401, typeof(ScenarioAuthenticationException))]
    [InlineData(403, typeof(ScenarioPermissionDeniedException))]
    [InlineData(404, typeof(ScenarioNotFoundException))]
    [InlineData(409, typeof(ScenarioConflictException))]
    [InlineData(422, typeof(ScenarioUnprocessableEntityException))]
    [InlineData(429, typeof(ScenarioRateLimitException))]
    [InlineData(500, typeof(ScenarioServerException))]
    [InlineData(504, typeof(ScenarioServerException))]
    [InlineData(418, typeof(ScenarioApiException))]
    public async Task Each_status_has_its_exception_with_the_servers_message(int status, Type expected)
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(status, """{"error":"Model model_x was not found"}""", ("x-request-id", "req_42"));
        using ScenarioClient client = Seed.Client(server, maxRetries: 0);

        ScenarioApiException failure = await Assert.ThrowsAnyAsync<ScenarioApiException>(() => client.Models.Examples.ListAsync("model_x"));

        Assert.IsType(expected, failure);
        Assert.IsAssignableFrom<ScenarioException>(failure);
        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        Assert.Equal("Model model_x was not found", failure.ErrorMessage);
        Assert.Equal("""{"error":"Model model_x was not found"}""", failure.ResponseBody);
        Assert.Equal("req_42", failure.RequestId);
        Assert.Contains(status.ToString(), failure.Message, StringComparison.Ordinal);
        Assert.Contains("Model model_x was not found", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"examples\": [", "not a valid ExampleListResponse")]
    [InlineData("{\"examples\": [{}]}", "$.examples[0].asset")]
    [InlineData("<html>oops</html>", "not a valid ExampleListResponse")]
    [InlineData("", "empty")]
    [InlineData("null", "not a valid ExampleListResponse")]
    public async Task A_malformed_success_body_is_a_clear_error(string body, string expected)
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, body);
        using ScenarioClient client = Seed.Client(server);

        ScenarioInvalidResponseException failure = await Assert.ThrowsAsync<ScenarioInvalidResponseException>(() => client.Models.Examples.ListAsync("m"));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.Equal(body, failure.ResponseBody);
        Assert.Equal(HttpStatusCode.OK, failure.StatusCode);
        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task No_exception_shows_the_secret_or_the_authorization_header()
    {
        string token = Convert.ToBase64String(Encoding.UTF8.GetBytes("key_123:secret_456"));
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            LoopbackServer.Respond(context, 401, "{\"error\":\"bad credentials: " + context.Request.Headers.Authorization + " (secret_456)\"}"));
        using ScenarioClient client = Seed.Client(server, maxRetries: 0);

        ScenarioApiException failure = await Assert.ThrowsAsync<ScenarioAuthenticationException>(() => client.Models.Examples.ListAsync("m"));

        foreach (string text in new[] { failure.ToString(), failure.Message, failure.ResponseBody, failure.ErrorMessage! })
        {
            Assert.DoesNotContain("secret_456", text, StringComparison.Ordinal);
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        }

        Assert.Contains("[redacted]", failure.Message, StringComparison.Ordinal);
    }
}

using System;
using System.Linq;
using System.Text.Json;
using Microsoft.Extensions.Logging;
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

    /// <summary>The secret as encoders write it: System.Text.Json's default, every character escaped, PHP's <c>\/</c>, mixed, and percent-encoded (a URL quoted).</summary>
    public static TheoryData<string> EscapedSecrets() => new()
    {
        JsonSerializer.Serialize(EscapedSecret).Trim('"'),
        string.Concat(EscapedSecret.Select(c => "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture))),
        EscapedSecret.Replace("/", "\\/", StringComparison.Ordinal),
        "Xk9\\u002bQz\\/Lm2Rt8w\\u003D=",
        Uri.EscapeDataString(EscapedSecret).Replace("%2F", "%2f", StringComparison.Ordinal),
    };

    private const string EscapedSecret = "Xk9+Qz/Lm2Rt8w==";

    [Theory]
    [MemberData(nameof(EscapedSecrets))]
    public async Task A_secret_the_server_echoes_json_escaped_is_redacted_in_every_text_the_client_writes(string escaped)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            LoopbackServer.Respond(context, 401, "{\"message\":\"bad secret " + escaped + " for key_123\"}"));
        var logs = new ListLoggerProvider();
        using ILoggerFactory factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        ScenarioClientOptions options = Clients.Options(server.BaseAddress, maxRetries: 0);
        options.ApiSecret = EscapedSecret;
        options.LoggerFactory = factory;
        options.LogBodies = true;
        using var client = new ScenarioClient(options);

        ScenarioApiException failure = await Assert.ThrowsAsync<ScenarioAuthenticationException>(() => client.Models.Examples.ListAsync("m"));

        Assert.Equal("bad secret [redacted] for key_123", failure.ErrorMessage);
        Assert.Equal("{\"message\":\"bad secret [redacted] for key_123\"}", failure.ResponseBody);
        string[] texts = [failure.ToString(), failure.Message, failure.ResponseBody, failure.ErrorMessage!, .. logs.Entries.Select(e => e.Message)];
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("bad secret [redacted]", StringComparison.Ordinal));
        foreach (string text in texts)
        {
            Assert.DoesNotContain(EscapedSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(escaped, text, StringComparison.Ordinal);
        }
    }
}

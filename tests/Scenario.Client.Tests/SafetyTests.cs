using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Scenario.Runtime.Http;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>No trust in the server or the caller: each case against a real server on 127.0.0.1, raw sockets where it must misbehave.</summary>
public class SafetyTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(500);

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Dot_segments_are_refused_before_anything_is_sent(string modelId)
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        using ScenarioClient client = Seed.Client(server);

        ArgumentException failure = Assert.Throws<ArgumentException>(() => { _ = client.Models.Examples.ListAsync(modelId); });
        await Assert.ThrowsAsync<ArgumentException>(() => client.WithRawResponse.Models.Examples.UpdateAsync(modelId, new ExampleUpdateParams { AssetIds = [] }));

        Assert.Equal("modelId", failure.ParamName);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("...")]
    [InlineData(".a")]
    [InlineData("a..b")]
    [InlineData("%2E%2E")]
    [InlineData("%2e")]
    [InlineData("../admin")]
    [InlineData("a/../../b")]
    [InlineData("? #&=")]
    public async Task Every_other_value_arrives_as_one_escaped_segment(string modelId)
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        using ScenarioClient client = Seed.Client(server);

        await client.Models.Examples.ListAsync(modelId);

        Assert.Equal("/v1/models/" + Uri.EscapeDataString(modelId) + "/examples", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task A_path_parameter_too_long_for_the_server_is_a_typed_error()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        using ScenarioClient client = Seed.Client(server);

        ScenarioApiException failure = await Assert.ThrowsAsync<ScenarioApiException>(() => client.Models.Examples.ListAsync(new string('a', 70_000)));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, failure.StatusCode);
    }

    [Fact]
    public void A_request_path_with_a_dot_segment_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Get, "/a/{x}", "/a/%2E%2e/b"));
        Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Get, "/a/{x}", "/a/."));
    }

    [Theory]
    [InlineData("Retry-After", "-1")]
    [InlineData("Retry-After", "NaN")]
    [InlineData("Retry-After", "99999999999999999999999")]
    [InlineData("Retry-After", "1.5")]
    [InlineData("Retry-After", "Tue, 01 Jan 2002 00:00:00 GMT")]
    [InlineData("Retry-After", "not a date")]
    [InlineData("retry-after-ms", "NaN")]
    [InlineData("retry-after-ms", "Infinity")]
    [InlineData("retry-after-ms", "1e308")]
    [InlineData("retry-after-ms", "-5")]
    [InlineData("retry-after-ms", "99999999999999")]
    public async Task A_bad_retry_header_falls_back_to_the_backoff(string header, string value)
    {
        var attempts = new AttemptCounter();
        await using RawServer server = RawServer.Start(async (_, stream, _) =>
        {
            bool first = attempts.Increment() == 1;
            string response = first
                ? $"HTTP/1.1 503 Service Unavailable\r\n{header}: {value}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"
                : $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(Seed.ListJson)}\r\nConnection: close\r\n\r\n{Seed.ListJson}";
            await stream.WriteAsync(Encoding.UTF8.GetBytes(response));
            return false;
        });
        using ScenarioClient client = Clients.Raw(server, maxRetries: 1);

        ApiResponse<ExampleListResponse> response = await client.WithRawResponse.Models.Examples.ListAsync("m");

        Assert.Equal(2, response.Attempts);
        Assert.InRange(response.Elapsed.TotalSeconds, 0, 5);
    }

    [Theory]
    [InlineData("-1", null, null)]
    [InlineData("NaN", null, null)]
    [InlineData("Infinity", null, null)]
    [InlineData("1e999", null, null)]
    [InlineData(null, "-3", null)]
    [InlineData(null, "1e3", null)]
    [InlineData(null, "18446744073709551616", null)]
    [InlineData("250", "3", 250.0)]
    [InlineData(null, "2", 2000.0)]
    public void Retry_header_values_never_throw(string? milliseconds, string? seconds, double? expected)
    {
        Assert.Equal(expected, RetryDelay.FromValues(milliseconds, seconds, DateTimeOffset.UtcNow)?.TotalMilliseconds);
    }

    [Fact]
    public async Task A_body_announced_larger_than_the_limit_is_not_read()
    {
        await using RawServer server = RawServer.Start(async (_, stream, _) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 629145600\r\n\r\n["));
            await Task.Delay(TimeSpan.FromSeconds(10));
            return false;
        });
        using ScenarioClient client = Clients.Raw(server, maxBody: 1024 * 1024);

        ScenarioResponseTooLargeException failure = await Assert.ThrowsAsync<ScenarioResponseTooLargeException>(() => client.Models.Examples.ListAsync("m"));

        Assert.Equal(1024 * 1024, failure.Limit);
        Assert.Contains("MaxResponseBodyBytes", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task The_largest_limit_still_reads_an_ordinary_body()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        ScenarioClientOptions options = Clients.Options(server.BaseAddress);
        options.MaxResponseBodyBytes = long.MaxValue;
        using var client = new ScenarioClient(options);

        Assert.Single((await client.Models.Examples.ListAsync("m")).Examples);
    }

    [Fact]
    public async Task An_endless_chunked_body_stops_at_the_limit()
    {
        long written = 0;
        await using RawServer server = RawServer.Start(async (_, stream, _) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
            byte[] chunk = Encoding.ASCII.GetBytes("10000\r\n" + new string(' ', 0x10000) + "\r\n");
            for (int i = 0; i < 100_000; i++)
            {
                await stream.WriteAsync(chunk);
                System.Threading.Interlocked.Add(ref written, 0x10000);
            }

            return false;
        });
        using ScenarioClient client = Clients.Raw(server, maxBody: 2 * 1024 * 1024);

        await Assert.ThrowsAsync<ScenarioResponseTooLargeException>(() => client.Models.Examples.ListAsync("m"));

        // The server would have sent 6.5 GB; it got to write a few megabytes (the limit plus socket buffers) before the client hung up.
        Assert.InRange(System.Threading.Interlocked.Read(ref written), 2 * 1024 * 1024, 64L * 1024 * 1024);
    }

    [Fact]
    public async Task A_huge_error_body_is_kept_up_to_a_bound_and_the_message_stays_short()
    {
        string message = new string('x', 5000);
        string body = "{\"message\":\"" + message + "\",\"padding\":\"" + new string('p', 10 * 1024 * 1024) + "\"}";
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(500, body);
        using ScenarioClient client = Seed.Client(server, maxRetries: 0);

        ScenarioServerException failure = await Assert.ThrowsAsync<ScenarioServerException>(() => client.Models.Examples.ListAsync("m"));

        Assert.InRange(failure.ResponseBody.Length, 1, ApiTransport.MaxErrorBodyBytes + 1);
        Assert.EndsWith("…", failure.ResponseBody, StringComparison.Ordinal);
        Assert.InRange(failure.Message.Length, 1, 300);
        Assert.StartsWith("The API answered 500 (InternalServerError): xxxx", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_servers_human_message_is_preferred_over_an_error_code()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(404, """{"error":"not_found","message":"Model m does not exist"}""");
        using ScenarioClient client = Seed.Client(server, maxRetries: 0);

        ScenarioNotFoundException failure = await Assert.ThrowsAsync<ScenarioNotFoundException>(() => client.Models.Examples.ListAsync("m"));

        Assert.Equal("Model m does not exist", failure.ErrorMessage);
        Assert.Equal("The API answered 404 (NotFound): Model m does not exist.", failure.Message);
    }

    [Theory]
    [InlineData(200, "text/html; charset=utf-8", "<html><body>Bad gateway</body></html>", "text/html")]
    [InlineData(200, "text/plain", "OK", "text/plain")]
    [InlineData(204, null, "", "204")]
    public async Task A_success_that_is_not_JSON_names_its_content_type_and_status(int status, string? contentType, string body, string expected)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = status;
            if (contentType is not null)
            {
                context.Response.ContentType = contentType;
            }

            await context.Response.WriteAsync(body);
        });
        using ScenarioClient client = Seed.Client(server);

        ScenarioInvalidResponseException failure = await Assert.ThrowsAsync<ScenarioInvalidResponseException>(() => client.Models.Examples.ListAsync("m"));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.Contains(status.ToString(), failure.Message, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task Credentials_never_follow_a_redirect_to_another_origin()
    {
        await using LoopbackServer elsewhere = await LoopbackServer.RespondingAsync(200, Seed.ListJson);
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = new Uri(elsewhere.BaseAddress, "models/m/examples").ToString();
            return Task.CompletedTask;
        });

        // The client's own HttpClient follows no redirect: a 3xx is an error.
        using (ScenarioClient client = Seed.Client(server))
        {
            ScenarioApiException failure = await Assert.ThrowsAsync<ScenarioApiException>(() => client.Models.Examples.ListAsync("m"));
            Assert.Equal(HttpStatusCode.Found, failure.StatusCode);
            Assert.Empty(elsewhere.Requests);
        }

        // An HttpClient of the caller's that follows redirects: .NET drops Authorization on the way.
        using var http = new HttpClient();
        using (var client = new ScenarioClient(http, Clients.Options(server.BaseAddress)))
        {
            await client.Models.Examples.ListAsync("m");
            RecordedRequest followed = Assert.Single(elsewhere.Requests);
            Assert.False(followed.Headers.ContainsKey("Authorization"));
        }
    }

    [Fact]
    public async Task A_stalled_server_times_out()
    {
        await using RawServer server = RawServer.Start(async (_, _, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            return false;
        });
        using ScenarioClient client = Clients.Raw(server, maxRetries: 1, timeout: Short);

        await Assert.ThrowsAsync<ScenarioTimeoutException>(() => client.Models.Examples.ListAsync("m"));

        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task A_trickling_body_times_out_within_the_attempts_timeout()
    {
        await using RawServer server = RawServer.Start(async (_, stream, _) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"));
            for (int i = 0; i < 200; i++)
            {
                await stream.WriteAsync(new[] { (byte)' ' });
                await Task.Delay(50);
            }

            return false;
        });
        using ScenarioClient client = Clients.Raw(server, maxRetries: 0, timeout: Short);

        await Assert.ThrowsAsync<ScenarioTimeoutException>(() => client.Models.Examples.ListAsync("m"));
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Le")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{\"examples\":")]
    [InlineData("HTTP/1.1 200 OK\r\nBad Header Line\r\n\r\n{}")]
    [InlineData("HTTP/1.1 abc Nope\r\n\r\n")]
    [InlineData("garbage\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\n\r\nnope")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: ;;;\r\nContent-Length: 2\r\n\r\n{}")]
    [InlineData("HTTP/1.1 429 Too Many\r\nRetry-After: NaN\r\nretry-after-ms: NaN\r\nx-request-id: \u00ff\u00fe\r\nContent-Length: 2\r\n\r\n{}")]
    [InlineData("HTTP/1.1 500 Oops\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"message\":")]
    public async Task Only_documented_exceptions_leave_a_call(string response)
    {
        await using RawServer server = RawServer.Answering(response);
        using ScenarioClient client = Clients.Raw(server, maxRetries: 0, timeout: Short);

        Exception failure = await Record.ExceptionAsync(() => client.Models.Examples.ListAsync("m"));

        Assert.NotNull(failure);
        Assert.IsAssignableFrom<ScenarioException>(failure);
    }

    [Fact]
    public async Task A_reset_connection_is_a_connection_failure()
    {
        await using RawServer server = RawServer.Start(async (_, stream, socket) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{"));
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
            return false;
        });
        using ScenarioClient client = Clients.Raw(server, maxRetries: 1);

        await Assert.ThrowsAsync<ScenarioConnectionException>(() => client.Models.Examples.ListAsync("m"));
        Assert.Equal(2, server.Requests);
    }

    [Theory]
    [InlineData("GET", 0)]
    [InlineData("GET", 2)]
    [InlineData("PUT", 1)]
    public async Task Requests_on_the_wire_stay_within_what_MaxRetries_and_the_handler_allow(string method, int maxRetries)
    {
        // The server reads each request and closes the connection without a byte of answer: the case where
        // SocketsHttpHandler itself resends a body-less request on a new connection (up to 3 times) before failing.
        await using RawServer server = RawServer.Start((_, _, _) => Task.FromResult(false));
        using ScenarioClient client = Clients.Raw(server, maxRetries: maxRetries);

        await Assert.ThrowsAsync<ScenarioConnectionException>(() => method == "GET"
            ? client.Models.Examples.ListAsync("m", null, new RequestOptions { Timeout = TimeSpan.FromSeconds(5) })
            : client.Models.Examples.UpdateAsync("m", new ExampleUpdateParams { AssetIds = ["a"] }, new RequestOptions { Timeout = TimeSpan.FromSeconds(5) }));

        // A request with a body is not resent by the handler; one without is, up to 3 times per attempt.
        Assert.Equal((method == "GET" ? 4 : 1) * (maxRetries + 1), server.Requests);
    }

    [Fact]
    public async Task A_reset_after_the_request_is_not_resent_by_the_handler()
    {
        await using RawServer server = RawServer.Start((_, _, socket) =>
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
            return Task.FromResult(false);
        });
        using ScenarioClient client = Clients.Raw(server, maxRetries: 2);

        await Assert.ThrowsAsync<ScenarioConnectionException>(() => client.Models.Examples.ListAsync("m", null, new RequestOptions { Timeout = TimeSpan.FromSeconds(5) }));

        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task Compressed_responses_are_asked_for_and_read()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, number) =>
        {
            var buffer = new MemoryStream();
            string encoding = number == 1 ? "gzip" : "br";
            using (Stream compressor = number == 1 ? new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true) : new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                compressor.Write(Encoding.UTF8.GetBytes(Seed.ListJson));
            }

            context.Response.ContentType = "application/json";
            context.Response.Headers.ContentEncoding = encoding;
            await context.Response.Body.WriteAsync(buffer.ToArray());
        });
        using ScenarioClient client = Seed.Client(server);

        ExampleListResponse gzip = await client.Models.Examples.ListAsync("m");
        ExampleListResponse brotli = await client.Models.Examples.ListAsync("m");

        Assert.Single(gzip.Examples);
        Assert.Single(brotli.Examples);
        string accepted = server.Requests.First().Headers["Accept-Encoding"];
        Assert.Contains("gzip", accepted, StringComparison.Ordinal);
        Assert.Contains("br", accepted, StringComparison.Ordinal);
    }
}

internal sealed class AttemptCounter
{
    private int _count;

    public int Increment() => System.Threading.Interlocked.Increment(ref _count);
}

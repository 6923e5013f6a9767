using System;
using System.Net.Http;
using Scenario.Runtime.Http;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>The wait between attempts, computed without a server.</summary>
public class RetryDelayTests
{
    [Theory]
    [InlineData(0, 0.0, 500)]
    [InlineData(1, 0.0, 1000)]
    [InlineData(2, 0.0, 2000)]
    [InlineData(3, 0.0, 4000)]
    [InlineData(4, 0.0, 8000)]
    [InlineData(9, 0.0, 8000)]
    [InlineData(0, 0.999, 375.125)]
    [InlineData(4, 0.5, 7000)]
    public void Backoff_doubles_from_half_a_second_to_eight_less_jitter(int retry, double random, double expectedMilliseconds)
    {
        Assert.Equal(expectedMilliseconds, RetryDelay.Backoff(retry, random).TotalMilliseconds, precision: 3);
    }

    [Theory]
    [InlineData("Retry-After", "3", 3000.0)]
    [InlineData("Retry-After", "0", 0.0)]
    [InlineData("retry-after-ms", "250", 250.0)]
    [InlineData("Retry-After", "61", null)]
    [InlineData("retry-after-ms", "-5", null)]
    [InlineData("Retry-After", "soon", null)]
    public void The_server_may_ask_for_a_wait_within_the_cap(string header, string value, double? expectedMilliseconds)
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation(header, value);

        TimeSpan? delay = RetryDelay.FromHeaders(response.Headers, DateTimeOffset.UtcNow);

        Assert.Equal(expectedMilliseconds, delay?.TotalMilliseconds);
    }

    [Fact]
    public void An_http_date_is_read_relative_to_now()
    {
        var now = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Retry-After", now.AddSeconds(5).ToString("r"));

        Assert.Equal(TimeSpan.FromSeconds(5), RetryDelay.FromHeaders(response.Headers, now));
    }
}

using System;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Scenario.Runtime.Http;

/// <summary>
/// The transport's log events (category <c>{Name}.Client</c>): each attempt at Debug, each call's outcome at
/// Information, retries and failures at Warning; bodies only when asked, at Debug, truncated and redacted. Headers are
/// never logged, so <c>Authorization</c> never is.
/// </summary>
internal sealed class ApiLog
{
    private const int MaxLoggedBody = 4096;

    private static readonly Action<ILogger, string, string, int, Exception?> s_sending =
        LoggerMessage.Define<string, string, int>(LogLevel.Debug, new EventId(1, "Sending"), "Sending {Method} {Url} (attempt {Attempt})");

    private static readonly Action<ILogger, string, string, string, double, int, Exception?> s_answered =
        LoggerMessage.Define<string, string, string, double, int>(LogLevel.Debug, new EventId(2, "Answered"), "{Method} {PathTemplate} answered {Status} in {ElapsedMilliseconds} ms (attempt {Attempt})");

    private static readonly Action<ILogger, string, string, int, double, int, Exception?> s_succeeded =
        LoggerMessage.Define<string, string, int, double, int>(LogLevel.Information, new EventId(3, "Succeeded"), "{Method} {PathTemplate} answered {StatusCode} in {ElapsedMilliseconds} ms after {Attempts} attempt(s)");

    private static readonly Action<ILogger, string, string, int, string, double, Exception?> s_retrying =
        LoggerMessage.Define<string, string, int, string, double>(LogLevel.Warning, new EventId(4, "Retrying"), "{Method} {PathTemplate} attempt {Attempt} failed ({Reason}); retrying in {DelayMilliseconds} ms");

    private static readonly Action<ILogger, string, string, double, string, Exception?> s_failed =
        LoggerMessage.Define<string, string, double, string>(LogLevel.Warning, new EventId(5, "Failed"), "{Method} {PathTemplate} failed after {ElapsedMilliseconds} ms: {Error}");

    private static readonly Action<ILogger, string, string, string, Exception?> s_requestBody =
        LoggerMessage.Define<string, string, string>(LogLevel.Debug, new EventId(6, "RequestBody"), "{Method} {PathTemplate} request body: {Body}");

    private static readonly Action<ILogger, string, string, string, Exception?> s_responseBody =
        LoggerMessage.Define<string, string, string>(LogLevel.Debug, new EventId(7, "ResponseBody"), "{Method} {PathTemplate} response body: {Body}");

    private readonly ILogger? _logger;
    private readonly bool _bodies;

    public ApiLog(ILogger? logger, bool bodies)
    {
        _logger = logger;
        _bodies = bodies;
    }

    public void Sending(ApiRequest request, Uri uri, int attempt, Func<string, string> redact)
    {
        if (_logger?.IsEnabled(LogLevel.Debug) == true)
        {
            s_sending(_logger, request.Method.Method, redact(uri.PathAndQuery), attempt, null);
        }
    }

    public void Answered(ApiRequest request, int status, string? error, TimeSpan elapsed, int attempt)
    {
        if (_logger?.IsEnabled(LogLevel.Debug) == true)
        {
            string outcome = status > 0 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : error ?? "no response";
            s_answered(_logger, request.Method.Method, request.PathTemplate, outcome, Math.Round(elapsed.TotalMilliseconds, 1), attempt, null);
        }
    }

    public void CallSucceeded(ApiRequest request, int status, TimeSpan elapsed, int attempts)
    {
        if (_logger?.IsEnabled(LogLevel.Information) == true)
        {
            s_succeeded(_logger, request.Method.Method, request.PathTemplate, status, Math.Round(elapsed.TotalMilliseconds, 1), attempts, null);
        }
    }

    public void Retrying(ApiRequest request, int attempt, string reason, TimeSpan delay)
    {
        if (_logger?.IsEnabled(LogLevel.Warning) == true)
        {
            s_retrying(_logger, request.Method.Method, request.PathTemplate, attempt, reason, Math.Round(delay.TotalMilliseconds, 1), null);
        }
    }

    public void CallFailed(ApiRequest request, TimeSpan elapsed, Exception failure)
    {
        if (failure is OperationCanceledException)
        {
            return;
        }

        if (_logger?.IsEnabled(LogLevel.Warning) == true)
        {
            // The exception's message only: it is already short and redacted; its inner exception may not be.
            s_failed(_logger, request.Method.Method, request.PathTemplate, Math.Round(elapsed.TotalMilliseconds, 1), failure.GetType().Name + ": " + failure.Message, null);
        }
    }

    public void RequestBody(ApiRequest request, Func<string, string> redact)
    {
        if (_bodies && request.JsonBody is { Length: > 0 } body && _logger?.IsEnabled(LogLevel.Debug) == true)
        {
            s_requestBody(_logger, request.Method.Method, request.PathTemplate, Truncate(body, body.Length, redact), null);
        }
    }

    public void ResponseBody(ApiRequest request, ResponseBody body, Func<string, string> redact)
    {
        if (_bodies && _logger?.IsEnabled(LogLevel.Debug) == true)
        {
            s_responseBody(_logger, request.Method.Method, request.PathTemplate, redact(body.Text(MaxLoggedBody)) + (body.Length > MaxLoggedBody ? $"… ({body.Length} bytes)" : string.Empty), null);
        }
    }

    private static string Truncate(byte[] body, int length, Func<string, string> redact)
    {
        string text = Encoding.UTF8.GetString(body, 0, Math.Min(length, MaxLoggedBody));
        return redact(text) + (length > MaxLoggedBody ? $"… ({length} bytes)" : string.Empty);
    }
}

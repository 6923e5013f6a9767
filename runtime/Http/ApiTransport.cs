using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Scenario.Runtime.Http;

/// <summary>
/// Sends the requests of a generated client: authentication, per-attempt timeouts, retries (connection failures,
/// timeouts, 408, 409, 429, 5xx) honouring <c>Retry-After</c>, typed errors, and one span per call and per attempt.
/// Thread-safe: one instance serves concurrent calls.
/// </summary>
public sealed class ApiTransport : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http;
    private readonly bool _disposeHttp;
    private readonly ApiTransportSettings _settings;
    private readonly string _baseAddress;

    /// <summary>Creates the transport with an <see cref="HttpClient"/> of its own, which it disposes.</summary>
    /// <exception cref="ScenarioException">The settings would send credentials over plain HTTP to a host that is not loopback.</exception>
    public ApiTransport(ApiTransportSettings settings)
        : this(Validate(settings), static () => new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan }, disposeHttpClient: true)
    {
    }

    /// <summary>Creates the transport over <paramref name="httpClient"/>, which it does not dispose.</summary>
    /// <exception cref="ScenarioException">The settings would send credentials over plain HTTP to a host that is not loopback.</exception>
    public ApiTransport(HttpClient httpClient, ApiTransportSettings settings)
        : this(Validate(settings), () => httpClient ?? throw new ArgumentNullException(nameof(httpClient)), disposeHttpClient: false)
    {
    }

    private ApiTransport(ApiTransportSettings settings, Func<HttpClient> httpClient, bool disposeHttpClient)
    {
        _settings = settings;
        _baseAddress = settings.BaseAddress.AbsoluteUri.TrimEnd('/');
        _http = httpClient();
        _disposeHttp = disposeHttpClient;
    }

    /// <summary>Checks the settings before any HttpClient exists, so a refused configuration leaks nothing.</summary>
    private static ApiTransportSettings Validate(ApiTransportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Uri baseAddress = settings.BaseAddress;
        if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp))
        {
            throw new ScenarioException($"The base address '{baseAddress}' is not an absolute http or https address.");
        }

        if (settings.Authorization is not null && baseAddress.Scheme == Uri.UriSchemeHttp && !baseAddress.IsLoopback)
        {
            throw new ScenarioException($"Refusing to send credentials over plain HTTP to {baseAddress.Host}; use https, or http only to a loopback address.");
        }

        return settings;
    }

    /// <summary>The address paths are appended to.</summary>
    public Uri BaseAddress => _settings.BaseAddress;

    /// <summary>Sends <paramref name="request"/> and reads the response as <typeparamref name="T"/>.</summary>
    /// <exception cref="ScenarioApiException">The API answered with a non-success status (after retries where they apply).</exception>
    /// <exception cref="ScenarioConnectionException">The API could not be reached.</exception>
    /// <exception cref="ScenarioTimeoutException">Every attempt timed out.</exception>
    /// <exception cref="ScenarioInvalidResponseException">The success body is not a valid <typeparamref name="T"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseType);
        cancellationToken.ThrowIfCancellationRequested();

        using Activity? call = _settings.ActivitySource.StartActivity(_settings.ClientName + " " + request.Method.Method + " " + request.PathTemplate, ActivityKind.Internal);
        call?.SetTag("http.request.method", request.Method.Method);
        call?.SetTag("url.template", request.PathTemplate);
        try
        {
            T result = await SendWithRetriesAsync(request, responseType, call, cancellationToken).ConfigureAwait(false);
            call?.SetStatus(ActivityStatusCode.Ok);
            return result;
        }
        catch (Exception failure)
        {
            call?.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
            call?.SetTag("error.type", failure is ScenarioApiException api ? ((int)api.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : failure.GetType().Name);
            throw;
        }
    }

    private async Task<T> SendWithRetriesAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, Activity? call, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            call?.SetTag("scenario.retry_count", attempt);
            Attempt outcome = await SendOnceAsync(request, attempt, cancellationToken).ConfigureAwait(false);
            if (outcome.Body is not null && outcome.StatusCode is >= 200 and < 300)
            {
                call?.SetTag("http.response.status_code", outcome.StatusCode);
                return Deserialize(outcome.Body, outcome.StatusCode, responseType);
            }

            bool retryable = outcome.Failure is not null || IsRetryableStatus(outcome.StatusCode);
            if (!retryable || attempt >= _settings.MaxRetries)
            {
                call?.SetTag("http.response.status_code", outcome.StatusCode == 0 ? null : outcome.StatusCode);
                throw Fail(outcome, attempt);
            }

            TimeSpan delay = outcome.ServerDelay ?? RetryDelay.Backoff(attempt, _settings.Jitter());
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Attempt> SendOnceAsync(ApiRequest request, int attempt, CancellationToken cancellationToken)
    {
        using Activity? span = _settings.ActivitySource.StartActivity(request.Method.Method + " " + request.PathTemplate, ActivityKind.Client);
        span?.SetTag("http.request.method", request.Method.Method);
        span?.SetTag("url.template", request.PathTemplate);
        span?.SetTag("server.address", _settings.BaseAddress.Host);
        if (attempt > 0)
        {
            span?.SetTag("http.request.resend_count", attempt);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.Timeout);
        try
        {
            using HttpRequestMessage message = CreateMessage(request);
            using HttpResponseMessage response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            byte[] body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            span?.SetTag("http.response.status_code", status);
            if (status is < 200 or >= 300)
            {
                span?.SetStatus(ActivityStatusCode.Error);
                span?.SetTag("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            string? requestId = response.Headers.TryGetValues("x-request-id", out var ids) ? string.Join(",", ids) : null;
            return new Attempt(status, body, RetryDelay.FromHeaders(response.Headers, DateTimeOffset.UtcNow), requestId, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            span?.SetStatus(ActivityStatusCode.Error, "canceled");
            throw;
        }
        catch (OperationCanceledException canceled)
        {
            // Not the caller's token: the attempt's timeout (ours, or HttpClient.Timeout).
            span?.SetStatus(ActivityStatusCode.Error, "timeout");
            span?.SetTag("error.type", "timeout");
            return new Attempt(0, null, null, null, new TimeoutException($"The attempt took longer than {_settings.Timeout.TotalSeconds:0.###} s.", canceled));
        }
        catch (Exception failure) when (failure is HttpRequestException or IOException)
        {
            span?.SetStatus(ActivityStatusCode.Error, "connection");
            span?.SetTag("error.type", failure.GetType().Name);
            return new Attempt(0, null, null, null, failure);
        }
    }

    private HttpRequestMessage CreateMessage(ApiRequest request)
    {
        string query = request.Query;
        var message = new HttpRequestMessage(request.Method, new Uri(_baseAddress + request.Path + (query.Length > 0 ? "?" + query : string.Empty)));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.TryAddWithoutValidation("User-Agent", _settings.UserAgent);
        if (_settings.Authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", _settings.Authorization);
        }

        if (request.JsonBody is not null)
        {
            message.Content = new ByteArrayContent(request.JsonBody);
            message.Content.Headers.ContentType = JsonContentType;
        }

        return message;
    }

    private T Deserialize<T>(byte[] body, int status, JsonTypeInfo<T> responseType)
    {
        try
        {
            T? value = JsonSerializer.Deserialize(body, responseType);
            if (value is null)
            {
                throw new JsonException("The body is null.");
            }

            return value;
        }
        catch (JsonException failure)
        {
            string text = Redact(Encoding.UTF8.GetString(body));
            string what = body.Length == 0 ? "empty" : "not a valid " + typeof(T).Name;
            throw new ScenarioInvalidResponseException($"The API answered {status} but the body is {what}: {Redact(failure.Message)}", status, text, failure);
        }
    }

    private Exception Fail(Attempt outcome, int retries)
    {
        string tries = retries == 0 ? "1 attempt" : $"{retries + 1} attempts";
        switch (outcome.Failure)
        {
            case TimeoutException timeout:
                return new ScenarioTimeoutException($"The API did not answer in time ({tries}, {_settings.Timeout.TotalSeconds:0.###} s each).", _settings.Timeout, timeout);
            case Exception connection:
                return new ScenarioConnectionException($"Could not reach the API at {_settings.BaseAddress.Host} ({tries}): {Redact(connection.Message)}", connection);
            default:
                return ScenarioApiException.Create((HttpStatusCode)outcome.StatusCode, Redact(Encoding.UTF8.GetString(outcome.Body!)), outcome.RequestId);
        }
    }

    private static bool IsRetryableStatus(int status) => status is 408 or 409 or 429 or >= 500;

    private string Redact(string text)
    {
        foreach (string secret in _settings.Secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposeHttp)
        {
            _http.Dispose();
        }
    }

    private readonly record struct Attempt(int StatusCode, byte[]? Body, TimeSpan? ServerDelay, string? RequestId, Exception? Failure);
}

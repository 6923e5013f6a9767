using System;
using System.Collections.Generic;
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
using Microsoft.Extensions.Logging;

namespace Scenario.Runtime.Http;

/// <summary>
/// Sends the requests of a generated client: authentication, per-attempt timeouts, retries (connection failures,
/// timeouts, 408, 409, 429, 5xx) honouring <c>Retry-After</c>, bounded response reading, typed errors, logging,
/// metrics, and one span per call and per attempt. Thread-safe: one instance serves concurrent calls.
/// </summary>
public sealed class ApiTransport : IDisposable
{
    /// <summary>The most of an error body kept (64 KiB): the rest is not read.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>The shortest secret redacted from messages and logs (6 characters): a shorter one would blank out ordinary words.</summary>
    public const int MinRedactedSecretLength = 6;

    /// <summary>The idempotency header used when the settings name none.</summary>
    public const string DefaultIdempotencyHeader = "Idempotency-Key";

    /// <summary>How long the handler the transport creates keeps a pooled connection (5 minutes), so DNS changes are seen.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The longest array .NET allocates; a body is read into one.</summary>
    private const int MaxArrayLength = 0x7FFFFFC7;

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http;
    private readonly bool _disposeHttp;
    private readonly ApiTransportSettings _settings;
    private readonly string _baseAddress;
    private readonly RequestOptions? _defaults;
    private readonly long _maxBody;
    private readonly ApiLog _log;
    private readonly ApiMetrics? _metrics;
    private readonly IReadOnlyDictionary<string, ApiCredential> _credentials;
    private readonly ApiCredential[] _allCredentials;

    /// <summary>Creates the transport with an <see cref="HttpClient"/> of its own (see <see cref="CreateHandler"/>), which it disposes.</summary>
    /// <exception cref="ScenarioException">The settings would send credentials over plain HTTP to a host that is not loopback.</exception>
    public ApiTransport(ApiTransportSettings settings)
        : this(Validate(settings), static () => new HttpClient(CreateHandler(), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan }, disposeHttpClient: true)
    {
        HttpPlatform.RecycleConnections(settings.BaseAddress);
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
        _maxBody = settings.ClientOptions?.MaxResponseBodyBytes ?? ApiClientOptions.DefaultMaxResponseBodyBytes;
        _log = new ApiLog(settings.ClientOptions?.LoggerFactory?.CreateLogger(settings.ClientName + ".Client"), settings.ClientOptions?.LogBodies == true);
        _metrics = settings.Meter is null ? null : ApiMetrics.For(settings.Meter, settings.ClientName);
        _credentials = settings.Credentials ?? new Dictionary<string, ApiCredential>();
        _allCredentials = new List<ApiCredential>(_credentials.Values).ToArray();
        _http = httpClient();
        _disposeHttp = disposeHttpClient;
    }

    private ApiTransport(ApiTransport parent, RequestOptions? defaults)
    {
        _settings = parent._settings;
        _baseAddress = parent._baseAddress;
        _maxBody = parent._maxBody;
        _log = parent._log;
        _metrics = parent._metrics;
        _credentials = parent._credentials;
        _allCredentials = parent._allCredentials;
        _http = parent._http;
        _disposeHttp = false;
        _defaults = defaults;
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

        bool sendsCredentials = settings.Authorization is not null || settings.Credentials is { Count: > 0 };
        if (sendsCredentials && baseAddress.Scheme == Uri.UriSchemeHttp && !baseAddress.IsLoopback)
        {
            throw new ScenarioException($"Refusing to send credentials over plain HTTP to {baseAddress.Host}; use https, or http only to a loopback address.");
        }

        return settings;
    }

    /// <summary>
    /// The handler of the HttpClient a transport creates (and of the DI registration): gzip, deflate and brotli asked for
    /// and decoded, pooled connections recycled after <see cref="PooledConnectionLifetime"/>, and no redirect followed
    /// (a 3xx is an error), so credentials never go to another origin. A <c>SocketsHttpHandler</c> on .NET 8 and later; on
    /// netstandard2.0 an <see cref="HttpClientHandler"/>, with brotli only where the platform decodes it.
    /// </summary>
    public static HttpMessageHandler CreateHandler() => HttpPlatform.CreateHandler();

    /// <summary>The address paths are appended to.</summary>
    public Uri BaseAddress => _settings.BaseAddress;

    /// <summary>The per-call defaults of this transport (a copy); null when it has none.</summary>
    public RequestOptions? Defaults => _defaults?.Clone();

    /// <summary>
    /// A transport that shares this one's HttpClient (and so its connection pool) with <paramref name="defaults"/> over
    /// this one's defaults. It does not dispose the HttpClient: the original's owner does.
    /// </summary>
    public ApiTransport WithDefaults(RequestOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        defaults.Validate();
        return new ApiTransport(this, RequestOptions.Merge(_defaults, defaults.Clone()));
    }

    /// <summary>Sends <paramref name="request"/> and reads the response as <typeparamref name="T"/>.</summary>
    /// <exception cref="ScenarioApiException">The API answered with a non-success status (after retries where they apply).</exception>
    /// <exception cref="ScenarioConnectionException">The API could not be reached.</exception>
    /// <exception cref="ScenarioTimeoutException">Every attempt timed out.</exception>
    /// <exception cref="ScenarioInvalidResponseException">The success body is not a valid <typeparamref name="T"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken = default) =>
        SendAsync(request, responseType, null, cancellationToken);

    /// <summary>Sends <paramref name="request"/> with per-call <paramref name="options"/> and reads the response as <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentException">The options hold a refused or malformed header, or the address is not a valid URI (too long).</exception>
    /// <exception cref="ScenarioException">The call failed; see <see cref="SendForResponseAsync{T}(ApiRequest, ApiResponseReader{T}, RequestOptions?, CancellationToken)"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, RequestOptions? options, CancellationToken cancellationToken = default) =>
        (await SendForResponseAsync(request, responseType, options, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Sends <paramref name="request"/> and reads the response with <paramref name="reader"/> (JSON, JSON or nothing, text, bytes).</summary>
    /// <exception cref="ArgumentException">The options hold a refused or malformed header, or the address is not a valid URI (too long).</exception>
    /// <exception cref="ScenarioException">The call failed; see <see cref="SendForResponseAsync{T}(ApiRequest, ApiResponseReader{T}, RequestOptions?, CancellationToken)"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<T> SendAsync<T>(ApiRequest request, ApiResponseReader<T> reader, RequestOptions? options, CancellationToken cancellationToken = default) =>
        (await SendForResponseAsync(request, reader, options, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Sends <paramref name="request"/>, whose success has no body to read.</summary>
    /// <exception cref="ArgumentException">The options hold a refused or malformed header, or the address is not a valid URI (too long).</exception>
    /// <exception cref="ScenarioException">The call failed; see <see cref="SendForResponseAsync{T}(ApiRequest, ApiResponseReader{T}, RequestOptions?, CancellationToken)"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task SendAsync(ApiRequest request, RequestOptions? options, CancellationToken cancellationToken = default) =>
        SendForResponseAsync(request, ApiResponseReader.None, options, cancellationToken);

    /// <summary>Sends <paramref name="request"/>, whose success has no body to read, and returns the response's status, headers and timing.</summary>
    /// <exception cref="ArgumentException">The options hold a refused or malformed header, or the address is not a valid URI (too long).</exception>
    /// <exception cref="ScenarioException">The call failed; see <see cref="SendForResponseAsync{T}(ApiRequest, ApiResponseReader{T}, RequestOptions?, CancellationToken)"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ApiResponse> SendForResponseAsync(ApiRequest request, RequestOptions? options, CancellationToken cancellationToken = default) =>
        await SendForResponseAsync(request, ApiResponseReader.None, options, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends <paramref name="request"/> and returns the parsed body with the response's status, headers and timing.</summary>
    /// <exception cref="ArgumentException">The options hold a refused or malformed header, or the address is not a valid URI (too long).</exception>
    /// <exception cref="ScenarioException">The call failed; see <see cref="SendForResponseAsync{T}(ApiRequest, ApiResponseReader{T}, RequestOptions?, CancellationToken)"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ApiResponse<T>> SendForResponseAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendForResponseAsync(request, ApiResponseReader.Json(responseType ?? throw new ArgumentNullException(nameof(responseType))), options, cancellationToken);

    /// <summary>Sends <paramref name="request"/> and returns the body <paramref name="reader"/> read, with the response's status, headers and timing.</summary>
    /// <exception cref="ArgumentException">The options hold a refused or malformed header, or the address is not a valid URI (too long).</exception>
    /// <exception cref="ScenarioApiException">The API answered with a non-success status (after retries where they apply); its <see cref="ScenarioApiException.Body"/> is the documented error model, when the request names one.</exception>
    /// <exception cref="ScenarioConnectionException">The API could not be reached, or the response could not be read.</exception>
    /// <exception cref="ScenarioTimeoutException">Every attempt timed out.</exception>
    /// <exception cref="ScenarioInvalidResponseException">The success body is not what <paramref name="reader"/> reads (empty, not JSON, or JSON of another shape).</exception>
    /// <exception cref="ScenarioResponseTooLargeException">The success body is longer than <see cref="ApiClientOptions.MaxResponseBodyBytes"/>.</exception>
    /// <exception cref="ScenarioException">The call's security requirements name credentials the client was not given, or a token callback failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ApiResponse<T>> SendForResponseAsync<T>(ApiRequest request, ApiResponseReader<T> reader, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reader);
        RequestOptions? effective = RequestOptions.Merge(_defaults, options);
        effective?.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<ApiCredential> credentials = Credentials(request);

        string? idempotencyKey = effective?.IdempotencyKey
            ?? (_settings.GenerateIdempotencyKeys && !RequestOptions.IsIdempotent(request.Method) ? Guid.NewGuid().ToString() : null);

        // Content the caller built may not be sendable twice: such a call is made once.
        int maxRetries = request.Content is not null ? 0 : effective?.MaxRetries ?? _settings.MaxRetries;
        var call = new Call(request, effective, maxRetries, effective?.Timeout ?? _settings.Timeout, idempotencyKey, BuildUri(request, effective, credentials), credentials);

        using Activity? span = _settings.ActivitySource.StartActivity(_settings.ClientName + " " + request.Method.Method + " " + request.PathTemplate, ActivityKind.Internal);
        span?.SetTag("http.request.method", request.Method.Method);
        span?.SetTag("url.template", request.PathTemplate);
        var clock = Stopwatch.StartNew();
        try
        {
            ApiResponse<T> result = await SendWithRetriesAsync(call, reader, span, clock, cancellationToken).ConfigureAwait(false);
            span?.SetStatus(ActivityStatusCode.Ok);
            return result;
        }
        catch (Exception failure)
        {
            span?.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
            span?.SetTag("error.type", failure is ScenarioApiException api ? ((int)api.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : failure.GetType().Name);
            _log.CallFailed(request, clock.Elapsed, failure);
            if (failure is ScenarioException or OperationCanceledException)
            {
                throw;
            }

            // Nothing but the documented exceptions leaves a call.
            throw new ScenarioException("The call failed unexpectedly: " + Redact(failure.Message), failure);
        }
    }

    /// <summary>
    /// The credentials a call sends: with no security requirements (x-client's clients), none here (the settings'
    /// <c>Authorization</c> goes on every request); else the first alternative the client has all of.
    /// </summary>
    /// <exception cref="ScenarioException">No alternative can be met: the message names the options (and variables) to set.</exception>
    private IReadOnlyList<ApiCredential> Credentials(ApiRequest request)
    {
        if (request.Security is not { } security)
        {
            return Array.Empty<ApiCredential>();
        }

        if (security.Choose(_credentials) is { } chosen)
        {
            return chosen;
        }

        var needed = new List<string>();
        foreach (IReadOnlyList<string> alternative in security.Alternatives)
        {
            var parts = new List<string>();
            foreach (string scheme in alternative)
            {
                if (!_credentials.ContainsKey(scheme))
                {
                    parts.Add(_settings.CredentialHints is { } hints && hints.TryGetValue(scheme, out string? hint) ? hint : "the credentials of '" + scheme + "'");
                }
            }

            needed.Add(string.Join(" and ", parts));
        }

        throw new ScenarioException($"{request.Method.Method} {request.PathTemplate} needs credentials the client was not given: set {string.Join(", or ", needed)}.");
    }

    private async Task<ApiResponse<T>> SendWithRetriesAsync<T>(Call call, ApiResponseReader<T> reader, Activity? span, Stopwatch clock, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            span?.SetTag("scenario.retry_count", attempt);
            Attempt outcome = await SendOnceAsync(call, attempt, cancellationToken).ConfigureAwait(false);

            // The body's buffers go back to the pool when this attempt is done with: read, failed, or retried.
            using ResponseBody? body = outcome.Body;
            if (outcome.TooLarge)
            {
                span?.SetTag("http.response.status_code", outcome.StatusCode);
                throw new ScenarioResponseTooLargeException(
                    $"The API answered {outcome.StatusCode} with a body longer than the limit of {_maxBody} bytes (MaxResponseBodyBytes); the client stopped reading it.",
                    (HttpStatusCode)outcome.StatusCode,
                    _maxBody);
            }

            if (outcome.Failure is null && outcome.StatusCode is >= 200 and < 300)
            {
                span?.SetTag("http.response.status_code", outcome.StatusCode);
                T value = reader.Read(new ResponseContent(outcome.Body, outcome.StatusCode, outcome.ContentType, Redact));
                _log.CallSucceeded(call.Request, outcome.StatusCode, clock.Elapsed, attempt + 1);
                return new ApiResponse<T>((HttpStatusCode)outcome.StatusCode, outcome.Headers!, outcome.RequestId, clock.Elapsed, attempt + 1, value);
            }

            bool retryable = outcome.Failure is not null || IsRetryableStatus(outcome.StatusCode);
            if (!retryable || attempt >= call.MaxRetries)
            {
                span?.SetTag("http.response.status_code", outcome.StatusCode == 0 ? null : outcome.StatusCode);
                throw Fail(call, outcome, attempt);
            }

            TimeSpan delay = outcome.ServerDelay ?? RetryDelay.Backoff(attempt, _settings.Jitter());
            string reason = outcome.Failure is TimeoutException ? "timeout" : outcome.Failure is not null ? "connection" : outcome.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _log.Retrying(call.Request, attempt + 1, reason, delay);
            _metrics?.Retried(call.Request, reason);
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Attempt> SendOnceAsync(Call call, int attempt, CancellationToken cancellationToken)
    {
        ApiRequest request = call.Request;
        using Activity? span = _settings.ActivitySource.StartActivity(request.Method.Method + " " + request.PathTemplate, ActivityKind.Client);
        span?.SetTag("http.request.method", request.Method.Method);
        span?.SetTag("url.template", request.PathTemplate);
        span?.SetTag("server.address", _settings.BaseAddress.Host);
        if (attempt > 0)
        {
            span?.SetTag("http.request.resend_count", attempt);
        }

        _log.Sending(request, call.Uri, attempt + 1, Redact);
        _log.RequestBody(request, Redact);
        _metrics?.Started(request, _settings.BaseAddress);
        long started = Stopwatch.GetTimestamp();
        Attempt outcome = default;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(call.Timeout);
        HttpResponseMessage? response = null;
        try
        {
            using HttpRequestMessage message = CreateMessage(call);
            await ApplyCredentialsAsync(call, message, timeout.Token).ConfigureAwait(false);
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            span?.SetTag("http.response.status_code", status);
            HttpContent content = HttpPlatform.Content(response);
            IReadOnlyDictionary<string, string> headers = SnapshotHeaders(response.Headers, content.Headers);
            headers.TryGetValue("x-request-id", out string? requestId);
            headers.TryGetValue("Content-Type", out string? contentType);
            TimeSpan? serverDelay = RetryDelay.FromHeaders(response.Headers, DateTimeOffset.UtcNow);
            bool success = status is >= 200 and < 300;
            long limit = success ? _maxBody : MaxErrorBodyBytes;
            if (success && content.Headers.ContentLength is long announced && announced > limit)
            {
                outcome = new Attempt(status, null, headers, contentType, serverDelay, requestId, null, TooLarge: true);
            }
            else
            {
                ResponseBody body = await ReadBoundedAsync(content, limit, timeout.Token).ConfigureAwait(false);
                if (success && body.Exceeded)
                {
                    body.Dispose();
                    outcome = new Attempt(status, null, headers, contentType, serverDelay, requestId, null, TooLarge: true);
                }
                else
                {
                    outcome = new Attempt(status, body, headers, contentType, serverDelay, requestId, null, TooLarge: false);
                }
            }

            if (!success)
            {
                span?.SetStatus(ActivityStatusCode.Error);
                span?.SetTag("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return outcome;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            span?.SetStatus(ActivityStatusCode.Error, "canceled");
            outcome = new Attempt(0, null, null, null, null, null, new OperationCanceledException(), false);
            throw;
        }
        catch (OperationCanceledException canceled)
        {
            // Not the caller's token: the attempt's timeout (ours, or HttpClient.Timeout).
            span?.SetStatus(ActivityStatusCode.Error, "timeout");
            span?.SetTag("error.type", "timeout");
            outcome = new Attempt(0, null, null, null, null, null, new TimeoutException($"The attempt took longer than {call.Timeout.TotalSeconds:0.###} s.", canceled), false);
            return outcome;
        }
        catch (ScenarioException)
        {
            // A token callback failed (ApplyCredentialsAsync): not the network's doing, so not retried.
            span?.SetStatus(ActivityStatusCode.Error, "credentials");
            throw;
        }
        catch (Exception failure)
        {
            // HttpRequestException, IOException, a decompression error, a protocol violation: the response could not be had.
            span?.SetStatus(ActivityStatusCode.Error, "connection");
            span?.SetTag("error.type", failure.GetType().Name);
            outcome = new Attempt(0, null, null, null, null, null, failure, false);
            return outcome;
        }
        finally
        {
            response?.Dispose();
            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            _metrics?.Finished(request, _settings.BaseAddress, outcome.StatusCode, ErrorType(outcome), elapsed);
            _log.Answered(request, outcome.StatusCode, ErrorType(outcome), elapsed, attempt + 1);
            if (outcome.Body is not null)
            {
                _log.ResponseBody(request, outcome.Body, Redact);
            }
        }
    }

    private static string? ErrorType(Attempt outcome) => outcome.Failure switch
    {
        TimeoutException => "timeout",
        OperationCanceledException => "canceled",
        Exception failure => failure.GetType().FullName,
        null when outcome.TooLarge => "response_too_large",
        null when outcome.StatusCode >= 400 => outcome.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    private Uri BuildUri(ApiRequest request, RequestOptions? options, IReadOnlyList<ApiCredential> credentials)
    {
        string query = request.Query;
        if ((options is not null && options.Query.Count > 0) || credentials.Count > 0)
        {
            var extra = new StringBuilder(query);
            foreach (KeyValuePair<string, string> parameter in options?.Query ?? new Dictionary<string, string>())
            {
                extra.Append(extra.Length > 0 ? "&" : string.Empty).Append(ApiRequest.EscapeDataString(parameter.Key)).Append('=').Append(ApiRequest.EscapeDataString(parameter.Value));
            }

            foreach (ApiCredential credential in credentials)
            {
                credential.AppendQuery(extra);
            }

            query = extra.ToString();
        }

        string text = _baseAddress + request.Path + (query.Length > 0 ? "?" + query : string.Empty);
        try
        {
            // The path goes on the wire as built: no dot-segment removal, no unescaping (ApiRequest already refused dot segments).
            return HttpPlatform.CreateExactUri(text, request.PathTemplate);
        }
        catch (UriFormatException invalid)
        {
            throw new ArgumentException($"The request address ({text.Length} characters) is not a valid URI: {invalid.Message}", nameof(request), invalid);
        }
    }

    private HttpRequestMessage CreateMessage(Call call)
    {
        ApiRequest request = call.Request;
        var message = new HttpRequestMessage(request.Method, call.Uri);
        if (request.Accept is null)
        {
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }
        else
        {
            message.Headers.TryAddWithoutValidation("Accept", request.Accept);
        }

        // No "Expect: 100-continue" (which .NET Framework sends on every request with a body, then waits for the server).
        message.Headers.ExpectContinue = false;

        string userAgent = _settings.UserAgent;
        if (request.JsonBody is not null)
        {
            message.Content = new ByteArrayContent(request.JsonBody);
            if (request.ContentType is null)
            {
                message.Content.Headers.ContentType = JsonContentType;
            }
            else
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }
        else if (request.Content is not null)
        {
            message.Content = request.Content;
        }

        foreach (KeyValuePair<string, string> header in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (request.Cookies.Count > 0)
        {
            var cookies = new StringBuilder();
            foreach (KeyValuePair<string, string> cookie in request.Cookies)
            {
                cookies.Append(cookies.Length > 0 ? "; " : string.Empty).Append(cookie.Key).Append('=').Append(cookie.Value);
            }

            message.Headers.TryAddWithoutValidation("Cookie", cookies.ToString());
        }

        if (call.Options is not null)
        {
            foreach (KeyValuePair<string, string> header in call.Options.Headers)
            {
                if (string.Equals(header.Key, "User-Agent", StringComparison.OrdinalIgnoreCase))
                {
                    userAgent += " " + header.Value;
                }
                else if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value))
                {
                    message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
        }

        message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (call.IdempotencyKey is not null)
        {
            string name = _settings.IdempotencyHeader ?? DefaultIdempotencyHeader;
            message.Headers.Remove(name);
            message.Headers.TryAddWithoutValidation(name, call.IdempotencyKey);
        }

        if (_settings.Authorization is not null && request.Security is null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", _settings.Authorization);
        }

        return message;
    }

    /// <summary>Adds the call's credentials to one attempt's message; a token callback's failure ends the call (it is not the network's).</summary>
    private async Task ApplyCredentialsAsync(Call call, HttpRequestMessage message, CancellationToken cancellationToken)
    {
        foreach (ApiCredential credential in call.Credentials)
        {
            try
            {
                await credential.ApplyAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                throw new ScenarioException("The credentials of the call could not be had: " + Redact(failure.Message), failure);
            }
        }
    }

    private static IReadOnlyDictionary<string, string> SnapshotHeaders(HttpResponseHeaders response, HttpContentHeaders content)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            HttpPlatform.CopyHeaders(response, headers);
            HttpPlatform.CopyHeaders(content, headers);
        }
        catch (Exception)
        {
            // Keep what could be read; a header the stack cannot enumerate is not worth failing the call for.
        }

        return headers;
    }

    /// <summary>Reads at most <paramref name="limit"/> + 1 bytes: enough to know whether the body is longer than the limit.</summary>
    private static async Task<ResponseBody> ReadBoundedAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);

        // Some platforms' response streams (.NET Framework's) ignore the token of a read: closing the stream when it fires
        // ends a read that waits for a stalled server, so the attempt's timeout covers the body everywhere.
        using CancellationTokenRegistration closeOnCancel = cancellationToken.Register(static state => ((Stream)state!).Dispose(), stream);
        try
        {
            return await ResponseBody.ReadAsync(stream, content.Headers.ContentLength ?? 0, limit, MaxArrayLength, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception closed) when (cancellationToken.IsCancellationRequested && closed is not OperationCanceledException)
        {
            throw new OperationCanceledException("The body was not read in time.", closed, cancellationToken);
        }
    }

    private string BodyText(Attempt outcome) =>
        outcome.Body is null ? string.Empty : Redact(outcome.Body.Text()) + (outcome.Body.Exceeded ? "…" : string.Empty);

    private Exception Fail(Call call, Attempt outcome, int retries)
    {
        string tries = retries == 0 ? "1 attempt" : $"{retries + 1} attempts";
        switch (outcome.Failure)
        {
            case TimeoutException timeout:
                return new ScenarioTimeoutException($"The API did not answer in time ({tries}, {call.Timeout.TotalSeconds:0.###} s each).", call.Timeout, timeout);
            case Exception connection:
                return new ScenarioConnectionException($"Could not reach the API at {_settings.BaseAddress.Host} ({tries}): {Redact(connection.Message)}", connection);
            default:
                ScenarioApiException error = ScenarioApiException.Create((HttpStatusCode)outcome.StatusCode, BodyText(outcome), outcome.RequestId is null ? null : Redact(outcome.RequestId), outcome.Headers, Redact);
                error.Body = ErrorBody(call.Request, outcome);
                return error;
        }
    }

    /// <summary>The error body as the model the request documents for its status; null when none is documented, the body was cut, or it is not that JSON.</summary>
    private static object? ErrorBody(ApiRequest request, Attempt outcome)
    {
        if (outcome.Body is not { Length: > 0, Exceeded: false } body || request.ErrorType(outcome.StatusCode) is not { } type)
        {
            return null;
        }

        try
        {
            return body.Deserialize(type);
        }
        catch (Exception unreadable) when (unreadable is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            // Not the documented model: ResponseBody and ErrorMessage still have what the server said.
            return null;
        }
    }

    private static bool IsRetryableStatus(int status) => status is 408 or 409 or 429 or >= 500;

    /// <summary>Blanks out each secret of at least <see cref="MinRedactedSecretLength"/> characters, escaped or not (<see cref="Redaction"/>).</summary>
    private string Redact(string text)
    {
        text = Redaction.Redact(text, _settings.Secrets, MinRedactedSecretLength);
        foreach (ApiCredential credential in _allCredentials)
        {
            text = Redaction.Redact(text, credential.Secrets, MinRedactedSecretLength);
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

    private sealed record Call(ApiRequest Request, RequestOptions? Options, int MaxRetries, TimeSpan Timeout, string? IdempotencyKey, Uri Uri, IReadOnlyList<ApiCredential> Credentials);

    /// <summary>One attempt's outcome; its <see cref="Body"/> goes back to the pool when the attempt is done with.</summary>
    private readonly record struct Attempt(
        int StatusCode,
        ResponseBody? Body,
        IReadOnlyDictionary<string, string>? Headers,
        string? ContentType,
        TimeSpan? ServerDelay,
        string? RequestId,
        Exception? Failure,
        bool TooLarge);
}

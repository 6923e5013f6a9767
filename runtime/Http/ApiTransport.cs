using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Net;
using System.Net.Http;
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
/// <remarks>
/// The call path, top to bottom, composes parts of their own: <see cref="ClientCredentials"/> chooses a call's
/// credentials and adds them to each attempt, <see cref="RequestMessageFactory"/> makes its address and messages,
/// <see cref="BoundedResponse"/> reads each answer, <see cref="RetryPolicy"/> decides whether and when to try again,
/// <see cref="CallFailures"/> makes the documented exception, <see cref="Redaction"/> keeps secrets out of every text,
/// and <see cref="ApiLog"/> and <see cref="ApiMetrics"/> report it. A download's body is a <see cref="ResponseStream"/>
/// the caller reads; a stream of events is read from one by <see cref="EventReader{T}"/> over a <see cref="LineReader"/>.
/// </remarks>
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

    private readonly HttpClient _http;
    private readonly bool _disposeHttp;
    private readonly ApiTransportSettings _settings;
    private readonly RequestOptions? _defaults;
    private readonly long _maxBody;
    private readonly ApiLog _log;
    private readonly ApiMetrics? _metrics;
    private readonly ClientCredentials _credentials;
    private readonly Redaction _redaction;
    private readonly RetryPolicy _retries;
    private readonly RequestMessageFactory _messages;
    private readonly CallFailures _failures;

    /// <summary>Creates the transport with an <see cref="HttpClient"/> of its own (see <see cref="CreateHandler"/>), which it disposes.</summary>
    /// <exception cref="ApiException">The settings would send credentials over plain HTTP to a host that is not loopback (in the settings' <see cref="ApiTransportSettings.ExceptionFamily"/>, as every failure).</exception>
    public ApiTransport(ApiTransportSettings settings)
        : this(Validate(settings), static () => new HttpClient(CreateHandler(), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan }, disposeHttpClient: true)
    {
        HttpPlatform.RecycleConnections(settings.BaseAddress);
    }

    /// <summary>Creates the transport over <paramref name="httpClient"/>, which it does not dispose.</summary>
    /// <exception cref="ApiException">The settings would send credentials over plain HTTP to a host that is not loopback.</exception>
    public ApiTransport(HttpClient httpClient, ApiTransportSettings settings)
        : this(Validate(settings), () => httpClient ?? throw new ArgumentNullException(nameof(httpClient)), disposeHttpClient: false)
    {
    }

    private ApiTransport(ApiTransportSettings settings, Func<HttpClient> httpClient, bool disposeHttpClient)
    {
        _settings = settings;
        _maxBody = settings.ClientOptions?.MaxResponseBodyBytes ?? ApiClientOptions.DefaultMaxResponseBodyBytes;
        _log = new ApiLog(settings.ClientOptions?.LoggerFactory?.CreateLogger(settings.ClientName + ".Client"), settings.ClientOptions?.LogBodies == true);
        _metrics = settings.Meter is null ? null : ApiMetrics.For(settings.Meter, settings.ClientName);
        _credentials = new ClientCredentials(settings.Credentials, settings.CredentialHints, settings.ExceptionFamily);
        _redaction = new Redaction(settings.Secrets, _credentials.All, MinRedactedSecretLength);
        _retries = new RetryPolicy(settings.MaxRetries, settings.Jitter);
        _messages = new RequestMessageFactory(settings);
        _failures = new CallFailures(settings.ExceptionFamily, settings.BaseAddress.Host, _maxBody, Redact);
        _http = httpClient();
        _disposeHttp = disposeHttpClient;
    }

    private ApiTransport(ApiTransport parent, RequestOptions? defaults)
    {
        _settings = parent._settings;
        _maxBody = parent._maxBody;
        _log = parent._log;
        _metrics = parent._metrics;
        _credentials = parent._credentials;
        _redaction = parent._redaction;
        _retries = parent._retries;
        _messages = parent._messages;
        _failures = parent._failures;
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
            throw ApiExceptionFactory.Failure(settings.ExceptionFamily, $"The base address '{baseAddress}' is not an absolute http or https address.");
        }

        bool sendsCredentials = settings.Authorization is not null || settings.Credentials is { Count: > 0 };
        if (sendsCredentials && baseAddress.Scheme == Uri.UriSchemeHttp && !baseAddress.IsLoopback)
        {
            throw ApiExceptionFactory.Failure(settings.ExceptionFamily, $"Refusing to send credentials over plain HTTP to {baseAddress.Host}; use https, or http only to a loopback address.");
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

    /// <summary>Which exception types the transport throws (the settings').</summary>
    public ApiExceptionFamily ExceptionFamily => _settings.ExceptionFamily;

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
    /// <exception cref="ApiException">The call failed; see <see cref="SendForResponseAsync{T}(ApiRequest, ApiResponseReader{T}, RequestOptions?, CancellationToken)"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken = default) =>
        SendAsync(request, responseType, null, cancellationToken);

    /// <summary>Sends <paramref name="request"/> with per-call <paramref name="options"/> and reads the response as <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentException">The options hold a refused or malformed header, or the address is not a valid URI (too long).</exception>
    /// <exception cref="ApiException">The call failed; see <see cref="SendForResponseAsync{T}(ApiRequest, ApiResponseReader{T}, RequestOptions?, CancellationToken)"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, RequestOptions? options, CancellationToken cancellationToken = default) =>
        (await SendForResponseAsync(request, responseType, options, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Sends <paramref name="request"/> and reads the response with <paramref name="reader"/> (JSON, JSON or nothing, text, bytes).</summary>
    /// <exception cref="ArgumentException">The options hold a refused or malformed header, or the address is not a valid URI (too long).</exception>
    /// <exception cref="ApiException">The call failed; see <see cref="SendForResponseAsync{T}(ApiRequest, ApiResponseReader{T}, RequestOptions?, CancellationToken)"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<T> SendAsync<T>(ApiRequest request, ApiResponseReader<T> reader, RequestOptions? options, CancellationToken cancellationToken = default) =>
        (await SendForResponseAsync(request, reader, options, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Sends <paramref name="request"/>, whose success has no body to read.</summary>
    /// <exception cref="ArgumentException">The options hold a refused or malformed header, or the address is not a valid URI (too long).</exception>
    /// <exception cref="ApiException">The call failed; see <see cref="SendForResponseAsync{T}(ApiRequest, ApiResponseReader{T}, RequestOptions?, CancellationToken)"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task SendAsync(ApiRequest request, RequestOptions? options, CancellationToken cancellationToken = default) =>
        SendForResponseAsync(request, ApiResponseReader.None, options, cancellationToken);

    /// <summary>Sends <paramref name="request"/>, whose success has no body to read, and returns the response's status, headers and timing.</summary>
    /// <exception cref="ArgumentException">The options hold a refused or malformed header, or the address is not a valid URI (too long).</exception>
    /// <exception cref="ApiException">The call failed; see <see cref="SendForResponseAsync{T}(ApiRequest, ApiResponseReader{T}, RequestOptions?, CancellationToken)"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ApiResponse> SendForResponseAsync(ApiRequest request, RequestOptions? options, CancellationToken cancellationToken = default) =>
        await SendForResponseAsync(request, ApiResponseReader.None, options, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends <paramref name="request"/> and returns the parsed body with the response's status, headers and timing.</summary>
    /// <exception cref="ArgumentException">The options hold a refused or malformed header, or the address is not a valid URI (too long).</exception>
    /// <exception cref="ApiException">The call failed; see <see cref="SendForResponseAsync{T}(ApiRequest, ApiResponseReader{T}, RequestOptions?, CancellationToken)"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ApiResponse<T>> SendForResponseAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendForResponseAsync(request, ApiResponseReader.Json(responseType ?? throw new ArgumentNullException(nameof(responseType))), options, cancellationToken);

    /// <summary>Sends <paramref name="request"/> and returns the body <paramref name="reader"/> read, with the response's status, headers and timing.</summary>
    /// <exception cref="ArgumentException">The options hold a refused or malformed header, or the address is not a valid URI (too long).</exception>
    /// <exception cref="ApiStatusException">The API answered with a non-success status (after retries where they apply); its <see cref="ApiStatusException.Body"/> is the documented error model, when the request names one.
    /// Each exception is of the settings' <see cref="ApiTransportSettings.ExceptionFamily"/>: for <see cref="ApiExceptionFamily.Scenario"/>, a <see cref="ScenarioApiException"/>, and so on.</exception>
    /// <exception cref="ApiConnectionException">The API could not be reached, or the response could not be read.</exception>
    /// <exception cref="ApiTimeoutException">Every attempt timed out.</exception>
    /// <exception cref="ApiInvalidResponseException">The success body is not what <paramref name="reader"/> reads (empty, not JSON, or JSON of another shape).</exception>
    /// <exception cref="ApiResponseTooLargeException">The success body is longer than <see cref="ApiClientOptions.MaxResponseBodyBytes"/>.</exception>
    /// <exception cref="ApiException">The call's security requirements name credentials the client was not given, or a token callback failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ApiResponse<T>> SendForResponseAsync<T>(ApiRequest request, ApiResponseReader<T> reader, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reader);
        RequestOptions? effective = RequestOptions.Merge(_defaults, options);
        effective?.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<ApiCredential> credentials = _credentials.For(request);

        string? idempotencyKey = effective?.IdempotencyKey
            ?? (_settings.GenerateIdempotencyKeys && !RequestOptions.IsIdempotent(request.Method) ? Guid.NewGuid().ToString() : null);
        var call = new ApiCall(
            request,
            effective,
            _retries.MaxRetries(request, effective),
            effective?.Timeout ?? _settings.Timeout,
            idempotencyKey,
            _messages.BuildUri(request, effective, credentials),
            credentials);

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
            span?.SetTag("error.type", failure is IApiStatusException status ? ((int)status.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : failure.GetType().Name);
            _log.CallFailed(request, clock.Elapsed, failure);
            if (failure is ApiException or OperationCanceledException)
            {
                throw;
            }

            // Nothing but the documented exceptions leaves a call.
            throw _failures.Unexpected(failure);
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> and returns the events of its streamed response as they arrive (server-sent events
    /// or JSON lines), each event's data read as <typeparamref name="T"/>. The request is sent when the sequence is first
    /// enumerated; until the headers come it is retried as any call, and an error status is the typed exception as for
    /// any call. Then each read waits at most the call's timeout, as for a download.
    /// </summary>
    /// <exception cref="ApiException">The call failed, as for <see cref="SendForResponseAsync{T}(ApiRequest, ApiResponseReader{T}, RequestOptions?, CancellationToken)"/>;
    /// or, while enumerating, the stream sent an <c>error</c> event (<see cref="ApiEventStreamException"/>), data that is not
    /// a <typeparamref name="T"/> (<see cref="ApiInvalidResponseException"/>), an event longer than <see cref="ApiClientOptions.MaxResponseBodyBytes"/>
    /// (<see cref="ApiResponseTooLargeException"/>), stalled (<see cref="ApiTimeoutException"/>) or broke (<see cref="ApiConnectionException"/>);
    /// or their <c>Scenario…</c> twins, for the settings' <see cref="ApiExceptionFamily.Scenario"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> (or the enumeration's) was cancelled.</exception>
    public IAsyncEnumerable<ApiEvent<T>> StreamEventsAsync<T>(ApiRequest request, JsonTypeInfo<T> eventType, ApiStreamFormat format, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(eventType);
        return ReadEventsAsync(request, eventType, format, options, cancellationToken);
    }

    /// <summary>The data of the events of <see cref="StreamEventsAsync{T}"/>, as they arrive.</summary>
    /// <exception cref="ApiException">See <see cref="StreamEventsAsync{T}"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> (or the enumeration's) was cancelled.</exception>
    public IAsyncEnumerable<T> StreamAsync<T>(ApiRequest request, JsonTypeInfo<T> eventType, ApiStreamFormat format, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(eventType);
        return ReadDataAsync(request, eventType, format, options, cancellationToken);
    }

    private async IAsyncEnumerable<ApiEvent<T>> ReadEventsAsync<T>(ApiRequest request, JsonTypeInfo<T> eventType, ApiStreamFormat format, RequestOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using ApiFileResponse response = await OpenStreamAsync(request, format, options, cancellationToken).ConfigureAwait(false);
        using var reader = new EventReader<T>(response.Content, eventType, format, _maxBody, response.StatusCode, Redact, _settings.ExceptionFamily);
        while (await reader.NextAsync(cancellationToken).ConfigureAwait(false) is { } next)
        {
            yield return next;
        }
    }

    // The same walk yielding only the data: one iterator per event, not one wrapping the other.
    private async IAsyncEnumerable<T> ReadDataAsync<T>(ApiRequest request, JsonTypeInfo<T> eventType, ApiStreamFormat format, RequestOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using ApiFileResponse response = await OpenStreamAsync(request, format, options, cancellationToken).ConfigureAwait(false);
        using var reader = new EventReader<T>(response.Content, eventType, format, _maxBody, response.StatusCode, Redact, _settings.ExceptionFamily);
        while (await reader.NextAsync(cancellationToken).ConfigureAwait(false) is { } next)
        {
            yield return next.Data;
        }
    }

    /// <summary>Whether the call checks its response against the schema: its own option, else the client's.</summary>
    private bool ValidatesResponse(ApiCall call) => call.Options?.ValidateResponse ?? _settings.ClientOptions?.ValidateResponses ?? false;

    private Task<ApiFileResponse> OpenStreamAsync(ApiRequest request, ApiStreamFormat format, RequestOptions? options, CancellationToken cancellationToken)
    {
        request.Accept = format == ApiStreamFormat.ServerSentEvents ? "text/event-stream" : "application/x-ndjson, application/jsonl";
        return SendAsync(request, ApiResponseReader.File, options, cancellationToken);
    }

    private async Task<ApiResponse<T>> SendWithRetriesAsync<T>(ApiCall call, ApiResponseReader<T> reader, Activity? span, Stopwatch clock, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            span?.SetTag("scenario.retry_count", attempt);
            Attempt outcome = await SendOnceAsync(call, attempt, reader.Streams, cancellationToken).ConfigureAwait(false);

            // The body's buffers go back to the pool when this attempt is done with: read, failed, or retried.
            using ResponseBody? body = outcome.Body;
            if (outcome.TooLarge)
            {
                span?.SetTag("http.response.status_code", outcome.StatusCode);
                throw _failures.TooLarge(outcome);
            }

            if (outcome.Succeeded)
            {
                span?.SetTag("http.response.status_code", outcome.StatusCode);
                T value;
                try
                {
                    value = outcome.Unread is { } unread
                        ? reader.Read(new ResponseContent(unread, outcome.StatusCode, outcome.Headers!, outcome.RequestId, Redact, _settings.ExceptionFamily, ValidatesResponse(call)))
                        : reader.Read(new ResponseContent(outcome.Body, outcome.StatusCode, outcome.ContentType, Redact, _settings.ExceptionFamily, ValidatesResponse(call)));
                }
                catch
                {
                    outcome.Unread?.Dispose();
                    throw;
                }

                _log.CallSucceeded(call.Request, outcome.StatusCode, clock.Elapsed, attempt + 1);
                return new ApiResponse<T>((HttpStatusCode)outcome.StatusCode, outcome.Headers!, outcome.RequestId, clock.Elapsed, attempt + 1, value);
            }

            if (!RetryPolicy.ShouldRetry(outcome, attempt, call.MaxRetries))
            {
                span?.SetTag("http.response.status_code", outcome.StatusCode == 0 ? null : outcome.StatusCode);
                throw _failures.Fail(call, outcome, attempt);
            }

            TimeSpan delay = _retries.Delay(outcome, attempt);
            string reason = RetryPolicy.Reason(outcome);
            _log.Retrying(call.Request, attempt + 1, reason, delay);
            _metrics?.Retried(call.Request, reason);
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One attempt: its message sent, its answer read (or, when <paramref name="streams"/>, a success's body left unread).</summary>
    private async Task<Attempt> SendOnceAsync(ApiCall call, int attempt, bool streams, CancellationToken cancellationToken)
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
            using HttpRequestMessage message = _messages.Create(call);
            await _credentials.ApplyAsync(call.Credentials, message, Redact, timeout.Token).ConfigureAwait(false);
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            span?.SetTag("http.response.status_code", status);
            if (streams && status is >= 200 and < 300)
            {
                // The body is read as the caller reads it, each read within the timeout (ResponseStream), outside the body limit.
                System.IO.Stream body = await HttpPlatform.Content(response).ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
                outcome = BoundedResponse.Head(response) with { Unread = new ResponseStream(body, response, call.Timeout, _settings.BaseAddress.Host, _settings.ExceptionFamily) };
                response = null;
            }
            else
            {
                outcome = await BoundedResponse.ReadAsync(response, _maxBody, timeout.Token).ConfigureAwait(false);
            }

            if (status is < 200 or >= 300)
            {
                span?.SetStatus(ActivityStatusCode.Error);
                span?.SetTag("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return outcome;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            span?.SetStatus(ActivityStatusCode.Error, "canceled");
            outcome = Attempt.Failed(new OperationCanceledException());
            throw;
        }
        catch (OperationCanceledException canceled)
        {
            // Not the caller's token: the attempt's timeout (ours, or HttpClient.Timeout).
            span?.SetStatus(ActivityStatusCode.Error, "timeout");
            span?.SetTag("error.type", "timeout");
            outcome = Attempt.Failed(new TimeoutException($"The attempt took longer than {call.Timeout.TotalSeconds:0.###} s.", canceled));
            return outcome;
        }
        catch (ApiException)
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
            outcome = Attempt.Failed(failure);
            return outcome;
        }
        finally
        {
            response?.Dispose();
            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            _metrics?.Finished(request, _settings.BaseAddress, outcome.StatusCode, outcome.ErrorType, elapsed);
            _log.Answered(request, outcome.StatusCode, outcome.ErrorType, elapsed, attempt + 1);
            if (outcome.Body is not null)
            {
                _log.ResponseBody(request, outcome.Body, Redact);
            }
        }
    }

    /// <summary>Blanks out each secret of at least <see cref="MinRedactedSecretLength"/> characters, escaped or not (<see cref="Redaction"/>).</summary>
    private string Redact(string text) => _redaction.Redact(text);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposeHttp)
        {
            _http.Dispose();
        }
    }
}

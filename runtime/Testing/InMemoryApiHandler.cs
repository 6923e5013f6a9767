using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Scenario.Runtime.Testing;

/// <summary>
/// An <see cref="HttpMessageHandler"/> for an application's tests: it answers from a script instead of the network and
/// records every request. Give it to a client as <c>new ScenarioClient(new HttpClient(handler) { BaseAddress = … }, options)</c>,
/// or through DI with <c>AddScenarioClient(…).ConfigurePrimaryHttpMessageHandler(() =&gt; handler)</c>. Thread-safe.
/// </summary>
public sealed class InMemoryApiHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<RecordedApiRequest, HttpResponseMessage>> _script = new();
    private readonly ConcurrentQueue<RecordedApiRequest> _requests = new();
    private Func<RecordedApiRequest, HttpResponseMessage>? _fallback;

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedApiRequest> Requests => _requests.ToArray();

    /// <summary>Queues one response: the next request gets <paramref name="status"/> with <paramref name="json"/> as its body.</summary>
    public InMemoryApiHandler Enqueue(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        ArgumentNullException.ThrowIfNull(json);
        _script.Enqueue(_ => Response(status, json, headers));
        return this;
    }

    /// <summary>Queues one response computed from the request.</summary>
    public InMemoryApiHandler Enqueue(Func<RecordedApiRequest, HttpResponseMessage> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        _script.Enqueue(respond);
        return this;
    }

    /// <summary>Answers every request the queue does not (by default an unscripted request gets 500 and a message naming it).</summary>
    public InMemoryApiHandler Otherwise(HttpStatusCode status, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Volatile.Write(ref _fallback, _ => Response(status, json, Array.Empty<(string, string)>()));
        return this;
    }

    /// <summary>A JSON response with <paramref name="headers"/>.</summary>
    public static HttpResponseMessage Response(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json ?? string.Empty, Encoding.UTF8, "application/json") };
        foreach ((string name, string value) in headers ?? Array.Empty<(string, string)>())
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        var recorded = new RecordedApiRequest(request.Method.Method, request.RequestUri!, headers, body);
        _requests.Enqueue(recorded);
        Func<RecordedApiRequest, HttpResponseMessage>? respond = _script.TryDequeue(out var next) ? next : Volatile.Read(ref _fallback);
        HttpResponseMessage response = respond is not null
            ? respond(recorded)
            : Response(HttpStatusCode.InternalServerError, "{\"message\":\"InMemoryApiHandler has no response scripted for " + request.Method.Method + " " + request.RequestUri!.AbsolutePath + "\"}");
        response.RequestMessage = request;
        return response;
    }
}

/// <summary>A request as <see cref="InMemoryApiHandler"/> received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The full address, query included.</param>
/// <param name="Headers">Request and content headers by case-insensitive name, repeated values joined with <c>", "</c>.</param>
/// <param name="Body">The body as text; null when there was none.</param>
public sealed record RecordedApiRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body);

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace Scenario.Runtime.Http;

/// <summary>
/// The client's instruments, after the OpenTelemetry HTTP client semantic conventions: <c>http.client.request.duration</c>
/// (seconds, one measurement per attempt) and <c>http.client.active_requests</c>, tagged <c>http.request.method</c>,
/// <c>url.template</c>, <c>server.address</c>, <c>server.port</c>, <c>http.response.status_code</c> and <c>error.type</c>;
/// and <c>{name}.client.retries</c> (one per retry, tagged with the method, template and <c>retry.reason</c>).
/// One set per <see cref="Meter"/>, shared by every transport of that meter.
/// </summary>
internal sealed class ApiMetrics
{
    private static readonly ConditionalWeakTable<Meter, ApiMetrics> s_byMeter = new();

    private readonly Histogram<double> _duration;
    private readonly UpDownCounter<long> _active;
    private readonly Counter<long> _retries;

    private ApiMetrics(Meter meter, string clientName)
    {
        _duration = meter.CreateHistogram<double>("http.client.request.duration", "s", "Duration of HTTP client requests (each attempt).");
        _active = meter.CreateUpDownCounter<long>("http.client.active_requests", "{request}", "Number of outbound HTTP requests that are currently active on the client.");
        _retries = meter.CreateCounter<long>(clientName.ToLowerInvariant() + ".client.retries", "{retry}", "Retries of failed attempts.");
    }

    public static ApiMetrics For(Meter meter, string clientName)
    {
        lock (s_byMeter)
        {
            if (!s_byMeter.TryGetValue(meter, out ApiMetrics? metrics))
            {
                metrics = new ApiMetrics(meter, clientName);
                s_byMeter.Add(meter, metrics);
            }

            return metrics;
        }
    }

    public void Started(ApiRequest request, Uri server)
    {
        if (_active.Enabled)
        {
            _active.Add(1, Common(request, server));
        }
    }

    public void Finished(ApiRequest request, Uri server, int status, string? errorType, TimeSpan elapsed)
    {
        if (_active.Enabled)
        {
            _active.Add(-1, Common(request, server));
        }

        if (_duration.Enabled)
        {
            TagList tags = Common(request, server);
            if (status > 0)
            {
                tags.Add("http.response.status_code", status);
            }

            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
            }

            _duration.Record(elapsed.TotalSeconds, tags);
        }
    }

    public void Retried(ApiRequest request, string reason)
    {
        if (_retries.Enabled)
        {
            _retries.Add(1, new KeyValuePair<string, object?>("http.request.method", request.Method.Method), new KeyValuePair<string, object?>("url.template", request.PathTemplate), new KeyValuePair<string, object?>("retry.reason", reason));
        }
    }

    private static TagList Common(ApiRequest request, Uri server) => new()
    {
        { "http.request.method", request.Method.Method },
        { "url.template", request.PathTemplate },
        { "server.address", server.Host },
        { "server.port", server.Port },
    };
}

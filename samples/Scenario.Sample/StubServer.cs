using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Scenario;

namespace Scenario.Sample;

/// <summary>
/// A Scenario-compatible stub on 127.0.0.1 serving <c>GET</c> and <c>PUT /v1/models/{modelId}/examples</c> from the API's
/// documented example response, so the sample runs with no network and no credentials.
/// </summary>
internal sealed class StubServer : IAsyncDisposable
{
    public const string ApiKey = "stub-key";
    public const string ApiSecret = "stub-secret";

    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<Example>> _examples = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<Example> _catalog;
    private readonly string _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ApiKey + ":" + ApiSecret));
    private readonly Task _loop;

    private StubServer(IReadOnlyList<Example> catalog, int port)
    {
        _catalog = catalog;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/v1/");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public static StubServer Start()
    {
        IReadOnlyList<Example> catalog = DemoExamples(ReadSeed());
        for (int tries = 0; ; tries++)
        {
            try
            {
                return new StubServer(catalog, FreePort());
            }
            catch (HttpListenerException) when (tries < 5)
            {
                // The port was taken between finding it and listening on it: take another.
            }
        }
    }

    /// <summary>The documented example response, embedded in the sample.</summary>
    private static ExampleListResponse ReadSeed()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("list-response.json")
            ?? throw new InvalidOperationException("The sample's embedded list-response.json is missing.");
        return JsonSerializer.Deserialize(stream, ScenarioJsonContext.Default.ExampleListResponse)!;
    }

    /// <summary>A few assets made from the documented example with <c>with</c>, so the table has rows worth reading.</summary>
    private static IReadOnlyList<Example> DemoExamples(ExampleListResponse seed)
    {
        Example template = seed.Examples[0];
        (string Id, AssetKind Kind, AssetType Type, AssetStatus Status, JobStatus Job)[] rows =
        {
            ("asset_GTrL3mq4SXWyMxkOHRxlpw", AssetKind.Image, AssetType.InferenceTxt2img, AssetStatus.Success, JobStatus.Success),
            ("asset_7hQpVb2LxN0c1YzRk4sWmA", AssetKind.Image, AssetType.Upscale, AssetStatus.Pending, JobStatus.InProgress),
            ("asset_Rk2cYw9TqP5mJz8LdV3nHe", AssetKind._3d, AssetType.Img23d, AssetStatus.Error, JobStatus.Failure),
            ("asset_Ux4bNf6GsE1aKo0PiT7rQc", AssetKind.Video, AssetType.Img2video, AssetStatus.Success, JobStatus.Success),
        };
        return rows.Select(row => template with
        {
            Asset = template.Asset with
            {
                Id = row.Id,
                Kind = row.Kind,
                Status = row.Status,
                Metadata = template.Asset.Metadata with { Kind = row.Kind, Type = row.Type },
            },
            Job = template.Job is null ? null : template.Job with { Status = row.Job },
        }).ToList();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }

            _ = Task.Run(() => Handle(context));
        }
    }

    private void Handle(HttpListenerContext context)
    {
        HttpListenerResponse response = context.Response;
        try
        {
            (int status, byte[] body) = Route(context.Request);
            response.StatusCode = status;
            response.ContentType = "application/json";
            response.ContentLength64 = body.Length;
            response.OutputStream.Write(body);
        }
        finally
        {
            response.Close();
        }
    }

    private (int Status, byte[] Body) Route(HttpListenerRequest request)
    {
        if (request.Headers["Authorization"] != _expectedAuthorization)
        {
            return Error(401, "Invalid credentials.");
        }

        string[] segments = request.Url!.AbsolutePath.Trim('/').Split('/');
        if (segments is not ["v1", "models", var modelId, "examples"])
        {
            return Error(404, $"No route for {request.HttpMethod} {request.Url.AbsolutePath}.");
        }

        modelId = Uri.UnescapeDataString(modelId);
        IReadOnlyList<Example> current = _examples.GetOrAdd(modelId, _catalog);
        switch (request.HttpMethod)
        {
            case "GET":
                return Ok(new ExampleListResponse { Examples = current });
            case "PUT":
                ExampleUpdateParams update;
                try
                {
                    update = JsonSerializer.Deserialize(request.InputStream, ScenarioJsonContext.Default.ExampleUpdateParams)!;
                }
                catch (JsonException failure)
                {
                    return Error(400, failure.Message);
                }

                var byId = _catalog.ToDictionary(e => e.Asset.Id, StringComparer.Ordinal);
                string? unknown = update.AssetIds.FirstOrDefault(id => !byId.ContainsKey(id));
                if (unknown is not null)
                {
                    return Error(400, $"Asset {unknown} is not in the model.");
                }

                IReadOnlyList<Example> updated = update.AssetIds.Select(id => byId[id]).ToList();
                _examples[modelId] = updated;
                return Ok(new ExampleUpdateResponse { Examples = updated });
            default:
                return Error(405, $"{request.HttpMethod} is not allowed here.");
        }
    }

    private static (int, byte[]) Ok(ExampleListResponse value) => (200, JsonSerializer.SerializeToUtf8Bytes(value, ScenarioJsonContext.Default.ExampleListResponse));

    private static (int, byte[]) Ok(ExampleUpdateResponse value) => (200, JsonSerializer.SerializeToUtf8Bytes(value, ScenarioJsonContext.Default.ExampleUpdateResponse));

    private static (int, byte[]) Error(int status, string message)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteEndObject();
        }

        return (status, buffer.ToArray());
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }
}

// What a new user writes: the generated models, their open enums, and the generated client, by DI with configuration
// binding, logging and metrics. Only packages: the schema comes from the Scenario.Generators package.
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scenario;

const string json = """
{"examples":[{"modelId":"model_1","asset":{"id":"asset_1","authorId":"a","collectionIds":[],"createdAt":"2026-01-01T00:00:00Z",
"editCapabilities":["UPSCALE","TELEPORT"],"kind":"image","metadata":{"kind":"image","type":"txt2hologram","seed":42},
"mimeType":"image/png","ownerId":"proj_1","privacy":"private","properties":{"size":1024},"source":"txt2img","status":"success",
"tags":[],"updatedAt":"2026-01-01T00:00:00Z","url":"https://example.com/a.png","sparkles":true}}]}
""";

ExampleListResponse list = JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.ExampleListResponse)!;
Asset asset = list.Examples[0].Asset;
Console.WriteLine($"kind image: {asset.Kind == AssetKind.Image}");
Console.WriteLine($"type known: {asset.Metadata.Type.IsKnown} ({asset.Metadata.Type})");
Console.WriteLine($"seed is number: {asset.Metadata.Seed!.Value.IsNumber}");
string back = JsonSerializer.Serialize(list, ScenarioJsonContext.Default.ExampleListResponse);
Console.WriteLine($"round trip equal: {JsonElement.DeepEquals(JsonDocument.Parse(json).RootElement, JsonDocument.Parse(back).RootElement)}");

// Nothing listens on port 9 of loopback: the client reports a connection failure, typed.
using (var client = new ScenarioClient(new ScenarioClientOptions { ApiKey = "k", ApiSecret = "s", BaseAddress = new Uri("http://127.0.0.1:9/v1"), MaxRetries = 0 }))
{
    try
    {
        await client.Models.Examples.ListAsync("model_1");
    }
    catch (ScenarioConnectionException)
    {
        Console.WriteLine("client: connection failure reported");
    }
}

// The same through DI: options bound from configuration, the container's logging, metrics seen by a MeterListener.
IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Scenario:ApiKey"] = "k",
    ["Scenario:ApiSecret"] = "consumer-secret",
    ["Scenario:BaseAddress"] = "http://127.0.0.1:9/v1",
    ["Scenario:MaxRetries"] = "0",
    ["Scenario:Timeout"] = "00:00:05",
}).Build();
var logs = new List<string>();
var services = new ServiceCollection();
services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new ListLoggerProvider(logs)));
services.AddScenarioClient(configuration.GetSection("Scenario"));

int durations = 0;
using var listener = new MeterListener
{
    InstrumentPublished = (instrument, l) =>
    {
        if (instrument.Meter.Name == ScenarioClient.MeterName && instrument.Name == "http.client.request.duration")
        {
            l.EnableMeasurementEvents(instrument);
        }
    },
};
listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref durations));
listener.Start();

using (ServiceProvider provider = services.BuildServiceProvider())
{
    var client = provider.GetRequiredService<IScenarioClient>();
    try
    {
        await client.Models.Examples.ListAsync("model_1", null, new RequestOptions { Headers = { ["X-Trace"] = "consumer" } });
    }
    catch (ScenarioConnectionException)
    {
        Console.WriteLine("di: connection failure reported");
    }
}

// A client of the user's own OpenAPI description (todo.openapi.yaml), made from YAML through the package alone.
// Its schema Todo takes the name the file would give the namespace, which becomes TodoApi.
// A client of any API but Scenario's throws the neutral exceptions (ApiConnectionException, not ScenarioConnectionException).
using (var todos = new TodoApi.TodoClient(new TodoApi.TodoClientOptions { Token = "t0ken-123", BaseAddress = new Uri("http://127.0.0.1:9/v1"), MaxRetries = 0 }))
{
    try
    {
        await todos.Todos.CreateAsync(new TodoApi.Todo { Title = "write the docs" });
    }
    catch (ApiConnectionException)
    {
        Console.WriteLine("openapi yaml client: connection failure reported");
    }

    // Beyond JSON bodies, published with Native AOT like the rest: a stream of events, a pager, a download and an upload.
    int reported = 0;
    try
    {
        await foreach (TodoApi.Todo changed in todos.Todos.Events.ListAsync())
        {
        }
    }
    catch (ApiConnectionException)
    {
        reported++;
    }

    try
    {
        await foreach (TodoApi.Todo todo in todos.Todos.Pages.ListAsync())
        {
        }
    }
    catch (ApiConnectionException)
    {
        reported++;
    }

    try
    {
        using ApiFileResponse attachment = await todos.Todos.Attachment.ListAsync(1);
    }
    catch (ApiConnectionException)
    {
        reported++;
    }

    try
    {
        await todos.Todos.Attachment.UpdateAsync(1, new TodoApi.TodosAttachmentUpdateForm { File = ApiFile.FromBytes(new byte[] { 1, 2, 3 }, "a.bin"), Note = "n" });
    }
    catch (ApiConnectionException)
    {
        reported++;
    }

    Console.WriteLine($"openapi yaml streams, pages, downloads and uploads: {reported} connection failures reported");
}

// Real descriptions' pages (Azure's x-ms-pageable next links), download (1Password Connect), upload (Swagger Petstore
// 2.0's formData) and events (Docker's JSON lines), each against nothing: each reports its connection failure.
{
    var nowhere = new Uri("http://127.0.0.1:9/v1");
    int reported = 0;
    using var azure = new RealApis.Azure.AzureNetworkClient(new RealApis.Azure.AzureNetworkClientOptions { BaseAddress = nowhere, MaxRetries = 0, AzureAuthTokenProvider = _ => new ValueTask<string>("token") });
    using var onePassword = new RealApis.OnePassword.OnePasswordClient(new RealApis.OnePassword.OnePasswordClientOptions { BaseAddress = nowhere, MaxRetries = 0, ConnectToken = "token" });
    using var petstore = new RealApis.Petstore.PetstoreClient(new RealApis.Petstore.PetstoreClientOptions { BaseAddress = nowhere, MaxRetries = 0, PetstoreAuthTokenProvider = _ => new ValueTask<string>("token") });
    using var docker = new RealApis.Docker.DockerClient(new RealApis.Docker.DockerClientOptions { BaseAddress = nowhere, MaxRetries = 0 });
    Func<Task>[] calls =
    {
        async () =>
        {
            await foreach (RealApis.Azure.AvailableDelegation delegation in azure.Subscriptions.Providers.MicrosoftNetwork.Locations.AvailableDelegations.ListAsync("sub", "westus", "2019-07-01"))
            {
            }
        },
        async () =>
        {
            using ApiFileResponse file = await onePassword.Vaults.Items.Files.Content.ListAsync("vault", "item", "file");
        },
        () => petstore.Pet.UploadImage.CreateAsync(7, new RealApis.Petstore.PetUploadImageCreateForm { File = ApiFile.FromBytes(new byte[] { 1, 2, 3 }, "pet.png", "image/png") }),
        async () =>
        {
            await foreach (RealApis.Docker.EventMessage message in docker.Events.ListAsync())
            {
            }
        },
    };
    foreach (Func<Task> call in calls)
    {
        try
        {
            await call();
        }
        catch (ApiConnectionException)
        {
            reported++;
        }
    }

    Console.WriteLine($"real documents' pages, download, upload and events: {reported} connection failures reported");
}

Console.WriteLine($"logged: {logs.Any(l => l.Contains("Sending GET /v1/models/model_1/examples (attempt 1)", StringComparison.Ordinal))}");
Console.WriteLine($"secret logged: {logs.Any(l => l.Contains("consumer-secret", StringComparison.Ordinal))}");
Console.WriteLine($"metrics recorded: {Volatile.Read(ref durations) > 0}");

internal sealed class ListLoggerProvider(List<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class ListLogger(string category, List<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (lines)
            {
                lines.Add($"{logLevel} {category}: {formatter(state, exception)}");
            }
        }
    }
}

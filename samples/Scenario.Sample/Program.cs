using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scenario;
using Scenario.Sample;

// The main job: list a model's examples and reorder them through the generated client, printing a table each time.
// With no arguments it runs against an embedded stub on 127.0.0.1; with --base-url it calls that server, with the
// credentials from SCENARIO_SDK_API_KEY and SCENARIO_SDK_API_SECRET. The client comes from dependency injection
// (AddScenarioClient), logs through the container's ILogger (to stderr, so the tables stay clean on stdout), and the
// list call shows per-call RequestOptions.
string? baseUrl = null;
string modelId = "model_eyVcnFJcR92BxBkz7N6g5w";
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--base-url" when i + 1 < args.Length:
            baseUrl = args[++i];
            break;
        case "--model" when i + 1 < args.Length:
            modelId = args[++i];
            break;
        case "-h" or "--help":
            Console.WriteLine("usage: Scenario.Sample [--base-url URL] [--model MODEL_ID]");
            Console.WriteLine("  no --base-url: runs against an embedded stub server on 127.0.0.1");
            Console.WriteLine("  --base-url: calls that server with SCENARIO_SDK_API_KEY / SCENARIO_SDK_API_SECRET");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'; see --help.");
            return 2;
    }
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

StubServer? stub = null;
try
{
    Uri address;
    if (baseUrl is null)
    {
        stub = StubServer.Start();
        address = stub.BaseAddress;
        Console.WriteLine($"Scenario stub listening on {stub.BaseAddress}");
    }
    else if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out address!))
    {
        Console.Error.WriteLine($"--base-url '{baseUrl}' is not an absolute URL.");
        return 2;
    }

    var services = new ServiceCollection();
    services.AddLogging(logging => logging
        .AddSimpleConsole(console => console.SingleLine = true)
        .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
        .AddFilter("System.Net.Http", LogLevel.Warning));
    services.AddScenarioClient(options =>
    {
        options.BaseAddress = address;
        if (stub is not null)
        {
            options.ApiKey = StubServer.ApiKey;
            options.ApiSecret = StubServer.ApiSecret;
        }
    });
    await using ServiceProvider provider = services.BuildServiceProvider();
    var client = provider.GetRequiredService<ScenarioClient>();

    // Per-call options: a shorter timeout and a header of our own for this one call.
    var listOptions = new RequestOptions { Timeout = TimeSpan.FromSeconds(10), Headers = { ["X-Client-Sample"] = "Scenario.Sample" } };
    ExampleListResponse list = await client.Models.Examples.ListAsync(modelId, new ExampleListParams { OriginalAssets = true }, listOptions, cancel.Token);
    Print($"Examples of {modelId}", list.Examples);

    var reordered = list.Examples.Select(e => e.Asset.Id).Reverse().ToList();
    ExampleUpdateResponse updated = await client.Models.Examples.UpdateAsync(modelId, new ExampleUpdateParams { AssetIds = reordered }, cancel.Token);
    Print("After update (order reversed)", updated.Examples);
    return 0;
}
catch (ScenarioException failure)
{
    Console.Error.WriteLine($"error: {failure.Message}");
    return 1;
}
finally
{
    if (stub is not null)
    {
        await stub.DisposeAsync();
    }
}

static void Print(string title, IReadOnlyList<Example> examples)
{
    string[] header = { "asset id", "kind", "type", "status", "job status" };
    List<string[]> rows = examples
        .Select(e => new[] { e.Asset.Id, e.Asset.Kind.ToString(), e.Asset.Metadata.Type.ToString(), e.Asset.Status.ToString(), e.Job?.Status.ToString() ?? "-" })
        .ToList();
    int[] widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
    string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();

    Console.WriteLine();
    Console.WriteLine($"{title}: {examples.Count}");
    Console.WriteLine(Line(header));
    Console.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
    foreach (string[] row in rows)
    {
        Console.WriteLine(Line(row));
    }
}

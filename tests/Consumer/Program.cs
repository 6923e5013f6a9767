// What a new user writes: the generated models, their open enums, and the generated client.
using System.Text.Json;
using Consumer.Api;

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
using var client = new ScenarioClient(new ScenarioClientOptions { ApiKey = "k", ApiSecret = "s", BaseAddress = new Uri("http://127.0.0.1:9/v1"), MaxRetries = 0 });
try
{
    await client.Models.Examples.ListAsync("model_1");
}
catch (Scenario.ScenarioConnectionException)
{
    Console.WriteLine("client: connection failure reported");
}

using System.Text.Json;

namespace Scenario.Unity.Models
{
    /// <summary>What a Unity script does with the generated models, in C# 9: read the API's response, look into it, write it back.</summary>
    public static class SeedRoundTrip
    {
        /// <summary>Reads <paramref name="json"/> (an examples list response), writes it back, and describes what it saw.</summary>
        /// <param name="json">The response's JSON text.</param>
        /// <param name="written">The JSON written back from the models.</param>
        /// <returns>Lines that name what was read and whether it survived the round trip.</returns>
        public static string[] Run(string json, out string written)
        {
            ExampleListResponse list = JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.ExampleListResponse);
            Example first = list.Examples[0];
            written = JsonSerializer.Serialize(list, ScenarioJsonContext.Default.ExampleListResponse);
            ExampleListResponse again = JsonSerializer.Deserialize(written, ScenarioJsonContext.Default.ExampleListResponse);

            // Below C# 11 a record's required properties are its constructor's parameters.
            var made = new ExampleListResponse(new[] { first });

            return new[]
            {
                "examples: " + list.Examples.Count,
                "first asset kind: " + first.Asset.Kind,
                "kind is 3d: " + (first.Asset.Kind == AssetKind._3d),
                "read back equal: " + list.Equals(again),
                "made in code equal: " + made.Equals(list),
            };
        }
    }
}

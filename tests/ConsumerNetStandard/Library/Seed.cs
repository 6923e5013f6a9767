using System.Text.Json;
using Scenario;

namespace Library
{
    /// <summary>What the library offers its app: the examples list response, read and written by the generated models.</summary>
    public static class Seed
    {
        /// <summary>Reads the response and writes it back.</summary>
        public static string RoundTrip(string json)
        {
            ExampleListResponse list = JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.ExampleListResponse)!;
            return JsonSerializer.Serialize(list, ScenarioJsonContext.Default.ExampleListResponse);
        }

        /// <summary>The kind of the first example's asset, by its wire value.</summary>
        public static string FirstKind(string json) =>
            JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.ExampleListResponse)!.Examples[0].Asset.Kind.ToString();

        /// <summary>A response made in code: below C# 11 the required properties are the constructor's parameters.</summary>
        public static bool SameWhenMadeInCode(string json)
        {
            ExampleListResponse read = JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.ExampleListResponse)!;
            return new ExampleListResponse(new[] { read.Examples[0] }).Equals(read);
        }
    }
}

using System.IO;
using System.Reflection;

namespace Scenario.Client.Tests;

internal static class Seed
{
    /// <summary>The API's documented list response.</summary>
    public static string ListJson { get; } = Read("list-response.json");

    public static ScenarioClient Client(LoopbackServer server, int maxRetries = 2, System.TimeSpan? timeout = null) =>
        new(new ScenarioClientOptions
        {
            BaseAddress = server.BaseAddress,
            ApiKey = "key_123",
            ApiSecret = "secret_456",
            MaxRetries = maxRetries,
            Timeout = timeout ?? System.TimeSpan.FromSeconds(30),
        });

    private static string Read(string name)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!;
        return new StreamReader(stream).ReadToEnd();
    }
}

using System.IO;
using System.Reflection;

namespace Scenario.Client.Tests;

internal static class Seed
{
    /// <summary>The API's documented list response.</summary>
    public static string ListJson { get; } = Read("list-response.json");

    public static ScenarioClient Client(LoopbackServer server, int maxRetries = 2, System.TimeSpan? timeout = null) =>
        Client(server.BaseAddress, maxRetries, timeout);

    public static ScenarioClient Client(RawServer server, int maxRetries = 0, System.TimeSpan? timeout = null, long? maxBody = null) =>
        new(Options(server.BaseAddress, maxRetries, timeout, maxBody));

    public static ScenarioClient Client(System.Uri baseAddress, int maxRetries = 2, System.TimeSpan? timeout = null) =>
        new(Options(baseAddress, maxRetries, timeout, null));

    public static ScenarioClientOptions Options(System.Uri baseAddress, int maxRetries = 2, System.TimeSpan? timeout = null, long? maxBody = null) =>
        new()
        {
            BaseAddress = baseAddress,
            MaxResponseBodyBytes = maxBody ?? Scenario.Runtime.Http.ApiClientOptions.DefaultMaxResponseBodyBytes,
            ApiKey = "key_123",
            ApiSecret = "secret_456",
            MaxRetries = maxRetries,
            Timeout = timeout ?? System.TimeSpan.FromSeconds(30),
        };

    private static string Read(string name)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!;
        return new StreamReader(stream).ReadToEnd();
    }
}

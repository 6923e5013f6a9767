// Runs the round trip of the seed response through the models built as Unity builds them, and prints lines CI checks.
using System;
using System.IO;
using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json;
using Scenario.Unity.Models;

string json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "list-response.json"));
string[] lines = SeedRoundTrip.Run(json, out string written);
foreach (string line in lines)
{
    Console.WriteLine(line);
}

using JsonDocument read = JsonDocument.Parse(json);
using JsonDocument back = JsonDocument.Parse(written);
Console.WriteLine($"json unchanged: {JsonElement.DeepEquals(read.RootElement, back.RootElement)}");
Console.WriteLine($"models: {typeof(SeedRoundTrip).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName}");
Console.WriteLine($"runtime: {typeof(Scenario.Runtime.OpenEnum<>).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName}");

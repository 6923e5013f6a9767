// The seed response through a netstandard2.0 library in C# 9 that references the Scenario.Generators package.
using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json;

string json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "list-response.json"));
string back = Library.Seed.RoundTrip(json);
Console.WriteLine($"library round trip equal: {JsonElement.DeepEquals(JsonDocument.Parse(json).RootElement, JsonDocument.Parse(back).RootElement)}");
Console.WriteLine($"first kind: {Library.Seed.FirstKind(json)}");
Console.WriteLine($"made in code equal: {Library.Seed.SameWhenMadeInCode(json)}");
Console.WriteLine($"library framework: {typeof(Library.Seed).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName}");

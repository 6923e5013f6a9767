using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Scenario.Generators.Emitting;
using Scenario.Generators.Emitting.Client;
using Scenario.Generators.Model;
using Xunit;
using Xunit.Abstractions;

namespace Scenario.Generators.Tests;

/// <summary>
/// Public OpenAPI documents of real APIs (tests/RealOpenApi; Swagger 2.0, OpenAPI 3.0 and 3.1, JSON and YAML): each
/// generates with no error and no warning, its code compiles with no warning (its XML docs checked too), every
/// operation of the document is exactly one method (counted by a reader that is not ours), and every JSON response
/// example that is valid against its schema reads through the generated type of its operation and status and writes
/// back as the same JSON value.
/// </summary>
[Trait(TestCategories.Name, TestCategories.Extended)]
public sealed class RealOpenApiTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(180);

    /// <summary>Where generated code calls the runtime: the method and the path template of each operation's request.</summary>
    private static readonly Regex RequestOf = new(
        @"new global::Scenario\.Runtime\.Http\.ApiRequest\((?:global::System\.Net\.Http\.HttpMethod\.(?<method>\w+)|new global::System\.Net\.Http\.HttpMethod\(""(?<method>\w+)""\)), (?<path>""(?:[^""\\]|\\.)*"")",
        RegexOptions.CultureInvariant);

    /// <summary>Every folder; or, when SCENARIO_REALOPENAPI names some (comma-separated), only those.</summary>
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        string[] only = (Environment.GetEnvironmentVariable("SCENARIO_REALOPENAPI") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (string slug in RealOpenApiCorpus.Slugs().Where(s => only.Length == 0 || only.Contains(s, StringComparer.Ordinal)))
        {
            data.Add(slug);
        }

        return data;
    }

    [Fact]
    public void The_corpus_has_twenty_five_documents_of_every_version_in_both_formats()
    {
        IReadOnlyList<string> slugs = RealOpenApiCorpus.Slugs();
        Assert.True(slugs.Count >= 25, $"tests/RealOpenApi holds {slugs.Count} documents; the issue asks for at least 25");
        var versions = slugs.Select(slug => RealOpenApiCorpus.Read(RealOpenApiCorpus.DocumentPath(slug)!))
            .Select(d => d["swagger"] is not null ? "2.0" : ((string)d["openapi"]!).Substring(0, 3))
            .ToList();
        Assert.Contains("2.0", versions);
        Assert.Contains("3.0", versions);
        Assert.Contains("3.1", versions);
        Assert.Contains(slugs, slug => RealOpenApiCorpus.DocumentPath(slug)!.EndsWith(".json", StringComparison.Ordinal));
        Assert.Contains(slugs, slug => !RealOpenApiCorpus.DocumentPath(slug)!.EndsWith(".json", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generates_compiles_makes_every_operation_a_method_and_round_trips_its_examples(string slug)
    {
        string path = RealOpenApiCorpus.DocumentPath(slug)!;
        SchemaFile file = GeneratorHarness.Inline(Path.GetFileName(path), File.ReadAllText(path));
        ProbeResult probe = GeneratorProbe.Run(new[] { file }, s_bound, documented: true);
        Assert.True(probe.Failure is null, $"[{slug}] {probe.Failure}");

        List<Diagnostic> reported = probe.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(reported.Count == 0, $"[{slug}] the generator reported {reported.Count} error(s) or warning(s):\n" + string.Join("\n", reported.Take(10).Select(d => "  " + d)));
        IReadOnlyList<Diagnostic> compile = probe.CompileDiagnostics;
        Assert.True(compile.Count == 0, $"[{slug}] the generated code does not compile cleanly: {compile.Count} diagnostic(s)\n" + string.Join("\n", compile.Take(10).Select(d => "  " + d)));

        // Every operation is one method: the requests the generated code builds are the document's operations, once each.
        JsonNode document = RealOpenApiCorpus.Read(path);
        IReadOnlyList<(string Method, string Path)> expected = RealOpenApiCorpus.Operations(document);
        List<(string Method, string Path)> built = probe.Sources.Values
            .SelectMany(source => RequestOf.Matches(source).Select(m => (m.Groups["method"].Value.ToUpperInvariant(), Unquote(m.Groups["path"].Value))))
            .ToList();
        Assert.Equal(expected.Count, built.Count);
        Assert.Equal(expected.OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal), built.OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal));

        SchemaModel model = probe.Models.Single();
        int examples = RoundTripExamples(slug, document, model, probe.Output!);
        output.WriteLine($"{slug}: {expected.Count} operations, {probe.Sources.Count} files, {examples} examples round-tripped, {probe.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Reads and writes back each valid example through its operation's type for its status; returns how many.</summary>
    private static int RoundTripExamples(string slug, JsonNode document, SchemaModel model, Compilation compilation)
    {
        List<RealOpenApiCorpus.Example> examples = RealOpenApiCorpus.Examples(slug).Where(e => (e.Valid || e.FormatOnly) && e.Schema is not null).ToList();
        if (examples.Count == 0)
        {
            return 0;
        }

        var operations = ClientEmitter.Operations(model.Client!.Resources).ToDictionary(o => o.HttpMethod + " " + o.Path, StringComparer.Ordinal);
        var properties = new Dictionary<TypeRef, string>();
        foreach ((TypeRef type, string property) in ContextEmitter.EntriesOf(model).All)
        {
            properties[type] = property;
        }

        using GeneratedAssembly assembly = GeneratedAssembly.Load(compilation);
        var failures = new List<string>();
        int done = 0;
        foreach (RealOpenApiCorpus.Example example in examples)
        {
            OperationModel operation = operations[example.Operation];
            TypeRef? type = example.Status.StartsWith("2", StringComparison.Ordinal)
                ? operation.Response.Type
                : operation.Errors.FirstOrDefault(e => string.Equals(e.Status, example.Status, StringComparison.OrdinalIgnoreCase))?.Type;
            Assert.True(type is not null, $"[{slug}] {example.Operation} has an example of {example.Status} ({example.MediaType}) but no type for it");
            JsonTypeInfo typeInfo = assembly.TypeInfo(model.Namespace, model.ContextName, properties[type!]);
            string input = RealOpenApiCorpus.At(document, example.Pointer)!.ToJsonString();
            try
            {
                object? value = JsonSerializer.Deserialize(input, typeInfo);
                string written = JsonSerializer.Serialize(value, typeInfo);
                using JsonDocument expected = JsonDocument.Parse(input);
                using JsonDocument actual = JsonDocument.Parse(written);
                if (JsonDifference.Find(expected.RootElement, actual.RootElement) is { } where)
                {
                    failures.Add($"{example.Pointer}: written back differs at {where}\n  read:    {Excerpt(input)}\n  written: {Excerpt(written)}");
                }
            }
            catch (Exception ex)
            {
                failures.Add($"{example.Pointer}: {ex.GetType().Name}: {ex.Message}\n  read: {Excerpt(input)}");
            }

            done++;
        }

        Assert.True(failures.Count == 0, $"[{slug}] {failures.Count} of {examples.Count} valid example(s) do not round-trip:\n" + string.Join("\n", failures.Take(10)));
        return done;
    }

    private static string Unquote(string literal)
    {
        var text = new StringBuilder();
        for (int i = 1; i < literal.Length - 1; i++)
        {
            char c = literal[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            char escape = literal[++i];
            switch (escape)
            {
                case 'u':
                    text.Append((char)Convert.ToInt32(literal.Substring(i + 1, 4), 16));
                    i += 4;
                    break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                default: text.Append(escape); break;
            }
        }

        return text.ToString();
    }

    private static string Excerpt(string text) => text.Length <= 300 ? text : text.Substring(0, 300) + "…";
}

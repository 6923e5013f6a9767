using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Scenario.Generators.Tests;

/// <summary>
/// Seeded mutations of every schema we have (tests/RealSchemas, tests/Schemas, schema/scenario.schema.json): whatever
/// the mutant, the generator returns within a bound, no exception leaves it, the code it emits compiles or one of
/// its diagnostics, located in the schema file, says why, and a mutant that is not valid JSON (truncated, a trailing
/// comma) gets a SCENGEN error in the file.
/// <para>
/// <c>SCENARIO_FUZZ_SEED</c> sets the first case's seed (case <c>i</c> uses seed + i) and <c>SCENARIO_FUZZ_COUNT</c> the
/// number of cases; every failure prints its seed. Replay one case with
/// <c>SCENARIO_FUZZ_SEED=seed SCENARIO_FUZZ_COUNT=1 dotnet test tests/Scenario.Generators.Tests --filter FuzzTests</c>.
/// Before each case its seed, mutations and schema are written to <c>scenario-fuzz-last.json</c> in the temp folder, so a
/// case that kills the test host (a stack overflow) can still be replayed.
/// </para>
/// </summary>
[Trait(TestCategories.Name, TestCategories.Extended)]
public class FuzzTests
{
    /// <summary>The seed of the first case when SCENARIO_FUZZ_SEED is not set.</summary>
    public const int DefaultSeed = 20_261_125;

    /// <summary>
    /// The number of cases when SCENARIO_FUZZ_COUNT is not set: sized so the run stays under a minute on a shared
    /// two-core machine (every case is generated and, when the generator emitted code, compiled).
    /// </summary>
    public const int DefaultCount = 300;

    /// <summary>How long one case may run (SCENARIO_FUZZ_TIMEOUT seconds; default 20) before it counts as a hang.</summary>
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(ReadSetting("SCENARIO_FUZZ_TIMEOUT", 20));

    private static readonly JsonSerializerOptions s_lastCase = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output) => _output = output;

    public static string LastCasePath => Path.Combine(Path.GetTempPath(), "scenario-fuzz-last.json");

    public static string FailuresPath => Path.Combine(Path.GetTempPath(), "scenario-fuzz-failures.txt");

    /// <summary>The number of OpenAPI cases when SCENARIO_FUZZ_COUNT is not set (each is a whole API's client to compile).</summary>
    public const int DefaultOpenApiCount = 80;

    [Fact]
    public void Mutated_schemas_never_crash_or_hang_the_generator_and_compile_or_explain() =>
        Fuzz(BaseSchemas(), ReadSetting("SCENARIO_FUZZ_COUNT", DefaultCount), SchemaMutator.Mutate);

    /// <summary>
    /// The same over OpenAPI documents (small ones of tests/RealOpenApi in JSON and YAML, the client tests' and the Scenario
    /// API's): OpenAPI's own parts broken (<see cref="OpenApiMutator"/>) and, for YAML, the text itself.
    /// </summary>
    [Fact]
    public void Mutated_OpenAPI_documents_never_crash_or_hang_the_generator_and_compile_or_explain() =>
        Fuzz(BaseOpenApiDocuments(), ReadSetting("SCENARIO_FUZZ_COUNT", DefaultOpenApiCount), (text, random) =>
            text.TrimStart().StartsWith("{", StringComparison.Ordinal) ? OpenApiMutator.MutateJson(text, random) : OpenApiMutator.MutateYaml(text, random));

    private void Fuzz(IReadOnlyList<(string Name, string Text)> bases, int count, Func<string, Random, (string Text, string Description)> mutate)
    {
        int seed = ReadSetting("SCENARIO_FUZZ_SEED", DefaultSeed);
        Assert.NotEmpty(bases);
        File.WriteAllText(FailuresPath, string.Empty);

        var failures = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        int compiled = 0;
        var runaways = new List<(int Seed, Thread Thread)>();
        for (int i = 0; i < count; i++)
        {
            int caseSeed = unchecked(seed + i);
            runaways.RemoveAll(r => !r.Thread.IsAlive);
            if (RunCase(caseSeed, bases, mutate, runaways, ref compiled) is { } failure)
            {
                failures.Add(failure);
                File.AppendAllText(FailuresPath, failure + "\n\n");
            }
        }

        _output.WriteLine($"{count} fuzz cases from seed {seed} over {bases.Count} documents in {stopwatch.Elapsed.TotalSeconds:0.0} s; {compiled} compiled; {failures.Count} failed.");
        if (failures.Count > 0)
        {
            Assert.Fail($"{failures.Count} of {count} fuzz cases failed (seeds {seed}..{unchecked(seed + count - 1)}); each below names its seed.\n\n"
                + string.Join("\n\n", failures.Take(25)) + (failures.Count > 25 ? $"\n\n… and {failures.Count - 25} more in {FailuresPath}" : string.Empty));
        }
    }

    /// <summary>Runs the case of <paramref name="caseSeed"/>; null when it passes, else a message naming the seed.</summary>
    /// <remarks>
    /// A case that timed out may leave the generator running in the background (<paramref name="runaways"/>); a stack
    /// overflow that kills the host may then come from it rather than from the case begun last, so the last-case file
    /// names those seeds too.
    /// </remarks>
    private static string? RunCase(int caseSeed, IReadOnlyList<(string Name, string Text)> bases, Func<string, Random, (string Text, string Description)> mutate, List<(int Seed, Thread Thread)> runaways, ref int compiled)
    {
        var random = new Random(caseSeed);
        (string name, string baseText) = bases[random.Next(bases.Count)];
        (string text, string mutations) = mutate(baseText, random);
        int[] stillRunning = runaways.Select(r => r.Seed).ToArray();
        File.WriteAllText(LastCasePath, JsonSerializer.Serialize(new { seed = caseSeed, schema = name, mutations, replay = Replay(caseSeed), stillRunning, text }, s_lastCase));

        // One case in four is generated and compiled in the oldest form (C# 9, netstandard2.0); chosen from the seed,
        // not the random stream, so each seed's mutations stay what they were.
        bool oldest = caseSeed % 4 == 0;
        SchemaFile file = GeneratorHarness.Inline(name, text);
        ProbeResult probe = GeneratorProbe.Run(new[] { file }, s_bound, oldest);
        if (probe.Runaway is { } runaway)
        {
            runaways.Add((caseSeed, runaway));
        }

        var compileTime = new Stopwatch();
        bool didCompile = false;
        try
        {
            string? result = Check();
            compiled += didCompile ? 1 : 0;
            return result;
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("SCENARIO_FUZZ_TRACE") is { Length: > 0 } trace)
            {
                File.AppendAllText(trace, FormattableString.Invariant($"{caseSeed}\t{name}\t{text.Length}\t{probe.Elapsed.TotalMilliseconds:0}\t{compileTime.Elapsed.TotalMilliseconds:0}\t{probe.Sources.Count}\t{mutations}\n"));
            }
        }

        string? Check()
        {
            string Fail(string symptom) =>
                $"seed {caseSeed}{(oldest ? " (C# 9, netstandard2.0)" : string.Empty)}: {symptom}\n  schema: {name}, mutated: {mutations}\n  replay: {Replay(caseSeed)}";

            if (probe.Failure is { } failure)
            {
                return Fail(failure + (probe.GeneratorException is { } ex ? "\n  " + ex.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("Scenario.Generators", StringComparison.Ordinal))?.Trim() : string.Empty));
            }

            if (!name.EndsWith(".yaml", StringComparison.Ordinal) && ParseError(text) is { } invalid)
            {
                // The issue asks that invalid JSON be refused as JSON is (a trailing comma is an error), at the fault.
                bool refused = probe.GeneratorDiagnostics.Any(d =>
                    d.Id.StartsWith("SCENGEN", StringComparison.Ordinal)
                    && d.Severity == DiagnosticSeverity.Error
                    && d.Location.Kind == LocationKind.ExternalFile
                    && d.Location.GetLineSpan().Path == file.Path);
                if (!refused)
                {
                    return Fail($"the schema is not valid JSON ({invalid}) but the generator reported no SCENGEN error in the file");
                }
            }

            if (probe.Sources.Count == 0)
            {
                return null;
            }

            didCompile = true;
            compileTime.Start();
            List<Diagnostic> errors = probe.Output!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            compileTime.Stop();
            if (errors.Count == 0)
            {
                return null;
            }

            bool explained = probe.GeneratorDiagnostics.Any(d =>
                d.Id.StartsWith("SCENGEN", StringComparison.Ordinal)
                && d.Severity >= DiagnosticSeverity.Warning
                && d.Location.Kind == LocationKind.ExternalFile
                && d.Location.GetLineSpan().Path == file.Path);
            return explained
                ? null
                : Fail($"the generated code does not compile and no SCENGEN warning or error in the schema says why: {errors.Count} error(s), first {errors[0].Id}: {errors[0].GetMessage(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>Every schema of the repository: the real-schema corpus, the test schemas and the Scenario API's own.</summary>
    internal static IReadOnlyList<(string Name, string Text)> BaseSchemas()
    {
        string root = GeneratorHarness.RepositoryRoot();
        IEnumerable<string> paths = Directory.GetFiles(Path.Combine(root, "tests", "RealSchemas"), "*.schema.json", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(root, "tests", "Schemas"), "*.schema.json"))
            .Append(Path.Combine(root, "schema", "scenario.schema.json"));
        return paths
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllText(p)))
            .ToList();
    }

    /// <summary>Small OpenAPI documents of every version and both formats: a client of each compiles in a second or two.</summary>
    internal static IReadOnlyList<(string Name, string Text)> BaseOpenApiDocuments()
    {
        string root = GeneratorHarness.RepositoryRoot();
        string[] slugs = { "petstore-2.0", "petstore-3.0", "1password-connect", "uspto", "alertmanager", "api-with-examples-2.0", "readme-security-3.1", "readme-parameters-style-3.1", "nexmo-verify", "rentcast" };
        return slugs.Select(slug => RealOpenApiCorpus.DocumentPath(slug)!)
            .Append(Path.Combine(root, "tests", "Scenario.Client.Tests", "Schemas", "wire.openapi.yaml"))
            .Append(Path.Combine(root, "schema", "scenario.openapi.json"))
            .Select(p => (Path.GetFileName(p).Replace(".yml", ".yaml", StringComparison.Ordinal), File.ReadAllText(p)))
            .ToList();
    }

    /// <summary>Null when <paramref name="text"/> is JSON as RFC 8259 has it (no comments, no trailing commas); else why not.</summary>
    private static string? ParseError(string text)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 100_000 });
            return null;
        }
        catch (JsonException ex)
        {
            return ProbeResult.FirstLine(ex.Message);
        }
    }

    private static string Replay(int caseSeed) =>
        $"SCENARIO_FUZZ_SEED={caseSeed} SCENARIO_FUZZ_COUNT=1 dotnet test tests/Scenario.Generators.Tests --filter FuzzTests";

    private static int ReadSetting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;
}

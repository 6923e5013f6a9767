using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.CodeAnalysis;
using Scenario.Generators.Model;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// Public schemas from real projects (tests/RealSchemas): each generates without an exception or an error, the code
/// compiles without a warning, and each real document reads and writes back as the same JSON value, twice alike.
/// Each document also passes validation (it is valid: docs/validation.md), and broken copies of it, one value replaced by
/// a value of another kind, are refused at that value or at a value that holds it, never elsewhere.
/// </summary>
[Trait(TestCategories.Name, TestCategories.Extended)]
public class RealSchemaTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(60);

    private static readonly List<(string Slug, System.Threading.Thread Thread)> s_runaways = new();

    /// <summary>Every folder; or, when SCENARIO_REALSCHEMAS names some (comma-separated), only those.</summary>
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        string[] only = (Environment.GetEnvironmentVariable("SCENARIO_REALSCHEMAS") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (string slug in RealSchemaCorpus.Slugs().Where(s => only.Length == 0 || only.Contains(s, StringComparer.Ordinal)))
        {
            data.Add(slug);
        }

        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_thirty_schemas_each_with_a_document()
    {
        IReadOnlyList<string> slugs = RealSchemaCorpus.Slugs();
        Assert.True(slugs.Count >= 30, $"tests/RealSchemas holds {slugs.Count} schemas; the issue asks for at least 30");
        Assert.All(slugs, slug => Assert.True(RealSchemaCorpus.Documents(slug).Count > 0, $"{slug} has no document"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generates_compiles_and_round_trips_its_documents(string slug) => GenerateAndRoundTrip(slug, formats: false);

    /// <summary>
    /// The same with <c>Formats="true"</c>: dates, uuids, URIs, durations and decimals of real documents parse, and are
    /// written back as they were read.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void With_formats_typed_it_generates_compiles_and_round_trips_its_documents(string slug) => GenerateAndRoundTrip(slug, formats: true);

    private static void GenerateAndRoundTrip(string slug, bool formats)
    {
        // A stack overflow kills the test host before any message: the last case begun is named here, with the cases
        // whose generator timed out and still runs in the background (the overflow may be theirs).
        string[] stillRunning;
        lock (s_runaways)
        {
            s_runaways.RemoveAll(r => !r.Thread.IsAlive);
            stillRunning = s_runaways.Select(r => r.Slug).ToArray();
        }

        File.WriteAllText(Path.Combine(Path.GetTempPath(), "scenario-realschema-last.txt"), slug + "\n" + (stillRunning.Length > 0 ? "still running after a timeout: " + string.Join(", ", stillRunning) + "\n" : string.Empty));
        SchemaFile[] files = RealSchemaCorpus.SchemaFiles(slug, formats);
        string mainText = File.ReadAllText(RealSchemaCorpus.MainSchemaPath(slug));
        ProbeResult probe = GeneratorProbe.Run(files, s_bound);
        if (probe.Runaway is { } runaway)
        {
            lock (s_runaways)
            {
                s_runaways.Add((slug, runaway));
            }
        }

        if (probe.Failure is { } failure)
        {
            Assert.Fail($"[{slug}] {failure}\n{Details(probe)}");
        }

        // By the rule as written: the harness compiles with warnings as errors, which raises every warning to an error.
        List<Diagnostic> errors = probe.GeneratorDiagnostics.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error).ToList();
        if (RealSchemaCorpus.ExpectedRefusals.TryGetValue(slug, out string? reason))
        {
            Assert.True(errors.Count > 0, $"[{slug}] is listed as refused ({reason}) but the generator reported no error");
            return;
        }

        if (errors.Count > 0)
        {
            Assert.Fail($"[{slug}] the generator reported {errors.Count} error(s): {errors[0].Id} {errors[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture)}\n{Details(probe)}");
        }

        IReadOnlyList<Diagnostic> compile = probe.CompileDiagnostics;
        if (compile.Count > 0)
        {
            Assert.Fail($"[{slug}] the generated code does not compile cleanly: {compile.Count} diagnostic(s), first {compile[0].Id}: {compile[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture)}\n"
                + string.Join("\n", compile.Take(10).Select(d => "  " + d)) + "\n" + Details(probe));
        }

        SchemaModel? model = probe.Models.FirstOrDefault(m => string.Equals(Path.GetFileName(m.FileName), slug + ".schema.json", StringComparison.Ordinal));
        Assert.True(model is not null, $"[{slug}] the {TrackingNames.SchemaModel} step gave no model for {slug}.schema.json");
        if (model!.RootName is null)
        {
            if (RealSchemaCorpus.RootIsUntyped(mainText))
            {
                return;
            }

            Assert.Fail($"[{slug}] the root gives no type ({model.ContextName} has no property that reads a whole document)\n{Details(probe)}");
        }

        using GeneratedAssembly assembly = GeneratedAssembly.Load(probe.Output!);
        JsonTypeInfo typeInfo = assembly.TypeInfo(model.Namespace, model.ContextName, model.RootName);
        var failures = new List<string>();
        foreach (string document in RealSchemaCorpus.Documents(slug))
        {
            if (RoundTrip(typeInfo, document) is { } problem)
            {
                failures.Add(problem);
            }
        }

        if (!formats)
        {
            JsonTypeInfo validating = assembly.TypeInfo(model.Namespace, model.ContextName, model.RootName, "Validating");
            foreach (string document in RealSchemaCorpus.Documents(slug))
            {
                failures.AddRange(Validation(validating, document));
            }
        }

        if (failures.Count > 0)
        {
            Assert.Fail($"[{slug}] {failures.Count} of {RealSchemaCorpus.Documents(slug).Count} document(s) do not round-trip (or validate) through {model.Namespace}.{model.ContextName}.Default.{model.RootName}: "
                + FirstLine(failures[0]) + "\nschema: " + RealSchemaCorpus.MainSchemaPath(slug) + "\n" + Excerpt(mainText, 1500) + "\n\n" + string.Join("\n\n", failures));
        }
    }

    /// <summary>How many broken copies of each document are checked: each replaces one value, chosen by a seed of the document's name.</summary>
    private const int MutationsPerDocument = 8;

    /// <summary>
    /// What is wrong with validation on one real document: the document, which is valid, is refused; or a broken copy (one
    /// value replaced by a value of another kind) is refused with a problem at a place other than the value, one that
    /// holds it or one inside the new value, or is accepted by validation and then refused by the reader. A reference to
    /// a schema the corpus lacks (release-it's refers to ./github.json, which the corpus keeps as github.schema.json) makes problems that
    /// say the value cannot be checked: those are set aside, as they say nothing about the document.
    /// </summary>
    internal static List<string> Validation(JsonTypeInfo validating, string documentPath)
    {
        var found = new List<string>();
        string name = Path.GetFileName(documentPath);
        string input = File.ReadAllText(documentPath);
        if (Refusal(validating, input) is { } refused)
        {
            found.Add($"{name}: the document is valid but validation refuses it: {refused}");
            return found;
        }

        System.Text.Json.Nodes.JsonNode? root = System.Text.Json.Nodes.JsonNode.Parse(input);
        var places = new List<string>();
        Places(root, string.Empty, places, 0);
        var random = new Random(StableSeed(name));
        for (int i = 0; i < MutationsPerDocument && places.Count > 0; i++)
        {
            string pointer = places[random.Next(places.Count)];
            System.Text.Json.Nodes.JsonNode? copy = root!.DeepClone();
            System.Text.Json.Nodes.JsonNode? replaced = Replace(ref copy, pointer);
            string broken = copy is null ? "null" : copy.ToJsonString();
            try
            {
                JsonSerializer.Deserialize(broken, validating);
            }
            catch (Scenario.Runtime.Validation.JsonSchemaValidationException ex)
            {
                foreach (Scenario.Runtime.Validation.JsonSchemaProblem problem in ex.Problems.Where(p => !CannotBeChecked(p)))
                {
                    if (!(pointer == problem.InstancePath || pointer.StartsWith(problem.InstancePath + "/", StringComparison.Ordinal) || problem.InstancePath.StartsWith(pointer + "/", StringComparison.Ordinal)))
                    {
                        found.Add($"{name}: the value at '{pointer}' replaced by {replaced?.ToJsonString() ?? "null"} is refused at '{problem.InstancePath}', which neither is it nor holds it: {problem}");
                        break;
                    }
                }
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
            {
                found.Add($"{name}: the value at '{pointer}' replaced by {replaced?.ToJsonString() ?? "null"} passes validation but the reader refuses it: {ex.GetType().Name}: {FirstLine(ex.Message)}");
            }
        }

        return found;
    }

    /// <summary>The first problem validation finds reading <paramref name="json"/>, of those it can check; null when there is none.</summary>
    private static string? Refusal(JsonTypeInfo validating, string json)
    {
        try
        {
            JsonSerializer.Deserialize(json, validating);
            return null;
        }
        catch (Scenario.Runtime.Validation.JsonSchemaValidationException ex)
        {
            return ex.Problems.FirstOrDefault(p => !CannotBeChecked(p))?.ToString();
        }
    }

    /// <summary>A problem of a reference whose target is not among the schema documents.</summary>
    private static bool CannotBeChecked(Scenario.Runtime.Validation.JsonSchemaProblem problem) =>
        problem.Keyword is "$ref" or "$dynamicRef" or "$recursiveRef" && problem.Message.Contains("cannot be checked", StringComparison.Ordinal);

    /// <summary>The JSON pointer of every value below the root, to a bounded depth.</summary>
    private static void Places(System.Text.Json.Nodes.JsonNode? node, string pointer, List<string> places, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        if (node is System.Text.Json.Nodes.JsonObject obj)
        {
            foreach (KeyValuePair<string, System.Text.Json.Nodes.JsonNode?> property in obj)
            {
                string child = pointer + "/" + property.Key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
                places.Add(child);
                Places(property.Value, child, places, depth + 1);
            }
        }
        else if (node is System.Text.Json.Nodes.JsonArray array)
        {
            for (int i = 0; i < array.Count; i++)
            {
                string child = pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                places.Add(child);
                Places(array[i], child, places, depth + 1);
            }
        }
    }

    /// <summary>Replaces the value at <paramref name="pointer"/> with one of another kind; returns the new value.</summary>
    private static System.Text.Json.Nodes.JsonNode? Replace(ref System.Text.Json.Nodes.JsonNode? root, string pointer)
    {
        string[] segments = pointer.Substring(1).Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        System.Text.Json.Nodes.JsonNode? parent = root;
        for (int i = 0; i < segments.Length - 1; i++)
        {
            parent = parent is System.Text.Json.Nodes.JsonArray a ? a[int.Parse(segments[i], System.Globalization.CultureInfo.InvariantCulture)] : parent![segments[i]];
        }

        string last = segments[^1];
        System.Text.Json.Nodes.JsonNode? old = parent is System.Text.Json.Nodes.JsonArray items ? items[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] : parent![last];
        System.Text.Json.Nodes.JsonNode? value = old switch
        {
            System.Text.Json.Nodes.JsonObject => new System.Text.Json.Nodes.JsonArray(1, 2),
            System.Text.Json.Nodes.JsonArray => new System.Text.Json.Nodes.JsonObject { ["mutated"] = true },
            System.Text.Json.Nodes.JsonValue v when v.GetValueKind() == JsonValueKind.String => System.Text.Json.Nodes.JsonValue.Create(12345),
            null => System.Text.Json.Nodes.JsonValue.Create("mutated"),
            _ => System.Text.Json.Nodes.JsonValue.Create("mutated"),
        };
        if (parent is System.Text.Json.Nodes.JsonArray list)
        {
            list[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent![last] = value;
        }

        return value;
    }

    /// <summary>A seed from a name that is the same in every process (string.GetHashCode is not).</summary>
    private static int StableSeed(string name)
    {
        int hash = 17;
        foreach (char c in name)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

    /// <summary>
    /// Null when the document reads, writes back as the same JSON value, and a second pass writes the same text; else
    /// why not, its first line naming the document and the fault (NJsonSchemaComparisonTests holds NJsonSchema's classes
    /// to the same rule).
    /// </summary>
    internal static string? RoundTrip(JsonTypeInfo typeInfo, string documentPath)
    {
        string name = Path.GetFileName(documentPath);
        string input = File.ReadAllText(documentPath);
        string output, again;
        try
        {
            object? value = JsonSerializer.Deserialize(input, typeInfo);
            output = JsonSerializer.Serialize(value, typeInfo);
        }
        catch (Exception ex)
        {
            return $"{name}: {ex.GetType().Name}: {FirstLine(ex.Message)}\ndocument:\n{Excerpt(input, 4000)}";
        }

        using (JsonDocument expected = JsonDocument.Parse(input))
        using (JsonDocument actual = JsonDocument.Parse(output))
        {
            if (!JsonElement.DeepEquals(expected.RootElement, actual.RootElement))
            {
                string where = JsonDifference.Find(expected.RootElement, actual.RootElement) ?? "(JsonDifference found none)";
                return $"{name}: the output differs at {where}\ndocument:\n{Excerpt(input, 4000)}\noutput:\n{Excerpt(output, 4000)}";
            }
        }

        object? first, second;
        try
        {
            first = JsonSerializer.Deserialize(input, typeInfo);
            second = JsonSerializer.Deserialize(output, typeInfo);
            again = JsonSerializer.Serialize(second, typeInfo);
        }
        catch (Exception ex)
        {
            return $"{name}: reading the output again threw {ex.GetType().Name}: {FirstLine(ex.Message)}\noutput:\n{Excerpt(output, 4000)}";
        }

        if (again != output)
        {
            return $"{name}: a second round trip writes other text\nfirst:\n{Excerpt(output, 4000)}\nsecond:\n{Excerpt(again, 4000)}";
        }

        // Generated records compare by value: what was read equals what its output reads back, with the same hash.
        if (first is not null && typeInfo.Type.IsClass && typeInfo.Type.GetInterface("IEquatable`1") is not null
            && (!Equals(first, second) || first.GetHashCode() != second!.GetHashCode()))
        {
            return $"{name}: the value read from the document and the value read from its output are not equal (or hash differently)";
        }

        return null;
    }

    private static string Details(ProbeResult probe)
    {
        var text = new StringBuilder();
        foreach (Diagnostic diagnostic in probe.GeneratorDiagnostics.Take(20))
        {
            text.Append("  generator: ").Append(diagnostic).Append('\n');
        }

        if (probe.GeneratorException is { } ex)
        {
            text.Append(ex).Append('\n');
        }
        else if (probe.Crash is { } crash)
        {
            text.Append(crash).Append('\n');
        }

        return text.ToString();
    }

    private static string FirstLine(string text) => ProbeResult.FirstLine(text);

    private static string Excerpt(string text, int length) => text.Length <= length ? text : text.Substring(0, length) + $"\n… ({text.Length - length} more characters)";
}

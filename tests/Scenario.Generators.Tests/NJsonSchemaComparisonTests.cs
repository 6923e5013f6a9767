using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Scenario.Generators.Model;
using Xunit;
using Xunit.Abstractions;

namespace Scenario.Generators.Tests;

/// <summary>
/// Our generator and NJsonSchema.CodeGeneration.CSharp side by side on every schema of tests/RealSchemas (docs/json-schema.md,
/// "Beside NJsonSchema"): for each, whether its code compiles, how many of the real documents read and write back as
/// the same JSON value (<see cref="RealSchemaTests.RoundTrip"/>, one rule for both), and how many of the generated
/// properties are typed (not JSON values, <see cref="TypingCoverageTests.IsUntyped"/> and its equivalent for
/// NJsonSchema's C#). Every row is written to the test output; with <c>SCENARIO_WRITE_PEER_TABLE=1</c> the totals go
/// into the README and the failures into docs/json-schema.md, between their <c>peer:njsonschema</c> markers.
/// A failure of NJsonSchema's is a row of the table, not a failed test.
/// </summary>
[Trait(TestCategories.Name, TestCategories.Extended)]
public class NJsonSchemaComparisonTests
{
    /// <summary>The version compared (Directory.Packages.props), which the table names.</summary>
    private const string NJsonSchemaVersion = "11.6.2";

    private const string WriteVariable = "SCENARIO_WRITE_PEER_TABLE";

    /// <summary>NJsonSchema's output goes in this namespace; the root's C# type is read from a class added beside it.</summary>
    private const string PeerNamespace = "Peer.Models";

    private const string RootProbe = "NJsonSchemaComparisonRoot";

    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(60);

    /// <summary>The newest C# the compiler of these tests knows, which a team on .NET 10 compiles NJsonSchema's output with.</summary>
    private static readonly LanguageVersion s_peerLanguage = LanguageVersion.Latest.MapSpecifiedToEffectiveVersion();

    /// <summary>
    /// The JsonSerializerOptions NJsonSchema's classes are read and written with, each tried on every document; the table
    /// takes the one under which most documents come back unchanged. Its classes write an absent optional property as
    /// <c>null</c> unless the options leave nulls out, and give no converter to enums in lists and maps.
    /// </summary>
    private static readonly (string Name, Func<JsonSerializerOptions> Create)[] s_peerOptions =
    {
        ("the defaults", () => new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() }),
        ("`DefaultIgnoreCondition = WhenWritingNull`", () => new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull }),
        ("`DefaultIgnoreCondition = WhenWritingNull` and a `JsonStringEnumConverter`", () => new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = { new JsonStringEnumConverter() } }),
    };

    private readonly ITestOutputHelper _output;

    public NJsonSchemaComparisonTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Both_generators_compile_round_trip_and_type_the_real_schemas()
    {
        var stopwatch = Stopwatch.StartNew();
        var rows = new List<Row>();
        (string CodeGeneration, string NJsonSchema, string Settings)? hello;
        using (var peer = new NJsonSchemaProcess())
        {
            foreach (string slug in RealSchemaCorpus.Slugs())
            {
                rows.Add(new Row(slug, RealSchemaCorpus.Documents(slug).Count, Ours(slug), Theirs(peer, slug)));
            }

            hello = peer.Hello;
        }

        int options = Enumerable.Range(0, s_peerOptions.Length).OrderByDescending(RoundTrippedWith).First();
        foreach (Row row in rows)
        {
            row.Theirs.Choice = options;
            _output.WriteLine(row.ToString());
        }

        int RoundTrippedWith(int k) => rows.Sum(r => r.Theirs.Passes.Count > k ? r.Theirs.Passes[k].RoundTripped : 0);

        stopwatch.Stop();
        Assert.True(hello is not null, "the NJsonSchema process never answered: " + rows[0].Theirs.Failure);
        string table = Table(rows, hello!.Value.CodeGeneration);
        _output.WriteLine(string.Empty);
        _output.WriteLine(table);
        _output.WriteLine($"{rows.Count} schemas in {stopwatch.Elapsed.TotalSeconds:0} s");

        // Ours: what RealSchemaTests holds schema by schema, held here too, so the table cannot show less.
        List<Row> oursFailed = rows.Where(r => !r.Ours.Compiled || r.Ours.RoundTripped < r.Documents).ToList();
        Assert.True(oursFailed.Count == 0, "ours fails on:\n" + string.Join("\n", oursFailed));

        // The measure is real: the pinned NJsonSchema ran, and a broken harness would not be a table of zeros.
        Assert.Equal(NJsonSchemaVersion, hello.Value.CodeGeneration);
        Assert.True(rows.Count(r => r.Theirs.Generated) >= rows.Count / 2, "NJsonSchema generated code for fewer than half the schemas, first failure: " + rows.FirstOrDefault(r => !r.Theirs.Generated)?.Theirs.Failure);
        Assert.True(rows.Count(r => r.Theirs.Compiled) >= 10, "NJsonSchema's code compiled for fewer than 10 schemas");
        Assert.True(rows.Sum(r => r.Theirs.RoundTripped) >= 10, "fewer than 10 documents round-trip through NJsonSchema's classes");
        Assert.True(rows.Sum(r => r.Theirs.Typed) >= 1000, "fewer than 1,000 typed properties counted in NJsonSchema's code");

        // Only a run that passed writes its table.
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            Write(rows, table, hello.Value, options, Enumerable.Range(0, s_peerOptions.Length).Select(RoundTrippedWith).ToArray(), stopwatch.Elapsed);
        }
    }

    /// <summary>Ours, as RealSchemaTests runs it: every schema file of the folder, C# 11, warnings as errors.</summary>
    private static Side Ours(string slug) => Measured(side =>
    {
        ProbeResult probe = GeneratorProbe.Run(RealSchemaCorpus.SchemaFiles(slug), s_bound);
        foreach (PropertyModel property in probe.Models.SelectMany(m => m.Records).SelectMany(r => r.Properties))
        {
            side.Properties++;
            side.Typed += TypingCoverageTests.IsUntyped(property.Type) ? 0 : 1;
        }

        if (probe.Failure is { } failure)
        {
            side.Failure = failure;
            return;
        }

        side.Generated = true;
        if (probe.GeneratorDiagnostics.FirstOrDefault(d => d.DefaultSeverity == DiagnosticSeverity.Error) is { } error)
        {
            side.Failure = error.Id + ": " + error.GetMessage(CultureInfo.InvariantCulture);
            return;
        }

        // Emitted once, without GetDiagnostics first: the harness makes every warning an error, so a warning fails the emit.
        using GeneratedAssembly? assembly = GeneratedAssembly.TryLoad(probe.Output!, out IReadOnlyList<Diagnostic> diagnostics);
        if (assembly is null)
        {
            side.Failure = Errors(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList());
            return;
        }

        side.Compiled = true;
        SchemaModel? model = probe.Models.FirstOrDefault(m => string.Equals(Path.GetFileName(m.FileName), slug + ".schema.json", StringComparison.Ordinal));
        if (model?.RootName is null)
        {
            side.ReadFailure = "the generated context has no property for the root";
            return;
        }

        side.Passes.Add(RoundTrip(assembly.TypeInfo(model.Namespace, model.ContextName, model.RootName), slug));
    });

    /// <summary>
    /// NJsonSchema's: generated from the main schema file in its own process, compiled in memory with nullable reference
    /// types (warnings allowed), read and written through JsonSerializer with reflection, as its classes are used.
    /// </summary>
    private static Side Theirs(NJsonSchemaProcess peer, string slug) => Measured(side =>
    {
        NJsonSchemaAnswer answer = peer.Generate(RealSchemaCorpus.MainSchemaPath(slug), RootName(slug), PeerNamespace, s_bound);
        if (answer.Error is not null || answer.Code is null || answer.RootType is null)
        {
            side.Failure = "generation: " + (answer.Error ?? "no code");
            return;
        }

        side.Generated = true;
        var parse = new CSharpParseOptions(s_peerLanguage);
        SyntaxTree code = CSharpSyntaxTree.ParseText(answer.Code, parse, path: "NJsonSchema.cs");
        SyntaxTree rootProbe = CSharpSyntaxTree.ParseText(
            $"namespace {PeerNamespace} {{ public static class {RootProbe} {{ public static global::System.Type Type => typeof({answer.RootType}); }} }}", parse, path: "Root.cs");
        CSharpCompilation compilation = CSharpCompilation.Create(
            "NJsonSchemaOutput",
            new[] { code, rootProbe },
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999)
                .WithSpecificDiagnosticOptions(GeneratorHarness.Unification));
        CountTyped(side, compilation, code);

        using GeneratedAssembly? assembly = GeneratedAssembly.TryLoad(compilation, out IReadOnlyList<Diagnostic> diagnostics);
        List<Diagnostic> errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree == code).ToList();
        if (errors.Count > 0)
        {
            side.Failure = Errors(errors);
            return;
        }

        side.Compiled = true;
        if (assembly is null)
        {
            Diagnostic rootError = diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
            side.ReadFailure = $"the root's type as NJsonSchema gives it, {answer.RootType}, does not compile: {rootError.Id}: {rootError.GetMessage(CultureInfo.InvariantCulture)}";
            return;
        }

        var root = (Type)assembly.Assembly.GetType(PeerNamespace + "." + RootProbe)!.GetProperty("Type")!.GetValue(null)!;
        foreach ((string _, Func<JsonSerializerOptions> create) in s_peerOptions)
        {
            JsonTypeInfo typeInfo;
            try
            {
                typeInfo = create().GetTypeInfo(root);
            }
            catch (Exception ex)
            {
                side.ReadFailure = $"System.Text.Json takes no contract for {root.Name}: {ex.GetType().Name}: {ProbeResult.FirstLine(ex.Message)}";
                return;
            }

            side.Passes.Add(RoundTrip(typeInfo, slug));
        }
    });

    /// <summary>Runs <paramref name="measure"/> on a new side, timed; an exception it lets out is the side's failure.</summary>
    private static Side Measured(Action<Side> measure)
    {
        var side = new Side();
        var stopwatch = Stopwatch.StartNew();
        try
        {
            measure(side);
        }
        catch (Exception ex)
        {
            string thrown = "the comparison threw " + ex.GetType().Name + ": " + ProbeResult.FirstLine(ex.Message);
            if (side.Compiled)
            {
                side.ReadFailure ??= thrown;
            }
            else
            {
                side.Failure ??= thrown;
            }
        }

        side.Elapsed = stopwatch.Elapsed;
        return side;
    }

    /// <summary>Every document of the folder read and written back through <paramref name="typeInfo"/>.</summary>
    private static Pass RoundTrip(JsonTypeInfo typeInfo, string slug)
    {
        var pass = new Pass();
        foreach (string document in RealSchemaCorpus.Documents(slug))
        {
            string? problem;
            try
            {
                problem = RealSchemaTests.RoundTrip(typeInfo, document);
            }
            catch (Exception ex)
            {
                problem = Path.GetFileName(document) + ": " + ex.GetType().Name + ": " + ProbeResult.FirstLine(ex.Message);
            }

            if (problem is null)
            {
                pass.RoundTripped++;
            }
            else
            {
                pass.Failures.Add(ProbeResult.FirstLine(problem));
            }
        }

        return pass;
    }

    /// <summary>
    /// The properties of NJsonSchema's classes that stand for schema properties (those with <c>[JsonPropertyName]</c>;
    /// not the <c>[JsonExtensionData]</c> dictionary of each class), typed unless a JSON value by the rule of
    /// <see cref="TypingCoverageTests.IsUntyped"/>: <c>object</c> (its <c>AnyType</c>), <c>JsonElement</c> or
    /// <c>JsonNode</c>, or a collection or dictionary of them.
    /// </summary>
    private static void CountTyped(Side side, CSharpCompilation compilation, SyntaxTree code)
    {
        SemanticModel model = compilation.GetSemanticModel(code);
        foreach (PropertyDeclarationSyntax property in code.GetRoot().DescendantNodes().OfType<PropertyDeclarationSyntax>())
        {
            bool named = property.AttributeLists.SelectMany(list => list.Attributes)
                .Any(a => a.Name.ToString() is { } name && (name.EndsWith("JsonPropertyName", StringComparison.Ordinal) || name.EndsWith("JsonPropertyNameAttribute", StringComparison.Ordinal)));
            if (!named || model.GetDeclaredSymbol(property) is not { } symbol)
            {
                continue;
            }

            side.Properties++;
            side.Typed += IsJsonValue(symbol.Type) ? 0 : 1;
        }
    }

    /// <summary>A JSON value, or a list or map of them: arrays, generic collections and classes derived from one are unwrapped.</summary>
    private static bool IsJsonValue(ITypeSymbol type)
    {
        for (int depth = 0; depth < 16; depth++)
        {
            if (type is IArrayTypeSymbol array)
            {
                type = array.ElementType;
                continue;
            }

            INamedTypeSymbol? collection = type as INamedTypeSymbol;
            while (collection is not null && !(collection.IsGenericType && collection.OriginalDefinition.ContainingNamespace.ToDisplayString().StartsWith("System.Collections", StringComparison.Ordinal)))
            {
                collection = collection.BaseType;
            }

            if (collection is null)
            {
                break;
            }

            type = collection.TypeArguments.Last();
        }

        return type.SpecialType == SpecialType.System_Object
            || type.TypeKind == Microsoft.CodeAnalysis.TypeKind.Dynamic
            || type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) is "global::System.Text.Json.JsonElement" or "global::System.Text.Json.Nodes.JsonNode"
                or "global::System.Text.Json.Nodes.JsonObject" or "global::System.Text.Json.Nodes.JsonArray" or "global::System.Text.Json.Nodes.JsonValue";
    }

    /// <summary>The root's name: the folder's, in PascalCase (<c>gltf-2.0</c> → <c>Gltf20</c>), as a team names it.</summary>
    private static string RootName(string slug) =>
        string.Concat(System.Text.RegularExpressions.Regex.Split(slug, "[^A-Za-z0-9]+").Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));

    private static string Errors(IReadOnlyList<Diagnostic> errors) =>
        $"{errors.Count} compiler error(s), first {errors[0].Id}: {errors[0].GetMessage(CultureInfo.InvariantCulture)}";

    private static string Table(IReadOnlyList<Row> rows, string version)
    {
        int documents = rows.Sum(r => r.Documents);
        var text = new StringBuilder();
        text.AppendLine("| generator | schemas whose code compiles | documents read and written back unchanged | properties typed |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        foreach ((string name, Func<Row, Side> side) in new (string, Func<Row, Side>)[] { ("Scenario.Generators", r => r.Ours), ("NJsonSchema.CodeGeneration.CSharp " + version, r => r.Theirs) })
        {
            int properties = rows.Sum(r => side(r).Properties), typed = rows.Sum(r => side(r).Typed);
            text.AppendLine($"| {name} | {rows.Count(r => side(r).Compiled)} / {rows.Count} | {N(rows.Sum(r => side(r).RoundTripped))} / {N(documents)} | {N(typed)} / {N(properties)} ({Percent(typed, properties)}) |");
        }

        return text.ToString().TrimEnd();
    }

    private static void Write(IReadOnlyList<Row> rows, string table, (string CodeGeneration, string NJsonSchema, string Settings) peer, int options, int[] roundTrippedWith, TimeSpan elapsed)
    {
        string root = GeneratorHarness.RepositoryRoot();
        string date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), commit = DocumentBlocks.Commit(root);
        string run = $"One run of `NJsonSchemaComparisonTests` on {date} at commit `{commit}` ({Environment.ProcessorCount} cores, {elapsed.TotalSeconds:0} s), "
            + $"{rows.Count} schemas and their {N(rows.Sum(r => r.Documents))} documents; NJsonSchema.CodeGeneration.CSharp {peer.CodeGeneration} with System.Text.Json, its documents read with {s_peerOptions[options].Name}:";
        DocumentBlocks.Replace(Path.Combine(root, "README.md"), "peer:njsonschema", run + "\n\n" + table);

        var details = new StringBuilder();
        details.Append($"From the run of the README's table ({date}, commit `{commit}`). NJsonSchema {peer.NJsonSchema}'s settings: {peer.Settings}. Its code is compiled as C# {s_peerLanguage.ToDisplayString()} with nullable reference types. "
            + "Its documents read and written back unchanged with each JsonSerializerOptions tried: "
            + string.Join("; ", s_peerOptions.Select((o, k) => $"{o.Name}, {N(roundTrippedWith[k])}")) + ".").AppendLine().AppendLine();
        List<Row> failing = rows.Where(r => r.Fails).ToList();
        details.AppendLine($"Schemas where either side falls short ({failing.Count}; a document of a schema whose code does not compile counts as not read):").AppendLine();
        foreach (Row row in failing)
        {
            details.AppendLine($"- `{row.Slug}` ({row.Documents} document{(row.Documents == 1 ? "" : "s")}): {row.Describe()}");
        }

        details.AppendLine().AppendLine("Where NJsonSchema does better than ours: its code compiles where ours does not on "
            + Slugs(rows.Where(r => r.Theirs.Compiled && !r.Ours.Compiled).Select(r => $"`{r.Slug}`"))
            + "; it reads back more documents unchanged on "
            + Slugs(rows.Where(r => r.Theirs.RoundTripped > r.Ours.RoundTripped).Select(r => $"`{r.Slug}` ({r.Theirs.RoundTripped} against {r.Ours.RoundTripped})"))
            + "; it types a larger share of its properties on "
            + Slugs(rows.Where(r => r.Theirs.Properties > 0 && r.Theirs.Share > r.Ours.Share).Select(r => $"`{r.Slug}` ({N(r.Theirs.Typed)} / {N(r.Theirs.Properties)} against {N(r.Ours.Typed)} / {N(r.Ours.Properties)})"))
            + ".");
        DocumentBlocks.Replace(Path.Combine(root, "docs", "json-schema.md"), "peer:njsonschema-details", details.ToString().TrimEnd());
    }

    private static string Slugs(IEnumerable<string> items) => items.Any() ? string.Join(", ", items) : "no schema";

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(int part, int whole) => (100.0 * part / Math.Max(1, whole)).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>One generator's result on one schema.</summary>
    private sealed class Side
    {
        public bool Generated { get; set; }

        /// <summary>Generated, and the code compiles with no error.</summary>
        public bool Compiled { get; set; }

        /// <summary>Why the code was not generated or does not compile.</summary>
        public string? Failure { get; set; }

        /// <summary>Why no document could be read, though the code compiles.</summary>
        public string? ReadFailure { get; set; }

        /// <summary>The documents read and written back, once for each JsonSerializerOptions tried.</summary>
        public List<Pass> Passes { get; } = new();

        /// <summary>The pass the table counts.</summary>
        public int Choice { get; set; }

        public int RoundTripped => Passes.Count > Choice ? Passes[Choice].RoundTripped : 0;

        /// <summary>The first line of each document's failure, or why none could be read.</summary>
        public IReadOnlyList<string> DocumentFailures =>
            ReadFailure is not null ? new[] { ReadFailure } : Passes.Count > Choice ? Passes[Choice].Failures : Array.Empty<string>();

        public int Properties { get; set; }

        public int Typed { get; set; }

        public double Share => Properties == 0 ? 1 : (double)Typed / Properties;

        public TimeSpan Elapsed { get; set; }

        public override string ToString() =>
            (Compiled ? "compiles" : Failure is null ? "fails" : "does not compile (" + Failure + ")")
            + $", {RoundTripped} document(s) unchanged, {Typed} / {Properties} properties typed, {Elapsed.TotalMilliseconds:0} ms"
            + (DocumentFailures.Count > 0 ? "; " + string.Join("; ", DocumentFailures) : string.Empty);
    }

    /// <summary>One reading of every document of a schema.</summary>
    private sealed class Pass
    {
        public int RoundTripped { get; set; }

        public List<string> Failures { get; } = new();
    }

    private sealed record Row(string Slug, int Documents, Side Ours, Side Theirs)
    {
        public bool Fails => !Ours.Compiled || !Theirs.Compiled || Ours.RoundTripped < Documents || Theirs.RoundTripped < Documents;

        public string Describe()
        {
            var parts = new List<string>();
            foreach ((string name, Side side) in new[] { ("ours", Ours), ("NJsonSchema", Theirs) })
            {
                if (!side.Compiled)
                {
                    parts.Add($"{name}: {(side.Generated ? "does not compile" : "generates no code")}, {Code(side.Failure ?? "no reason recorded")}");
                }
                else if (side.RoundTripped < Documents)
                {
                    parts.Add($"{name}: {Documents - side.RoundTripped} of {Documents} not read back unchanged, "
                        + string.Join("; ", side.DocumentFailures.Take(2).Select(Code)) + (side.DocumentFailures.Count > 2 ? $" (and {side.DocumentFailures.Count - 2} more)" : string.Empty));
                }
            }

            return string.Join("; ", parts) + ".";
        }

        public override string ToString() => $"{Slug} ({Documents} document(s))\n  ours:        {Ours}\n  NJsonSchema: {Theirs}";

        /// <summary>A reason as a code span, cut to 200 characters.</summary>
        private static string Code(string reason)
        {
            string root = GeneratorHarness.RepositoryRoot().TrimEnd('/', '\\');
            string text = reason.Replace(root + "/", string.Empty).Replace(root + "\\", string.Empty).Replace('`', '\'').Replace('\n', ' ').Replace('\r', ' ');
            return "`" + (text.Length > 200 ? text.Substring(0, 200) + "…" : text) + "`";
        }
    }
}

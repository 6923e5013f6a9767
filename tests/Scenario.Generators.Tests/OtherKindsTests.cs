using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.CodeAnalysis;
using Scenario.Generators.Model;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// Keywords of one kind (<c>properties</c>, <c>additionalProperties</c>, <c>items</c>, <c>pattern</c>) keep no value of
/// another kind out. Three public schemas of tests/RealSchemas whose real documents hold such values: each value is read,
/// kept, and written back, where a type narrowed to the one kind the keywords mention refused the document.
/// </summary>
public class OtherKindsTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(60);

    /// <summary>
    /// dotnetcli.host: <c>isHidden</c> is <c>anyOf [{"type": "boolean"}, {"pattern": "^(true|false)$"}]</c>, and aspnet's
    /// templates write <c>"isHidden": "true"</c> beside <c>true</c>: a union of a boolean and the unknown form, not <c>bool?</c>.
    /// </summary>
    [Fact]
    public void A_boolean_or_a_pattern_reads_the_string_too()
    {
        Generated run = Generate("dotnetcli-host");

        // symbolInfo names no type either: its properties keep no other kind out, so it is a union of its record and the
        // unknown form too.
        string symbolInfo = run.Source("SymbolInfo");
        Assert.Contains("public global::DotnetcliHostSchema.SymbolInfoObject AsObject", symbolInfo, StringComparison.Ordinal);
        Assert.Contains("public bool IsUnknown", symbolInfo, StringComparison.Ordinal);
        Assert.Contains("public global::DotnetcliHostSchema.SymbolInfoObjectIsHidden? IsHidden { get; init; }", run.Source("SymbolInfoObject"), StringComparison.Ordinal);
        string isHidden = run.Source("SymbolInfoObjectIsHidden");
        Assert.Contains("public bool AsBoolean", isHidden, StringComparison.Ordinal);
        Assert.Contains("public bool IsUnknown", isHidden, StringComparison.Ordinal);

        run.RoundTripsEveryDocument(3);
        Assert.Equal("""{"symbolInfo":{"a":{"isHidden":"true"},"b":{"isHidden":false}}}""", run.RoundTrip("""{"symbolInfo":{"a":{"isHidden":"true"},"b":{"isHidden":false}}}"""));
    }

    /// <summary>
    /// JSON-e: a <c>$let</c> value's schema has only <c>additionalProperties</c> (each value a template), and SchemaStore's
    /// own test puts an array there: a union of the map and the unknown form, not a map alone.
    /// </summary>
    [Fact]
    public void A_map_without_a_type_reads_an_array_too()
    {
        Generated run = Generate("jsone");

        run.RoundTripsEveryDocument(2);
        Assert.Equal("""{"$let":{"x":[10,30],"y":{"z":{"$eval":"x"}},"n":null},"in":{"$eval":"x"}}""", run.RoundTrip("""{"$let":{"x":[10,30],"y":{"z":{"$eval":"x"}},"n":null},"in":{"$eval":"x"}}"""));
    }

    /// <summary>
    /// tslint: each rule is an <c>allOf</c> of a rule that may be a boolean, an object or an array and a part with
    /// <c>items</c> and <c>properties</c>; real configurations set rules to <c>true</c> and to <c>[true, "check-space"]</c>.
    /// </summary>
    [Fact]
    public void An_all_of_whose_part_names_no_type_reads_booleans_and_arrays_too()
    {
        Generated run = Generate("tslint");

        run.RoundTripsEveryDocument(3);
        Assert.Equal("""{"rules":{"class-name":true,"comment-format":[true,"check-space"],"curly":{"severity":"warning"}}}""", run.RoundTrip("""{"rules":{"class-name":true,"comment-format":[true,"check-space"],"curly":{"severity":"warning"}}}"""));
    }

    /// <summary>
    /// The same rules on small schemas, one per rule: each value the schema allows is read and written back, and where the
    /// schema fixes the kind (<c>"type": "object"</c>, every branch typed) the type is as rich as before.
    /// </summary>
    [Theory]
    [InlineData("""{ "properties": { "a": { "type": "integer" } }, "required": [ "a" ] }""", "Shapes", """{"a":1}|"text"|12|[1]|true|null""")]
    [InlineData("""{ "additionalProperties": { "type": "string" } }""", "Shapes", """{"k":"v"}|[1,2]|"s"|null""")]
    [InlineData("""{ "anyOf": [ { "type": "boolean" }, { "pattern": "^(true|false)$" } ] }""", "Shapes", """true|"true"|3|{"x":1}""")]
    [InlineData("""{ "oneOf": [ { "type": "integer" }, { "minimum": 2 } ] }""", "Shapes", """1|2.5|"foo"|[]""")]
    [InlineData("""{ "type": [ "array", "object", "null" ], "items": { "type": "integer" } }""", "Shapes", """[1,2]|{"a":[]}|null""")]
    [InlineData("""{ "enum": [ 6, null ] }""", "Shapes", """6|6.0|null""")]
    [InlineData("""{ "type": "object", "properties": { "n": { "type": "integer" }, "c": { "const": 9007199254740992 } } }""", "Shapes", """{"n":1.0,"c":9007199254740992.0}|{"n":-0.0}""")]
    public void Every_value_a_schema_allows_is_read_and_written_back(string schema, string root, string values)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("shapes.schema.json", schema));
        Assert.Null(run.Result.Results.Single().Exception);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileDiagnostics);
        using GeneratedAssembly assembly = GeneratedAssembly.Load(run.Output);
        JsonTypeInfo typeInfo = RootTypeInfo(run, assembly, root);
        foreach (string json in values.Split('|'))
        {
            using JsonDocument expected = JsonDocument.Parse(json);
            using JsonDocument actual = JsonDocument.Parse(JsonSerializer.Serialize(JsonSerializer.Deserialize(json, typeInfo), typeInfo));
            Assert.True(JsonElement.DeepEquals(expected.RootElement, actual.RootElement), $"{json} came back as {actual.RootElement.GetRawText()}");
        }
    }

    [Fact]
    public void A_type_or_typed_branches_keep_their_types()
    {
        const string text = """
            { "type": "object", "properties": {
                "typed": { "type": "object", "properties": { "a": { "type": "string" } } },
                "branches": { "oneOf": [ { "properties": { "kind": { "const": "x" } }, "required": [ "kind" ] }, { "type": "string" } ] },
                "count": { "anyOf": [ { "type": "integer" }, { "type": "null" } ] },
                "flag": { "anyOf": [ { "type": "boolean" }, { "type": "boolean", "description": "a flag" } ] } } }
            """;
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("shapes.schema.json", text));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileDiagnostics);
        string root = run.Sources["ShapesSchema.Shapes.g.cs"];
        Assert.Contains("public global::ShapesSchema.ShapesTyped? Typed { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("public long? Count { get => __valueCount;", root, StringComparison.Ordinal);
        Assert.Contains("public bool? Flag { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("public bool IsObject", run.Sources["ShapesSchema.ShapesBranches.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("ShapesTypedObject", string.Join("\n", run.Sources.Keys), StringComparison.Ordinal);
        Assert.DoesNotContain("ShapesBranchesObjectObject", string.Join("\n", run.Sources.Keys), StringComparison.Ordinal);
    }

    /// <summary>A document that may be null, whose type cannot be (a union, a number): the root's name reads <c>T?</c>.</summary>
    [Fact]
    public void A_root_that_allows_null_reads_a_null_document()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("shapes.schema.json", """{ "type": [ "integer", "string", "null" ] }"""));
        Assert.Empty(run.CompileDiagnostics);
        using GeneratedAssembly assembly = GeneratedAssembly.Load(run.Output);
        JsonTypeInfo typeInfo = RootTypeInfo(run, assembly, "Shapes");
        Assert.Equal(typeof(Nullable<>), typeInfo.Type.GetGenericTypeDefinition());
        Assert.Null(JsonSerializer.Deserialize("null", typeInfo));
        Assert.Equal("null", JsonSerializer.Serialize((object?)null, typeInfo));
        Assert.Equal("\"a\"", JsonSerializer.Serialize(JsonSerializer.Deserialize("\"a\"", typeInfo), typeInfo));
    }

    /// <summary>The context's property <paramref name="root"/>, in whichever namespace the file's types went.</summary>
    private static JsonTypeInfo RootTypeInfo(GeneratorRun run, GeneratedAssembly assembly, string root)
    {
        string context = run.Sources.Keys.Single(k => k.EndsWith("JsonContext.g.cs", StringComparison.Ordinal));
        string[] parts = context.Substring(0, context.Length - ".g.cs".Length).Split('.');
        return assembly.TypeInfo(string.Join(".", parts.Take(parts.Length - 1)), parts[^1], root);
    }

    private static Generated Generate(string slug)
    {
        ProbeResult probe = GeneratorProbe.Run(RealSchemaCorpus.SchemaFiles(slug), s_bound);
        Assert.True(probe.Crash is null && probe.GeneratorException is null && !probe.TimedOut, $"[{slug}] the generator did not finish: {probe.Crash ?? probe.GeneratorException}");
        Assert.Empty(probe.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(probe.Output!.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        SchemaModel model = probe.Models.Single(m => string.Equals(Path.GetFileName(m.FileName), slug + ".schema.json", StringComparison.Ordinal));
        return new Generated(slug, probe, model);
    }

    private sealed class Generated(string slug, ProbeResult probe, SchemaModel model)
    {
        private readonly JsonTypeInfo _root = GeneratedAssembly.Load(probe.Output!).TypeInfo(model.Namespace, model.ContextName, model.RootName!);

        public string Source(string type) =>
            probe.Output!.SyntaxTrees.FirstOrDefault(t => t.FilePath.EndsWith("." + type + ".g.cs", StringComparison.Ordinal))?.ToString()
            ?? throw new Xunit.Sdk.XunitException($"[{slug}] no file generated for {type}: {string.Join(", ", probe.Output!.SyntaxTrees.Select(t => Path.GetFileName(t.FilePath)))}");

        public string RoundTrip(string json) => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, _root), _root);

        public void RoundTripsEveryDocument(int count)
        {
            IReadOnlyList<string> documents = RealSchemaCorpus.Documents(slug);
            Assert.Equal(count, documents.Count);
            foreach (string path in documents)
            {
                string input = File.ReadAllText(path);
                using JsonDocument expected = JsonDocument.Parse(input);
                using JsonDocument actual = JsonDocument.Parse(RoundTrip(input));
                Assert.True(JsonElement.DeepEquals(expected.RootElement, actual.RootElement), $"[{slug}] {Path.GetFileName(path)} differs at {JsonDifference.Find(expected.RootElement, actual.RootElement)}");
            }
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>Problems in a schema are diagnostics located in the schema file, never an exception out of the generator.</summary>
public class DiagnosticTests
{
    [Fact]
    public void Invalid_json_is_SCENGEN001_at_the_broken_line()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("broken.schema.json", "{\n  \"definitions\": {\n    \"A\": { \"type\": \"object\" ,, }\n  }\n}"));

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("SCENGEN001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/project/broken.schema.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.Result.GeneratedTrees);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("CS", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void An_unresolved_ref_is_SCENGEN002_at_the_ref()
    {
        const string text = "{\n  \"definitions\": {\n    \"A\": {\n      \"type\": \"object\",\n      \"properties\": {\n        \"b\": { \"$ref\": \"#/definitions/Missing\" }\n      }\n    }\n  }\n}";

        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Run(GeneratorHarness.Inline("refs.schema.json", text)).Diagnostics);

        Assert.Equal("SCENGEN002", diagnostic.Id);
        Assert.Contains("#/definitions/Missing", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal(5, span.StartLinePosition.Line);
        Assert.Equal("\"$ref\"", text.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Fact]
    public void An_external_ref_is_SCENGEN002_and_nothing_is_read()
    {
        const string text = """{ "definitions": { "A": { "type": "object", "properties": { "b": { "$ref": "other.schema.json#/definitions/B" } } } } }""";

        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Run(GeneratorHarness.Inline("external.schema.json", text)).Diagnostics);

        Assert.Equal("SCENGEN002", diagnostic.Id);
        Assert.Contains("no schema file of the compilation is at '/project/other.schema.json'", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_2020_defs_are_read_like_definitions()
    {
        const string text = """{ "$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": { "A": { "type": "object", "properties": { "b": { "$ref": "#/$defs/A" } } } } }""";

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("defs.schema.json", text));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("public global::Defs.A? B { get; init; }", run.Sources["Defs.A.g.cs"], System.StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void An_invalid_setting_is_SCENGEN004_and_the_default_applies()
    {
        var metadata = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Visibility"] = "protected", ["build_metadata.AdditionalFiles.Namespace"] = "1Bad.Name", ["build_metadata.AdditionalFiles.Formats"] = "yes" };
        const string text = """{ "definitions": { "A": { "type": "object", "properties": { "b": { "type": "string", "format": "date-time" } } } } }""";

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("settings.schema.json", text, metadata));

        Assert.Equal(new[] { "SCENGEN004", "SCENGEN004", "SCENGEN004" }, run.Diagnostics.Select(d => d.Id));
        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("Formats", System.StringComparison.Ordinal));
        Assert.Contains(run.Sources.Keys, hint => hint == "Settings.A.g.cs");
        Assert.Contains("public string? B { get; init; }", run.Sources["Settings.A.g.cs"], System.StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void The_ClientName_setting_renames_the_client()
    {
        SchemaFile schema = GeneratorHarness.Schema("scenario");
        var renamed = new SchemaFile(schema.Path, schema.Text, new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ClientName"] = "Acme" });

        GeneratorRun run = GeneratorHarness.Run(renamed);

        Assert.Contains("Scenario.AcmeClient.g.cs", run.Sources.Keys);
        Assert.Contains("public sealed class AcmeClientOptions", run.Sources["Scenario.AcmeClient.g.cs"], System.StringComparison.Ordinal);
        Assert.Contains("\"Acme.Client\"", run.Sources["Scenario.AcmeClient.g.cs"], System.StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void An_invalid_x_client_is_SCENGEN006_at_the_offending_token()
    {
        const string text = """
            { "x-client": { "name": "Shop", "baseAddress": "https://shop.example.com",
                "resources": { "items": { "operations": { "get": { "method": "FETCH", "path": "/items/{id}", "response": { "$ref": "#/definitions/Item" } } } } } },
              "definitions": { "Item": { "type": "object", "properties": { "id": { "type": "string" } } } } }
            """;

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("shop.schema.json", text));

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("SCENGEN006", diagnostic.Id);
        Assert.Contains("'method' is one of GET, POST, PUT, PATCH, DELETE", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal("\"method\"", text.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.DoesNotContain(run.Sources.Keys, k => k.EndsWith("Client.g.cs", System.StringComparison.Ordinal));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void A_small_x_client_generates_a_client_that_compiles()
    {
        const string text = """
            { "x-client": { "name": "Shop", "baseAddress": "https://shop.example.com",
                "resources": { "items": { "operations": {
                  "get": { "method": "GET", "path": "/items/{id}/{class}", "response": { "$ref": "#/definitions/Item" } },
                  "create": { "method": "POST", "path": "/items", "parameters": { "$ref": "#/definitions/Item" }, "parametersRequired": true, "response": { "$ref": "#/definitions/Item" } } } } } },
              "definitions": { "Item": { "type": "object", "properties": { "id": { "type": "string" }, "tags": { "type": "array", "items": { "type": "string" } }, "dryRun": { "type": "boolean", "x-in": "query" } } } } }
            """;

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("shop.schema.json", text));

        Assert.Empty(run.Diagnostics);
        string client = run.Sources["Shop.ShopClient.g.cs"];
        Assert.Contains("GetAsync(string id, string @class, global::Scenario.RequestOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)", client, System.StringComparison.Ordinal);
        Assert.Contains("CreateAsync(global::Shop.Item parameters,", client, System.StringComparison.Ordinal);
        Assert.Contains("request.AddQuery(\"dryRun\", vDryRun);", client, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Authorization =", client, System.StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void A_shape_with_no_typed_mapping_is_a_SCENGEN005_warning_and_becomes_JsonElement()
    {
        // Parts that agree on two kinds at once: no one type holds both, and no union is a part's.
        const string text = """{ "definitions": { "A": { "type": "object", "properties": { "b": { "allOf": [ { "type": ["string", "object"] }, { "type": ["string", "object", "array"] } ] } } } } }""";

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("shape.schema.json", text));

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("SCENGEN005", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Contains("#/definitions/A/properties/b", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Contains("public global::System.Text.Json.JsonElement? B { get; init; }", run.Sources["Shape.A.g.cs"], System.StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void A_union_of_an_object_and_an_array_is_a_union_with_no_diagnostic()
    {
        const string text = """{ "definitions": { "A": { "type": "object", "properties": { "b": { "oneOf": [ { "type": "object", "properties": { "x": { "type": "string" } } }, { "type": "array" } ] } } } } }""";

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("union.schema.json", text));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("public global::Union.AB? B { get; init; }", run.Sources["Union.A.g.cs"], System.StringComparison.Ordinal);
        Assert.Contains("public bool IsObject", run.Sources["Union.AB.g.cs"], System.StringComparison.Ordinal);
        Assert.Contains("public bool IsArray", run.Sources["Union.AB.g.cs"], System.StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"just a string\"")]
    [InlineData("")]
    [InlineData("{ \"definitions\": { \"A\": { \"$ref\": 5 } } }")]
    [InlineData("{ \"definitions\": { \"A\": { \"type\": \"object\", \"properties\": { \"b\": { \"type\": \"integer\", \"items\": \"nope\" } } } } }")]
    [InlineData("{ \"definitions\": { \"A\": { \"type\": \"object\", \"properties\": \"nope\" } } }")]
    [InlineData("{ \"definitions\": { \"A\": { \"type\": \"object\", \"properties\": { \"b\": { \"type\": \"string\" } } }, } }")]
    [InlineData("// a comment\n{ }")]
    public void Malformed_schemas_never_throw_out_of_the_generator(string text)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("odd.schema.json", text));

        Assert.All(run.Result.Results, result => Assert.Null(result.Exception));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
        Assert.Contains(run.Diagnostics, d => d.Id.StartsWith("SCENGEN", System.StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Files_not_named_schema_json_are_ignored()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("settings.json", "not json at all"));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Result.GeneratedTrees);
    }
}

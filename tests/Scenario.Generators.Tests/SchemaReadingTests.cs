using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// Schemas that broke the generator, or that every draft writes differently: each generates code that compiles, or
/// reports where and why, and nothing ever leaves the generator but diagnostics.
/// </summary>
public class SchemaReadingTests
{
    private static GeneratorRun Generate(string text, string fileName = "shapes.schema.json")
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline(fileName, text));
        AssertNoException(run);
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
        return run;
    }

    private static void AssertNoException(GeneratorRun run)
    {
        Assert.All(run.Result.Results, result => Assert.Null(result.Exception));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "CS8784");
    }

    private static IEnumerable<string> Ids(GeneratorRun run) => run.Diagnostics.Select(d => d.Id);

    [Fact]
    public void A_cycle_through_a_union_is_a_recursive_union()
    {
        // An array of a oneOf that refers back to the array: the union is the type the cycle goes through.
        const string text = """
            { "type": "object", "properties": { "tree": { "$ref": "#/definitions/Node" } },
              "definitions": { "Node": { "type": "array", "items": { "oneOf": [ { "$ref": "#/definitions/Node" }, { "type": "string" } ] } } } }
            """;

        GeneratorRun run = Generate(text);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<global::ShapesSchema.NodeItem>? Tree { get; init; }", run.Sources["ShapesSchema.Shapes.g.cs"], StringComparison.Ordinal);
        string union = run.Sources["ShapesSchema.NodeItem.g.cs"];
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<global::ShapesSchema.NodeItem> AsNode", union, StringComparison.Ordinal);
        Assert.Contains("public string AsString", union, StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void A_union_of_lists_whose_items_start_alike_reads_the_first_list_without_peeking()
    {
        // Found by the fuzzer (seed 84000019): both branches are arrays of arrays, so no first item's token tells them
        // apart; the generated code had an empty switch on it (CS1522, an error where warnings are).
        const string text = """
            { "type": "array", "items": { "$ref": "#/definitions/Loop" },
              "definitions": { "Loop": { "type": "array", "items": { "oneOf": [ { "$ref": "#/definitions/Loop" }, { "$ref": "#" } ] } } } }
            """;

        GeneratorRun run = Generate(text);

        string union = run.Sources["Shapes.LoopItem.g.cs"];
        Assert.DoesNotContain("switch (first.TokenType)", union, StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void A_cycle_of_lists_alone_ends_in_a_warning()
    {
        // A list of itself, with nothing between: no type to stop at.
        const string text = """
            { "type": "object", "properties": { "tree": { "$ref": "#/definitions/Node" } },
              "definitions": { "Node": { "type": "array", "items": { "$ref": "#/definitions/Node" } } } }
            """;

        GeneratorRun run = Generate(text);

        Diagnostic warning = Assert.Single(run.Diagnostics);
        Assert.Equal("SCENGEN009", warning.Id);
        Assert.Contains("IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<global::System.Text.Json.JsonElement>>? Tree", run.Sources["ShapesSchema.Shapes.g.cs"], StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void A_ref_to_the_root_from_inside_it_is_the_root_record()
    {
        const string text = """{ "title": "Tree", "type": "object", "properties": { "name": { "type": "string" }, "children": { "type": "array", "items": { "$ref": "#" } } } }""";

        GeneratorRun run = Generate(text);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("IReadOnlyList<global::Shapes.Tree>? Children", run.Sources["Shapes.Tree.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_that_is_only_a_ref_is_an_alias_and_its_target_is_generated_once()
    {
        const string text = """
            { "definitions": {
                "Pet": { "$ref": "#/definitions/Animal" },
                "Animal": { "type": "object", "properties": { "name": { "type": "string" } } },
                "Owner": { "type": "object", "properties": { "pet": { "$ref": "#/definitions/Pet" }, "animal": { "$ref": "#/definitions/Animal" } } } } }
            """;

        GeneratorRun run = Generate(text);

        Assert.Empty(run.Diagnostics);
        Assert.Equal(new[] { "Shapes.Animal.g.cs", "Shapes.Owner.g.cs", "Shapes.ShapesJsonContext.g.cs" }, run.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Contains("public global::Shapes.Animal? Pet { get; init; }", run.Sources["Shapes.Owner.g.cs"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("allOf")]
    [InlineData("oneOf")]
    [InlineData("anyOf")]
    public void A_single_ref_wrapped_with_a_description_is_the_referenced_type(string keyword)
    {
        string text = """
            { "definitions": {
                "Animal": { "type": "object", "properties": { "name": { "type": "string" } } },
                "Owner": { "type": "object", "properties": { "pet": { "KEYWORD": [ { "$ref": "#/definitions/Animal" } ], "description": "The pet.", "title": "Pet", "default": null } } } } }
            """.Replace("KEYWORD", keyword, StringComparison.Ordinal);

        GeneratorRun run = Generate(text);

        Assert.Empty(run.Diagnostics);
        string owner = run.Sources["Shapes.Owner.g.cs"];
        Assert.Contains("public global::Shapes.Animal? Pet { get; init; }", owner, StringComparison.Ordinal);
        Assert.Contains("/// The pet.", owner, StringComparison.Ordinal);
    }

    [Fact]
    public void Boolean_schemas_stand_anywhere_a_schema_may()
    {
        const string text = """
            { "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$defs": { "Anything": true, "Nothing": false,
                "Box": { "type": "object", "properties": { "any": true, "never": false, "list": { "type": "array", "items": true }, "closed": { "type": "object", "properties": { "a": { "type": "string" } }, "additionalProperties": false } }, "additionalProperties": true } } }
            """;

        GeneratorRun run = Generate(text);

        string box = run.Sources["Shapes.Box.g.cs"];
        Assert.Contains("public global::System.Text.Json.JsonElement? Any { get; init; }", box, StringComparison.Ordinal);
        Assert.DoesNotContain("Never", box, StringComparison.Ordinal);
        Assert.Contains("IReadOnlyList<global::System.Text.Json.JsonElement>? List", box, StringComparison.Ordinal);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void Nesting_past_the_limit_is_a_warning_at_the_place_not_a_crash()
    {
        var text = new StringBuilder("{ \"type\": \"object\", \"properties\": { \"a\": ");
        const int levels = 120;
        for (int i = 0; i < levels; i++)
        {
            text.Append("{ \"type\": \"object\", \"properties\": { \"a\": ");
        }

        text.Append("{ \"type\": \"string\" }");
        for (int i = 0; i < levels; i++)
        {
            text.Append(" } }");
        }

        text.Append(" } }");

        GeneratorRun run = Generate(text.ToString());

        Diagnostic limit = Assert.Single(run.Diagnostics);
        Assert.Equal("SCENGEN009", limit.Id);
        Assert.Contains("/properties/a/properties/a", limit.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_nested_deeper_than_any_schema_is_refused_not_overflowed()
    {
        string text = new string('[', 100_000) + new string(']', 100_000);

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("deep.schema.json", text));

        AssertNoException(run);
        Assert.Contains(run.Diagnostics, d => d.Id is "SCENGEN001" or "SCENGEN003");
        Assert.Empty(run.Result.GeneratedTrees);
    }

    [Fact]
    public void Branches_that_share_schemas_are_walked_once_not_once_per_path()
    {
        // Twelve levels of oneOf, each of ten references to the next level: 10^12 paths, twelve schemas.
        var definitions = new StringBuilder();
        for (int level = 0; level < 12; level++)
        {
            string next = "{ \"$ref\": \"#/definitions/L" + (level + 1) + "\" }";
            definitions.Append("\"L" + level + "\": { \"oneOf\": [ " + string.Join(", ", Enumerable.Repeat(next, 10)) + ", { \"type\": \"null\" } ] }, ");
        }

        string text = "{ \"type\": \"object\", \"properties\": { \"value\": { \"$ref\": \"#/definitions/L0\" } }, \"definitions\": { " + definitions + "\"L12\": { \"type\": \"string\" } } }";

        GeneratorRun run = Generate(text);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("public string? Value { get => __valueValue;", run.Sources["ShapesSchema.Shapes.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_enums_long_names_non_ascii_and_empty_names_compile()
    {
        string values = string.Join(", ", Enumerable.Range(0, 3000).Select(i => "\"value-" + i + "\""));
        string longName = new string('x', 2000);
        string text = "{ \"definitions\": { \"Big\": { \"enum\": [" + values + "] }, \"" + longName + "\": { \"type\": \"object\", \"properties\": { \"" + longName + "\": { \"type\": \"string\" } } },"
            + " \"Ünïcödé\": { \"type\": \"object\", \"properties\": { \"名前\": { \"type\": \"string\" }, \"\": { \"type\": \"integer\" }, \"ß\": { \"type\": \"boolean\" }, \"\\ud800\": { \"type\": \"string\" } } },"
            + " \"\": { \"type\": \"object\", \"properties\": { \"class\": { \"type\": \"string\" } } } } }";

        GeneratorRun run = Generate(text);

        Assert.Contains("Value2999", run.Sources["Shapes.Big.g.cs"], StringComparison.Ordinal);
        Assert.Contains(run.Sources.Keys, k => k.Length <= 112 && k.StartsWith("Shapes.Xxxx", StringComparison.Ordinal));
        string unicode = run.Sources["Shapes.Ünïcödé.g.cs"];
        Assert.Contains("public string? 名前 { get; init; }", unicode, StringComparison.Ordinal);
        Assert.Contains("public long? Empty { get; init; }", unicode, StringComparison.Ordinal);
        Assert.Contains("Shapes.Empty.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void Every_draft_reads_alike()
    {
        // One shape written in each draft's own words: a record with a tuple-free list, a reference, an enum, a definition.
        string Schema(string schemaUri, string section, string idKeyword) => $$"""
            { "$schema": "{{schemaUri}}", "{{idKeyword}}": "https://example.com/pet.json", "type": "object",
              "properties": { "name": { "type": "string" }, "tags": { "type": "array", "items": { "type": "string" } }, "kind": { "$ref": "#/{{section}}/Kind" } },
              "required": [ "name" ],
              "{{section}}": { "Kind": { "type": "string", "enum": [ "cat", "dog" ] } } }
            """;

        var outputs = new List<string>();
        foreach ((string uri, string section, string id) in new[]
        {
            ("http://json-schema.org/draft-04/schema#", "definitions", "id"),
            ("http://json-schema.org/draft-06/schema#", "definitions", "$id"),
            ("http://json-schema.org/draft-07/schema#", "definitions", "$id"),
            ("https://json-schema.org/draft/2019-09/schema", "$defs", "$id"),
            ("https://json-schema.org/draft/2020-12/schema", "$defs", "$id"),
        })
        {
            GeneratorRun run = Generate(Schema(uri, section, id), "pet.schema.json");
            Assert.Empty(run.Diagnostics);
            outputs.Add(run.Sources["PetSchema.Pet.g.cs"]);
        }

        Assert.Single(outputs.Distinct());
        Assert.Contains("public required string Name { get; init; }", outputs[0], StringComparison.Ordinal);
        Assert.Contains("OpenEnum<global::PetSchema.Kind>? Kind", outputs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Anchors_and_id_relative_references_resolve()
    {
        const string text = """
            { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/root.json", "type": "object",
              "properties": {
                "byAnchor": { "$ref": "#size" },
                "byEmbeddedId": { "$ref": "item.json" },
                "byIdPointer": { "$ref": "item.json#/properties/label" },
                "legacy": { "$ref": "#legacyName" } },
              "$defs": {
                "Size": { "$anchor": "size", "type": "integer" },
                "Item": { "$id": "item.json", "type": "object", "properties": { "label": { "type": "string" } } },
                "Legacy": { "$anchor": "legacyName", "type": "boolean" } } }
            """;

        GeneratorRun run = Generate(text);

        Assert.Empty(run.Diagnostics);
        string root = run.Sources["ShapesSchema.Shapes.g.cs"];
        Assert.Contains("public long? ByAnchor { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("public global::ShapesSchema.Item? ByEmbeddedId { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("public string? ByIdPointer { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("public bool? Legacy { get; init; }", root, StringComparison.Ordinal);
    }

    [Fact]
    public void Ref_siblings_apply_from_2019_09_and_are_ignored_before()
    {
        string Schema(string uri) => $$"""
            { "$schema": "{{uri}}", "definitions": { "Base": { "type": "object", "properties": { "id": { "type": "string" } } },
              "Derived": { "$ref": "#/definitions/Base", "properties": { "extra": { "type": "integer" } } },
              "Holder": { "type": "object", "properties": { "value": { "$ref": "#/definitions/Derived" } } } } }
            """;

        GeneratorRun older = Generate(Schema("http://json-schema.org/draft-07/schema#"));
        GeneratorRun newer = Generate(Schema("https://json-schema.org/draft/2019-09/schema"));

        Assert.Contains("public global::Shapes.Base? Value { get; init; }", older.Sources["Shapes.Holder.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public global::Shapes.Derived? Value { get; init; }", newer.Sources["Shapes.Holder.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public long? Extra { get; init; }", newer.Sources["Shapes.Derived.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public string? Id { get; init; }", newer.Sources["Shapes.Derived.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Tuples_const_and_numeric_enums_are_typed_by_their_values()
    {
        const string text = """
            { "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": {
                "pair": { "type": "array", "prefixItems": [ { "type": "number" }, { "type": "number" } ] },
                "oldPair": { "type": "array", "items": [ { "type": "string" }, { "type": "integer" } ] },
                "version": { "const": 2 }, "kind": { "const": "box" }, "level": { "enum": [ 1, 2, 3 ] }, "ratio": { "enum": [ 0.5, 1 ] } } }
            """;

        GeneratorRun run = Generate(text);

        string root = run.Sources["ShapesSchema.Shapes.g.cs"];
        Assert.Contains("IReadOnlyList<double>? Pair", root, StringComparison.Ordinal);
        Assert.Contains("public global::ShapesSchema.ShapesOldPair? OldPair { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("public string? Item1 { get; init; }", run.Sources["ShapesSchema.ShapesOldPair.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public long? Item2 { get; init; }", run.Sources["ShapesSchema.ShapesOldPair.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public long? Version { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("public string? Kind { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("public global::Scenario.Runtime.OpenEnum<global::ShapesSchema.ShapesLevel>? Level { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("public global::Scenario.Runtime.OpenEnum<global::ShapesSchema.ShapesRatio>? Ratio { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("Value2 = 2,", run.Sources["ShapesSchema.ShapesLevel.g.cs"], StringComparison.Ordinal);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void Array_keywords_without_a_type_keep_a_value_of_any_other_kind()
    {
        // items and prefixItems constrain arrays only: without a type, an object or a string is valid too. Slack's
        // objs_conversation is { "items": [ … ] } and its examples are objects; a list refused them all.
        const string text = """
            { "$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {
                "tags": { "items": { "type": "string" } },
                "pair": { "items": [ { "type": "string" }, { "type": "integer" } ] },
                "conversation": { "$ref": "#/definitions/Conversation" },
                "typed": { "type": "array", "items": { "type": "string" } },
                "pairing": { "$ref": "#/definitions/Pairing" } },
              "definitions": { "Conversation": { "items": [ { "type": "object", "properties": { "id": { "type": "string" } } }, { "type": "boolean" } ] },
                "Pairing": { "type": [ "array", "boolean" ], "items": [ { "type": "string" }, { "type": "integer" } ] } } }
            """;

        GeneratorRun run = Generate(text);

        Assert.Empty(run.Diagnostics);
        string root = run.Sources["ShapesSchema.Shapes.g.cs"];
        Assert.Contains("public global::ShapesSchema.ShapesTags? Tags { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("public global::ShapesSchema.ShapesPair? Pair { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("public global::ShapesSchema.Conversation? Conversation { get; init; }", root, StringComparison.Ordinal);
        // A type still types the array alone; a tuple that is one branch of its definition's union is named apart from it.
        Assert.Contains("public global::ShapesSchema.Pairing? Pairing { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<string>? Typed { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<string> AsArray", run.Sources["ShapesSchema.ShapesTags.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public bool IsUnknown", run.Sources["ShapesSchema.Conversation.g.cs"], StringComparison.Ordinal);

        using GeneratedAssembly assembly = GeneratedAssembly.Load(run.Output);
        System.Text.Json.Serialization.Metadata.JsonTypeInfo typeInfo = assembly.TypeInfo("ShapesSchema", "ShapesJsonContext", "Shapes");
        foreach (string json in new[]
        {
            """{"tags":["a","b"],"pair":["a",1],"conversation":[{"id":"C1"},true],"typed":["x"],"pairing":["a",2]}""",
            """{"pairing":true}""",
            """{"tags":{"a":1},"pair":"text","conversation":{"id":"C1","is_channel":true}}""",
            """{"tags":5,"pair":{"k":[1,2]},"conversation":false}""",
            """{"tags":"x","pair":null,"conversation":"general"}""",
        })
        {
            object value = System.Text.Json.JsonSerializer.Deserialize(json, typeInfo)!;
            Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(value, typeInfo));
        }
    }

    [Fact]
    public void A_constant_array_or_object_beside_a_type_is_typed_by_the_type_and_alone_stays_json()
    {
        // apple-app-site-association's "apps": { "type": "array", "const": [] }: the type says the shape, the constant only
        // which value is valid. Without a type, nothing but the value says the shape: JSON, with a warning.
        const string text = """
            { "type": "object", "properties": {
                "apps": { "type": "array", "const": [] },
                "ids": { "type": "array", "items": { "type": "string" }, "enum": [ [ "a" ], [ "b", "c" ] ] },
                "origin": { "type": "object", "properties": { "x": { "type": "integer" } }, "const": { "x": 0 } },
                "fixed": { "const": [ 1, 2 ] } } }
            """;

        GeneratorRun run = Generate(text);

        string root = run.Sources["ShapesSchema.Shapes.g.cs"];
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<global::System.Text.Json.JsonElement>? Apps { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<string>? Ids { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("public global::ShapesSchema.ShapesOrigin? Origin { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("public long? X { get; init; }", run.Sources["ShapesSchema.ShapesOrigin.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public global::System.Text.Json.JsonElement? Fixed { get; init; }", root, StringComparison.Ordinal);
        Diagnostic warning = Assert.Single(run.Diagnostics);
        Assert.Equal("SCENGEN005", warning.Id);
        Assert.Contains("#/properties/fixed", warning.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Schemas_kept_under_a_key_of_the_root_or_of_a_group_of_their_own_are_named_by_that_key()
    {
        // LDtk's schema: the root is "$ref": "#/LdtkJsonRoot" and the other types sit under "otherTypes", not under
        // definitions; each was named by the path of its first use (X_2WorldsItemLevelsItemFieldInstancesItem).
        const string text = """
            { "$schema": "http://json-schema.org/draft-07/schema#", "$ref": "#/ProjectRoot",
              "ProjectRoot": { "type": "object", "properties": {
                "levels": { "type": "array", "items": { "$ref": "#/otherTypes/Level" } },
                "field": { "$ref": "#/otherTypes/FieldInstance" },
                "size": { "$ref": "#/otherTypes/FieldInstance/properties/width" } } },
              "otherTypes": {
                "Level": { "type": "object", "properties": { "fields": { "type": "array", "items": { "$ref": "#/otherTypes/FieldInstance" } } } },
                "FieldInstance": { "type": "object", "properties": { "width": { "type": "object", "properties": { "px": { "type": "integer" } } } } } } }
            """;

        GeneratorRun run = Generate(text);

        Assert.Empty(run.Diagnostics);
        string root = run.Sources["Shapes.ProjectRoot.g.cs"];
        Assert.Contains("IReadOnlyList<global::Shapes.Level>? Levels { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("public global::Shapes.FieldInstance? Field { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("IReadOnlyList<global::Shapes.FieldInstance>? Fields { get; init; }", run.Sources["Shapes.Level.g.cs"], StringComparison.Ordinal);
        // A schema under a keyword (here "properties") is named where it is used, as before.
        Assert.Contains("public global::Shapes.FieldInstanceWidth? Width { get; init; }", run.Sources["Shapes.FieldInstance.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_string_or_number_reads_as_null_not_as_a_null_string()
    {
        // StringOrNumber converts implicitly from string, so a bare null beside it would be that conversion: CS8625,
        // and FromString(null) throwing when the value is read. Found by the fuzzer (seed 78001008).
        const string text = """
            { "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": {
                "label": { "type": [ "string", "number", "null" ] },
                "pair": { "type": "array", "prefixItems": [ { "type": [ "string", "integer", "null" ] }, { "type": "integer" } ] } } }
            """;

        GeneratorRun run = Generate(text);

        using GeneratedAssembly assembly = GeneratedAssembly.Load(run.Output);
        System.Text.Json.Serialization.Metadata.JsonTypeInfo typeInfo = assembly.TypeInfo("ShapesSchema", "ShapesJsonContext", "Shapes");
        foreach (string json in new[] { """{"label":null,"pair":[null,1]}""", """{"label":5,"pair":["a",2]}""", """{"label":"x"}""", "{}" })
        {
            object value = System.Text.Json.JsonSerializer.Deserialize(json, typeInfo)!;
            Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(value, typeInfo));
        }
    }

    [Fact]
    public void Unsupported_keywords_that_change_the_shape_are_warnings_at_the_keyword_and_validation_keywords_are_silent()
    {
        const string text = """
            { "type": "object", "properties": { "a": { "type": "string", "minLength": 2, "pattern": "^x", "format": "email", "not": { "const": "y" } } },
              "dependentRequired": { "a": [ "b" ] },
              "if": { "properties": { "a": { "const": "x" } } }, "then": { "properties": { "b": { "type": "integer" } } },
              "dependentSchemas": { "a": { "properties": { "c": { "type": "string" } } } } }
            """;

        GeneratorRun run = Generate(text);

        Assert.Equal(new[] { "SCENGEN007", "SCENGEN007" }, Ids(run));
        Assert.Contains(run.Diagnostics, d => d.GetMessage().StartsWith("'if' at '#/if'", StringComparison.Ordinal));
        Assert.Contains(run.Diagnostics, d => d.GetMessage().StartsWith("'dependentSchemas' at '#/dependentSchemas'", StringComparison.Ordinal));
    }

    [Fact]
    public void Conditional_properties_in_an_allOf_part_are_SCENGEN007_at_the_parts_if()
    {
        // tslint's and others' rules: allOf parts that add properties under a condition.
        const string text = """
            { "type": "object", "properties": { "kind": { "type": "string" } },
              "allOf": [ { "if": { "properties": { "kind": { "const": "a" } } }, "then": { "properties": { "size": { "type": "integer" } } } },
                         { "$ref": "#/$defs/Extra" } ],
              "$defs": { "Extra": { "if": { "required": [ "x" ] }, "else": { "properties": { "y": { "type": "string" } } } } } }
            """;

        GeneratorRun run = Generate(text);

        Assert.Equal(new[] { "SCENGEN007", "SCENGEN007" }, Ids(run));
        Assert.Contains(run.Diagnostics, d => d.GetMessage().StartsWith("'if' at '#/allOf/0/if'", StringComparison.Ordinal));
        Assert.Contains(run.Diagnostics, d => d.GetMessage().StartsWith("'if' at '#/$defs/Extra/if'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://json-schema.org/draft-07/schema#", "$defs")]
    [InlineData("http://json-schema.org/draft-04/schema#", "$defs")]
    [InlineData("https://json-schema.org/draft/2020-12/schema", "x-notes")]
    public void A_value_under_a_key_that_is_not_a_keyword_of_the_draft_is_data_not_an_error(string draft, string container)
    {
        // pyproject's cibuildwheel part keeps a string under $defs in a draft-07 file: $defs is not a keyword of draft-07,
        // so what it holds is data, though a $ref may still point into it.
        string text = $$"""
            { "$schema": "{{draft}}", "type": "object",
              "properties": { "build": { "$ref": "#/{{container}}/Build" } },
              "{{container}}": { "note": "see the docs", "count": 3, "Build": { "type": "object", "properties": { "args": { "type": "string" } } } } }
            """;

        GeneratorRun run = Generate(text);

        Assert.Empty(run.Diagnostics.Select(d => d.ToString()));
        Assert.Contains(run.Sources.Values, s => s.Contains("record Build", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_that_is_not_a_schema_under_a_keyword_that_holds_schemas_is_an_error_at_it_and_the_rest_is_generated()
    {
        const string text = """
            { "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
              "properties": { "name": { "type": "string" } },
              "$defs": { "note": "see the docs", "Build": { "type": "object", "properties": { "args": { "type": "string" } } } } }
            """;

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("shapes.schema.json", text));

        AssertNoException(run);
        Diagnostic error = Assert.Single(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("$defs/note", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(run.Sources.Values, s => s.Contains("record Build", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_ref_is_one_error_suggesting_the_nearest_name_and_the_rest_is_generated()
    {
        const string text = """
            { "definitions": {
                "Owner": { "type": "object", "properties": { "name": { "type": "string" }, "pet": { "$ref": "#/definitions/Pett" } } },
                "Pet": { "type": "object", "properties": { "name": { "type": "string" } } } } }
            """;

        GeneratorRun run = Generate(text);

        Diagnostic broken = Assert.Single(run.Diagnostics);
        Assert.Equal("SCENGEN002", broken.Id);
        Assert.Contains("did you mean '#/definitions/Pet'?", broken.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("\"$ref\"", text.Substring(broken.Location.SourceSpan.Start, broken.Location.SourceSpan.Length));
        Assert.Contains("public global::System.Text.Json.JsonElement? Pet { get; init; }", run.Sources["Shapes.Owner.g.cs"], StringComparison.Ordinal);
        Assert.Contains("Shapes.Pet.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void A_ref_to_a_url_is_a_warning_and_the_value_is_kept_as_json()
    {
        const string text = """{ "type": "object", "properties": { "config": { "$ref": "https://json.schemastore.org/eslintrc" }, "name": { "type": "string" } } }""";

        GeneratorRun run = Generate(text);

        Diagnostic external = Assert.Single(run.Diagnostics);
        Assert.Equal("SCENGEN008", external.Id);
        Assert.Equal(DiagnosticSeverity.Warning, external.DefaultSeverity);
        Assert.Contains("JsonElement? Config", run.Sources["ShapesSchema.Shapes.g.cs"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"type\": \"string\" }, }\n}", 2, 43)]
    [InlineData("{\n  \"type\": \"object\",\n  \"required\": [\"a\",\n  ]\n}", 2, 18)]
    [InlineData("{\n  \"type\": \"object\",\n}", 1, 18)]
    public void A_trailing_comma_is_SCENGEN001_at_the_comma_not_at_the_bracket_after_it(string text, int line, int column)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("comma.schema.json", text));

        AssertNoException(run);
        Diagnostic invalid = Assert.Single(run.Diagnostics);
        Assert.Equal("SCENGEN001", invalid.Id);
        Assert.Contains("trailing comma", invalid.GetMessage(), StringComparison.Ordinal);
        Assert.Equal((line, column), (invalid.Location.GetLineSpan().StartLinePosition.Line, invalid.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Equal(',', text.Split('\n')[line][column]);
    }

    [Fact]
    public void References_across_files_resolve_by_relative_path_and_by_id_and_each_type_is_generated_once()
    {
        const string common = """
            { "$id": "https://example.com/schemas/common.json",
              "definitions": { "Money": { "type": "object", "properties": { "amount": { "type": "number" }, "currency": { "type": "string" } } },
                               "Currency": { "type": "string", "enum": [ "EUR", "USD" ] } } }
            """;
        const string order = """
            { "title": "Order", "type": "object", "properties": {
                "total": { "$ref": "common.schema.json#/definitions/Money" },
                "currency": { "$ref": "https://example.com/schemas/common.json#/definitions/Currency" },
                "missing": { "$ref": "./nowhere.schema.json#/definitions/X" } } }
            """;

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("common.schema.json", common), GeneratorHarness.Inline("order.schema.json", order));

        AssertNoException(run);
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
        Diagnostic missing = Assert.Single(run.Diagnostics);
        Assert.Equal("SCENGEN002", missing.Id);
        Assert.Equal("/project/order.schema.json", missing.Location.GetLineSpan().Path);
        Assert.Contains("/project/nowhere.schema.json", missing.GetMessage(), StringComparison.Ordinal);

        string generated = run.Sources["OrderSchema.Order.g.cs"];
        Assert.Contains("public global::Common.Money? Total { get; init; }", generated, StringComparison.Ordinal);
        Assert.Contains("OpenEnum<global::Common.Currency>? Currency", generated, StringComparison.Ordinal);
        Assert.Single(run.Sources.Keys, k => k.EndsWith(".Money.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_type_named_like_its_namespace_moves_the_default_namespace_or_takes_a_suffix()
    {
        const string text = """{ "type": "object", "properties": { "id": { "type": "string" } }, "definitions": { "Line": { "type": "object", "properties": { "sku": { "type": "string" } } } } }""";

        GeneratorRun byFileName = Generate(text, "order.schema.json");
        Assert.Contains("OrderSchema.Order.g.cs", byFileName.Sources.Keys);

        var metadata = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Namespace"] = "Shop.Line" };
        GeneratorRun bySetting = GeneratorHarness.Run(GeneratorHarness.Inline("order.schema.json", text, metadata));
        AssertNoException(bySetting);
        Assert.Empty(bySetting.CompileDiagnostics);
        Assert.Contains("Shop.Line.LineType.g.cs", bySetting.Sources.Keys);
        Assert.Contains("Shop.Line.Order.g.cs", bySetting.Sources.Keys);
    }

    [Fact]
    public void Two_files_in_one_namespace_that_define_one_name_each_take_their_files_name()
    {
        var metadata = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Namespace"] = "Shared" };
        const string text = """{ "definitions": { "Item": { "type": "object", "properties": { "id": { "type": "string" } } } } }""";

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("a.schema.json", text, metadata), GeneratorHarness.Inline("b.schema.json", text, metadata));

        AssertNoException(run);
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
        Assert.Contains("Shared.AItem.g.cs", run.Sources.Keys);
        Assert.Contains("Shared.BItem.g.cs", run.Sources.Keys);
        Assert.Equal(new[] { "SCENGEN017", "SCENGEN017" }, Ids(run));
    }

    [Fact]
    public void Names_that_differ_only_in_case_get_files_of_their_own()
    {
        // Found by the fuzzer: hint names (and many file systems) ignore case.
        const string text = """
            { "definitions": { "optionsDefinition": { "type": "object", "properties": { "a": { "type": "string" } } },
                               "OPTIONSDEFINITION": { "type": "object", "properties": { "b": { "type": "string" } } },
                               "Kind": { "enum": [ "x" ] }, "KIND": { "enum": [ "y" ] } } }
            """;

        GeneratorRun run = Generate(text);

        Assert.Empty(run.Diagnostics);
        Assert.Equal(run.Sources.Count, run.Sources.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(5, run.Sources.Count);
    }

    [Fact]
    public void Names_that_meet_generated_members_compile()
    {
        // Found in review: each of these once produced a name clash in the generated code.
        const string text = """
            { "title": "Options", "type": "object", "properties": {
                "propertyNames": { "type": ["array", "null"], "items": { "type": "string" } },
                "first": { "type": ["string", "null"] }, "nameFirst": { "type": ["string", "null"] },
                "2": { "type": "string" }, "v": { "type": "string" }, "V": { "type": "string" },
                "referenceEquals": { "type": "string" }, "status": { "$ref": "#/definitions/Status" }, "n": { "allOf": [ { "type": "number" }, { "type": "integer" } ] } },
              "definitions": {
                "extensionData": { "type": "object", "properties": { "x": { "type": "string" } } },
                "Status": { "enum": [ "a", "b" ] },
                "StatusConverter": { "type": "object", "properties": { "x": { "type": "string" } } },
                "OptionsDocument": { "type": "object", "properties": { "x": { "type": "string" } } } } }
            """;

        GeneratorRun run = Generate(text);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("Shapes.ExtensionDataType.g.cs", run.Sources.Keys);
        Assert.Contains("Shapes.StatusConverterType.g.cs", run.Sources.Keys);
        Assert.Contains("public long? N { get; init; }", run.Sources["Shapes.Options.g.cs"], StringComparison.Ordinal);
        Assert.Contains("JsonTypeInfo<global::Shapes.Options> OptionsDocument2 =>", run.Sources["Shapes.ShapesJsonContext.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Files_whose_namespaces_or_clients_meet_get_names_of_their_own()
    {
        const string text = """{ "type": "object", "properties": { "a": { "type": "string" } } }""";
        const string client = """
            { "x-client": { "name": "Shop", "baseAddress": "https://shop.example.com", "resources": { "items": { "operations": {
                "get": { "method": "GET", "path": "/items", "response": { "$ref": "#/definitions/Item" } } } } } },
              "definitions": { "Item": { "type": "object", "properties": { "id": { "type": "string" } } } } }
            """;
        var api = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Namespace"] = "Api" };

        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.Inline("a/pet-store.schema.json", text),
            GeneratorHarness.Inline("b/petstore.schema.json", text),
            GeneratorHarness.Inline("shop1.schema.json", client, api),
            GeneratorHarness.Inline("shop2.schema.json", client, api));

        AssertNoException(run);
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
        Assert.Equal(run.Sources.Count, run.Sources.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("Api.ShopClient.g.cs", run.Sources.Keys);
        Assert.Contains("Api.Shop2Client.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void A_file_reuses_another_files_id_and_its_own_references_stay_within_it()
    {
        const string a = """{ "$id": "https://example.com/product.json", "definitions": { "Owner": { "type": "object", "properties": { "a": { "type": "string" } } } } }""";
        const string b = """{ "$id": "https://example.com/product.json", "type": "object", "properties": { "owner": { "$ref": "#/definitions/Seller" } }, "definitions": { "Seller": { "type": "object", "properties": { "b": { "type": "string" } } } } }""";

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("a.schema.json", a), GeneratorHarness.Inline("b.schema.json", b));

        AssertNoException(run);
        Assert.Empty(run.Diagnostics);
        Assert.Contains("public global::BSchema.Seller? Owner { get; init; }", run.Sources["BSchema.B.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_Scenario_Runtime_there_is_one_error_per_schema_and_no_code()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "NoRuntime",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { }") },
            GeneratorHarness.References.Where(r => !(r.Display ?? string.Empty).EndsWith("Scenario.Runtime.dll", StringComparison.Ordinal)),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = GeneratorHarness.Driver(new[] { GeneratorHarness.Schema("petstore") }).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);

        GeneratorDriverRunResult result = driver.GetRunResult();
        Diagnostic missing = Assert.Single(result.Diagnostics);
        Assert.Equal("SCENGEN010", missing.Id);
        Assert.Contains("it references no assembly named Scenario.Runtime", missing.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("petstore.schema.json", missing.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Empty(result.GeneratedTrees);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void An_older_Scenario_Runtime_is_SCENGEN010_naming_its_version_and_the_one_to_reference()
    {
        // A Scenario.Runtime 0.0.1 with the JSON readers but not the validation this generator's code calls.
        var old = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Scenario.Runtime",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("[assembly: System.Reflection.AssemblyVersion(\"0.0.1\")] namespace Scenario.Runtime.Json { public static class JsonRead { } }") },
            GeneratorHarness.References.Where(r => !(r.Display ?? string.Empty).EndsWith("Scenario.Runtime.dll", StringComparison.Ordinal)),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "OldRuntime",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { }") },
            GeneratorHarness.References.Where(r => !(r.Display ?? string.Empty).EndsWith("Scenario.Runtime.dll", StringComparison.Ordinal)).Append(old.ToMetadataReference()),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = GeneratorHarness.Driver(new[] { GeneratorHarness.Schema("petstore") }).RunGeneratorsAndUpdateCompilation(compilation, out _, out _);

        Diagnostic missing = Assert.Single(driver.GetRunResult().Diagnostics);
        Assert.Equal("SCENGEN010", missing.Id);
        string generator = typeof(Scenario.Generators.SchemaGenerator).Assembly.GetName().Version!.ToString(3);
        Assert.Contains("it references Scenario.Runtime 0.0.1, which lacks Scenario.Runtime.Validation.JsonSchemaSet", missing.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("Reference Scenario.Runtime " + generator, missing.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(driver.GetRunResult().GeneratedTrees);
    }

    [Fact]
    public void A_json_schema_not_named_schema_json_gets_a_warning_saying_why_it_is_not_used()
    {
        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.Inline("pet.json", """{ "$schema": "http://json-schema.org/draft-07/schema#", "type": "object" }"""),
            GeneratorHarness.Inline("appsettings.json", """{ "$schema": "https://json.schemastore.org/appsettings.json", "Logging": { } }"""));

        Diagnostic warning = Assert.Single(run.Diagnostics);
        Assert.Equal("SCENGEN011", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.DefaultSeverity);
        Assert.Contains("'pet.json'", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Result.GeneratedTrees);
    }

    [Fact]
    public void Every_diagnostic_has_a_help_link_to_its_section_of_the_diagnostics_page_and_a_release_entry()
    {
        string page = System.IO.File.ReadAllText(System.IO.Path.Combine(GeneratorHarness.RepositoryRoot(), "docs", "diagnostics.md"));
        string releases = System.IO.File.ReadAllText(System.IO.Path.Combine(GeneratorHarness.RepositoryRoot(), "generator", "AnalyzerReleases.Unshipped.md"));
        foreach (System.Reflection.FieldInfo field in typeof(SchemaGenerator).Assembly.GetType("Scenario.Generators.Diagnostics.DiagnosticDescriptors")!.GetFields().Where(f => f.FieldType == typeof(DiagnosticDescriptor)))
        {
            var descriptor = (DiagnosticDescriptor)field.GetValue(null)!;
            Assert.EndsWith("docs/diagnostics.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.Contains("\n## " + descriptor.Id + "\n", page, StringComparison.Ordinal);
            Assert.Null(DocumentationTests.Unresolved(null, descriptor.HelpLinkUri)); // the repository's file, and the heading's anchor in it
            Assert.Contains(descriptor.Id + " | Scenario.Generators | " + descriptor.DefaultSeverity + " | " + descriptor.Title, releases, StringComparison.Ordinal);
        }
    }
}

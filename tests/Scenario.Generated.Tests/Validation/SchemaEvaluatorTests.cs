using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Scenario.Runtime.Validation;
using Xunit;

namespace Scenario.Generated.Tests.Validation;

/// <summary>What the evaluator behind <see cref="JsonSchemaSet"/> reports: messages, instance pointers, schema locations, limits and failures.</summary>
public sealed class SchemaEvaluatorTests
{
    private const string Uri = "file:///a.schema.json";

    private static IReadOnlyList<JsonSchemaProblem> Check(string schema, string instance, JsonSchemaDialect dialect = JsonSchemaDialect.Draft202012, JsonValidationOptions? options = null, string location = Uri + "#")
    {
        var set = new JsonSchemaSet(new JsonSchemaDocument(Uri, schema, dialect));
        using JsonDocument value = JsonDocument.Parse(instance);
        return set.Validate(value.RootElement, location, options);
    }

    [Fact]
    public void Problems_name_the_value_the_keyword_and_what_is_wrong()
    {
        const string schema = """
            { "type": "object", "required": ["name"], "properties": { "age": { "minimum": 5 } }, "additionalProperties": false }
            """;
        IReadOnlyList<JsonSchemaProblem> problems = Check(schema, """{ "age": 3, "extra": true }""");

        Assert.Equal(3, problems.Count);
        Assert.Equal(("", Uri + "#/required", "required", "The required property 'name' is missing."), (problems[0].InstancePath, problems[0].SchemaLocation, problems[0].Keyword, problems[0].Message));
        Assert.Equal(("/age", Uri + "#/properties/age/minimum", "minimum", "3 is less than the minimum 5."), (problems[1].InstancePath, problems[1].SchemaLocation, problems[1].Keyword, problems[1].Message));
        Assert.Equal(("/extra", Uri + "#/additionalProperties", "additionalProperties", "The property 'extra' is not allowed (additionalProperties is false)."), (problems[2].InstancePath, problems[2].SchemaLocation, problems[2].Keyword, problems[2].Message));
    }

    [Fact]
    public void A_valid_value_has_no_problem()
    {
        Assert.Empty(Check("""{ "properties": { "age": { "type": "integer", "minimum": 5 } } }""", """{ "age": 5 }"""));
    }

    [Fact]
    public void Instance_pointers_are_escaped_and_count_array_items()
    {
        IReadOnlyList<JsonSchemaProblem> problems = Check(
            """{ "properties": { "a/b~c": { "items": { "type": "string" } } } }""",
            """{ "a/b~c": ["x", 2] }""");

        JsonSchemaProblem problem = Assert.Single(problems);
        Assert.Equal("/a~1b~0c/1", problem.InstancePath);
        Assert.Equal(Uri + "#/properties/a~1b~0c/items/type", problem.SchemaLocation);
    }

    [Fact]
    public void OneOf_that_matches_twice_is_one_problem_naming_the_schemas()
    {
        IReadOnlyList<JsonSchemaProblem> problems = Check("""{ "oneOf": [ { "type": "integer" }, { "type": "string" }, { "minimum": 0 } ] }""", "5");

        JsonSchemaProblem problem = Assert.Single(problems);
        Assert.Equal("oneOf", problem.Keyword);
        Assert.Equal(Uri + "#/oneOf", problem.SchemaLocation);
        Assert.Equal("The value matches 2 of the oneOf schemas (0 and 2); exactly one must match.", problem.Message);
    }

    [Fact]
    public void AnyOf_that_matches_nothing_is_one_problem_at_the_applicator_with_each_branch_summarised()
    {
        IReadOnlyList<JsonSchemaProblem> problems = Check("""{ "anyOf": [ { "type": "string" }, { "minimum": 10 } ] }""", "5");

        JsonSchemaProblem problem = Assert.Single(problems);
        Assert.Equal("anyOf", problem.Keyword);
        Assert.Equal(Uri + "#/anyOf", problem.SchemaLocation);
        Assert.StartsWith("The value matches none of the 2 anyOf schemas", problem.Message, StringComparison.Ordinal);
        Assert.Contains("5 is less than the minimum 10", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_stops_after_MaxProblems()
    {
        string schema = """{ "required": [ "a", "b", "c", "d", "e", "f" ] }""";
        Assert.Equal(6, Check(schema, "{}").Count);
        Assert.Equal(2, Check(schema, "{}", options: new JsonValidationOptions { MaxProblems = 2 }).Count);
    }

    [Theory]
    [InlineData("""{ "$ref": "#" }""", JsonSchemaDialect.Draft202012)]
    [InlineData("""{ "definitions": { "a": { "$ref": "#/definitions/b" }, "b": { "$ref": "#/definitions/a" } }, "$ref": "#/definitions/a" }""", JsonSchemaDialect.Draft7)]
    [InlineData("""{ "$defs": { "a": { "allOf": [ { "$ref": "#/$defs/a" } ] } }, "$ref": "#/$defs/a" }""", JsonSchemaDialect.Draft201909)]
    public void A_reference_cycle_that_does_not_descend_is_a_problem_not_a_crash(string schema, JsonSchemaDialect dialect)
    {
        IReadOnlyList<JsonSchemaProblem> problems = Check(schema, "1", dialect);

        Assert.Contains(problems, p => p.Message.Contains("recursion is too deep", StringComparison.Ordinal));
    }

    [Fact]
    public void A_recursive_schema_checks_a_deep_value()
    {
        const string schema = """{ "type": "object", "properties": { "next": { "$ref": "#" }, "n": { "type": "integer" } } }""";
        string deep = string.Concat(Enumerable.Repeat("""{ "next": """, 40)) + """{ "n": "x" }""" + new string('}', 40);

        JsonSchemaProblem problem = Assert.Single(Check(schema, deep));
        Assert.Equal(string.Concat(Enumerable.Repeat("/next", 40)) + "/n", problem.InstancePath);
    }

    [Fact]
    public void An_unknown_location_is_an_ArgumentException()
    {
        var set = new JsonSchemaSet(new JsonSchemaDocument(Uri, """{ "$defs": { "a": { "$anchor": "Pet", "type": "string" } } }""", JsonSchemaDialect.Draft202012));
        using JsonDocument value = JsonDocument.Parse("1");

        Assert.Throws<ArgumentException>(() => set.Validate(value.RootElement, Uri + "#/$defs/missing"));
        Assert.Throws<ArgumentException>(() => set.Validate(value.RootElement, "file:///other.schema.json#"));
        Assert.Throws<ArgumentException>(() => set.Validate(value.RootElement, Uri + "#NoSuchAnchor"));
        Assert.Equal("type", Assert.Single(set.Validate(value.RootElement, Uri + "#/$defs/a")).Keyword);
        Assert.Equal("type", Assert.Single(set.Validate(value.RootElement, Uri + "#Pet")).Keyword);
    }

    [Fact]
    public void A_reference_to_no_document_of_the_set_is_a_problem()
    {
        JsonSchemaProblem problem = Assert.Single(Check("""{ "properties": { "a": { "$ref": "https://example.com/missing.json#/x" } } }""", """{ "a": 1 }"""));

        Assert.Equal("$ref", problem.Keyword);
        Assert.Equal("/a", problem.InstancePath);
        Assert.Contains("cannot be checked", problem.Message, StringComparison.Ordinal);
        Assert.Contains("https://example.com/missing.json#/x", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_another_document_of_the_set_is_followed()
    {
        var set = new JsonSchemaSet(
            new JsonSchemaDocument(Uri, """{ "properties": { "pet": { "$ref": "pet.schema.json#/$defs/Pet" } } }""", JsonSchemaDialect.Draft202012),
            new JsonSchemaDocument("file:///pet.schema.json", """{ "$defs": { "Pet": { "required": ["name"] } } }""", JsonSchemaDialect.Draft202012));
        using JsonDocument value = JsonDocument.Parse("""{ "pet": {} }""");

        JsonSchemaProblem problem = Assert.Single(set.Validate(value.RootElement, Uri + "#"));
        Assert.Equal("file:///pet.schema.json#/$defs/Pet/required", problem.SchemaLocation);
        Assert.Equal("/pet", problem.InstancePath);
    }

    [Fact]
    public void Keywords_of_an_embedded_resource_are_located_in_that_resource()
    {
        JsonSchemaProblem problem = Assert.Single(Check("""{ "items": { "$id": "https://example.com/item.json", "type": "string" } }""", "[1]"));

        Assert.Equal("https://example.com/item.json#/type", problem.SchemaLocation);
    }

    [Fact]
    public void Format_is_checked_only_when_asked()
    {
        var assert = new JsonValidationOptions { AssertFormat = true };
        Assert.Empty(Check("""{ "format": "date" }""", "\"2024-02-30\""));
        Assert.Equal("format", Assert.Single(Check("""{ "format": "date" }""", "\"2024-02-30\"", options: assert)).Keyword);
        Assert.Empty(Check("""{ "format": "date" }""", "\"2024-02-29\"", options: assert));
        Assert.Empty(Check("""{ "format": "date-time" }""", "\"1998-12-31T23:59:60Z\"", options: assert));
        Assert.Single(Check("""{ "format": "date-time" }""", "\"1998-12-31T22:59:60Z\"", options: assert));
        Assert.Single(Check("""{ "format": "ipv4" }""", "\"256.1.1.1\"", options: assert));
        Assert.Single(Check("""{ "format": "ipv6" }""", "\"1::2::3\"", options: assert));
        Assert.Empty(Check("""{ "format": "ipv6" }""", "\"::ffff:192.168.0.1\"", options: assert));
        Assert.Single(Check("""{ "format": "email" }""", "\"no-at-sign\"", options: assert));
        Assert.Empty(Check("""{ "format": "email" }""", "\"joe.bloggs@example.com\"", options: assert));
        Assert.Single(Check("""{ "format": "uuid" }""", "\"2eb8aa08-aa98-11ea-b4aa-73b441d1638\"", options: assert));
        Assert.Single(Check("""{ "format": "hostname" }""", "\"-bad.example\"", options: assert));
        Assert.Single(Check("""{ "format": "uri" }""", "\"//no-scheme\"", options: assert));
        Assert.Single(Check("""{ "format": "duration" }""", "\"P1YT\"", options: assert));
        Assert.Single(Check("""{ "format": "json-pointer" }""", "\"/a~2\"", options: assert));
        Assert.Single(Check("""{ "format": "regex" }""", "\"(unclosed\"", options: assert));
        Assert.Empty(Check("""{ "format": "not-a-known-format" }""", "\"anything\"", options: assert));
        Assert.Empty(Check("""{ "format": "date" }""", "12", options: assert));
    }

    [Theory]
    [InlineData("^\\\\d+$", "\"\u0661\u0662\"", false)]
    [InlineData("^\\\\d+$", "\"12\"", true)]
    [InlineData("^\\\\w$", "\"\u00e9\"", false)]
    [InlineData("^a$", "\"a\\n\"", false)]
    [InlineData("^.$", "\"\\ud83d\\ude00\"", true)]
    [InlineData("^\\\\u{1F600}+$", "\"\\ud83d\\ude00\\ud83d\\ude00\"", true)]
    [InlineData("^\\\\s$", "\"\\ufeff\"", true)]
    [InlineData("^\\\\p{Letter}+$", "\"\u00e9t\u00e9\"", true)]
    [InlineData("(?<=a)b", "\"ab\"", true)]
    public void Patterns_follow_ECMA_262(string pattern, string instance, bool valid)
    {
        Assert.Equal(valid, Check("{ \"pattern\": \"" + pattern + "\" }", instance).Count == 0);
    }

    [Theory]
    [InlineData("0.01", "0.07", true)]
    [InlineData("0.01", "19.99", true)]
    [InlineData("0.0075", "1e308", false)]
    [InlineData("0.0075", "0.0225", true)]
    [InlineData("1e-8", "12391239123", true)]
    [InlineData("3", "12345678901234567890123", true)]
    [InlineData("3", "12345678901234567890124", false)]
    public void MultipleOf_is_exact(string divisor, string value, bool valid)
    {
        Assert.Equal(valid, Check("{ \"multipleOf\": " + divisor + " }", value).Count == 0);
    }

    [Fact]
    public void Numbers_compare_exactly_beyond_64_bits_and_by_value()
    {
        Assert.Single(Check("""{ "enum": [ 12345678901234567890123 ] }""", "12345678901234567890124"));
        Assert.Empty(Check("""{ "enum": [ 12345678901234567890123 ] }""", "12345678901234567890123.0"));
        Assert.Single(Check("""{ "maximum": 9007199254740993 }""", "9007199254740994"));
        Assert.Equal("uniqueItems", Assert.Single(Check("""{ "uniqueItems": true }""", """[ 1, { "a": 1, "b": [2] }, { "b": [2.0], "a": 1 } ]""")).Keyword);
    }

    [Fact]
    public void Lengths_count_code_points()
    {
        Assert.Empty(Check("""{ "maxLength": 2 }""", "\"\\ud83d\\ude00\\ud83d\\ude00\""));
        Assert.Single(Check("""{ "minLength": 3 }""", "\"\\ud83d\\ude00\\ud83d\\ude00\""));
    }

    [Fact]
    public void Dialects_differ_where_the_drafts_do()
    {
        Assert.Single(Check("""{ "type": "integer" }""", "1.0", JsonSchemaDialect.Draft4));
        Assert.Empty(Check("""{ "type": "integer" }""", "1.0", JsonSchemaDialect.Draft7));
        Assert.Empty(Check("""{ "type": "string", "nullable": true }""", "null", JsonSchemaDialect.OpenApi30));
        Assert.Single(Check("""{ "type": "string", "nullable": true }""", "null", JsonSchemaDialect.Draft4));
        Assert.Empty(Check("""{ "type": "string", "x-nullable": true }""", "null", JsonSchemaDialect.OpenApi30));
        Assert.Single(Check("""{ "type": "string", "x-nullable": false }""", "null", JsonSchemaDialect.OpenApi30));
        Assert.Equal("minimum", Assert.Single(Check("""{ "minimum": 5, "exclusiveMinimum": true }""", "5", JsonSchemaDialect.Draft4)).Keyword);
        Assert.Empty(Check("""{ "$schema": "http://json-schema.org/draft-07/schema#", "$ref": "#/definitions/s", "type": "integer", "definitions": { "s": { "type": "string" } } }""", "\"x\"", JsonSchemaDialect.Draft202012));
        Assert.Single(Check("""{ "$ref": "#/$defs/s", "type": "integer", "$defs": { "s": { "type": "string" } } }""", "\"x\"", JsonSchemaDialect.Draft202012));
    }

    [Fact]
    public void Unevaluated_properties_see_through_references_and_drop_failed_branches()
    {
        const string schema = """
            { "$ref": "#/$defs/base", "anyOf": [ { "properties": { "b": { "type": "string" } }, "required": ["b"] }, { "properties": { "c": true } } ],
              "unevaluatedProperties": false, "$defs": { "base": { "properties": { "a": true } } } }
            """;
        Assert.Empty(Check(schema, """{ "a": 1, "b": "x" }"""));
        JsonSchemaProblem problem = Assert.Single(Check(schema, """{ "a": 1, "b": 2 }"""));
        Assert.Equal(("/b", "unevaluatedProperties"), (problem.InstancePath, problem.Keyword));
    }

    [Fact]
    public void Malformed_documents_throw_clear_exceptions_when_first_used()
    {
        JsonException json = Assert.Throws<JsonException>(() => Check("{ \"type\": ", "1"));
        Assert.Contains(Uri, json.Message, StringComparison.Ordinal);
        ArgumentException type = Assert.Throws<ArgumentException>(() => Check("""{ "properties": { "a": { "type": 5 } } }""", "1"));
        Assert.Contains(Uri + "#/properties/a/type", type.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Check("""{ "minimum": "5" }""", "1"));
        Assert.Throws<ArgumentException>(() => Check("""{ "pattern": "(" }""", "1"));
        Assert.Throws<ArgumentException>(() => Check("""{ "items": 3 }""", "1"));
    }

    [Fact]
    public void A_set_is_compiled_once_and_validates_from_many_threads()
    {
        var set = new JsonSchemaSet(new JsonSchemaDocument(Uri, """{ "items": { "type": "integer", "maximum": 10 } }""", JsonSchemaDialect.Draft202012));
        using JsonDocument value = JsonDocument.Parse("[1, 20, 3, 30]");
        JsonElement root = value.RootElement;
        var counts = new int[64];
        Parallel.For(0, counts.Length, i => counts[i] = set.Validate(root, Uri + "#").Count);

        Assert.All(counts, c => Assert.Equal(2, c));
    }

    [Fact]
    public void A_valid_simple_value_allocates_nothing()
    {
        var set = new JsonSchemaSet(new JsonSchemaDocument(Uri, """{ "type": "object", "required": ["n"], "properties": { "n": { "type": "integer", "minimum": 0, "maximum": 100 } } }""", JsonSchemaDialect.Draft202012));
        using JsonDocument value = JsonDocument.Parse("""{ "n": 42 }""");
        JsonElement root = value.RootElement;
        Assert.Empty(set.Validate(root, Uri + "#"));

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            _ = set.Validate(root, Uri + "#");
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

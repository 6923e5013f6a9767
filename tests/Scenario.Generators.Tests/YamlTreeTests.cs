using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Scenario.Generators.Parsing.Json;
using Scenario.Generators.Parsing.Yaml;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// YAML read into the tree JSON is read into (YamlTreeReader over YamlDotNet's parser): the YAML 1.2 core schema's
/// scalars, keys as written, aliases and merge keys, the limits, and faults as diagnostics at the YAML's line.
/// </summary>
public class YamlTreeTests
{
    private static JsonNode Read(string yaml) => YamlTreeReader.Read(yaml, 64);

    [Theory]
    [InlineData("a: null", "Null", null)]
    [InlineData("a: ~", "Null", null)]
    [InlineData("a:", "Null", null)]
    [InlineData("a: true", "Boolean", "true")]
    [InlineData("a: False", "Boolean", "false")]
    [InlineData("a: yes", "String", "yes")]
    [InlineData("a: 'true'", "String", "true")]
    [InlineData("a: 007", "Integer", "7")]
    [InlineData("a: -12", "Integer", "-12")]
    [InlineData("a: +12", "Integer", "12")]
    [InlineData("a: 0x1F", "Integer", "31")]
    [InlineData("a: 0o17", "Integer", "15")]
    [InlineData("a: 1.50", "Float", "1.50")]
    [InlineData("a: .5", "Float", "0.5")]
    [InlineData("a: 1e3", "Float", "1e3")]
    [InlineData("a: .inf", "String", ".inf")]
    [InlineData("a: 3.0.0", "String", "3.0.0")]
    [InlineData("a: \"12\"", "String", "12")]
    [InlineData("a: !!str 12", "String", "12")]
    [InlineData("a: !!float 12", "Float", "12")]
    public void Plain_scalars_follow_the_YAML_1_2_core_schema_and_quoted_ones_are_strings(string yaml, string type, string? text)
    {
        JsonNode value = Read(yaml)["a"]!;

        Assert.Equal(type, value.Type.ToString());
        Assert.Equal(text, ((JsonValue)value).Text);
    }

    [Fact]
    public void Keys_are_strings_as_written_and_offsets_point_into_the_yaml()
    {
        const string yaml = "responses:\n  200:\n    description: OK\n  '404':\n    description: Missing\n";

        var responses = (JsonObject)Read(yaml)["responses"]!;

        Assert.Equal(new[] { "200", "404" }, responses.Properties().Select(p => p.Name));
        JsonProperty ok = responses.Properties()[0];
        Assert.Equal(yaml.IndexOf("200", StringComparison.Ordinal), ok.Offset);
        Assert.Equal(3, ok.NameLength);
        Assert.Equal(yaml.IndexOf("OK", StringComparison.Ordinal), responses["200"]!["description"]!.Offset);
    }

    [Fact]
    public void Aliases_are_copies_under_their_new_place_and_merge_keys_merge_without_overriding()
    {
        const string yaml = "base: &b\n  type: object\n  description: base\nuse: *b\nmerged:\n  <<: *b\n  description: own\n";

        JsonNode root = Read(yaml);

        Assert.Equal("""{"type":"object","description":"base"}""", root["use"]!.ToJson());
        Assert.NotSame(root["base"], root["use"]);
        Assert.Same(((JsonObject)root).Property("use"), root["use"]!.Parent);
        Assert.Equal("""{"description":"own","type":"object"}""", root["merged"]!.ToJson());
    }

    [Fact]
    public void Nested_aliases_that_expand_past_the_budget_are_refused()
    {
        // The "billion laughs": each level refers to the last one ten times.
        var yaml = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++)
        {
            yaml.Append("a").Append(i).Append(": &a").Append(i).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 10))).Append("]\n");
        }

        JsonTreeException refused = Assert.Throws<JsonTreeException>(() => Read(yaml.ToString()));

        Assert.Contains("aliases expand", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: 1\na: 2\n", "two keys named 'a'")]
    [InlineData("? [a, b]\n: 1\n", "not a scalar")]
    [InlineData("a: 1\n---\nb: 2\n", "more than one YAML document")]
    [InlineData("a: [1, 2\n", "")]
    public void What_a_tree_cannot_hold_is_refused(string yaml, string says)
    {
        JsonTreeException refused = Assert.Throws<JsonTreeException>(() => Read(yaml));

        Assert.Contains(says, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_past_the_limit_is_refused_not_a_stack_overflow()
    {
        string yaml = string.Concat(Enumerable.Repeat("[", 10_000)) + string.Concat(Enumerable.Repeat("]", 10_000));

        Assert.Throws<JsonTreeException>(() => Read(yaml));
    }

    [Fact]
    public void A_block_scalar_of_only_blank_lines_reads_as_YAML_1_2_says()
    {
        // OpenAI's description has one; YamlDotNet alone refuses it ("found extra spaces in first line").
        const string yaml = "a:\n  example: |+\n      \n  nullable: true\n";

        JsonNode root = Read(yaml);

        Assert.Equal("\n", (string?)root["a"]!["example"]);
        Assert.True((bool)root["a"]!["nullable"]!);
        Assert.Equal(yaml.IndexOf("nullable", StringComparison.Ordinal), ((JsonObject)root["a"]!).Property("nullable")!.Offset);
    }

    [Fact]
    public void A_yaml_fault_is_SCENGEN012_at_its_line_and_column()
    {
        const string yaml = "openapi: 3.0.3\ninfo:\n  title: Broken\n  version: '1'\npaths:\n  /a: [unclosed\n";

        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Run(GeneratorHarness.Inline("broken.openapi.yaml", yaml)).Diagnostics);

        Assert.Equal("SCENGEN012", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.True(diagnostic.Location.GetLineSpan().StartLinePosition.Line >= 5, diagnostic.ToString());
    }
}

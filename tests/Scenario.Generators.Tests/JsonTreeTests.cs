using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Scenario.Generators.Parsing;
using Scenario.Generators.Parsing.Json;
using Xunit;
using JsonProperty = Scenario.Generators.Parsing.Json.JsonProperty;

namespace Scenario.Generators.Tests;

/// <summary>
/// The generator's own JSON tree (<see cref="JsonTreeReader"/>): values as written, escapes undone, each node's parent
/// and place in the text, and what a schema file may not have (two properties of one name, nesting past the limit)
/// refused as SCENGEN001 at its place.
/// </summary>
public class JsonTreeTests
{
    [Fact]
    public void Values_keep_their_kind_and_numbers_their_text()
    {
        var root = (JsonObject)Read("""{"s":"x","i":-12,"f":1.50,"e":1E3,"t":true,"n":null,"big":123456789012345678901234567890,"a":[false]}""");

        Assert.Equal(JsonNodeType.String, root["s"]!.Type);
        Assert.Equal(JsonNodeType.Integer, root["i"]!.Type);
        Assert.Equal(-12L, (long)root["i"]);
        Assert.Equal(JsonNodeType.Float, root["f"]!.Type);
        Assert.Equal("1.50", (string?)root["f"]);
        Assert.Equal(JsonNodeType.Float, root["e"]!.Type);
        Assert.Equal("1E3", (string?)root["e"]);
        Assert.True((bool)root["t"]);
        Assert.False((bool)((JsonArray)root["a"]!)[0]);
        Assert.Equal(JsonNodeType.Null, root["n"]!.Type);
        Assert.Null((string?)root["n"]);
        Assert.Equal(long.MaxValue, (long)root["big"]);
        Assert.Null(root["missing"]);
        Assert.Null(root["a"]!["not an object"]);
        Assert.Throws<InvalidCastException>(() => (bool)root["s"]);
        Assert.Throws<InvalidCastException>(() => (string?)root["a"]);
    }

    [Fact]
    public void Escapes_are_undone_in_names_and_values()
    {
        var root = (JsonObject)Read("""{"caf\u00e9":"a\"b\\c\/d\b\f\n\r\t","pair":"\ud83d\ude00","lone":"\ud800"}""");

        Assert.Equal("a\"b\\c/d\b\f\n\r\t", (string?)root["café"]);
        Assert.Equal("\U0001F600", (string?)root["pair"]);
        Assert.Equal("\ud800", (string?)root["lone"]);
    }

    [Fact]
    public void Compact_json_of_a_node_reads_back_as_the_same_value()
    {
        const string text = """{ "a" : [ 1 , 2.50 , "\u0001\u2028\"\\x" , { } , [ ] ] , "b" : { "c" : null , "d" : false } }""";

        string json = Read(text).ToJson();

        Assert.Equal("""{"a":[1,2.50,"\u0001\u2028\"\\x",{},[]],"b":{"c":null,"d":false}}""", json);
        Assert.Equal(json, Read(json).ToJson());
    }

    [Fact]
    public void Each_node_knows_its_parent_and_where_it_starts()
    {
        const string text = """{ "items": [ { "id": 7 } ] }""";
        var root = (JsonObject)Read(text);

        JsonProperty items = root.Property("items")!;
        var array = (JsonArray)items.Value;
        var item = (JsonObject)array[0];
        JsonProperty id = item.Property("id")!;

        Assert.Null(root.Parent);
        Assert.Same(root, items.Parent);
        Assert.Same(items, array.Parent);
        Assert.Same(array, item.Parent);
        Assert.Same(id, id.Value.Parent);
        Assert.Equal(text.IndexOf("\"items\"", StringComparison.Ordinal), items.Offset);
        Assert.Equal("\"items\"".Length, items.NameLength);
        Assert.Equal(text.IndexOf('['), array.Offset);
        Assert.Equal(text.IndexOf('7'), id.Value.Offset);
        Assert.Equal(0, array.IndexOf(item));
        Assert.Equal("/items/0/id", SchemaDocument.PointerOf(id.Value));
    }

    [Fact]
    public void A_name_written_many_times_is_one_string_and_every_name_of_a_large_object_is_found()
    {
        var text = new StringBuilder("{");
        for (int i = 0; i < 5000; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append("\"p").Append(i).Append("\":{\"type\":\"string\"}");
        }

        var root = (JsonObject)Read(text.Append('}').ToString());

        Assert.Equal(5000, root.Count);
        for (int i = 0; i < 5000; i++)
        {
            Assert.Equal("string", (string?)root["p" + i]!["type"]);
        }

        Assert.Same(((JsonObject)root["p1"]!).Properties()[0].Name, ((JsonObject)root["p4999"]!).Properties()[0].Name);
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => "p" + i), root.Properties().Select(p => p.Name));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(20)]
    public void Two_properties_of_one_name_are_SCENGEN001_at_the_second(int before)
    {
        string others = string.Concat(Enumerable.Range(0, before).Select(i => "\"p" + i + "\": {}, "));
        string text = "{ \"type\": \"object\", \"properties\": { \"name\": { \"type\": \"string\" }, " + others + "\"name\": { \"type\": \"integer\" } } }";

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("twice.schema.json", text));

        Diagnostic invalid = Assert.Single(run.Diagnostics);
        Assert.Equal("SCENGEN001", invalid.Id);
        Assert.Contains("two properties named 'name'", invalid.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(text.LastIndexOf("\"name\"", StringComparison.Ordinal), invalid.Location.SourceSpan.Start);
        Assert.Empty(run.Result.GeneratedTrees);
    }

    [Fact]
    public void Nesting_to_the_limit_is_read_and_past_it_is_SCENGEN001()
    {
        int limit = SchemaDocument.MaxJsonDepth;
        string deepest = "{\"type\":\"object\",\"x\":" + new string('[', limit - 1) + new string(']', limit - 1) + "}";
        string deeper = "{\"type\":\"object\",\"x\":" + new string('[', limit) + new string(']', limit) + "}";

        Assert.NotNull(Read(deepest));
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("deep.schema.json", deeper));

        Diagnostic invalid = Assert.Single(run.Diagnostics);
        Assert.Equal("SCENGEN001", invalid.Id);
        Assert.Contains("more than " + limit + " levels deep", invalid.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(deeper.IndexOf('[') + limit - 1, invalid.Location.SourceSpan.Start);
    }

    [Fact]
    public void A_diagnostic_on_a_property_points_at_its_name()
    {
        const string text = "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"$ref\": \"#/definitions/Missing\" }\n  }\n}";

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Inline("where.schema.json", text));

        Diagnostic broken = Assert.Single(run.Diagnostics, d => d.Id == "SCENGEN002");
        Assert.Equal(text.IndexOf("\"$ref\"", StringComparison.Ordinal), broken.Location.SourceSpan.Start);
        Assert.Equal("\"$ref\"".Length, broken.Location.SourceSpan.Length);
    }

    /// <summary>
    /// Every JSON file of the real-schema corpus (schemas and documents from public projects, tests/RealSchemas) reads
    /// into the same tree as System.Text.Json's <see cref="JsonDocument"/> reads it: kinds, names in order, strings
    /// unescaped alike, numbers with their text as written; and the tree's compact JSON reads back as the same value.
    /// </summary>
    [Fact]
    public void Real_files_read_as_System_Text_Json_reads_them()
    {
        List<string> files = Directory.GetFiles(RealSchemaCorpus.Root, "*.json", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 50, "the corpus has " + files.Count + " JSON files");
        var options = new JsonDocumentOptions { MaxDepth = SchemaDocument.MaxJsonDepth };
        foreach (string file in files)
        {
            string text = File.ReadAllText(file);
            using JsonDocument expected = JsonDocument.Parse(text, options);
            JsonNode tree = Read(text);
            string where = Path.GetRelativePath(RealSchemaCorpus.Root, file);
            AssertSame(expected.RootElement, tree, where);
            using JsonDocument again = JsonDocument.Parse(tree.ToJson(), options);
            Assert.True(JsonElement.DeepEquals(expected.RootElement, again.RootElement), where + ": its compact JSON reads as another value");
        }
    }

    private static void AssertSame(JsonElement expected, JsonNode actual, string where)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = Assert.IsType<JsonObject>(actual);
                Assert.Equal(expected.EnumerateObject().Select(p => p.Name), obj.Properties().Select(p => p.Name));
                foreach (JsonProperty property in obj.Properties())
                {
                    Assert.Same(obj, property.Parent);
                    Assert.Same(property, property.Value.Parent);
                    AssertSame(expected.GetProperty(property.Name), property.Value, where + "/" + property.Name);
                }

                break;
            case JsonValueKind.Array:
                var array = Assert.IsType<JsonArray>(actual);
                Assert.Equal(expected.GetArrayLength(), array.Count);
                int i = 0;
                foreach (JsonElement item in expected.EnumerateArray())
                {
                    Assert.Same(array, array[i].Parent);
                    AssertSame(item, array[i], where + "/" + i);
                    i++;
                }

                break;
            case JsonValueKind.String:
                Assert.True(actual.Type == JsonNodeType.String, where + " is not a string");
                Assert.Equal(expected.GetString(), (string?)actual);
                break;
            case JsonValueKind.Number:
                string raw = expected.GetRawText();
                Assert.True(actual.Type == (raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0 ? JsonNodeType.Integer : JsonNodeType.Float), where + ": " + raw + " read as " + actual.Type);
                Assert.Equal(raw, (string?)actual);
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                Assert.True(actual.Type == JsonNodeType.Boolean, where + " is not a boolean");
                Assert.Equal(expected.GetBoolean(), (bool)actual);
                break;
            default:
                Assert.True(actual.Type == JsonNodeType.Null, where + " is not null");
                break;
        }
    }

    private static JsonNode Read(string text)
    {
        Assert.Null(StrictJson.Check(text));
        return JsonTreeReader.Read(text, SchemaDocument.MaxJsonDepth);
    }
}

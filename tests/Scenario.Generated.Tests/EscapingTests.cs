using System.Collections.Generic;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using EscapingSchema;
using Scenario.Runtime;
using Scenario.Runtime.Json;
using Xunit;

namespace Scenario.Generated.Tests;

/// <summary>
/// tests/Schemas/escaping.schema.json: property names, string values, enum values, map keys and unknown properties
/// that an encoder escapes. Generated code writes them through the writer, so the options' encoder decides: by default
/// exactly the bytes System.Text.Json writes for the same values, with <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>
/// <c>+</c>, <c>&lt;</c>, <c>&amp;</c>, <c>'</c> and non-ASCII as themselves.
/// </summary>
public class EscapingTests
{
    private static Escaping Value() => JsonSerializer.Deserialize(
        """{"plain":"a+b <c> & 'd' café","a+b":"x+y","<tag>":3,"naïve":1.5,"R&D":true,"it's":{"text":"<b>","€":2},"tone":"C++","größe":"café","plainLabel":{"text":"plain"},"ünits":["µm","+1"],"notes":{"k+":"v<","ключ":"значение"},"maybe+":null,"x+y":"z&"}""",
        EscapingJsonContext.Default.Escaping)!;

    private static EscapingPeer Peer() => new()
    {
        Plain = "a+b <c> & 'd' café",
        AB = "x+y",
        Tag = 3,
        Naive = 1.5,
        RD = true,
        ItS = new LabelPeer { Text = "<b>", Euro = 2 },
        Tone = "C++",
        Grosse = "café",
        PlainLabel = new LabelPeer { Text = "plain" },
        Units = new List<string> { "µm", "+1" },
        Notes = new Dictionary<string, string> { ["k+"] = "v<", ["ключ"] = "значение" },
        Maybe = null,
        Extension = new Dictionary<string, JsonElement> { ["x+y"] = JsonDocument.Parse("\"z&\"").RootElement },
    };

    [Fact]
    public void By_default_the_bytes_are_those_System_Text_Json_writes()
    {
        string written = JsonSerializer.Serialize(Value(), EscapingJsonContext.Default.Escaping);

        Assert.Equal(JsonSerializer.Serialize(Peer(), EscapingPeerContext.Default.EscapingPeer), written);
        Assert.Contains("\"a\\u002Bb\":\"x\\u002By\"", written, System.StringComparison.Ordinal);
        Assert.Contains("\"tone\":\"C\\u002B\\u002B\"", written, System.StringComparison.Ordinal);
        Assert.DoesNotContain("é", written, System.StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_relaxed_encoder_the_bytes_are_those_System_Text_Json_writes_with_it()
    {
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var peerOptions = new JsonSerializerOptions(EscapingPeerContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        string written = JsonSerializer.Serialize(Value(), new EscapingJsonContext(options).Escaping);

        Assert.Equal(JsonSerializer.Serialize(Peer(), new EscapingPeerContext(peerOptions).EscapingPeer), written);
        foreach (string expected in new[]
        {
            "\"plain\":\"a+b <c> & 'd' café\"", "\"a+b\":\"x+y\"", "\"<tag>\":3", "\"naïve\":1.5", "\"R&D\":true", "\"it's\":{\"text\":\"<b>\",\"€\":2}",
            "\"tone\":\"C++\"", "\"größe\":\"café\"", "\"ünits\":[\"µm\",\"+1\"]", "\"notes\":{\"k+\":\"v<\",\"ключ\":\"значение\"}", "\"maybe+\":null", "\"x+y\":\"z&\"",
        })
        {
            Assert.Contains(expected, written, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Either_way_the_text_reads_back_equal()
    {
        Escaping value = Value();
        var relaxed = new EscapingJsonContext(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Equal(value, JsonSerializer.Deserialize(JsonSerializer.Serialize(value, EscapingJsonContext.Default.Escaping), EscapingJsonContext.Default.Escaping));
        Assert.Equal(value, JsonSerializer.Deserialize(JsonSerializer.Serialize(value, relaxed.Escaping), relaxed.Escaping));
        Assert.True(value.Tone == Tone.C);
        Assert.True(value.Größe == Tone.Café);
    }

    [Fact]
    public void A_writer_given_the_relaxed_encoder_writes_with_it()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            JsonSerializer.Serialize(writer, Value(), EscapingJsonContext.Default.Escaping);
        }

        Assert.Contains("\"a+b\":\"x+y\"", Encoding.UTF8.GetString(buffer.WrittenSpan), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_body_is_written_with_the_encoder_of_its_options()
    {
        var relaxed = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var label = new Label { Text = "café+" };

        Assert.Equal("{\"text\":\"café+\"}", Encoding.UTF8.GetString(JsonBody.Serialize(label, static (w, v, o) => JsonSerializer.Serialize(w, v, EscapingJsonContext.Default.Label), relaxed)));
        Assert.Equal("{\"text\":\"caf\\u00E9\\u002B\"}", Encoding.UTF8.GetString(JsonBody.Serialize(label, static (w, v, o) => JsonSerializer.Serialize(w, v, EscapingJsonContext.Default.Label), JsonSerializerOptions.Default)));
    }

    [Fact]
    public void A_schema_whose_name_has_a_percent_escape_a_slash_and_a_space_is_found_by_validation()
    {
        const string json = """{"maybe+":null,"deal":{"amount":-1}}""";

        Escaping value = JsonSerializer.Deserialize(json, EscapingJsonContext.Default.Escaping)!;
        var fromType = Assert.Single(value.Deal!.Validate());
        var whenRead = Assert.Throws<Scenario.Runtime.Validation.JsonSchemaValidationException>(() => JsonSerializer.Deserialize(json, EscapingJsonContext.Validating.Escaping));

        Assert.Equal(("/amount", "minimum"), (fromType.InstancePath, fromType.Keyword));
        Assert.Equal("/deal/amount", Assert.Single(whenRead.Problems).InstancePath);
        Assert.Empty((value.Deal with { Amount = 0 }).Validate());
    }
}

/// <summary>The same shape written by hand for System.Text.Json, the reference for the bytes.</summary>
public sealed class EscapingPeer
{
    [JsonPropertyName("plain")] public string? Plain { get; set; }
    [JsonPropertyName("a+b")] public string? AB { get; set; }
    [JsonPropertyName("<tag>")] public long? Tag { get; set; }
    [JsonPropertyName("naïve")] public double? Naive { get; set; }
    [JsonPropertyName("R&D")] public bool? RD { get; set; }
    [JsonPropertyName("it's")] public LabelPeer? ItS { get; set; }
    [JsonPropertyName("tone")] public string? Tone { get; set; }
    [JsonPropertyName("größe")] public string? Grosse { get; set; }
    [JsonPropertyName("plainLabel")] public LabelPeer? PlainLabel { get; set; }
    [JsonPropertyName("ünits")] public List<string>? Units { get; set; }
    [JsonPropertyName("notes")] public Dictionary<string, string>? Notes { get; set; }
    [JsonPropertyName("maybe+"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Maybe { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extension { get; set; }
}

/// <summary>The peer of <see cref="Label"/>.</summary>
public sealed class LabelPeer
{
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("€")] public double? Euro { get; set; }
}

[JsonSerializable(typeof(EscapingPeer))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class EscapingPeerContext : JsonSerializerContext
{
}

using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Scenario.Benchmarks.Peers;

namespace Scenario.Benchmarks;

/// <summary>
/// One payload, read and written every way: the generated context, System.Text.Json's own source generator (the
/// baseline of each category), System.Text.Json by reflection, Newtonsoft.Json, and the floors (<see cref="Floors"/>,
/// <see cref="JsonToken"/>, <see cref="JsonValueToken"/>).
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class SerializationBenchmarks
{
    private static readonly JsonSerializerOptions ReflectionOptions = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
    private static readonly global::Newtonsoft.Json.JsonSerializer NewtonsoftSerializer = global::Newtonsoft.Json.JsonSerializer.CreateDefault();

    private byte[] _json = null!;
    private ExampleListResponse _generated = null!;
    private PeerExampleListResponse _peer = null!;
    private JsonToken[] _tokens = null!;
    private JsonValueToken[] _valueTokens = null!;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private readonly MemoryStream _stream = new(1 << 20);

    [Params(Payloads.Seed, Payloads.Large, Payloads.Typed)]
    public string Payload { get; set; } = Payloads.Seed;

    [GlobalSetup]
    public void Setup()
    {
        _json = Payloads.Get(Payload);
        _generated = JsonSerializer.Deserialize(_json, ScenarioJsonContext.Default.ExampleListResponse)!;
        _peer = JsonSerializer.Deserialize(_json, PeerJsonContext.Default.PeerExampleListResponse)!;
        _tokens = JsonToken.ReadAll(_json);
        _valueTokens = JsonValueToken.ReadAll(_json);
    }

    [BenchmarkCategory("Deserialize"), Benchmark]
    public ExampleListResponse Deserialize_Generated() => JsonSerializer.Deserialize(_json, ScenarioJsonContext.Default.ExampleListResponse)!;

    [BenchmarkCategory("Deserialize"), Benchmark(Baseline = true)]
    public PeerExampleListResponse Deserialize_StjSourceGen() => JsonSerializer.Deserialize(_json, PeerJsonContext.Default.PeerExampleListResponse)!;

    [BenchmarkCategory("Deserialize"), Benchmark]
    public PeerExampleListResponse Deserialize_StjReflection() => JsonSerializer.Deserialize<PeerExampleListResponse>(_json, ReflectionOptions)!;

    [BenchmarkCategory("Deserialize"), Benchmark]
    public PeerExampleListResponse Deserialize_Newtonsoft()
    {
        using var reader = new global::Newtonsoft.Json.JsonTextReader(new StreamReader(new MemoryStream(_json), Encoding.UTF8));
        return NewtonsoftSerializer.Deserialize<PeerExampleListResponse>(reader)!;
    }

    [BenchmarkCategory("Deserialize"), Benchmark]
    public int Deserialize_Utf8JsonReaderFloor() => Floors.Scan(_json);

    [BenchmarkCategory("Deserialize"), Benchmark]
    public int Deserialize_ScanAndStringsFloor() => Floors.ScanAndStrings(_json);

    [BenchmarkCategory("Serialize"), Benchmark]
    public int Serialize_Generated()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        JsonSerializer.Serialize(writer, _generated, ScenarioJsonContext.Default.ExampleListResponse);
        return _buffer.WrittenCount;
    }

    [BenchmarkCategory("Serialize"), Benchmark(Baseline = true)]
    public int Serialize_StjSourceGen()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        JsonSerializer.Serialize(writer, _peer, PeerJsonContext.Default.PeerExampleListResponse);
        return _buffer.WrittenCount;
    }

    [BenchmarkCategory("Serialize"), Benchmark]
    public int Serialize_StjReflection()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        JsonSerializer.Serialize(writer, _peer, ReflectionOptions);
        return _buffer.WrittenCount;
    }

    [BenchmarkCategory("Serialize"), Benchmark]
    public long Serialize_Newtonsoft()
    {
        _stream.SetLength(0);
        using var text = new StreamWriter(_stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        NewtonsoftSerializer.Serialize(text, _peer);
        text.Flush();
        return _stream.Length;
    }

    [BenchmarkCategory("Serialize"), Benchmark]
    public int Serialize_Utf8JsonWriterFloor()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        JsonToken.WriteAll(writer, _tokens);
        return _buffer.WrittenCount;
    }

    [BenchmarkCategory("Serialize"), Benchmark]
    public int Serialize_Utf8JsonWriterValuesFloor()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        JsonValueToken.WriteAll(writer, _valueTokens);
        return _buffer.WrittenCount;
    }
}

/// <summary>The source-generated context of the peer classes: System.Text.Json's own generator.</summary>
[JsonSerializable(typeof(PeerExampleListResponse))]
[JsonSerializable(typeof(JsonElement))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
public partial class PeerJsonContext : JsonSerializerContext
{
}

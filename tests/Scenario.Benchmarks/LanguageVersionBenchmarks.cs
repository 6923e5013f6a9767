using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Scenario.Benchmarks.Peers;

namespace Scenario.Benchmarks;

/// <summary>
/// The two forms of generated code side by side on .NET 10: the one written for C# 11 and later (<c>required</c>,
/// <c>u8</c> literals, <c>IJsonModel</c>) and the one written for C# 9 and 10, the form Unity and netstandard libraries
/// get (a constructor of the required properties, byte-array spans, the runtime's delegates;
/// Scenario.Benchmarks.CSharp9). System.Text.Json's source generator is the baseline of each category, as in
/// <see cref="SerializationBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class LanguageVersionBenchmarks
{
    private byte[] _json = null!;
    private ExampleListResponse _latest = null!;
    private Scenario.CSharp9.ExampleListResponse _csharp9 = null!;
    private PeerExampleListResponse _peer = null!;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);

    [Params(Payloads.Seed, Payloads.Large)]
    public string Payload { get; set; } = Payloads.Seed;

    [GlobalSetup]
    public void Setup()
    {
        _json = Payloads.Get(Payload);
        _latest = JsonSerializer.Deserialize(_json, ScenarioJsonContext.Default.ExampleListResponse)!;
        _csharp9 = JsonSerializer.Deserialize(_json, Scenario.CSharp9.ScenarioJsonContext.Default.ExampleListResponse)!;
        _peer = JsonSerializer.Deserialize(_json, PeerJsonContext.Default.PeerExampleListResponse)!;
    }

    [BenchmarkCategory("Deserialize"), Benchmark]
    public ExampleListResponse Deserialize_CSharp11() => JsonSerializer.Deserialize(_json, ScenarioJsonContext.Default.ExampleListResponse)!;

    [BenchmarkCategory("Deserialize"), Benchmark]
    public Scenario.CSharp9.ExampleListResponse Deserialize_CSharp9() => JsonSerializer.Deserialize(_json, Scenario.CSharp9.ScenarioJsonContext.Default.ExampleListResponse)!;

    [BenchmarkCategory("Deserialize"), Benchmark(Baseline = true)]
    public PeerExampleListResponse Deserialize_StjSourceGen() => JsonSerializer.Deserialize(_json, PeerJsonContext.Default.PeerExampleListResponse)!;

    [BenchmarkCategory("Serialize"), Benchmark]
    public int Serialize_CSharp11()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        JsonSerializer.Serialize(writer, _latest, ScenarioJsonContext.Default.ExampleListResponse);
        return _buffer.WrittenCount;
    }

    [BenchmarkCategory("Serialize"), Benchmark]
    public int Serialize_CSharp9()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        JsonSerializer.Serialize(writer, _csharp9, Scenario.CSharp9.ScenarioJsonContext.Default.ExampleListResponse);
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
}

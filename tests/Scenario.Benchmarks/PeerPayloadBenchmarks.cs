using System;
using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;

namespace Scenario.Benchmarks;

/// <summary>
/// A payload of a schema of its own, read and written through the generated context and through System.Text.Json's
/// source generator over hand-written peers (the baseline), beside the same floors as <see cref="SerializationBenchmarks"/>:
/// the cases of <see cref="UnionBenchmarks"/> and <see cref="EnumBenchmarks"/>, which say what their payload and
/// types are. Setup checks that both sides write back the payload they read, or the comparison would mean nothing.
/// </summary>
public abstract class PeerPayloadBenchmarks<TModel, TPeer>
    where TModel : class
    where TPeer : class
{
    private byte[] _json = null!;
    private TModel _generated = null!;
    private TPeer _peer = null!;
    private JsonToken[] _tokens = null!;
    private JsonValueToken[] _valueTokens = null!;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);

    /// <summary>The payload's name, the one value of the derived class's <c>Payload</c> parameter.</summary>
    public abstract string Payload { get; set; }

    /// <summary>The generated context's type of the payload.</summary>
    protected abstract JsonTypeInfo<TModel> Generated { get; }

    /// <summary>System.Text.Json's source-generated type of the peer.</summary>
    protected abstract JsonTypeInfo<TPeer> Peer { get; }

    /// <summary>The payload's UTF-8 JSON.</summary>
    protected abstract byte[] Make();

    /// <summary>Throws when the generated side read the payload otherwise than it should (a value kept as unknown JSON, say).</summary>
    protected abstract void Check(TModel generated);

    [GlobalSetup]
    public void Setup()
    {
        _json = Make();
        _generated = JsonSerializer.Deserialize(_json, Generated)!;
        _peer = JsonSerializer.Deserialize(_json, Peer)!;
        _tokens = JsonToken.ReadAll(_json);
        _valueTokens = JsonValueToken.ReadAll(_json);

        using JsonDocument expected = JsonDocument.Parse(_json);
        foreach ((string name, Func<int> write) in new (string, Func<int>)[] { ("generated", Serialize_Generated), ("peer", Serialize_StjSourceGen) })
        {
            write();
            using JsonDocument written = JsonDocument.Parse(_buffer.WrittenMemory);
            if (!JsonElement.DeepEquals(expected.RootElement, written.RootElement))
            {
                throw new InvalidOperationException($"The {name} side does not write back the payload {Payload} it read.");
            }
        }

        Check(_generated);
    }

    [BenchmarkCategory("Deserialize"), Benchmark]
    public TModel Deserialize_Generated() => JsonSerializer.Deserialize(_json, Generated)!;

    [BenchmarkCategory("Deserialize"), Benchmark(Baseline = true)]
    public TPeer Deserialize_StjSourceGen() => JsonSerializer.Deserialize(_json, Peer)!;

    [BenchmarkCategory("Deserialize"), Benchmark]
    public int Deserialize_Utf8JsonReaderFloor() => Floors.Scan(_json);

    [BenchmarkCategory("Deserialize"), Benchmark]
    public int Deserialize_ScanAndStringsFloor() => Floors.ScanAndStrings(_json);

    [BenchmarkCategory("Serialize"), Benchmark]
    public int Serialize_Generated()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        JsonSerializer.Serialize(writer, _generated, Generated);
        return _buffer.WrittenCount;
    }

    [BenchmarkCategory("Serialize"), Benchmark(Baseline = true)]
    public int Serialize_StjSourceGen()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        JsonSerializer.Serialize(writer, _peer, Peer);
        return _buffer.WrittenCount;
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

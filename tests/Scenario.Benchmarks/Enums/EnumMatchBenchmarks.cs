using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Scenario.Benchmarks.GeneratedMatchers;

namespace Scenario.Benchmarks;

/// <summary>
/// Reading one string enum's values, each in turn from a JSON array of 1,500: the read path the generator wrote into
/// every enum's converter before (<c>GeneratedMatchers.cs</c>: a switch on the length, then on the byte that tells the
/// values of that length apart, then one comparison with a <c>u8</c> literal) against the converter of now, which
/// forwards to the runtime's <c>StringEnumTable</c> (the values' bytes in a table keyed by a hash of every byte), on a
/// large enum (AssetType, 75 values of 5 to 39 bytes, many of one length and prefix) and a small one (JobStatus, 8).
/// The reader's own pass over the same array is the floor.
/// </summary>
[MemoryDiagnoser]
public class EnumMatchBenchmarks
{
    private const int Count = 1500;

    private byte[] _json = null!;
    private bool _large;

    [Params("AssetType (75 values)", "JobStatus (8 values)")]
    public string Enum { get; set; } = "AssetType (75 values)";

    [GlobalSetup]
    public void Setup()
    {
        _large = Enum.StartsWith("AssetType", StringComparison.Ordinal);
        string[] values = _large
            ? System.Enum.GetValues<AssetType>().Select(AssetTypeConverter.ToWireValue).ToArray()
            : System.Enum.GetValues<JobStatus>().Select(JobStatusConverter.ToWireValue).ToArray();

        // Every value in turn, at a stride that is prime to the count, so that neighbours differ.
        _json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Enumerable.Range(0, Count).Select(i => values[i * 7 % values.Length]).ToArray()));
        if (GeneratedMatcher() != Table())
        {
            throw new InvalidOperationException("The two read paths read different members.");
        }
    }

    [Benchmark(Baseline = true)]
    public int GeneratedMatcher()
    {
        var reader = new Utf8JsonReader(_json);
        reader.Read();
        int sum = 0;
        if (_large)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                sum += (int)AssetTypeMatcher.ReadValue(ref reader, JsonSerializerOptions.Default).Value;
            }
        }
        else
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                sum += (int)JobStatusMatcher.ReadValue(ref reader, JsonSerializerOptions.Default).Value;
            }
        }

        return sum;
    }

    [Benchmark]
    public int Table()
    {
        var reader = new Utf8JsonReader(_json);
        reader.Read();
        int sum = 0;
        if (_large)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                sum += (int)AssetTypeConverter.ReadValue(ref reader, JsonSerializerOptions.Default).Value;
            }
        }
        else
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                sum += (int)JobStatusConverter.ReadValue(ref reader, JsonSerializerOptions.Default).Value;
            }
        }

        return sum;
    }

    [Benchmark]
    public int ReaderFloor()
    {
        var reader = new Utf8JsonReader(_json);
        reader.Read();
        int sum = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            sum += reader.ValueSpan.Length;
        }

        return sum;
    }
}

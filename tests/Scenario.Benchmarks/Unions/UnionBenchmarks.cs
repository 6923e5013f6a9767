using System;
using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Orders;
using Scenario.Benchmarks.UnionPeers;

namespace Scenario.Benchmarks;

/// <summary>
/// The union-heavy payload (<see cref="UnionPayload"/>, schema <c>Unions/orders.schema.json</c>) read and written through
/// the generated context and through System.Text.Json's source generator over hand-written peers
/// (<c>Unions/UnionPeers.cs</c>: polymorphic hierarchies where a discriminator exists, converters elsewhere), beside the
/// same floors as <see cref="SerializationBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class UnionBenchmarks
{
    private byte[] _json = null!;
    private OrderList _generated = null!;
    private PeerOrderList _peer = null!;
    private JsonToken[] _tokens = null!;
    private JsonValueToken[] _valueTokens = null!;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);

    [Params(UnionPayload.Name)]
    public string Payload { get; set; } = UnionPayload.Name;

    [GlobalSetup]
    public void Setup()
    {
        _json = UnionPayload.Make(UnionPayload.Count);
        _generated = JsonSerializer.Deserialize(_json, OrdersJsonContext.Default.OrderList)!;
        _peer = JsonSerializer.Deserialize(_json, UnionPeerContext.Default.PeerOrderList)!;
        _tokens = JsonToken.ReadAll(_json);
        _valueTokens = JsonValueToken.ReadAll(_json);

        // Both sides must read every branch and write back the same JSON value, or the comparison means nothing.
        using JsonDocument expected = JsonDocument.Parse(_json);
        foreach ((string name, Func<int> write) in new (string, Func<int>)[] { ("generated", Serialize_Generated), ("peer", Serialize_StjSourceGen) })
        {
            write();
            using JsonDocument written = JsonDocument.Parse(_buffer.WrittenMemory);
            if (!JsonElement.DeepEquals(expected.RootElement, written.RootElement))
            {
                throw new InvalidOperationException($"The {name} side does not write back the union payload it read.");
            }
        }

        if (_generated.Orders[1].Payment.IsUnknown || _generated.Orders[2].Discounts![0].IsUnknown)
        {
            throw new InvalidOperationException("The generated side kept a union value as JSON instead of reading its branch.");
        }
    }

    [BenchmarkCategory("Deserialize"), Benchmark]
    public OrderList Deserialize_Generated() => JsonSerializer.Deserialize(_json, OrdersJsonContext.Default.OrderList)!;

    [BenchmarkCategory("Deserialize"), Benchmark(Baseline = true)]
    public PeerOrderList Deserialize_StjSourceGen() => JsonSerializer.Deserialize(_json, UnionPeerContext.Default.PeerOrderList)!;

    [BenchmarkCategory("Deserialize"), Benchmark]
    public int Deserialize_Utf8JsonReaderFloor() => Floors.Scan(_json);

    [BenchmarkCategory("Deserialize"), Benchmark]
    public int Deserialize_ScanAndStringsFloor() => Floors.ScanAndStrings(_json);

    [BenchmarkCategory("Serialize"), Benchmark]
    public int Serialize_Generated()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        JsonSerializer.Serialize(writer, _generated, OrdersJsonContext.Default.OrderList);
        return _buffer.WrittenCount;
    }

    [BenchmarkCategory("Serialize"), Benchmark(Baseline = true)]
    public int Serialize_StjSourceGen()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        JsonSerializer.Serialize(writer, _peer, UnionPeerContext.Default.PeerOrderList);
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

/// <summary>
/// A page of orders in which every union takes each of its branches in turn: tags as one string or a list, a gift as a
/// boolean or the wrapping's options, a quantity as an integer or a string, payments of the three discriminated kinds,
/// shipping to a pickup point or an address, discounts told apart by their properties, attributes of recursive values,
/// and dogs and cats by OpenAPI's discriminator.
/// </summary>
public static class UnionPayload
{
    public const string Name = "1,000 union orders";
    public const int Count = 1000;

    public static byte[] Make(int count)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("orders");
            for (int i = 0; i < count; i++)
            {
                Order(w, i);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Order(Utf8JsonWriter w, int i)
    {
        w.WriteStartObject();
        w.WriteString("id", $"order_{i:D6}");
        switch (i % 3)
        {
            case 0: w.WriteString("tags", "priority"); break;
            case 1: w.WriteStartArray("tags"); w.WriteStringValue("gift"); w.WriteStringValue("fragile"); w.WriteStringValue("express"); w.WriteEndArray(); break;
        }

        switch (i % 3)
        {
            case 0: w.WriteBoolean("gift", true); break;
            case 1: w.WriteBoolean("gift", false); break;
            default: w.WriteStartObject("gift"); w.WriteString("paper", "kraft"); w.WriteString("message", "Happy birthday, " + i); w.WriteEndObject(); break;
        }

        if (i % 2 == 0)
        {
            w.WriteNumber("quantity", 1 + (i % 9));
        }
        else
        {
            w.WriteString("quantity", (1 + (i % 9)) + " boxes");
        }

        w.WriteStartObject("payment");
        switch (i % 3)
        {
            case 0: w.WriteString("type", "card"); w.WriteString("last4", (1000 + i % 9000).ToString()); w.WriteString("expires", "12/29"); break;
            case 1: w.WriteString("type", "bank_transfer"); w.WriteString("iban", "FR7630006000011234567890" + (i % 1000).ToString("D3")); break;
            default: w.WriteString("type", "voucher"); w.WriteString("code", "VOUCHER-" + i); break;
        }

        w.WriteEndObject();
        if (i % 2 == 0)
        {
            w.WriteString("shipping", "pickup_" + (i % 500).ToString("D4"));
        }
        else
        {
            w.WriteStartObject("shipping");
            w.WriteString("street", i + " rue de la Paix");
            w.WriteString("city", "Paris");
            w.WriteString("zip", "75002");
            w.WriteEndObject();
        }

        w.WriteStartArray("discounts");
        w.WriteStartObject(); w.WriteNumber("percent", 12.5); w.WriteString("label", "spring"); w.WriteEndObject();
        if (i % 2 == 1)
        {
            w.WriteStartObject(); w.WriteNumber("amount", 500 + i); w.WriteString("currency", "EUR"); w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("attributes");
        w.WriteString("color", i % 2 == 0 ? "red" : "blue");
        w.WriteNumber("weight", 1.25 + (i % 7));
        w.WriteStartArray("sizes"); w.WriteNumberValue(38); w.WriteStringValue("M"); w.WriteStartArray(); w.WriteNumberValue(1); w.WriteNumberValue(2.5); w.WriteEndArray(); w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("pet");
        if (i % 2 == 0)
        {
            w.WriteString("petType", "dog"); w.WriteBoolean("bark", true);
        }
        else
        {
            w.WriteString("petType", "cat"); w.WriteNumber("lives", 9);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }
}

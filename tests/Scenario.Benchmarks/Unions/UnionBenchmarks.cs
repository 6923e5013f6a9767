using System;
using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Orders;
using Scenario.Benchmarks.UnionPeers;

namespace Scenario.Benchmarks;

/// <summary>
/// The union-heavy payload (<see cref="UnionPayload"/>, schema <c>Unions/orders.schema.json</c>) read and written through
/// the generated context and through System.Text.Json's source generator over hand-written peers
/// (<c>Unions/UnionPeers.cs</c>: polymorphic hierarchies where a discriminator exists, converters elsewhere), beside the
/// same floors as <see cref="SerializationBenchmarks"/> (<see cref="PeerPayloadBenchmarks{TModel, TPeer}"/>).
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class UnionBenchmarks : PeerPayloadBenchmarks<OrderList, PeerOrderList>
{
    [Params(UnionPayload.Name)]
    public override string Payload { get; set; } = UnionPayload.Name;

    protected override JsonTypeInfo<OrderList> Generated => OrdersJsonContext.Default.OrderList;

    protected override JsonTypeInfo<PeerOrderList> Peer => UnionPeerContext.Default.PeerOrderList;

    protected override byte[] Make() => UnionPayload.Make(UnionPayload.Count);

    protected override void Check(OrderList generated)
    {
        if (generated.Orders[1].Payment.IsUnknown || generated.Orders[2].Discounts![0].IsUnknown)
        {
            throw new InvalidOperationException("The generated side kept a union value as JSON instead of reading its branch.");
        }
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

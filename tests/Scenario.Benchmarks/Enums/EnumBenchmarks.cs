using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Enums;

namespace Scenario.Benchmarks;

/// <summary>
/// The enum-heavy payload (<see cref="EnumPayload"/>, schema <c>Enums/enums.schema.json</c>: items of six string enums
/// of the Scenario schema, of 3, 7, 8, 37, 75 and 75 values) read and written through the generated context, whose
/// records hold them as open enums, and through System.Text.Json's source generator over peers that hold them as
/// strings (as <c>PeerModels.cs</c> does), beside the same floors as <see cref="SerializationBenchmarks"/>
/// (<see cref="PeerPayloadBenchmarks{TModel, TPeer}"/>). Nearly
/// every token is an enum value, so this is where matching and writing enum values shows.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class EnumBenchmarks : PeerPayloadBenchmarks<TaggedList, PeerTaggedList>
{
    [Params(EnumPayload.Name)]
    public override string Payload { get; set; } = EnumPayload.Name;

    protected override JsonTypeInfo<TaggedList> Generated => EnumsJsonContext.Default.TaggedList;

    protected override JsonTypeInfo<PeerTaggedList> Peer => EnumPeerContext.Default.PeerTaggedList;

    protected override byte[] Make() => EnumPayload.Make(EnumPayload.Count);

    protected override void Check(TaggedList generated)
    {
        if (generated.Items.Any(t => !t.Privacy.IsKnown || !t.Kind.IsKnown || !t.Status.IsKnown || !t.ModelType.IsKnown || !t.Type.IsKnown || !t.Source.IsKnown))
        {
            throw new InvalidOperationException("The generated side kept a value of the schema as unknown.");
        }
    }
}

/// <summary>
/// Items whose six enums step through their values at different strides, so that consecutive items differ and every
/// value of each enum is read.
/// </summary>
public static class EnumPayload
{
    public const string Name = "10,000 enum items";
    public const int Count = 10_000;

    private static readonly (string Property, string Enum, int Stride)[] Fields =
    {
        ("privacy", "AssetPrivacy", 1), ("kind", "AssetKind", 3), ("status", "JobStatus", 5),
        ("modelType", "ModelType", 7), ("type", "AssetType", 11), ("source", "AssetSource", 13),
    };

    public static byte[] Make(int count)
    {
        JsonNode definitions = JsonNode.Parse(Payloads.Resource("enums.schema.json"))!["definitions"]!;
        var values = Fields.ToDictionary(f => f.Property, f => definitions[f.Enum]!["enum"]!.AsArray().Select(v => (string)v!).ToArray());
        var items = new JsonArray();
        for (int i = 0; i < count; i++)
        {
            var item = new JsonObject();
            foreach ((string property, _, int stride) in Fields)
            {
                string[] of = values[property];
                item[property] = of[i * stride % of.Length];
            }

            items.Add(item);
        }

        return Encoding.UTF8.GetBytes(new JsonObject { ["items"] = items }.ToJsonString());
    }
}

public sealed class PeerTaggedList
{
    public List<PeerTagged> Items { get; set; } = null!;
}

/// <summary>The peer of <c>Tagged</c>: its enums as strings.</summary>
public sealed class PeerTagged
{
    public string Privacy { get; set; } = null!;

    public string Kind { get; set; } = null!;

    public string Status { get; set; } = null!;

    public string ModelType { get; set; } = null!;

    public string Type { get; set; } = null!;

    public string Source { get; set; } = null!;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PeerTaggedList))]
public partial class EnumPeerContext : JsonSerializerContext
{
}

// The peers of the feed's generated models, as a user of System.Text.Json's source generator writes them.
#nullable disable
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Scenario.Benchmarks.Transfers;

public sealed class PeerTick
{
    [JsonPropertyName("id")]
    public string Id { get; set; }

    [JsonPropertyName("kind")]
    public string Kind { get; set; }

    [JsonPropertyName("value")]
    public long Value { get; set; }
}

public sealed class PeerAsset
{
    [JsonPropertyName("id")]
    public string Id { get; set; }

    [JsonPropertyName("name")]
    public string Name { get; set; }

    [JsonPropertyName("kind")]
    public string Kind { get; set; }

    [JsonPropertyName("createdAt")]
    public string CreatedAt { get; set; }
}

public sealed class PeerAssetPage
{
    [JsonPropertyName("assets")]
    public List<PeerAsset> Assets { get; set; }

    [JsonPropertyName("nextPaginationToken")]
    public string NextPaginationToken { get; set; }
}

[JsonSerializable(typeof(PeerTick))]
[JsonSerializable(typeof(PeerAssetPage))]
public partial class FeedPeerContext : JsonSerializerContext
{
}

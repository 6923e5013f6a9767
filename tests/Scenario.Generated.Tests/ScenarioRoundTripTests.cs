using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scenario;
using Scenario.Runtime;
using Xunit;

namespace Scenario.Generated.Tests;

/// <summary>The API's documented responses, and responses with values and properties the schema does not know.</summary>
public class ScenarioRoundTripTests
{
    private static readonly string Seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "seed-response.json"));

    [Fact]
    public void The_documented_list_response_round_trips_unchanged()
    {
        ExampleListResponse list = JsonSerializer.Deserialize(Seed, ScenarioJsonContext.Default.ExampleListResponse)!;

        JsonAssert.Equivalent(Seed, JsonSerializer.Serialize(list, ScenarioJsonContext.Default.ExampleListResponse));
        Assert.Null(list.ExtensionData);
        Assert.Null(list.Examples[0].Asset.ExtensionData);
    }

    [Fact]
    public void The_documented_update_response_round_trips_unchanged()
    {
        ExampleUpdateResponse updated = JsonSerializer.Deserialize(Seed, ScenarioJsonContext.Default.ExampleUpdateResponse)!;

        JsonAssert.Equivalent(Seed, JsonSerializer.Serialize(updated, ScenarioJsonContext.Default.ExampleUpdateResponse));
    }

    [Fact]
    public void The_documented_response_reads_into_typed_values()
    {
        Example example = JsonSerializer.Deserialize(Seed, ScenarioJsonContext.Default.ExampleListResponse)!.Examples[0];

        Assert.True(example.Asset.Kind == AssetKind._3d);
        Assert.True(example.Asset.Metadata.Type == AssetType._3dTexture);
        Assert.True(example.Asset.EditCapabilities[0] == EditCapability.Detection);
        Assert.True(example.Job!.JobType == JobType.AssetsDownload);
        Assert.True(example.Job.Status == JobStatus.Canceled);
        Assert.Equal(-2, example.Asset.Metadata.Concepts![0].Scale);
        Assert.Equal(0, example.Asset.Metadata.Contours![0][0][0][0]);
        FlowNodeInput input = example.Job.Metadata.Flow![0].Inputs![0];
        Assert.True(input.Items![0][0].Kind == AssetKind._3d);
        Assert.Equal(JsonValueKind.Object, input.Default!.Value.ValueKind);
        Assert.True(example.Job.Metadata.Flow[0].IncludeOutputsInWorkflowJob);
    }

    [Fact]
    public void Unknown_enum_values_and_properties_at_every_level_round_trip_unchanged()
    {
        JsonNode root = JsonNode.Parse(Seed)!;
        JsonNode example = root["examples"]![0]!;
        example["asset"]!["kind"] = "hologram";
        example["asset"]!["metadata"]!["type"] = "txt2hologram";
        example["asset"]!["metadata"]!["modelType"] = "flux.3-ultra";
        example["asset"]!["editCapabilities"]!.AsArray().Add("TELEPORT");
        example["asset"]!["sparkles"] = new JsonObject { ["count"] = 3, ["colors"] = new JsonArray("gold", null) };
        example["job"]!["jobType"] = "hologram-training";
        example["job"]!["status"] = "paused";
        example["job"]!["metadata"]!["flow"]![0]!["type"] = "quantum";
        example["job"]!["metadata"]!["flow"]![0]!["inputs"]![0]!["items"]![0]![0]!["type"] = "tensor";
        example["job"]!["metadata"]!["flow"]![0]!["inputs"]![0]!["futureField"] = 1.5e300;
        root["nextPage"] = "cursor_2";
        string json = root.ToJsonString();

        ExampleListResponse list = JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.ExampleListResponse)!;

        Asset asset = list.Examples[0].Asset;
        Assert.False(asset.Kind.IsKnown);
        Assert.Equal("hologram", asset.Kind.ToString());
        Assert.False(asset.Kind == AssetKind.Image);
        Assert.False(asset.Metadata.ModelType!.Value.IsKnown);
        Assert.False(asset.EditCapabilities[^1].IsKnown);
        Assert.True(asset.EditCapabilities[0] == EditCapability.Detection);
        Assert.Equal(3, asset.ExtensionData!["sparkles"].GetProperty("count").GetInt32());
        Assert.Equal("paused", list.Examples[0].Job!.Status.WireValue);
        Assert.Equal("cursor_2", list.ExtensionData!["nextPage"].GetString());
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(list, ScenarioJsonContext.Default.ExampleListResponse));
    }

    [Fact]
    public void The_seed_is_a_string_or_a_number_and_keeps_its_form()
    {
        JsonNode root = JsonNode.Parse(Seed)!;
        root["examples"]![0]!["asset"]!["metadata"]!["seed"] = 1234567890123;
        root["examples"]![0]!["inferenceParameters"]!["seed"] = "42";
        string json = root.ToJsonString();

        ExampleListResponse list = JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.ExampleListResponse)!;

        Assert.True(list.Examples[0].Asset.Metadata.Seed!.Value.IsNumber);
        Assert.True(list.Examples[0].InferenceParameters!.Seed!.Value.IsString);
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(list, ScenarioJsonContext.Default.ExampleListResponse));
    }

    [Fact]
    public void A_job_error_may_be_null_and_stays_null()
    {
        JsonNode root = JsonNode.Parse(Seed)!;
        root["examples"]![0]!["job"]!["metadata"]!["error"] = null;
        string json = root.ToJsonString();

        ExampleListResponse list = JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.ExampleListResponse)!;

        Assert.Null(list.Examples[0].Job!.Metadata.Error);
        Assert.Contains("\"error\":null", JsonSerializer.Serialize(list, ScenarioJsonContext.Default.ExampleListResponse), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_field_deep_in_the_response_names_its_path()
    {
        JsonNode root = JsonNode.Parse(Seed)!;
        root["examples"]![0]!["job"]!["statusHistory"]![0]!.AsObject().Remove("date");

        JsonException failure = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(root.ToJsonString(), ScenarioJsonContext.Default.ExampleListResponse));

        Assert.Equal("$.examples[0].job.statusHistory[0].date", failure.Path);
    }

    [Fact]
    public void Deprecated_fields_are_marked_obsolete()
    {
        var property = typeof(AssetMetadata).GetProperty(nameof(AssetMetadata.Width))!;
        var deprecated = typeof(AssetMetadata).GetProperty("HorizontalExpansionRatio")!;

        Assert.Empty(property.GetCustomAttributes(typeof(ObsoleteAttribute), false));
        Assert.Single(deprecated.GetCustomAttributes(typeof(ObsoleteAttribute), false));
    }
}

// The peers of the generated models, written as a user of System.Text.Json or Newtonsoft.Json would write them:
// plain classes, strings for enums, object for values of several types. Same shapes as schema/scenario.schema.json.
#nullable disable
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Newtonsoft.Json;

namespace Scenario.Benchmarks.Peers;

public sealed class PeerExampleListResponse
{
    [JsonPropertyName("examples")]
    [JsonProperty("examples", NullValueHandling = NullValueHandling.Ignore)]
    public List<PeerExample> Examples { get; set; }
}

public sealed class PeerExampleUpdateResponse
{
    [JsonPropertyName("examples")]
    [JsonProperty("examples", NullValueHandling = NullValueHandling.Ignore)]
    public List<PeerExample> Examples { get; set; }
}

public sealed class PeerExample
{
    [JsonPropertyName("asset")]
    [JsonProperty("asset", NullValueHandling = NullValueHandling.Ignore)]
    public PeerAsset Asset { get; set; }

    [JsonPropertyName("modelId")]
    [JsonProperty("modelId", NullValueHandling = NullValueHandling.Ignore)]
    public string ModelId { get; set; }

    [JsonPropertyName("inferenceId")]
    [JsonProperty("inferenceId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string InferenceId { get; set; }

    [JsonPropertyName("inferenceParameters")]
    [JsonProperty("inferenceParameters", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PeerInferenceParameters InferenceParameters { get; set; }

    [JsonPropertyName("job")]
    [JsonProperty("job", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PeerJob Job { get; set; }
}

public sealed class PeerAsset
{
    [JsonPropertyName("id")]
    [JsonProperty("id", NullValueHandling = NullValueHandling.Ignore)]
    public string Id { get; set; }

    [JsonPropertyName("authorId")]
    [JsonProperty("authorId", NullValueHandling = NullValueHandling.Ignore)]
    public string AuthorId { get; set; }

    [JsonPropertyName("collectionIds")]
    [JsonProperty("collectionIds", NullValueHandling = NullValueHandling.Ignore)]
    public List<string> CollectionIds { get; set; }

    [JsonPropertyName("createdAt")]
    [JsonProperty("createdAt", NullValueHandling = NullValueHandling.Ignore)]
    public string CreatedAt { get; set; }

    [JsonPropertyName("editCapabilities")]
    [JsonProperty("editCapabilities", NullValueHandling = NullValueHandling.Ignore)]
    public List<string> EditCapabilities { get; set; }

    [JsonPropertyName("kind")]
    [JsonProperty("kind", NullValueHandling = NullValueHandling.Ignore)]
    public string Kind { get; set; }

    [JsonPropertyName("metadata")]
    [JsonProperty("metadata", NullValueHandling = NullValueHandling.Ignore)]
    public PeerAssetMetadata Metadata { get; set; }

    [JsonPropertyName("mimeType")]
    [JsonProperty("mimeType", NullValueHandling = NullValueHandling.Ignore)]
    public string MimeType { get; set; }

    [JsonPropertyName("ownerId")]
    [JsonProperty("ownerId", NullValueHandling = NullValueHandling.Ignore)]
    public string OwnerId { get; set; }

    [JsonPropertyName("privacy")]
    [JsonProperty("privacy", NullValueHandling = NullValueHandling.Ignore)]
    public string Privacy { get; set; }

    [JsonPropertyName("properties")]
    [JsonProperty("properties", NullValueHandling = NullValueHandling.Ignore)]
    public PeerAssetProperties Properties { get; set; }

    [JsonPropertyName("source")]
    [JsonProperty("source", NullValueHandling = NullValueHandling.Ignore)]
    public string Source { get; set; }

    [JsonPropertyName("status")]
    [JsonProperty("status", NullValueHandling = NullValueHandling.Ignore)]
    public string Status { get; set; }

    [JsonPropertyName("tags")]
    [JsonProperty("tags", NullValueHandling = NullValueHandling.Ignore)]
    public List<string> Tags { get; set; }

    [JsonPropertyName("updatedAt")]
    [JsonProperty("updatedAt", NullValueHandling = NullValueHandling.Ignore)]
    public string UpdatedAt { get; set; }

    [JsonPropertyName("url")]
    [JsonProperty("url", NullValueHandling = NullValueHandling.Ignore)]
    public string Url { get; set; }

    [JsonPropertyName("automaticCaptioning")]
    [JsonProperty("automaticCaptioning", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string AutomaticCaptioning { get; set; }

    [JsonPropertyName("description")]
    [JsonProperty("description", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Description { get; set; }

    [JsonPropertyName("embedding")]
    [JsonProperty("embedding", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<double> Embedding { get; set; }

    [JsonPropertyName("firstFrame")]
    [JsonProperty("firstFrame", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PeerAssetFileRef FirstFrame { get; set; }

    [JsonPropertyName("isHidden")]
    [JsonProperty("isHidden", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IsHidden { get; set; }

    [JsonPropertyName("lastFrame")]
    [JsonProperty("lastFrame", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PeerAssetFileRef LastFrame { get; set; }

    [JsonPropertyName("nsfw")]
    [JsonProperty("nsfw", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string> Nsfw { get; set; }

    [JsonPropertyName("originalFileUrl")]
    [JsonProperty("originalFileUrl", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string OriginalFileUrl { get; set; }

    [JsonPropertyName("outputIndex")]
    [JsonProperty("outputIndex", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? OutputIndex { get; set; }

    [JsonPropertyName("preview")]
    [JsonProperty("preview", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PeerAssetFileRef Preview { get; set; }

    [JsonPropertyName("thumbnail")]
    [JsonProperty("thumbnail", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PeerAssetFileRef Thumbnail { get; set; }
}

public sealed class PeerAssetMetadata
{
    [JsonPropertyName("kind")]
    [JsonProperty("kind", NullValueHandling = NullValueHandling.Ignore)]
    public string Kind { get; set; }

    [JsonPropertyName("type")]
    [JsonProperty("type", NullValueHandling = NullValueHandling.Ignore)]
    public string Type { get; set; }

    [JsonPropertyName("angular")]
    [JsonProperty("angular", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Angular { get; set; }

    [JsonPropertyName("aspectRatio")]
    [JsonProperty("aspectRatio", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string AspectRatio { get; set; }

    [JsonPropertyName("backgroundOpacity")]
    [JsonProperty("backgroundOpacity", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? BackgroundOpacity { get; set; }

    [JsonPropertyName("baseModelId")]
    [JsonProperty("baseModelId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string BaseModelId { get; set; }

    [JsonPropertyName("bbox")]
    [JsonProperty("bbox", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<double> Bbox { get; set; }

    [JsonPropertyName("betterQuality")]
    [JsonProperty("betterQuality", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? BetterQuality { get; set; }

    [JsonPropertyName("cannyStructureImage")]
    [JsonProperty("cannyStructureImage", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string CannyStructureImage { get; set; }

    [JsonPropertyName("clustering")]
    [JsonProperty("clustering", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Clustering { get; set; }

    [JsonPropertyName("colorCorrection")]
    [JsonProperty("colorCorrection", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ColorCorrection { get; set; }

    [JsonPropertyName("colorMode")]
    [JsonProperty("colorMode", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string ColorMode { get; set; }

    [JsonPropertyName("colorPrecision")]
    [JsonProperty("colorPrecision", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ColorPrecision { get; set; }

    [JsonPropertyName("concepts")]
    [JsonProperty("concepts", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<PeerConcept> Concepts { get; set; }

    [JsonPropertyName("contours")]
    [JsonProperty("contours", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<List<List<List<double>>>> Contours { get; set; }

    [JsonPropertyName("controlEnd")]
    [JsonProperty("controlEnd", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ControlEnd { get; set; }

    [JsonPropertyName("copiedAt")]
    [JsonProperty("copiedAt", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string CopiedAt { get; set; }

    [JsonPropertyName("cornerThreshold")]
    [JsonProperty("cornerThreshold", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? CornerThreshold { get; set; }

    [JsonPropertyName("creativity")]
    [JsonProperty("creativity", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Creativity { get; set; }

    [JsonPropertyName("creativityDecay")]
    [JsonProperty("creativityDecay", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? CreativityDecay { get; set; }

    [JsonPropertyName("defaultParameters")]
    [JsonProperty("defaultParameters", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? DefaultParameters { get; set; }

    [JsonPropertyName("depthFidelity")]
    [JsonProperty("depthFidelity", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? DepthFidelity { get; set; }

    [JsonPropertyName("depthImage")]
    [JsonProperty("depthImage", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string DepthImage { get; set; }

    [JsonPropertyName("detailsLevel")]
    [JsonProperty("detailsLevel", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? DetailsLevel { get; set; }

    [JsonPropertyName("dilate")]
    [JsonProperty("dilate", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Dilate { get; set; }

    [JsonPropertyName("factor")]
    [JsonProperty("factor", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Factor { get; set; }

    [JsonPropertyName("filterSpeckle")]
    [JsonProperty("filterSpeckle", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? FilterSpeckle { get; set; }

    [JsonPropertyName("fractality")]
    [JsonProperty("fractality", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Fractality { get; set; }

    [JsonPropertyName("geometryEnforcement")]
    [JsonProperty("geometryEnforcement", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? GeometryEnforcement { get; set; }

    [JsonPropertyName("guidance")]
    [JsonProperty("guidance", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Guidance { get; set; }

    [JsonPropertyName("halfMode")]
    [JsonProperty("halfMode", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? HalfMode { get; set; }

    [JsonPropertyName("hdr")]
    [JsonProperty("hdr", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Hdr { get; set; }

    [JsonPropertyName("height")]
    [JsonProperty("height", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Height { get; set; }

    [JsonPropertyName("highThreshold")]
    [JsonProperty("highThreshold", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? HighThreshold { get; set; }

    [JsonPropertyName("horizontalExpansionRatio")]
    [JsonProperty("horizontalExpansionRatio", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? HorizontalExpansionRatio { get; set; }

    [JsonPropertyName("image")]
    [JsonProperty("image", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Image { get; set; }

    [JsonPropertyName("imageFidelity")]
    [JsonProperty("imageFidelity", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ImageFidelity { get; set; }

    [JsonPropertyName("imageType")]
    [JsonProperty("imageType", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string ImageType { get; set; }

    [JsonPropertyName("inferenceId")]
    [JsonProperty("inferenceId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string InferenceId { get; set; }

    [JsonPropertyName("inputFidelity")]
    [JsonProperty("inputFidelity", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string InputFidelity { get; set; }

    [JsonPropertyName("inputLocation")]
    [JsonProperty("inputLocation", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string InputLocation { get; set; }

    [JsonPropertyName("invert")]
    [JsonProperty("invert", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Invert { get; set; }

    [JsonPropertyName("keypointThreshold")]
    [JsonProperty("keypointThreshold", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? KeypointThreshold { get; set; }

    [JsonPropertyName("layerDifference")]
    [JsonProperty("layerDifference", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? LayerDifference { get; set; }

    [JsonPropertyName("lengthThreshold")]
    [JsonProperty("lengthThreshold", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? LengthThreshold { get; set; }

    [JsonPropertyName("lockExpiresAt")]
    [JsonProperty("lockExpiresAt", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string LockExpiresAt { get; set; }

    [JsonPropertyName("lowThreshold")]
    [JsonProperty("lowThreshold", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? LowThreshold { get; set; }

    [JsonPropertyName("mask")]
    [JsonProperty("mask", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Mask { get; set; }

    [JsonPropertyName("maxIterations")]
    [JsonProperty("maxIterations", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxIterations { get; set; }

    [JsonPropertyName("maxThreshold")]
    [JsonProperty("maxThreshold", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? MaxThreshold { get; set; }

    [JsonPropertyName("minThreshold")]
    [JsonProperty("minThreshold", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? MinThreshold { get; set; }

    [JsonPropertyName("modality")]
    [JsonProperty("modality", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Modality { get; set; }

    [JsonPropertyName("mode")]
    [JsonProperty("mode", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Mode { get; set; }

    [JsonPropertyName("modelId")]
    [JsonProperty("modelId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string ModelId { get; set; }

    [JsonPropertyName("modelType")]
    [JsonProperty("modelType", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string ModelType { get; set; }

    [JsonPropertyName("name")]
    [JsonProperty("name", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Name { get; set; }

    [JsonPropertyName("nbMasks")]
    [JsonProperty("nbMasks", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? NbMasks { get; set; }

    [JsonPropertyName("negativePrompt")]
    [JsonProperty("negativePrompt", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string NegativePrompt { get; set; }

    [JsonPropertyName("negativePromptStrength")]
    [JsonProperty("negativePromptStrength", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? NegativePromptStrength { get; set; }

    [JsonPropertyName("numInferenceSteps")]
    [JsonProperty("numInferenceSteps", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? NumInferenceSteps { get; set; }

    [JsonPropertyName("numOutputs")]
    [JsonProperty("numOutputs", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? NumOutputs { get; set; }

    [JsonPropertyName("originalAssetId")]
    [JsonProperty("originalAssetId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string OriginalAssetId { get; set; }

    [JsonPropertyName("outputIndex")]
    [JsonProperty("outputIndex", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? OutputIndex { get; set; }

    [JsonPropertyName("overlapPercentage")]
    [JsonProperty("overlapPercentage", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? OverlapPercentage { get; set; }

    [JsonPropertyName("overrideEmbeddings")]
    [JsonProperty("overrideEmbeddings", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? OverrideEmbeddings { get; set; }

    [JsonPropertyName("parentId")]
    [JsonProperty("parentId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string ParentId { get; set; }

    [JsonPropertyName("parentJobId")]
    [JsonProperty("parentJobId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string ParentJobId { get; set; }

    [JsonPropertyName("pathPrecision")]
    [JsonProperty("pathPrecision", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? PathPrecision { get; set; }

    [JsonPropertyName("points")]
    [JsonProperty("points", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<List<double>> Points { get; set; }

    [JsonPropertyName("polished")]
    [JsonProperty("polished", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Polished { get; set; }

    [JsonPropertyName("preset")]
    [JsonProperty("preset", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Preset { get; set; }

    [JsonPropertyName("progressPercent")]
    [JsonProperty("progressPercent", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ProgressPercent { get; set; }

    [JsonPropertyName("prompt")]
    [JsonProperty("prompt", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Prompt { get; set; }

    [JsonPropertyName("promptFidelity")]
    [JsonProperty("promptFidelity", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? PromptFidelity { get; set; }

    [JsonPropertyName("raised")]
    [JsonProperty("raised", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Raised { get; set; }

    [JsonPropertyName("referenceImages")]
    [JsonProperty("referenceImages", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string> ReferenceImages { get; set; }

    [JsonPropertyName("refinementSteps")]
    [JsonProperty("refinementSteps", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RefinementSteps { get; set; }

    [JsonPropertyName("removeBackground")]
    [JsonProperty("removeBackground", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? RemoveBackground { get; set; }

    [JsonPropertyName("resizeOption")]
    [JsonProperty("resizeOption", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ResizeOption { get; set; }

    [JsonPropertyName("resultContours")]
    [JsonProperty("resultContours", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ResultContours { get; set; }

    [JsonPropertyName("resultImage")]
    [JsonProperty("resultImage", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ResultImage { get; set; }

    [JsonPropertyName("resultMask")]
    [JsonProperty("resultMask", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ResultMask { get; set; }

    [JsonPropertyName("rootParentId")]
    [JsonProperty("rootParentId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string RootParentId { get; set; }

    [JsonPropertyName("saveFlipbook")]
    [JsonProperty("saveFlipbook", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? SaveFlipbook { get; set; }

    [JsonPropertyName("scalingFactor")]
    [JsonProperty("scalingFactor", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ScalingFactor { get; set; }

    [JsonPropertyName("scheduler")]
    [JsonProperty("scheduler", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Scheduler { get; set; }

    [JsonPropertyName("seed")]
    [JsonProperty("seed", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public object Seed { get; set; }

    [JsonPropertyName("sharpen")]
    [JsonProperty("sharpen", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Sharpen { get; set; }

    [JsonPropertyName("shiny")]
    [JsonProperty("shiny", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Shiny { get; set; }

    [JsonPropertyName("size")]
    [JsonProperty("size", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Size { get; set; }

    [JsonPropertyName("sketch")]
    [JsonProperty("sketch", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Sketch { get; set; }

    [JsonPropertyName("sourceProjectId")]
    [JsonProperty("sourceProjectId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string SourceProjectId { get; set; }

    [JsonPropertyName("spliceThreshold")]
    [JsonProperty("spliceThreshold", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? SpliceThreshold { get; set; }

    [JsonPropertyName("strength")]
    [JsonProperty("strength", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Strength { get; set; }

    [JsonPropertyName("structureFidelity")]
    [JsonProperty("structureFidelity", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? StructureFidelity { get; set; }

    [JsonPropertyName("structureImage")]
    [JsonProperty("structureImage", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string StructureImage { get; set; }

    [JsonPropertyName("style")]
    [JsonProperty("style", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Style { get; set; }

    [JsonPropertyName("styleFidelity")]
    [JsonProperty("styleFidelity", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? StyleFidelity { get; set; }

    [JsonPropertyName("styleImages")]
    [JsonProperty("styleImages", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string> StyleImages { get; set; }

    [JsonPropertyName("styleImagesFidelity")]
    [JsonProperty("styleImagesFidelity", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? StyleImagesFidelity { get; set; }

    [JsonPropertyName("targetHeight")]
    [JsonProperty("targetHeight", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TargetHeight { get; set; }

    [JsonPropertyName("targetWidth")]
    [JsonProperty("targetWidth", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TargetWidth { get; set; }

    [JsonPropertyName("text")]
    [JsonProperty("text", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Text { get; set; }

    [JsonPropertyName("texture")]
    [JsonProperty("texture", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Texture { get; set; }

    [JsonPropertyName("thumbnail")]
    [JsonProperty("thumbnail", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PeerCanvasThumbnail Thumbnail { get; set; }

    [JsonPropertyName("tileStyle")]
    [JsonProperty("tileStyle", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? TileStyle { get; set; }

    [JsonPropertyName("trainingImage")]
    [JsonProperty("trainingImage", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? TrainingImage { get; set; }

    [JsonPropertyName("verticalExpansionRatio")]
    [JsonProperty("verticalExpansionRatio", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? VerticalExpansionRatio { get; set; }

    [JsonPropertyName("width")]
    [JsonProperty("width", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Width { get; set; }
}

public sealed class PeerConcept
{
    [JsonPropertyName("modelId")]
    [JsonProperty("modelId", NullValueHandling = NullValueHandling.Ignore)]
    public string ModelId { get; set; }

    [JsonPropertyName("scale")]
    [JsonProperty("scale", NullValueHandling = NullValueHandling.Ignore)]
    public double Scale { get; set; }

    [JsonPropertyName("modelEpoch")]
    [JsonProperty("modelEpoch", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string ModelEpoch { get; set; }
}

public sealed class PeerCanvasThumbnail
{
    [JsonPropertyName("assetId")]
    [JsonProperty("assetId", NullValueHandling = NullValueHandling.Ignore)]
    public string AssetId { get; set; }

    [JsonPropertyName("url")]
    [JsonProperty("url", NullValueHandling = NullValueHandling.Ignore)]
    public string Url { get; set; }
}

public sealed class PeerAssetProperties
{
    [JsonPropertyName("size")]
    [JsonProperty("size", NullValueHandling = NullValueHandling.Ignore)]
    public long Size { get; set; }

    [JsonPropertyName("animationFrameCount")]
    [JsonProperty("animationFrameCount", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? AnimationFrameCount { get; set; }

    [JsonPropertyName("bitrate")]
    [JsonProperty("bitrate", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Bitrate { get; set; }

    [JsonPropertyName("boneCount")]
    [JsonProperty("boneCount", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? BoneCount { get; set; }

    [JsonPropertyName("channels")]
    [JsonProperty("channels", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Channels { get; set; }

    [JsonPropertyName("classification")]
    [JsonProperty("classification", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Classification { get; set; }

    [JsonPropertyName("codecName")]
    [JsonProperty("codecName", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string CodecName { get; set; }

    [JsonPropertyName("description")]
    [JsonProperty("description", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Description { get; set; }

    [JsonPropertyName("dimensions")]
    [JsonProperty("dimensions", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<double> Dimensions { get; set; }

    [JsonPropertyName("duration")]
    [JsonProperty("duration", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Duration { get; set; }

    [JsonPropertyName("faceCount")]
    [JsonProperty("faceCount", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? FaceCount { get; set; }

    [JsonPropertyName("format")]
    [JsonProperty("format", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Format { get; set; }

    [JsonPropertyName("frameRate")]
    [JsonProperty("frameRate", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? FrameRate { get; set; }

    [JsonPropertyName("hasAnimations")]
    [JsonProperty("hasAnimations", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? HasAnimations { get; set; }

    [JsonPropertyName("hasNormals")]
    [JsonProperty("hasNormals", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? HasNormals { get; set; }

    [JsonPropertyName("hasSkeleton")]
    [JsonProperty("hasSkeleton", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? HasSkeleton { get; set; }

    [JsonPropertyName("hasUVs")]
    [JsonProperty("hasUVs", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? HasUVs { get; set; }

    [JsonPropertyName("height")]
    [JsonProperty("height", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Height { get; set; }

    [JsonPropertyName("nbFrames")]
    [JsonProperty("nbFrames", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? NbFrames { get; set; }

    [JsonPropertyName("sampleRate")]
    [JsonProperty("sampleRate", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? SampleRate { get; set; }

    [JsonPropertyName("transcription")]
    [JsonProperty("transcription", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PeerAudioTranscription Transcription { get; set; }

    [JsonPropertyName("vertexCount")]
    [JsonProperty("vertexCount", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? VertexCount { get; set; }

    [JsonPropertyName("width")]
    [JsonProperty("width", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Width { get; set; }
}

public sealed class PeerAudioTranscription
{
    [JsonPropertyName("text")]
    [JsonProperty("text", NullValueHandling = NullValueHandling.Ignore)]
    public string Text { get; set; }
}

public sealed class PeerAssetFileRef
{
    [JsonPropertyName("assetId")]
    [JsonProperty("assetId", NullValueHandling = NullValueHandling.Ignore)]
    public string AssetId { get; set; }

    [JsonPropertyName("url")]
    [JsonProperty("url", NullValueHandling = NullValueHandling.Ignore)]
    public string Url { get; set; }
}

public sealed class PeerInferenceParameters
{
    [JsonPropertyName("prompt")]
    [JsonProperty("prompt", NullValueHandling = NullValueHandling.Ignore)]
    public string Prompt { get; set; }

    [JsonPropertyName("type")]
    [JsonProperty("type", NullValueHandling = NullValueHandling.Ignore)]
    public string Type { get; set; }

    [JsonPropertyName("aspectRatio")]
    [JsonProperty("aspectRatio", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string AspectRatio { get; set; }

    [JsonPropertyName("baseModelId")]
    [JsonProperty("baseModelId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string BaseModelId { get; set; }

    [JsonPropertyName("concepts")]
    [JsonProperty("concepts", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<PeerConcept> Concepts { get; set; }

    [JsonPropertyName("controlEnd")]
    [JsonProperty("controlEnd", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ControlEnd { get; set; }

    [JsonPropertyName("controlImage")]
    [JsonProperty("controlImage", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string ControlImage { get; set; }

    [JsonPropertyName("controlImageId")]
    [JsonProperty("controlImageId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string ControlImageId { get; set; }

    [JsonPropertyName("controlStart")]
    [JsonProperty("controlStart", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ControlStart { get; set; }

    [JsonPropertyName("disableMerging")]
    [JsonProperty("disableMerging", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? DisableMerging { get; set; }

    [JsonPropertyName("disableModalityDetection")]
    [JsonProperty("disableModalityDetection", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? DisableModalityDetection { get; set; }

    [JsonPropertyName("guidance")]
    [JsonProperty("guidance", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Guidance { get; set; }

    [JsonPropertyName("height")]
    [JsonProperty("height", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Height { get; set; }

    [JsonPropertyName("hideResults")]
    [JsonProperty("hideResults", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? HideResults { get; set; }

    [JsonPropertyName("image")]
    [JsonProperty("image", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Image { get; set; }

    [JsonPropertyName("imageId")]
    [JsonProperty("imageId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string ImageId { get; set; }

    [JsonPropertyName("intermediateImages")]
    [JsonProperty("intermediateImages", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IntermediateImages { get; set; }

    [JsonPropertyName("ipAdapterImage")]
    [JsonProperty("ipAdapterImage", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string IpAdapterImage { get; set; }

    [JsonPropertyName("ipAdapterImageId")]
    [JsonProperty("ipAdapterImageId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string IpAdapterImageId { get; set; }

    [JsonPropertyName("ipAdapterImageIds")]
    [JsonProperty("ipAdapterImageIds", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string> IpAdapterImageIds { get; set; }

    [JsonPropertyName("ipAdapterImages")]
    [JsonProperty("ipAdapterImages", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string> IpAdapterImages { get; set; }

    [JsonPropertyName("ipAdapterScale")]
    [JsonProperty("ipAdapterScale", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? IpAdapterScale { get; set; }

    [JsonPropertyName("ipAdapterScales")]
    [JsonProperty("ipAdapterScales", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<double> IpAdapterScales { get; set; }

    [JsonPropertyName("ipAdapterType")]
    [JsonProperty("ipAdapterType", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string IpAdapterType { get; set; }

    [JsonPropertyName("mask")]
    [JsonProperty("mask", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Mask { get; set; }

    [JsonPropertyName("maskId")]
    [JsonProperty("maskId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string MaskId { get; set; }

    [JsonPropertyName("modality")]
    [JsonProperty("modality", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Modality { get; set; }

    [JsonPropertyName("modelEpoch")]
    [JsonProperty("modelEpoch", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string ModelEpoch { get; set; }

    [JsonPropertyName("negativePrompt")]
    [JsonProperty("negativePrompt", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string NegativePrompt { get; set; }

    [JsonPropertyName("negativePromptStrength")]
    [JsonProperty("negativePromptStrength", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? NegativePromptStrength { get; set; }

    [JsonPropertyName("numInferenceSteps")]
    [JsonProperty("numInferenceSteps", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? NumInferenceSteps { get; set; }

    [JsonPropertyName("numSamples")]
    [JsonProperty("numSamples", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? NumSamples { get; set; }

    [JsonPropertyName("referenceAdain")]
    [JsonProperty("referenceAdain", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ReferenceAdain { get; set; }

    [JsonPropertyName("referenceAttn")]
    [JsonProperty("referenceAttn", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ReferenceAttn { get; set; }

    [JsonPropertyName("scheduler")]
    [JsonProperty("scheduler", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Scheduler { get; set; }

    [JsonPropertyName("seed")]
    [JsonProperty("seed", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public object Seed { get; set; }

    [JsonPropertyName("strength")]
    [JsonProperty("strength", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Strength { get; set; }

    [JsonPropertyName("styleFidelity")]
    [JsonProperty("styleFidelity", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? StyleFidelity { get; set; }

    [JsonPropertyName("width")]
    [JsonProperty("width", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Width { get; set; }
}

public sealed class PeerJob
{
    [JsonPropertyName("createdAt")]
    [JsonProperty("createdAt", NullValueHandling = NullValueHandling.Ignore)]
    public string CreatedAt { get; set; }

    [JsonPropertyName("jobId")]
    [JsonProperty("jobId", NullValueHandling = NullValueHandling.Ignore)]
    public string JobId { get; set; }

    [JsonPropertyName("jobType")]
    [JsonProperty("jobType", NullValueHandling = NullValueHandling.Ignore)]
    public string JobType { get; set; }

    [JsonPropertyName("metadata")]
    [JsonProperty("metadata", NullValueHandling = NullValueHandling.Ignore)]
    public PeerJobMetadata Metadata { get; set; }

    [JsonPropertyName("progress")]
    [JsonProperty("progress", NullValueHandling = NullValueHandling.Ignore)]
    public double Progress { get; set; }

    [JsonPropertyName("status")]
    [JsonProperty("status", NullValueHandling = NullValueHandling.Ignore)]
    public string Status { get; set; }

    [JsonPropertyName("statusHistory")]
    [JsonProperty("statusHistory", NullValueHandling = NullValueHandling.Ignore)]
    public List<PeerJobStatusHistoryEntry> StatusHistory { get; set; }

    [JsonPropertyName("updatedAt")]
    [JsonProperty("updatedAt", NullValueHandling = NullValueHandling.Ignore)]
    public string UpdatedAt { get; set; }

    [JsonPropertyName("authorId")]
    [JsonProperty("authorId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string AuthorId { get; set; }

    [JsonPropertyName("billing")]
    [JsonProperty("billing", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PeerBilling Billing { get; set; }

    [JsonPropertyName("ownerId")]
    [JsonProperty("ownerId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string OwnerId { get; set; }
}

public sealed class PeerJobMetadata
{
    [JsonPropertyName("assetIds")]
    [JsonProperty("assetIds", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string> AssetIds { get; set; }

    [JsonPropertyName("error")]
    [JsonProperty("error", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Error { get; set; }

    [JsonPropertyName("flow")]
    [JsonProperty("flow", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<PeerFlowNode> Flow { get; set; }

    [JsonPropertyName("hint")]
    [JsonProperty("hint", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Hint { get; set; }

    [JsonPropertyName("input")]
    [JsonProperty("input", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, object> Input { get; set; }

    [JsonPropertyName("output")]
    [JsonProperty("output", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, object> Output { get; set; }

    [JsonPropertyName("outputModelId")]
    [JsonProperty("outputModelId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string OutputModelId { get; set; }

    [JsonPropertyName("workflowId")]
    [JsonProperty("workflowId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string WorkflowId { get; set; }

    [JsonPropertyName("workflowJobId")]
    [JsonProperty("workflowJobId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string WorkflowJobId { get; set; }
}

public sealed class PeerFlowNode
{
    [JsonPropertyName("id")]
    [JsonProperty("id", NullValueHandling = NullValueHandling.Ignore)]
    public string Id { get; set; }

    [JsonPropertyName("status")]
    [JsonProperty("status", NullValueHandling = NullValueHandling.Ignore)]
    public string Status { get; set; }

    [JsonPropertyName("type")]
    [JsonProperty("type", NullValueHandling = NullValueHandling.Ignore)]
    public string Type { get; set; }

    [JsonPropertyName("assets")]
    [JsonProperty("assets", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<PeerAssetFileRef> Assets { get; set; }

    [JsonPropertyName("count")]
    [JsonProperty("count", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Count { get; set; }

    [JsonPropertyName("dependsOn")]
    [JsonProperty("dependsOn", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string> DependsOn { get; set; }

    [JsonPropertyName("includeOutputsInWorkflowJob")]
    [JsonProperty("includeOutputsInWorkflowJob", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IncludeOutputsInWorkflowJob { get; set; }

    [JsonPropertyName("inputs")]
    [JsonProperty("inputs", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<PeerFlowNodeInput> Inputs { get; set; }

    [JsonPropertyName("items")]
    [JsonProperty("items", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<object> Items { get; set; }

    [JsonPropertyName("iterationIndex")]
    [JsonProperty("iterationIndex", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? IterationIndex { get; set; }

    [JsonPropertyName("jobId")]
    [JsonProperty("jobId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string JobId { get; set; }

    [JsonPropertyName("logic")]
    [JsonProperty("logic", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PeerLogic Logic { get; set; }

    [JsonPropertyName("logicType")]
    [JsonProperty("logicType", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string LogicType { get; set; }

    [JsonPropertyName("loopBodyNodeIds")]
    [JsonProperty("loopBodyNodeIds", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string> LoopBodyNodeIds { get; set; }

    [JsonPropertyName("loopNodeId")]
    [JsonProperty("loopNodeId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string LoopNodeId { get; set; }

    [JsonPropertyName("modelId")]
    [JsonProperty("modelId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string ModelId { get; set; }

    [JsonPropertyName("output")]
    [JsonProperty("output", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public object Output { get; set; }

    [JsonPropertyName("workflowId")]
    [JsonProperty("workflowId", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string WorkflowId { get; set; }
}

public sealed class PeerFlowNodeInput
{
    [JsonPropertyName("name")]
    [JsonProperty("name", NullValueHandling = NullValueHandling.Ignore)]
    public string Name { get; set; }

    [JsonPropertyName("type")]
    [JsonProperty("type", NullValueHandling = NullValueHandling.Ignore)]
    public string Type { get; set; }

    [JsonPropertyName("allowedValues")]
    [JsonProperty("allowedValues", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<object> AllowedValues { get; set; }

    [JsonPropertyName("backgroundBehavior")]
    [JsonProperty("backgroundBehavior", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string BackgroundBehavior { get; set; }

    [JsonPropertyName("color")]
    [JsonProperty("color", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Color { get; set; }

    [JsonPropertyName("costImpact")]
    [JsonProperty("costImpact", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? CostImpact { get; set; }

    [JsonPropertyName("default")]
    [JsonProperty("default", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public object Default { get; set; }

    [JsonPropertyName("description")]
    [JsonProperty("description", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Description { get; set; }

    [JsonPropertyName("group")]
    [JsonProperty("group", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Group { get; set; }

    [JsonPropertyName("hint")]
    [JsonProperty("hint", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Hint { get; set; }

    [JsonPropertyName("inputs")]
    [JsonProperty("inputs", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<Dictionary<string, object>> Inputs { get; set; }

    [JsonPropertyName("items")]
    [JsonProperty("items", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<List<PeerFlowNodeInput>> Items { get; set; }

    [JsonPropertyName("kind")]
    [JsonProperty("kind", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Kind { get; set; }

    [JsonPropertyName("label")]
    [JsonProperty("label", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Label { get; set; }

    [JsonPropertyName("maskFrom")]
    [JsonProperty("maskFrom", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string MaskFrom { get; set; }

    [JsonPropertyName("max")]
    [JsonProperty("max", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Max { get; set; }

    [JsonPropertyName("maxLength")]
    [JsonProperty("maxLength", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxLength { get; set; }

    [JsonPropertyName("maxSize")]
    [JsonProperty("maxSize", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? MaxSize { get; set; }

    [JsonPropertyName("min")]
    [JsonProperty("min", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Min { get; set; }

    [JsonPropertyName("minLength")]
    [JsonProperty("minLength", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MinLength { get; set; }

    [JsonPropertyName("modelTypes")]
    [JsonProperty("modelTypes", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string> ModelTypes { get; set; }

    [JsonPropertyName("parent")]
    [JsonProperty("parent", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Parent { get; set; }

    [JsonPropertyName("placeholder")]
    [JsonProperty("placeholder", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Placeholder { get; set; }

    [JsonPropertyName("prompt")]
    [JsonProperty("prompt", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Prompt { get; set; }

    [JsonPropertyName("promptSpark")]
    [JsonProperty("promptSpark", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? PromptSpark { get; set; }

    [JsonPropertyName("ref")]
    [JsonProperty("ref", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PeerRef Ref { get; set; }

    [JsonPropertyName("required")]
    [JsonProperty("required", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PeerRequired Required { get; set; }

    [JsonPropertyName("step")]
    [JsonProperty("step", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Step { get; set; }

    [JsonPropertyName("value")]
    [JsonProperty("value", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public object Value { get; set; }
}

public sealed class PeerRef
{
    [JsonPropertyName("conditional")]
    [JsonProperty("conditional", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string> Conditional { get; set; }

    [JsonPropertyName("equal")]
    [JsonProperty("equal", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Equal { get; set; }

    [JsonPropertyName("name")]
    [JsonProperty("name", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Name { get; set; }

    [JsonPropertyName("node")]
    [JsonProperty("node", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Node { get; set; }
}

public sealed class PeerRequired
{
    [JsonPropertyName("always")]
    [JsonProperty("always", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Always { get; set; }

    [JsonPropertyName("conditionalValues")]
    [JsonProperty("conditionalValues", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public object ConditionalValues { get; set; }

    [JsonPropertyName("ifDefined")]
    [JsonProperty("ifDefined", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public object IfDefined { get; set; }

    [JsonPropertyName("ifNotDefined")]
    [JsonProperty("ifNotDefined", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public object IfNotDefined { get; set; }
}

public sealed class PeerLogic
{
    [JsonPropertyName("cases")]
    [JsonProperty("cases", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<PeerLogicCase> Cases { get; set; }

    [JsonPropertyName("default")]
    [JsonProperty("default", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Default { get; set; }

    [JsonPropertyName("transform")]
    [JsonProperty("transform", NullValueHandling = NullValueHandling.Ignore)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string Transform { get; set; }
}

public sealed class PeerLogicCase
{
    [JsonPropertyName("condition")]
    [JsonProperty("condition", NullValueHandling = NullValueHandling.Ignore)]
    public string Condition { get; set; }

    [JsonPropertyName("value")]
    [JsonProperty("value", NullValueHandling = NullValueHandling.Ignore)]
    public string Value { get; set; }
}

public sealed class PeerJobStatusHistoryEntry
{
    [JsonPropertyName("date")]
    [JsonProperty("date", NullValueHandling = NullValueHandling.Ignore)]
    public string Date { get; set; }

    [JsonPropertyName("status")]
    [JsonProperty("status", NullValueHandling = NullValueHandling.Ignore)]
    public string Status { get; set; }
}

public sealed class PeerBilling
{
    [JsonPropertyName("cuCost")]
    [JsonProperty("cuCost", NullValueHandling = NullValueHandling.Ignore)]
    public double CuCost { get; set; }

    [JsonPropertyName("cuDiscount")]
    [JsonProperty("cuDiscount", NullValueHandling = NullValueHandling.Ignore)]
    public double CuDiscount { get; set; }
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using Petstore;
using Scenario.Runtime;
using Xunit;

namespace Scenario.Generated.Tests;

/// <summary>A second, unrelated schema: the generator is not tied to Scenario's API.</summary>
public class PetstoreTests
{
    private const string FullPage = """
    {
      "pets": [
        {
          "id": "p1", "name": "Rex", "species": "dog", "status": "sold",
          "ageMonths": 30, "weightKg": 12.5, "vaccinated": true, "microchip": 985112003456789,
          "tags": ["friendly", "large"], "photoSizes": [[640, 480], [1024, 768]],
          "owner": { "name": "Ada", "email": "ada@example.com" },
          "category": { "name": "Mammals", "children": [{ "name": "Dogs", "children": [] }] },
          "attributes": { "colour": "brown" },
          "extra": { "anything": [1, "two", null, { "three": 3 }] },
          "adoptedAt": null,
          "note": "Loves walks",
          "legacyCode": "R-1"
        },
        { "id": "p2", "name": "Tom", "species": "cat", "status": "available", "microchip": "CHIP-0042" }
      ],
      "nextCursor": null,
      "total": 2
    }
    """;

    [Fact]
    public void A_full_page_round_trips_unchanged()
    {
        PetPage page = JsonSerializer.Deserialize(FullPage, PetstoreJsonContext.Default.PetPage)!;

        JsonAssert.Equivalent(FullPage, JsonSerializer.Serialize(page, PetstoreJsonContext.Default.PetPage));
    }

    [Fact]
    public void Typed_values_read_naturally()
    {
        PetPage page = JsonSerializer.Deserialize(FullPage, PetstoreJsonContext.Default.PetPage)!;
        Pet rex = page.Pets[0];

        Assert.Equal("Rex", rex.Name);
        Assert.True(rex.Species == Species.Dog);
        Assert.Equal(PetStatus.Sold, rex.Status.Value);
        Assert.Equal(30, rex.AgeMonths);
        Assert.Equal(12.5, rex.WeightKg);
        Assert.Equal(new[] { 1024, 768 }, rex.PhotoSizes![1]);
        Assert.Equal("Ada", rex.Owner!.Name);
        Assert.Equal("Dogs", rex.Category!.Children![0].Name);
        Assert.Equal("brown", rex.Attributes!["colour"]);
        Assert.Equal(JsonValueKind.Object, rex.Extra!.Value.ValueKind);
        Assert.Null(page.NextCursor);
        Assert.Equal(2L, page.Total);
    }

    [Fact]
    public void A_string_or_number_keeps_its_form_and_exact_text()
    {
        PetPage page = JsonSerializer.Deserialize(FullPage, PetstoreJsonContext.Default.PetPage)!;

        Assert.True(page.Pets[0].Microchip!.Value.IsNumber);
        Assert.Equal("985112003456789", page.Pets[0].Microchip!.Value.Text);
        Assert.True(page.Pets[1].Microchip!.Value.IsString);
        Assert.Equal("CHIP-0042", page.Pets[1].Microchip!.Value.Text);
    }

    [Fact]
    public void Absent_optional_values_stay_absent_and_explicit_nulls_stay_null()
    {
        const string json = """{"id":"p2","name":"Tom","species":"cat","status":"available","adoptedAt":null}""";
        Pet pet = JsonSerializer.Deserialize(json, PetstoreJsonContext.Default.Pet)!;

        string written = JsonSerializer.Serialize(pet, PetstoreJsonContext.Default.Pet);

        JsonAssert.Equivalent(json, written);
        Assert.DoesNotContain("\"note\"", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\"ageMonths\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nullable_optional_set_in_code_is_written_even_when_null()
    {
        var pet = new Pet { Id = "p3", Name = "Kit", Species = Species.Cat, Status = PetStatus.Pending, Note = null };

        string written = JsonSerializer.Serialize(pet, PetstoreJsonContext.Default.Pet);

        JsonAssert.Equivalent("""{"id":"p3","name":"Kit","species":"cat","status":"pending","note":null}""", written);
        Assert.NotEqual(pet, pet with { Note = "x" });
    }

    [Fact]
    public void Unknown_enum_values_and_unknown_properties_round_trip()
    {
        const string json = """{"id":"p4","name":"Zap","species":"axolotl","status":"reserved","color":"pink","genes":{"leucistic":true}}""";

        Pet pet = JsonSerializer.Deserialize(json, PetstoreJsonContext.Default.Pet)!;

        Assert.False(pet.Species.IsKnown);
        Assert.Equal("axolotl", pet.Species.WireValue);
        Assert.False(pet.Species == Species.Dog);
        Assert.False(pet.Species.TryGetValue(out _));
        Assert.Throws<InvalidOperationException>(() => pet.Species.Value);
        Assert.Equal("pink", pet.ExtensionData!["color"].GetString());
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(pet, PetstoreJsonContext.Default.Pet));
    }

    [Fact]
    public void A_schema_value_named_unknown_is_a_known_member()
    {
        Pet pet = JsonSerializer.Deserialize("""{"id":"p","name":"n","species":"unknown","status":"sold"}""", PetstoreJsonContext.Default.Pet)!;

        Assert.True(pet.Species.IsKnown);
        Assert.True(pet.Species == Species.Unknown);
    }

    [Theory]
    [InlineData("""{"pets":[{"id":"p","species":"dog","status":"sold"}],"nextCursor":null}""", "$.pets[0].name", "requires")]
    [InlineData("""{"pets":[],"nextCursor":null,"total":"two"}""", "$.total", "Expected an integer but found a string")]
    [InlineData("""{"pets":[{"id":"p","name":null,"species":"dog","status":"sold"}],"nextCursor":null}""", "$.pets[0].name", "found null")]
    [InlineData("""{"pets":[{"id":"p","name":"n","species":"dog","status":"sold","category":{"name":"a","children":[{"children":[]}]}}],"nextCursor":null}""", "$.pets[0].category.children[0].name", "requires")]
    [InlineData("""{"pets":[{"id":"p","name":"n","species":7,"status":"sold"}],"nextCursor":null}""", "$.pets[0].species", "Expected a string")]
    [InlineData("""{"pets":[{"id":"p","name":"n","species":"dog","status":"sold","photoSizes":[[1,2.5]]}],"nextCursor":null}""", "$.pets[0].photoSizes[0][1]", "32-bit integer")]
    [InlineData("""{"pets":[null],"nextCursor":null}""", "$.pets[0]", "found null")]
    [InlineData("""{"pets":[],"nextCursor":null,"odd key.x":[1,}""", "$['odd key.x']", "")]
    public void Invalid_input_is_a_JsonException_naming_the_path(string json, string path, string reason)
    {
        JsonException failure = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, PetstoreJsonContext.Default.PetPage));

        Assert.Equal(path, failure.Path);
        Assert.Contains(path, failure.Message, StringComparison.Ordinal);
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_property_is_named_with_its_type()
    {
        JsonException failure = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("""{"pets":[]}""", PetstoreJsonContext.Default.PetPage));

        Assert.Equal("The JSON object has no 'nextCursor' property, which PetPage requires. Path: $.nextCursor.", failure.Message);
        Assert.Equal("$.nextCursor", failure.Path);
    }

    [Fact]
    public void Truncated_input_is_a_JsonException()
    {
        string truncated = FullPage.Substring(0, FullPage.Length / 2);

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(truncated, PetstoreJsonContext.Default.PetPage));
    }

    [Fact]
    public void Escaped_property_names_and_values_are_matched()
    {
        Pet pet = JsonSerializer.Deserialize("""{"\u0069d":"p","name":"n","species":"\u0064og","status":"sold"}""", PetstoreJsonContext.Default.Pet)!;

        Assert.Equal("p", pet.Id);
        Assert.True(pet.Species == Species.Dog);
    }

    [Fact]
    public void The_context_serves_every_type_the_records_use()
    {
        var context = PetstoreJsonContext.Default;

        Assert.NotNull(context.GetTypeInfo(typeof(Pet)));
        Assert.NotNull(context.GetTypeInfo(typeof(OpenEnum<Species>)));
        Assert.NotNull(context.GetTypeInfo(typeof(IReadOnlyList<Pet>)));
        Assert.NotNull(context.GetTypeInfo(typeof(IReadOnlyList<IReadOnlyList<int>>)));
        Assert.NotNull(context.GetTypeInfo(typeof(IReadOnlyDictionary<string, string>)));
        Assert.Null(context.GetTypeInfo(typeof(Uri)));

        IReadOnlyList<IReadOnlyList<int>> sizes = JsonSerializer.Deserialize("[[1,2],[3]]", context.IReadOnlyListIReadOnlyListInt32)!;
        Assert.Equal(3, sizes[1][0]);
        Assert.Equal("\"dog\"", JsonSerializer.Serialize<OpenEnum<Species>>(Species.Dog, context.Species));
        Assert.Equal("\"3d-printed\"", JsonSerializer.Serialize(OpenEnum<Species>.FromWireValue("3d-printed"), context.Species));
    }

    [Fact]
    public void Serialization_honours_the_options_indentation()
    {
        var context = new PetstoreJsonContext(new JsonSerializerOptions { WriteIndented = true });
        var category = new Category { Name = "A" };

        Assert.Equal("{\n  \"name\": \"A\"\n}", JsonSerializer.Serialize(category, context.Category).Replace("\r\n", "\n"));
    }

    [Fact]
    public async System.Threading.Tasks.Task Streams_deserialize_asynchronously()
    {
        using var stream = new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(FullPage));

        PetPage page = (await JsonSerializer.DeserializeAsync(stream, PetstoreJsonContext.Default.PetPage))!;

        Assert.Equal(2, page.Pets.Count);
    }
}

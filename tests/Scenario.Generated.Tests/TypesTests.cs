using System;
using System.Collections.Generic;
using System.Text.Json;
using Scenario.Runtime;
using Types;
using Xunit;

namespace Scenario.Generated.Tests;

/// <summary>
/// tests/Schemas/types.schema.json: enums of integers, numbers and mixed values held open, constants, typed maps beside
/// named properties, and tuples, each read, written back exactly, and usable from code.
/// </summary>
public class TypesTests
{
    private const string Full =
        """{"kind":"sensor","version":2,"id":"s1","priority":2,"level":10,"gain":0.5,"mode":"auto","big":5000000000,"location":[4.35,50.85,"Brussels","roof","north"],"range":[1,null],"samples":[1.5,null,2],"readings":{"unit":"C","ch1":21.5,"ch2":19,"x-source":{"vendor":"acme"},"note":"free"},"labels":{"primary":"a","second":"b"},"limits":{"max-temp":40,"range-humidity":[0.8,"ratio"]},"calibration":{"offset":-0.5,"at":"2024-01-01","by":"tech"}}""";

    private static Sensor Read(string json) => JsonSerializer.Deserialize(json, TypesJsonContext.Default.Sensor)!;

    private static string Write(Sensor sensor) => JsonSerializer.Serialize(sensor, TypesJsonContext.Default.Sensor);

    [Fact]
    public void A_full_document_round_trips()
    {
        Sensor sensor = Read(Full);

        JsonAssert.Equivalent(Full, Write(sensor));
        Assert.Equal(sensor, Read(Write(sensor)));
        Assert.Equal(sensor.GetHashCode(), Read(Write(sensor)).GetHashCode());
    }

    [Fact]
    public void Enums_of_numbers_and_mixed_values_are_typed()
    {
        Sensor sensor = Read(Full);

        Assert.True(sensor.Priority == SensorPriority.Value2);
        Assert.Equal(2, (int)SensorPriority.Value2);
        Assert.True(sensor.Level == SensorLevel.Low);
        Assert.Equal(-1, (int)SensorLevel.Unset);
        Assert.True(sensor.Gain == SensorGain.Value0_5);
        Assert.True(sensor.Mode == SensorMode.Auto);
        Assert.True(sensor.Big == SensorBig.Value5000000000);
        Assert.Equal(5000000000L, (long)SensorBig.Value5000000000);
        Assert.Equal("10", sensor.Level!.Value.WireValue);
        Assert.Equal("\"auto\"", sensor.Mode!.Value.WireValue);
    }

    [Theory]
    [InlineData("priority", "7")]
    [InlineData("priority", "2.5")]
    [InlineData("gain", "1e3")]
    [InlineData("mode", "\"manual\"")]
    [InlineData("mode", "false")]
    [InlineData("mode", "2")]
    public void A_value_an_enum_does_not_list_is_kept_and_written_back(string property, string value)
    {
        string json = "{\"kind\":\"sensor\",\"version\":2,\"id\":\"s\",\"" + property + "\":" + value + "}";

        Sensor sensor = Read(json);

        OpenEnum<SensorPriority>? priority = sensor.Priority;
        Assert.False(property == "priority" ? priority!.Value.IsKnown : property == "gain" ? sensor.Gain!.Value.IsKnown : sensor.Mode!.Value.IsKnown);
        Assert.Equal(json, Write(sensor));
    }

    [Fact]
    public void Enums_equal_by_value_whatever_their_spelling()
    {
        Assert.True(Read("""{"kind":"sensor","version":2,"id":"s","gain":1.0}""").Gain == SensorGain.Value1);
        Assert.True(Read("""{"kind":"sensor","version":2,"id":"s","priority":3.0e0}""").Priority == SensorPriority.Value3);
        Assert.ThrowsAny<JsonException>(() => Read("""{"kind":"sensor","version":2,"id":"s","priority":"2"}"""));
    }

    [Fact]
    public void Constants_fill_records_made_in_code_and_other_values_read_are_kept()
    {
        var made = new Sensor { Id = "new" };

        Assert.Equal("sensor", made.Kind);
        Assert.Equal(2L, made.Version);
        Assert.Equal("""{"kind":"sensor","version":2,"id":"new"}""", Write(made));
        const string other = """{"kind":"probe","version":3,"id":"s"}""";
        Assert.Equal("probe", Read(other).Kind);
        Assert.Equal(other, Write(Read(other)));
        Assert.ThrowsAny<JsonException>(() => Read("""{"version":2,"id":"s"}"""));
    }

    [Fact]
    public void Pattern_and_additional_properties_beside_named_ones_are_typed_maps()
    {
        Sensor sensor = Read(Full);

        Assert.Equal("C", sensor.Readings!.Unit);
        Assert.Equal(new Dictionary<string, double> { ["ch1"] = 21.5, ["ch2"] = 19 }, sensor.Readings.PatternProperties);
        Assert.Equal(new[] { "note", "x-source" }, Sorted(sensor.Readings.ExtensionData!.Keys));
        Assert.Equal("b", sensor.Labels!.AdditionalProperties!["second"]);
        Assert.Null(sensor.Labels.ExtensionData);
        Assert.Equal(40, sensor.Limits!.PatternProperties!["max-temp"]);
        Assert.Equal("ratio", sensor.Limits.PatternProperties2!["range-humidity"].Item2);
        Assert.Equal(new double?[] { 1.5, null, 2 }, sensor.Samples);
        Assert.ThrowsAny<JsonException>(() => Read("""{"kind":"sensor","version":2,"id":"s","readings":{"ch1":"warm"}}"""));
    }

    [Fact]
    public void A_closed_object_still_keeps_what_it_does_not_allow()
    {
        Sensor sensor = Read(Full);

        Assert.Equal("tech", sensor.Calibration!.ExtensionData!["by"].GetString());
        Assert.Equal("{\"offset\":-0.5,\"at\":\"2024-01-01\",\"by\":\"tech\"}", JsonSerializer.Serialize(sensor.Calibration, TypesJsonContext.Default.SensorCalibration));
    }

    [Fact]
    public void Tuples_are_records_of_their_items_with_the_rest_kept()
    {
        Sensor sensor = Read(Full);

        Assert.Equal(4.35, sensor.Location!.Item1);
        Assert.Equal(50.85, sensor.Location.Item2);
        Assert.Equal("Brussels", sensor.Location.Label);
        Assert.Equal(new[] { "roof", "north" }, sensor.Location.AdditionalItems);
        Assert.Equal(1L, sensor.Range!.Item1);
        Assert.Null(sensor.Range.Item2);
        Assert.Equal("[1,null]", JsonSerializer.Serialize(sensor.Range, TypesJsonContext.Default.SensorRange));
        Assert.Equal("[1]", JsonSerializer.Serialize(Read("""{"kind":"sensor","version":2,"id":"s","range":[1]}""").Range!, TypesJsonContext.Default.SensorRange));
        Assert.NotEqual(Read("""{"kind":"sensor","version":2,"id":"s","range":[1]}""").Range, sensor.Range);
    }

    [Fact]
    public void Tuples_made_in_code_write_up_to_their_last_item_and_short_arrays_fail_with_the_path()
    {
        Assert.Equal("[1,2]", JsonSerializer.Serialize(new SensorLocation { Item1 = 1, Item2 = 2 }, TypesJsonContext.Default.SensorLocation));
        Assert.Equal("[1,2,\"here\"]", JsonSerializer.Serialize(new SensorLocation { Item1 = 1, Item2 = 2, Label = "here" }, TypesJsonContext.Default.SensorLocation));
        Assert.Equal("[1,2,null,\"n\"]", JsonSerializer.Serialize(new SensorLocation { Item1 = 1, Item2 = 2, AdditionalItems = new[] { "n" } }, TypesJsonContext.Default.SensorLocation));
        JsonException failure = Assert.ThrowsAny<JsonException>(() => Read("""{"kind":"sensor","version":2,"id":"s","location":[1]}"""));
        Assert.Equal("$.location", failure.Path);
        Assert.Equal("$.location[1]", Assert.ThrowsAny<JsonException>(() => Read("""{"kind":"sensor","version":2,"id":"s","location":[1,"x"]}""")).Path);
    }

    private static string[] Sorted(IEnumerable<string> keys)
    {
        var list = new List<string>(keys);
        list.Sort(StringComparer.Ordinal);
        return list.ToArray();
    }
}

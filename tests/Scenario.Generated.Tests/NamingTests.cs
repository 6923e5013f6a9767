using System.Text.Json;
using Naming;
using Scenario.Runtime;
using Xunit;

namespace Scenario.Generated.Tests;

/// <summary>The naming rules (docs/json-schema.md, "Names") as the compiled code shows them; the schema is tests/Schemas/names.schema.json.</summary>
public class NamingTests
{
    [Theory]
    [InlineData(nameof(Tricky._3d), "3d")]
    [InlineData(nameof(Tricky._16_9), "16:9")]
    [InlineData(nameof(Tricky._9_16), "9:16")]
    [InlineData(nameof(Tricky.Flux1KontextDev), "flux.1-kontext-dev")]
    [InlineData(nameof(Tricky.Flux1_1ProUltra), "flux.1.1-pro-ultra")]
    [InlineData(nameof(Tricky.Flux1_1Pro), "flux1.1-pro")]
    [InlineData(nameof(Tricky._3d23dTexture), "3d23d-texture")]
    [InlineData(nameof(Tricky._3d23dTexture_2), "3d23d:texture")]
    [InlineData(nameof(Tricky.GenerativeFill), "GENERATIVE_FILL")]
    [InlineData(nameof(Tricky.DDIMScheduler), "DDIMScheduler")]
    [InlineData(nameof(Tricky.Unknown), "unknown")]
    [InlineData(nameof(Tricky.Empty), "")]
    [InlineData(nameof(Tricky.Ünïcode), "Ünïcode")]
    public void Every_member_keeps_its_wire_value(string memberName, string wire)
    {
        Tricky member = System.Enum.Parse<Tricky>(memberName);
        Assert.Equal(wire, TrickyConverter.ToWireValue(member));
        Assert.Equal(wire, new OpenEnum<Tricky>(member).ToString());
        Assert.True(OpenEnum<Tricky>.FromWireValue(wire) == member);
        Assert.Equal(JsonSerializer.Serialize(wire), JsonSerializer.Serialize<OpenEnum<Tricky>>(member, NamesJsonContext.Default.Tricky));
        Assert.True(JsonSerializer.Deserialize(JsonSerializer.Serialize(wire), NamesJsonContext.Default.Tricky) == member);
    }

    [Fact]
    public void Properties_that_collide_with_record_members_get_a_suffix_and_keep_their_wire_names()
    {
        const string json = """{"holder":"h","extensionData":"e","toString":"t","a-b":"1","a_b":"2","class":"c","tricky":"16:9","other":1}""";

        Holder holder = JsonSerializer.Deserialize(json, NamesJsonContext.Default.Holder)!;

        Assert.Equal("h", holder.HolderValue);
        Assert.Equal("e", holder.ExtensionDataValue);
        Assert.Equal("t", holder.ToStringValue);
        Assert.Equal("1", holder.AB);
        Assert.Equal("2", holder.AB_2);
        Assert.Equal("c", holder.Class);
        Assert.True(holder.Tricky == Tricky._16_9);
        Assert.Equal(1, holder.ExtensionData!["other"].GetInt32());
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(holder, NamesJsonContext.Default.Holder));
    }

    [Fact]
    public void Visibility_internal_makes_the_types_internal()
    {
        Assert.False(typeof(Holder).IsPublic);
        Assert.False(typeof(Tricky).IsPublic);
        Assert.False(typeof(NamesJsonContext).IsPublic);
        Assert.True(typeof(Petstore.Pet).IsPublic);
    }
}

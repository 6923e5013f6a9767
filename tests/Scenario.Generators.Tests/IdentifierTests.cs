using System.Collections.Generic;
using Scenario.Generators.Parsing;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>The naming rules of docs/json-schema.md, "Names", one case each.</summary>
public class IdentifierTests
{
    [Theory]
    [InlineData("authorId", "AuthorId")]
    [InlineData("image-hdr", "ImageHdr")]
    [InlineData("GENERATIVE_FILL", "GenerativeFill")]
    [InlineData("UPSCALE_360", "Upscale360")]
    [InlineData("DDIMScheduler", "DDIMScheduler")]
    [InlineData("hasUVs", "HasUVs")]
    [InlineData("3d", "_3d")]
    [InlineData("16:9", "_16_9")]
    [InlineData("sd-1_5", "Sd1_5")]
    [InlineData("flux.1-kontext-dev", "Flux1KontextDev")]
    [InlineData("flux.1.1-pro-ultra", "Flux1_1ProUltra")]
    [InlineData("3d:texture:albedo", "_3dTextureAlbedo")]
    [InlineData("class", "Class")]
    [InlineData("", "Empty")]
    [InlineData("--", "Empty")]
    public void Wire_names_become_PascalCase(string wire, string expected)
    {
        Assert.Equal(expected, Identifiers.ToPascalCase(wire));
    }

    [Fact]
    public void Collisions_are_numbered_in_ordinal_order_of_the_wire_names_whatever_the_schema_order()
    {
        var forward = Identifiers.NameScope(new[] { "3d23d:texture", "3d23d-texture", "3d23d texture" }, new HashSet<string>(), "");
        var backward = Identifiers.NameScope(new[] { "3d23d texture", "3d23d-texture", "3d23d:texture" }, new HashSet<string>(), "");

        Assert.Equal("_3d23dTexture", forward["3d23d texture"]);
        Assert.Equal("_3d23dTexture_2", forward["3d23d-texture"]);
        Assert.Equal("_3d23dTexture_3", forward["3d23d:texture"]);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Reserved_names_take_the_suffix_first()
    {
        var names = Identifiers.NameScope(new[] { "toString", "holder", "name" }, new HashSet<string> { "ToString", "Holder" }, "Value");

        Assert.Equal("ToStringValue", names["toString"]);
        Assert.Equal("HolderValue", names["holder"]);
        Assert.Equal("Name", names["name"]);
    }
}

using System.Collections.Generic;
using System.Text.Json;
using Scenario.Runtime;
using Xunit;

namespace Scenario.Generated.Tests;

/// <summary>
/// Whatever the root of a schema (an array, a map, a <c>$ref</c>, a <c>oneOf</c>), <c>{File}JsonContext.Default.{Name}</c>
/// reads and writes a whole document (tests/Schemas/roots).
/// </summary>
public class RootShapeTests
{
    [Fact]
    public void A_root_array_is_a_list_of_its_items()
    {
        const string json = """[{"name":"ui","color":"red"},{"name":"docs","color":"purple","since":3},{"name":"misc"}]""";

        IReadOnlyList<Tags.TagsItem> tags = JsonSerializer.Deserialize(json, Tags.TagsJsonContext.Default.Tags)!;

        Assert.Equal(3, tags.Count);
        Assert.Equal(Tags.TagsItemColor.Red, tags[0].Color);
        Assert.False(tags[1].Color!.Value.IsKnown);
        Assert.Null(tags[2].Color);
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(tags, Tags.TagsJsonContext.Default.Tags));
    }

    [Fact]
    public void A_root_map_is_a_dictionary()
    {
        const string json = """{"build":"tsc -p .","test:unit":"vitest run"}""";

        IReadOnlyDictionary<string, string> scripts = JsonSerializer.Deserialize(json, Scripts.ScriptsJsonContext.Default.Scripts)!;

        Assert.Equal("vitest run", scripts["test:unit"]);
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(scripts, Scripts.ScriptsJsonContext.Default.Scripts));
    }

    [Fact]
    public void A_root_ref_is_the_referenced_type_and_nests()
    {
        const string json = """{"title":"root","width":800,"children":[{"title":"left","children":[{"title":"leaf"}]},{"title":"right","width":200}]}""";

        Layout.Panel panel = JsonSerializer.Deserialize(json, Layout.LayoutJsonContext.Default.Layout)!;

        Assert.Equal(800, panel.Width);
        Assert.Equal("leaf", panel.Children![0].Children![0].Title);
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(panel, Layout.LayoutJsonContext.Default.Layout));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("""{"width":1}""", Layout.LayoutJsonContext.Default.Layout));
    }

    [Theory]
    [InlineData("12.50", true)]
    [InlineData("\"50%\"", false)]
    public void A_root_one_of_a_number_or_a_string_keeps_the_form_it_read(string json, bool isNumber)
    {
        StringOrNumber size = JsonSerializer.Deserialize(json, Size.SizeJsonContext.Default.Size);

        Assert.Equal(isNumber, size.IsNumber);
        Assert.Equal(json, JsonSerializer.Serialize(size, Size.SizeJsonContext.Default.Size));
    }
}

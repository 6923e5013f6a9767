using System.Text.Json;
using Petstore;
using Xunit;

namespace Scenario.Generated.Tests;

public class PetstoreRoundTripTests
{
    [Fact]
    public void Smoke()
    {
        var page = JsonSerializer.Deserialize("""{"pets":[{"id":"1","name":"Rex","species":"dog","status":"sold"}],"nextCursor":null}""", PetstoreJsonContext.Default.PetPage)!;
        Assert.Equal("Rex", page.Pets[0].Name);
    }
}

using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>
/// A response body is read once, into pooled buffers, and parsed where it lies: in one buffer when the server announces
/// its length, across several when it does not (chunked). Either way the result, the limit and the errors are the same.
/// </summary>
public class BodyReadingTests
{
    /// <summary>The seed list with <paramref name="count"/> examples: about 6.5 kB each.</summary>
    private static string List(int count)
    {
        JsonNode root = JsonNode.Parse(Seed.ListJson)!;
        JsonNode example = root["examples"]![0]!;
        root["examples"] = new JsonArray(Enumerable.Range(0, count).Select(i =>
        {
            JsonNode copy = example.DeepClone();
            copy["asset"]!["id"] = "asset_" + i;
            return (JsonNode?)copy;
        }).ToArray());
        return root.ToJsonString();
    }

    private static Task<LoopbackServer> Serving(string body, bool announceLength) => LoopbackServer.StartAsync(async (context, _) =>
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentType = "application/json";
        if (announceLength)
        {
            context.Response.ContentLength = bytes.Length;
        }

        // Written in pieces, so that a chunked body arrives in many chunks.
        for (int offset = 0; offset < bytes.Length; offset += 7919)
        {
            await context.Response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(7919, bytes.Length - offset)));
        }
    });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_large_body_reads_whole_with_or_without_its_length(bool announceLength)
    {
        // About 3 MB: past the first buffer and several segments of a chunked body.
        await using LoopbackServer server = await Serving(List(450), announceLength);
        using ScenarioClient client = Seed.Client(server, maxRetries: 0);

        ExampleListResponse list = await client.Models.Examples.ListAsync("m");

        Assert.Equal(450, list.Examples.Count);
        Assert.Equal("asset_0", list.Examples[0].Asset.Id);
        Assert.Equal("asset_449", list.Examples[449].Asset.Id);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_of_exactly_the_limit_is_read_and_one_byte_more_is_refused(bool announceLength)
    {
        string body = List(40);
        int length = Encoding.UTF8.GetByteCount(body);
        await using LoopbackServer server = await Serving(body, announceLength);

        using (var client = new ScenarioClient(Clients.Options(server.BaseAddress, maxRetries: 0, maxBody: length)))
        {
            Assert.Equal(40, (await client.Models.Examples.ListAsync("m")).Examples.Count);
        }

        using (var client = new ScenarioClient(Clients.Options(server.BaseAddress, maxRetries: 0, maxBody: length - 1)))
        {
            await Assert.ThrowsAsync<ScenarioResponseTooLargeException>(() => client.Models.Examples.ListAsync("m"));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_with_more_than_one_value_is_invalid_however_it_is_framed(bool announceLength)
    {
        // The second value starts past the first buffer of a chunked body.
        string body = List(10) + " " + List(1);
        await using LoopbackServer server = await Serving(body, announceLength);
        using ScenarioClient client = Seed.Client(server, maxRetries: 0);

        ScenarioInvalidResponseException failure = await Assert.ThrowsAsync<ScenarioInvalidResponseException>(() => client.Models.Examples.ListAsync("m"));

        Assert.Equal(body.Length, failure.ResponseBody.Length);
    }

    [Fact]
    public async Task A_chunked_error_body_past_the_first_buffer_keeps_its_text()
    {
        string body = "{\"message\":\"" + new string('é', 20_000) + "\"}";
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = 422;
            await LoopbackServer.Respond(context, 422, body);
        });
        using ScenarioClient client = Seed.Client(server, maxRetries: 0);

        ScenarioApiException failure = await Assert.ThrowsAnyAsync<ScenarioApiException>(() => client.Models.Examples.ListAsync("m"));

        Assert.Equal(body, failure.ResponseBody);
    }
}

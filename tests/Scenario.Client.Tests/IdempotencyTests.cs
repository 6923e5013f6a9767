using System.Linq;
using System.Threading.Tasks;
using Scenario;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>The x-client <c>idempotencyKey</c> setting, through a second generated client (Schemas/shop.schema.json).</summary>
public class IdempotencyTests
{
    private const string Order = """{"id":"order_1"}""";

    [Fact]
    public async Task A_POST_gets_one_generated_key_reused_by_every_retry()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, number) =>
            number is 1 or 3 ? LoopbackServer.Respond(context, 503, "{}", ("retry-after-ms", "10")) : LoopbackServer.Respond(context, 200, Order));
        using var client = new Shop.ShopClient(new Shop.ShopClientOptions { BaseAddress = server.BaseAddress });

        Shop.Order first = await client.Orders.CreateAsync(new Shop.OrderCreateParams { Item = "tea" });
        await client.Orders.CreateAsync(new Shop.OrderCreateParams { Item = "tea" });

        string[] keys = server.Requests.Select(r => r.Headers["X-Idempotency-Key"]).ToArray();
        Assert.Equal("order_1", first.Id);
        Assert.Equal(4, keys.Length);
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(keys[2], keys[3]);
        Assert.NotEqual(keys[0], keys[2]);
        Assert.Equal("""{"item":"tea"}""", server.Requests.First().Body);
    }

    [Fact]
    public async Task A_key_of_the_callers_wins_and_a_GET_gets_none()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, Order);
        using var client = new Shop.ShopClient(new Shop.ShopClientOptions { BaseAddress = server.BaseAddress });

        await client.Orders.CreateAsync(new Shop.OrderCreateParams { Item = "tea" }, new RequestOptions { IdempotencyKey = "mine" });
        await client.Orders.GetAsync("order_1");

        RecordedRequest[] requests = server.Requests.ToArray();
        Assert.Equal("mine", requests[0].Headers["X-Idempotency-Key"]);
        Assert.False(requests[1].Headers.ContainsKey("X-Idempotency-Key"));
        Assert.False(requests[0].Headers.ContainsKey("Authorization"));
        Assert.Equal("/v1/orders/order_1", requests[1].RawTarget);
    }
}

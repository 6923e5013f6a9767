using System;
using System.Net;
using System.Net.Http;
using Scenario.Runtime.Http;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>
/// The handler of the client's own HttpClient on .NET 8 and later, a SocketsHttpHandler. (The netstandard2.0 build's,
/// an HttpClientHandler, is tested in Scenario.Runtime.NetStandard.Tests.)
/// </summary>
public class HandlerTests
{
    [Fact]
    public void The_clients_own_handler_recycles_connections_and_follows_no_redirect()
    {
        using HttpMessageHandler created = ApiTransport.CreateHandler();

        SocketsHttpHandler handler = Assert.IsType<SocketsHttpHandler>(created);
        Assert.Equal(TimeSpan.FromMinutes(5), handler.PooledConnectionLifetime);
        Assert.False(handler.AllowAutoRedirect);
        Assert.Equal(DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli, handler.AutomaticDecompression);
    }
}

using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Scenario.Runtime.Http;

/// <summary>
/// The HTTP choices that differ between the .NET 8+ builds and the netstandard2.0 build (.NET Framework, Unity, .NET Core
/// before 8), side by side. docs/unity-and-netstandard.md ("The runtime on netstandard2.0") lists what differs for a caller.
/// </summary>
internal static class HttpPlatform
{
    /// <summary>
    /// The handler of a transport's own HttpClient: gzip, deflate and brotli, no redirect, pooled connections recycled.
    /// netstandard2.0 has no <c>SocketsHttpHandler</c>: there it is an <see cref="HttpClientHandler"/> (which on .NET Core
    /// wraps a SocketsHttpHandler), brotli only where the platform decodes it, and no connection lifetime of its own
    /// (see <see cref="RecycleConnections"/>).
    /// </summary>
    public static HttpMessageHandler CreateHandler()
    {
#if NET
        return new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            PooledConnectionLifetime = ApiTransport.PooledConnectionLifetime,
            AllowAutoRedirect = false,
        };
#else
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
        if (handler.SupportsAutomaticDecompression)
        {
            // DecompressionMethods.Brotli is not in netstandard2.0; .NET Core has it, .NET Framework and Unity do not.
            DecompressionMethods methods = DecompressionMethods.GZip | DecompressionMethods.Deflate;
            if (Enum.TryParse("Brotli", out DecompressionMethods brotli))
            {
                methods |= brotli;
            }

            handler.AutomaticDecompression = methods;
        }

        return handler;
#endif
    }

    /// <summary>
    /// Pooled connections to <paramref name="baseAddress"/> are closed after <see cref="ApiTransport.PooledConnectionLifetime"/>,
    /// so DNS changes are seen. .NET 8+: the handler does it. netstandard2.0: on .NET Framework and Mono the endpoint's
    /// <see cref="ServicePoint.ConnectionLeaseTimeout"/> does it (it applies to every request to that endpoint in the process);
    /// .NET Core before 8 ignores it.
    /// </summary>
    public static void RecycleConnections(Uri baseAddress)
    {
#if !NET
        try
        {
            ServicePoint endpoint = ServicePointManager.FindServicePoint(baseAddress);
            if (endpoint.ConnectionLeaseTimeout == System.Threading.Timeout.Infinite)
            {
                endpoint.ConnectionLeaseTimeout = (int)ApiTransport.PooledConnectionLifetime.TotalMilliseconds;
            }
        }
        catch (Exception failure) when (failure is PlatformNotSupportedException or NotSupportedException or InvalidOperationException)
        {
            // A platform without service points (browsers): nothing to recycle.
        }
#endif
    }

    /// <summary>
    /// The request's address, whose path and query go on the wire exactly as <paramref name="text"/> has them: no dot segment
    /// removed, nothing unescaped. .NET 8+ asks <see cref="Uri"/> for that. netstandard2.0 cannot: there the address is parsed
    /// as usual and refused when the platform's <see cref="Uri"/> changed its path or query (a backslash read as <c>/</c>, an
    /// escaped dot or slash decoded, a dot segment removed), rather than sent to another endpoint.
    /// </summary>
    /// <exception cref="UriFormatException"><paramref name="text"/> is not a valid URI.</exception>
    /// <exception cref="ArgumentException">The platform's <see cref="Uri"/> would send another path or query.</exception>
    public static Uri CreateExactUri(string text, string pathTemplate)
    {
#if NET
        _ = pathTemplate;
        return new Uri(text, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
#else
        var uri = new Uri(text, UriKind.Absolute);
        int authority = text.IndexOf("://", StringComparison.Ordinal) + 3;
        int path = text.IndexOfAny(new[] { '/', '?' }, authority);
        string built = path < 0 ? "/" : text.Substring(path);
        if (!string.Equals(uri.PathAndQuery, built, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"This platform's System.Uri would change the path or query of the request to {pathTemplate} (it reads escaped dots or slashes, "
                + "backslashes or dot segments differently), which could send it to another endpoint; it was not sent.",
                "request");
        }

        return uri;
#endif
    }

    /// <summary>The response's content; netstandard2.0 platforms may leave it null, which is read as an empty body.</summary>
    public static HttpContent Content(HttpResponseMessage response)
    {
#if NET
        return response.Content;
#else
        return response.Content ??= new ByteArrayContent(Array.Empty<byte>());
#endif
    }

    /// <summary>
    /// Adds each header to <paramref name="into"/>, repeated values joined with <c>", "</c>. .NET 8+ reads them as received
    /// (<c>NonValidated</c>); netstandard2.0 has only the validating view, which may normalize a value or leave out one the
    /// platform cannot parse.
    /// </summary>
    public static void CopyHeaders(HttpHeaders headers, Dictionary<string, string> into)
    {
#if NET
        foreach (KeyValuePair<string, HeaderStringValues> header in headers.NonValidated)
        {
            into[header.Key] = header.Value.ToString();
        }
#else
        foreach (KeyValuePair<string, IEnumerable<string>> header in headers)
        {
            into[header.Key] = string.Join(", ", header.Value);
        }
#endif
    }
}

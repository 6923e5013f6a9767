using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Scenario.Runtime.Http;

/// <summary>
/// A response read into an <see cref="Attempt"/>: its status and headers, and its body into pooled buffers up to a bound
/// (the client's <see cref="ApiClientOptions.MaxResponseBodyBytes"/> for a success, <see cref="ApiTransport.MaxErrorBodyBytes"/>
/// for an error); a success body past its bound is not read but marked too large. A reader that streams takes the head
/// alone (<see cref="Head"/>) and the body unread.
/// </summary>
internal static class BoundedResponse
{
    /// <summary>The longest array .NET allocates; a body is read into one.</summary>
    private const int MaxArrayLength = 0x7FFFFFC7;

    /// <summary>Reads <paramref name="response"/>; the token (the attempt's timeout) covers the body.</summary>
    public static async Task<Attempt> ReadAsync(HttpResponseMessage response, long maxBody, CancellationToken cancellationToken)
    {
        Attempt head = Head(response);
        HttpContent content = HttpPlatform.Content(response);
        bool success = head.StatusCode is >= 200 and < 300;
        long limit = success ? maxBody : ApiTransport.MaxErrorBodyBytes;
        if (success && content.Headers.ContentLength is long announced && announced > limit)
        {
            return head with { TooLarge = true };
        }

        ResponseBody body = await ReadBoundedAsync(content, limit, cancellationToken).ConfigureAwait(false);
        if (success && body.Exceeded)
        {
            body.Dispose();
            return head with { TooLarge = true };
        }

        return head with { Body = body };
    }

    /// <summary>The status and headers of <paramref name="response"/>, its body not read.</summary>
    public static Attempt Head(HttpResponseMessage response)
    {
        HttpContent content = HttpPlatform.Content(response);
        IReadOnlyDictionary<string, string> headers = SnapshotHeaders(response.Headers, content.Headers);
        headers.TryGetValue("x-request-id", out string? requestId);
        headers.TryGetValue("Content-Type", out string? contentType);
        TimeSpan? serverDelay = RetryDelay.FromHeaders(response.Headers, DateTimeOffset.UtcNow);
        return new Attempt((int)response.StatusCode, null, headers, contentType, serverDelay, requestId, null, TooLarge: false);
    }

    private static IReadOnlyDictionary<string, string> SnapshotHeaders(HttpResponseHeaders response, HttpContentHeaders content)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            HttpPlatform.CopyHeaders(response, headers);
            HttpPlatform.CopyHeaders(content, headers);
        }
        catch (Exception)
        {
            // Keep what could be read; a header the stack cannot enumerate is not worth failing the call for.
        }

        return headers;
    }

    /// <summary>Reads at most <paramref name="limit"/> + 1 bytes: enough to know whether the body is longer than the limit.</summary>
    private static async Task<ResponseBody> ReadBoundedAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);

        // Some platforms' response streams (.NET Framework's) ignore the token of a read: closing the stream when it fires
        // ends a read that waits for a stalled server, so the attempt's timeout covers the body everywhere.
        using CancellationTokenRegistration closeOnCancel = cancellationToken.Register(static state => ((Stream)state!).Dispose(), stream);
        try
        {
            return await ResponseBody.ReadAsync(stream, content.Headers.ContentLength ?? 0, limit, MaxArrayLength, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception closed) when (cancellationToken.IsCancellationRequested && closed is not OperationCanceledException)
        {
            throw new OperationCanceledException("The body was not read in time.", closed, cancellationToken);
        }
    }
}

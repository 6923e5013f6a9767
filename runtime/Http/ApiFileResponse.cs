using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Scenario.Runtime;

namespace Scenario;

/// <summary>
/// A binary response (a file, an image, a model, audio): its body as a <see cref="Stream"/> read from the network as the
/// caller reads it, never buffered whole and outside <c>MaxResponseBodyBytes</c>, with the content type, length and file
/// name the server gave. Dispose it to release the connection. Each read waits at most the call's timeout for the next
/// bytes (a stalled server is an <see cref="ApiTimeoutException"/>, a dropped connection an
/// <see cref="ApiConnectionException"/>; for the Scenario client, their <c>Scenario…</c> twins); a long download that keeps arriving is never cut. Read errors are not
/// retried: the call returned when the headers came.
/// </summary>
public sealed class ApiFileResponse : IDisposable
{
    internal ApiFileResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, string> headers, string? requestId, Stream content)
    {
        StatusCode = statusCode;
        Headers = headers;
        RequestId = requestId;
        Content = content;
        ContentType = headers.TryGetValue("Content-Type", out string? type) ? type : null;
        ContentLength = headers.TryGetValue("Content-Length", out string? length) && long.TryParse(length, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long bytes) ? bytes : null;
        FileName = headers.TryGetValue("Content-Disposition", out string? disposition) ? FileNameOf(disposition) : null;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The response and content headers, by case-insensitive name; repeated headers joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The server's request id (<c>x-request-id</c>), when it sent one.</summary>
    public string? RequestId { get; }

    /// <summary>The body, read as it arrives. Read it once; it does not seek.</summary>
    public Stream Content { get; }

    /// <summary>The <c>Content-Type</c> the server gave (<c>image/png</c>), when it gave one.</summary>
    public string? ContentType { get; }

    /// <summary>The body's length in bytes (<c>Content-Length</c>), when the server gave it.</summary>
    public long? ContentLength { get; }

    /// <summary>The file name of <c>Content-Disposition</c> (<c>filename*</c> decoded, else <c>filename</c>), when the server gave one; a name only, no folder.</summary>
    public string? FileName { get; }

    /// <summary>Copies the body to <paramref name="destination"/>.</summary>
    /// <exception cref="ApiTimeoutException">The server sent nothing for longer than the call's timeout (the Scenario client: a <see cref="ScenarioTimeoutException"/>).</exception>
    /// <exception cref="ApiConnectionException">The connection broke before the body ended (the Scenario client: a <see cref="ScenarioConnectionException"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task CopyToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return Content.CopyToAsync(destination, 81920, cancellationToken);
    }

    /// <summary>Releases the connection; what was not read is not.</summary>
    public void Dispose() => Content.Dispose();

    /// <summary>
    /// The file name a <c>Content-Disposition</c> value gives: RFC 6266's <c>filename*</c> (RFC 8187, UTF-8 or ISO-8859-1)
    /// first, else <c>filename</c>; any folder part and characters no file name may hold are dropped; null when none is left.
    /// </summary>
    internal static string? FileNameOf(string disposition)
    {
        string? plain = null, extended = null;
        foreach (string part in disposition.Split(';'))
        {
            int equals = part.IndexOf('=');
            if (equals < 0)
            {
                continue;
            }

            string name = part.Substring(0, equals).Trim();
            string value = part.Substring(equals + 1).Trim();
            if (name.Equals("filename*", StringComparison.OrdinalIgnoreCase))
            {
                extended = DecodeExtended(value);
            }
            else if (name.Equals("filename", StringComparison.OrdinalIgnoreCase))
            {
                plain = value.Length >= 2 && value[0] == '"' && value[value.Length - 1] == '"' ? value.Substring(1, value.Length - 2).Replace("\\\"", "\"").Replace("\\\\", "\\") : value;
            }
        }

        return Clean(extended) ?? Clean(plain);
    }

    private static string? DecodeExtended(string value)
    {
        // charset'language'percent-encoded
        int first = value.IndexOf('\'');
        int second = first < 0 ? -1 : value.IndexOf('\'', first + 1);
        if (second < 0)
        {
            return null;
        }

        string charset = value.Substring(0, first);
        string encoded = value.Substring(second + 1);
        try
        {
            System.Text.Encoding encoding = charset.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) ? System.Text.Encoding.UTF8 : System.Text.Encoding.GetEncoding("ISO-8859-1");
            var bytes = new List<byte>(encoded.Length);
            for (int i = 0; i < encoded.Length; i++)
            {
                if (encoded[i] == '%' && i + 2 < encoded.Length && Uri.IsHexDigit(encoded[i + 1]) && Uri.IsHexDigit(encoded[i + 2]))
                {
                    bytes.Add((byte)((Uri.FromHex(encoded[i + 1]) << 4) | Uri.FromHex(encoded[i + 2])));
                    i += 2;
                }
                else
                {
                    bytes.Add((byte)encoded[i]);
                }
            }

            return encoding.GetString(bytes.ToArray());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? Clean(string? name)
    {
        if (name is null)
        {
            return null;
        }

        int slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
        name = name.Substring(slash + 1);
        var clean = new System.Text.StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (!char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*'))
            {
                clean.Append(c);
            }
        }

        string result = clean.ToString().Trim();
        return result.Length == 0 || result == "." || result == ".." ? null : result;
    }
}

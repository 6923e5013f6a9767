using System;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace Scenario.Runtime.Http;

/// <summary>
/// How a paged operation asks for its next page (an OpenAPI operation's <c>x-client.pagination</c>, or <c>x-ms-pageable</c>):
/// by the cursor the last page gave, by page number, or by offset, in a query parameter or a property of the JSON body;
/// or at the link the last page gave.
/// </summary>
public sealed class ApiPagination
{
    private ApiPagination(ApiPagingStyle style, string parameter, bool inBody, long firstPage)
    {
        Style = style;
        Parameter = parameter ?? throw new ArgumentNullException(nameof(parameter));
        if (parameter.Length == 0 && style != ApiPagingStyle.NextLink)
        {
            throw new ArgumentException("The parameter that carries the " + style + " cannot be empty.", nameof(parameter));
        }

        InBody = inBody;
        FirstPage = firstPage;
    }

    /// <summary>The style.</summary>
    public ApiPagingStyle Style { get; }

    /// <summary>The query parameter (or, when <see cref="InBody"/>, the body property) that carries the cursor, page or offset; empty for <see cref="ApiPagingStyle.NextLink"/>.</summary>
    public string Parameter { get; }

    /// <summary>Whether <see cref="Parameter"/> is a property of the JSON body rather than a query parameter.</summary>
    public bool InBody { get; }

    /// <summary>For <see cref="ApiPagingStyle.Page"/>: the number of the first page when the caller asks for none (1 unless the API says 0).</summary>
    public long FirstPage { get; }

    /// <summary>The next page is asked for with the cursor the last one gave (Scenario's <c>paginationToken</c> and <c>nextPaginationToken</c>).</summary>
    public static ApiPagination Cursor(string parameter, bool inBody = false) => new(ApiPagingStyle.Cursor, parameter, inBody, 0);

    /// <summary>The next page is asked for by its number, one more than the last's.</summary>
    public static ApiPagination Page(string parameter, long firstPage = 1, bool inBody = false) => new(ApiPagingStyle.Page, parameter, inBody, firstPage);

    /// <summary>The next page is asked for by the offset of its first item: the last's plus the items it held.</summary>
    public static ApiPagination Offset(string parameter, bool inBody = false) => new(ApiPagingStyle.Offset, parameter, inBody, 0);

    /// <summary>
    /// The next page is asked for at the link the last one gave (Azure's <c>nextLink</c>, OData's <c>@odata.nextLink</c>):
    /// a <c>GET</c> with the first request's headers and credentials, to an address that must be under the client's base
    /// address (relative links are resolved against it), so credentials never go to another host.
    /// </summary>
    public static ApiPagination NextLink() => new(ApiPagingStyle.NextLink, string.Empty, false, 0);

    /// <summary>The value <see cref="Parameter"/> has in <paramref name="request"/>; null when it is not set.</summary>
    internal string? ValueIn(ApiRequest request)
    {
        if (Style == ApiPagingStyle.NextLink)
        {
            return null;
        }

        if (!InBody)
        {
            return request.QueryValue(Parameter);
        }

        if (request.JsonBody is not { Length: > 0 } body)
        {
            return null;
        }

        using JsonDocument document = JsonDocument.Parse(body);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(Parameter, out JsonElement value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
    }

    /// <summary>
    /// The request for the page at <paramref name="link"/> (<see cref="ApiPagingStyle.NextLink"/>), resolved against
    /// <paramref name="baseAddress"/>: the same scheme, host and port, and a path under the base address's, or the pager
    /// stops rather than send the first request's credentials elsewhere.
    /// </summary>
    /// <exception cref="ApiException">The link is not a URI, or not under the base address (in <paramref name="family"/>).</exception>
    internal static ApiRequest LinkRequest(ApiRequest first, string link, Uri baseAddress, ApiExceptionFamily family)
    {
        if (!Uri.TryCreate(baseAddress, link, out Uri? target) || !target.IsAbsoluteUri)
        {
            throw ApiExceptionFactory.Failure(family, $"The next page's link ({link.Length} characters) is not a URI; the pager stopped.");
        }

        string basePath = baseAddress.AbsolutePath.TrimEnd('/');
        string path = target.AbsolutePath;
        bool under = string.Equals(target.Scheme, baseAddress.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(target.IdnHost, baseAddress.IdnHost, StringComparison.OrdinalIgnoreCase)
            && target.Port == baseAddress.Port
            && path.StartsWith(basePath, StringComparison.Ordinal)
            && (path.Length == basePath.Length || path[basePath.Length] == '/');
        if (!under)
        {
            // The origin only: the link's path and query may hold what the message must not show.
            throw ApiExceptionFactory.Failure(
                family,
                $"The next page's link leads to {target.Scheme}://{target.Authority}{(string.Equals(target.Authority, baseAddress.Authority, StringComparison.OrdinalIgnoreCase) ? " outside the base path " + baseAddress.AbsolutePath : string.Empty)}, "
                + $"not under the client's base address ({baseAddress.GetLeftPart(UriPartial.Authority)}{baseAddress.AbsolutePath}); the pager stopped rather than send the request's credentials there.");
        }

        try
        {
            return first.ForLink(path.Substring(basePath.Length), target.Query.TrimStart('?'));
        }
        catch (ArgumentException invalid)
        {
            throw ApiExceptionFactory.Failure(family, "The next page's link has a path the client cannot send as given; the pager stopped.", invalid);
        }
    }

    /// <summary>Sets <see cref="Parameter"/> in <paramref name="request"/> to <paramref name="value"/> (a number for pages and offsets).</summary>
    internal void Set(ApiRequest request, string value)
    {
        if (!InBody)
        {
            request.SetQuery(Parameter, value);
            return;
        }

        // The body's other properties as they are, this one replaced (or added).
        using JsonDocument document = JsonDocument.Parse(request.JsonBody is { Length: > 0 } body ? body : new[] { (byte)'{', (byte)'}' });
        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty property in document.RootElement.EnumerateObject())
                {
                    if (property.Name != Parameter)
                    {
                        property.WriteTo(writer);
                    }
                }
            }

            writer.WritePropertyName(Parameter);
            if (Style != ApiPagingStyle.Cursor && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long number))
            {
                writer.WriteNumberValue(number);
            }
            else
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndObject();
        }

        request.JsonBody = output.ToArray();
    }
}

/// <summary>How a paged operation asks for its next page.</summary>
public enum ApiPagingStyle
{
    /// <summary>With the cursor the last page gave; the pages end when it gives none.</summary>
    Cursor,

    /// <summary>By page number; the pages end at an empty page.</summary>
    Page,

    /// <summary>By the offset of the first item; the pages end at an empty page.</summary>
    Offset,

    /// <summary>At the link the last page gave; the pages end when it gives none.</summary>
    NextLink,
}

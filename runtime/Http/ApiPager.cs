using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Scenario.Runtime;
using Scenario.Runtime.Http;

namespace Scenario;

/// <summary>
/// The items of a paged operation, every page's: <c>await foreach (var item in client.Assets.ListAsync())</c> walks them
/// all, asking for each page only when the items before it have been walked. <see cref="AsPages"/> walks the pages
/// themselves (their items, the next cursor or link, the response). Nothing is sent until the first enumeration; each
/// enumeration starts again from the first page. Each page is one call, with the call's retries, timeout and typed errors.
/// </summary>
/// <typeparam name="TPage">The response of one page.</typeparam>
/// <typeparam name="TItem">An item.</typeparam>
public sealed class ApiPager<TPage, TItem> : IAsyncEnumerable<TItem>
{
    /// <summary>The most pages one enumeration asks for before it stops with an exception (a server that never ends).</summary>
    public const int MaxPages = 1_000_000;

    private readonly ApiTransport _transport;
    private readonly Func<ApiRequest> _request;
    private readonly JsonTypeInfo<TPage> _pageType;
    private readonly ApiPagination _pagination;
    private readonly Func<TPage, IReadOnlyList<TItem>?> _items;
    private readonly Func<TPage, string?>? _next;
    private readonly Func<TPage, bool?>? _hasMore;
    private readonly RequestOptions? _options;
    private readonly CancellationToken _cancellationToken;

    /// <summary>Creates the pager (generated code does): <paramref name="request"/> builds the first page's request, anew for each page.</summary>
    public ApiPager(
        ApiTransport transport,
        Func<ApiRequest> request,
        JsonTypeInfo<TPage> pageType,
        ApiPagination pagination,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, string?>? next,
        Func<TPage, bool?>? hasMore,
        RequestOptions? options,
        CancellationToken cancellationToken)
    {
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _request = request ?? throw new ArgumentNullException(nameof(request));
        _pageType = pageType ?? throw new ArgumentNullException(nameof(pageType));
        _pagination = pagination ?? throw new ArgumentNullException(nameof(pagination));
        _items = items ?? throw new ArgumentNullException(nameof(items));
        _next = next;
        _hasMore = hasMore;
        _options = options;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Every item of every page, each page asked for when the walk reaches it.</summary>
    public IAsyncEnumerator<TItem> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        ItemsAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    /// <summary>Every page, each asked for when the walk reaches it.</summary>
    /// <exception cref="ApiException">A page's call failed, as any call does; or the pages did not end after <see cref="MaxPages"/>, or a cursor or link came back unchanged, or a next link is not under the client's base address (each in the client's exception family).</exception>
    public async IAsyncEnumerable<ApiPage<TPage, TItem>> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using CancellationTokenSource? both = _cancellationToken.CanBeCanceled && cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken, cancellationToken)
            : null;
        CancellationToken token = both?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _cancellationToken);
        string? position = null;
        for (int number = 1; ; number++)
        {
            if (number > MaxPages)
            {
                throw ApiExceptionFactory.Failure(_transport.ExceptionFamily, $"The pages did not end after {MaxPages} pages; the pager stopped.");
            }

            ApiRequest request = _request();
            if (position is not null)
            {
                if (_pagination.Style == ApiPagingStyle.NextLink)
                {
                    request = ApiPagination.LinkRequest(request, position, _transport.BaseAddress, _transport.ExceptionFamily);
                }
                else
                {
                    _pagination.Set(request, position);
                }
            }

            string? asked = position ?? _pagination.ValueIn(request);
            ApiResponse<TPage> response = await _transport.SendForResponseAsync(request, ApiResponseReader.Json(_pageType), _options, token).ConfigureAwait(false);
            IReadOnlyList<TItem> items = _items(response.Value) ?? Array.Empty<TItem>();
            string? next = _next?.Invoke(response.Value);
            bool? hasMore = _hasMore?.Invoke(response.Value);
            position = NextPosition(asked, items.Count, next, hasMore);
            yield return new ApiPage<TPage, TItem>(response, items, next, position is not null);
            if (position is null)
            {
                yield break;
            }
        }
    }

    private async IAsyncEnumerable<TItem> ItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (ApiPage<TPage, TItem> page in AsPages(cancellationToken).ConfigureAwait(false))
        {
            foreach (TItem item in page.Items)
            {
                yield return item;
            }
        }
    }

    /// <summary>What the next page is asked for with; null when the pages end.</summary>
    private string? NextPosition(string? asked, int count, string? next, bool? hasMore)
    {
        if (hasMore == false)
        {
            return null;
        }

        switch (_pagination.Style)
        {
            case ApiPagingStyle.Cursor:
            case ApiPagingStyle.NextLink:
                if (string.IsNullOrEmpty(next))
                {
                    return null;
                }

                if (next == asked)
                {
                    throw ApiExceptionFactory.Failure(_transport.ExceptionFamily, _pagination.Style == ApiPagingStyle.Cursor
                        ? $"The API gave the cursor it was asked with ('{ApiErrorText.Shorten(next!)}') as the next one; the pager stopped rather than ask for the same page again."
                        : "The API gave the link of the page it had just given as the next one; the pager stopped rather than ask for the same page again.");
                }

                return next;
            case ApiPagingStyle.Page:
                long page = long.TryParse(asked, NumberStyles.Integer, CultureInfo.InvariantCulture, out long current) ? current : _pagination.FirstPage;
                return count == 0 ? null : (page + 1).ToString(CultureInfo.InvariantCulture);
            default:
                long offset = long.TryParse(asked, NumberStyles.Integer, CultureInfo.InvariantCulture, out long start) ? start : 0;
                return count == 0 ? null : (offset + count).ToString(CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>One page of a paged operation: its items, the cursor or link to the next, and the response.</summary>
/// <typeparam name="TPage">The response of one page.</typeparam>
/// <typeparam name="TItem">An item.</typeparam>
public sealed class ApiPage<TPage, TItem>
{
    /// <summary>Creates the page.</summary>
    public ApiPage(ApiResponse<TPage> response, IReadOnlyList<TItem> items, string? nextCursor, bool hasNext)
    {
        Response = response ?? throw new ArgumentNullException(nameof(response));
        Items = items ?? throw new ArgumentNullException(nameof(items));
        NextCursor = nextCursor;
        HasNext = hasNext;
    }

    /// <summary>The page's response: its body (<see cref="ApiResponse{T}.Value"/>), status, headers, request id and timing.</summary>
    public ApiResponse<TPage> Response { get; }

    /// <summary>The page's body.</summary>
    public TPage Value => Response.Value;

    /// <summary>The page's items.</summary>
    public IReadOnlyList<TItem> Items { get; }

    /// <summary>The cursor (or, for <see cref="ApiPagingStyle.NextLink"/>, the link) the page gave to the next; null when it gave none.</summary>
    public string? NextCursor { get; }

    /// <summary>Whether the pager will ask for another page after this one.</summary>
    public bool HasNext { get; }
}

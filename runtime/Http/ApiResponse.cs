using System;
using System.Collections.Generic;
using System.Net;

namespace Scenario;

/// <summary>
/// A response with its HTTP details, from <c>client.WithRawResponse</c>: the status, headers, request id and timing; an
/// operation that answers with no body returns this, one that answers with a body an <see cref="ApiResponse{T}"/>.
/// </summary>
public class ApiResponse
{
    /// <summary>Creates the response.</summary>
    public ApiResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, string> headers, string? requestId, TimeSpan elapsed, int attempts)
    {
        StatusCode = statusCode;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        RequestId = requestId;
        Elapsed = elapsed;
        Attempts = attempts;
    }

    /// <summary>The HTTP status of the last attempt.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The response and content headers of the last attempt, by case-insensitive name; repeated headers are joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The server's request id (<c>x-request-id</c>), when it sent one.</summary>
    public string? RequestId { get; }

    /// <summary>The time the whole call took, every attempt and wait included.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>How many attempts the call made (1 when the first succeeded).</summary>
    public int Attempts { get; }
}

/// <summary>A response with its HTTP details, from <c>client.WithRawResponse</c>: the status, headers, request id, timing and the parsed body.</summary>
/// <typeparam name="T">The body's type.</typeparam>
public sealed class ApiResponse<T> : ApiResponse
{
    /// <summary>Creates the response.</summary>
    public ApiResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, string> headers, string? requestId, TimeSpan elapsed, int attempts, T value)
        : base(statusCode, headers, requestId, elapsed, attempts)
    {
        Value = value;
    }

    /// <summary>The parsed body.</summary>
    public T Value { get; }
}

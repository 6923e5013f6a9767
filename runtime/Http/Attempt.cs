using System;
using System.Collections.Generic;

namespace Scenario.Runtime.Http;

/// <summary>
/// One attempt's outcome: a status with its headers and (bounded) body, a success's body left unread for a reader that
/// streams, a body too large to read, or a failure (a <see cref="TimeoutException"/> for the attempt's timeout, else what
/// the connection threw). Its <see cref="Body"/> goes back to the pool when the attempt is done with.
/// </summary>
internal readonly record struct Attempt(
    int StatusCode,
    ResponseBody? Body,
    IReadOnlyDictionary<string, string>? Headers,
    string? ContentType,
    TimeSpan? ServerDelay,
    string? RequestId,
    Exception? Failure,
    bool TooLarge)
{
    /// <summary>A success's body left unread for a reader that streams (<see cref="ResponseStream"/>, which owns the response); null otherwise.</summary>
    public System.IO.Stream? Unread { get; init; }

    /// <summary>An attempt that had no response.</summary>
    public static Attempt Failed(Exception failure) => new(0, null, null, null, null, null, failure, false);

    /// <summary>Whether the server answered with a success status and a body within bounds.</summary>
    public bool Succeeded => Failure is null && !TooLarge && StatusCode is >= 200 and < 300;

    /// <summary>The <c>error.type</c> of metrics and logs: the failure, or the status of an error; null for a success.</summary>
    public string? ErrorType => Failure switch
    {
        TimeoutException => "timeout",
        OperationCanceledException => "canceled",
        Exception failure => failure.GetType().FullName,
        null when TooLarge => "response_too_large",
        null when StatusCode >= 400 => StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };
}

using System;

namespace Scenario;

/// <summary>
/// One event of a streamed response (server-sent events, or a line of JSON lines), from <c>client.WithRawResponse</c>:
/// its data read as <typeparamref name="T"/>, with what the server-sent events specification says of it.
/// </summary>
/// <remarks>A value, as System.Net.ServerSentEvents' <c>SseItem&lt;T&gt;</c> is: an event costs no allocation beyond its data's.</remarks>
/// <typeparam name="T">The type of the event's data.</typeparam>
public readonly struct ApiEvent<T>
{
    /// <summary>Creates the event.</summary>
    public ApiEvent(string eventType, string? id, TimeSpan? retry, T data)
    {
        EventType = eventType ?? throw new ArgumentNullException(nameof(eventType));
        Id = id;
        Retry = retry;
        Data = data;
    }

    /// <summary>The event's type (<c>event:</c>); <c>message</c> when the server named none, and for every line of JSON lines.</summary>
    public string EventType { get; }

    /// <summary>The last event id the stream set (<c>id:</c>), which a reconnection would send as <c>Last-Event-ID</c>; null when none.</summary>
    public string? Id { get; }

    /// <summary>The reconnection time the stream last set (<c>retry:</c>); null when none. The client does not reconnect by itself.</summary>
    public TimeSpan? Retry { get; }

    /// <summary>The event's data.</summary>
    public T Data { get; }
}

namespace Scenario.Runtime.Http;

/// <summary>How a streamed response's events are written.</summary>
public enum ApiStreamFormat
{
    /// <summary>Server-sent events (<c>text/event-stream</c>): each event's <c>data:</c> lines are one JSON value.</summary>
    ServerSentEvents,

    /// <summary>JSON lines (<c>application/x-ndjson</c>, <c>application/jsonl</c>, <c>application/json-seq</c>): each line one JSON value.</summary>
    JsonLines,
}

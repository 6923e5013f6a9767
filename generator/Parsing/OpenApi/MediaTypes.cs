using System;
using System.Collections.Generic;
using System.Linq;

namespace Scenario.Generators.Parsing.OpenApi;

/// <summary>What the client does with a media type: JSON is typed by its schema, text is a string, anything else is bytes or content the caller builds.</summary>
internal enum MediaKind
{
    Json,
    Text,
    Other,
}

/// <summary>Tells media types apart, and picks the one of a body or a response the client uses.</summary>
internal static class MediaTypes
{
    /// <summary>The media type without its parameters, lower case (<c>application/json; charset=utf-8</c> → <c>application/json</c>).</summary>
    public static string Essence(string media)
    {
        int semicolon = media.IndexOf(';');
        return (semicolon >= 0 ? media.Substring(0, semicolon) : media).Trim().ToLowerInvariant();
    }

    public static MediaKind KindOf(string media, bool hasSchema)
    {
        string essence = Essence(media);
        if (essence is "application/json" or "text/json" || essence.EndsWith("+json", StringComparison.Ordinal) || essence.EndsWith("/json", StringComparison.Ordinal)
            || (essence is "*/*" or "application/*" && hasSchema))
        {
            return MediaKind.Json;
        }

        if ((essence.StartsWith("text/", StringComparison.Ordinal) && essence != "text/event-stream") || essence is "application/xml" || essence.EndsWith("+xml", StringComparison.Ordinal))
        {
            return MediaKind.Text;
        }

        return MediaKind.Other;
    }

    /// <summary>
    /// Whether a media type streams events: true for server-sent events (<c>text/event-stream</c>), false for JSON lines
    /// (<c>application/x-ndjson</c>, <c>application/jsonl</c>, <c>application/json-seq</c>), null for anything else.
    /// </summary>
    public static bool? StreamFormatOf(string media) => Essence(media) switch
    {
        "text/event-stream" => true,
        "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines" or "application/json-seq" => false,
        _ => null,
    };

    /// <summary>
    /// The media type a body or a response is used as: <c>application/json</c> first, then another JSON type, then text,
    /// then the first written. Null for none.
    /// </summary>
    public static MediaView? Choose(IReadOnlyList<MediaView> content) =>
        content.FirstOrDefault(m => Essence(m.MediaType) == "application/json")
        ?? content.FirstOrDefault(m => KindOf(m.MediaType, m.Schema is not null) == MediaKind.Json)
        ?? content.FirstOrDefault(m => KindOf(m.MediaType, m.Schema is not null) == MediaKind.Text)
        ?? content.FirstOrDefault();
}

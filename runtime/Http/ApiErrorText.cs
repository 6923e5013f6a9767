using System;
using System.Net;
using System.Text.Json;

namespace Scenario.Runtime.Http;

/// <summary>
/// The text both status exception families share (<see cref="ApiStatusException"/> and <see cref="ScenarioApiException"/>),
/// and the event stream's error: the message that names the status, the server's message read out of an error body, and
/// how a quoted text is shortened.
/// </summary>
internal static class ApiErrorText
{
    /// <summary>The longest server message an exception's message quotes (200 characters).</summary>
    public const int MaxMessageLength = 200;

    /// <summary>The message of a status exception: the status, the server's message (shortened) and the request id.</summary>
    internal static string Describe(HttpStatusCode statusCode, string? errorMessage, string? requestId)
    {
        string? quoted = errorMessage is null ? null : Shorten(errorMessage);
        return $"The API answered {(int)statusCode} ({statusCode})"
            + (string.IsNullOrEmpty(quoted) ? "." : ": " + quoted + (quoted!.EndsWith(".", StringComparison.Ordinal) || quoted.EndsWith("…", StringComparison.Ordinal) ? string.Empty : "."))
            + (requestId is null ? string.Empty : $" Request id: {Shorten(requestId)}.");
    }

    /// <summary>The first line of <paramref name="text"/>, at most <see cref="MaxMessageLength"/> characters, control characters removed.</summary>
    internal static string Shorten(string text)
    {
        text = text.Trim();
        int newline = text.IndexOfAny(new[] { '\r', '\n' });
        bool cut = false;
        if (newline >= 0)
        {
            text = text.Substring(0, newline).TrimEnd();
            cut = true;
        }

        if (text.Length > MaxMessageLength)
        {
            text = text.Substring(0, MaxMessageLength);
            cut = true;
        }

        var clean = new System.Text.StringBuilder(text.Length + 1);
        foreach (char c in text)
        {
            clean.Append(char.IsControl(c) ? ' ' : c);
        }

        return cut ? clean.Append('…').ToString() : clean.ToString();
    }

    /// <summary>The server's message in an error body: its JSON error message (<see cref="ReadMessage"/>), else the start of the text; null when blank.</summary>
    internal static string? ExtractMessage(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        if (ReadMessage(body) is { } found)
        {
            return found;
        }

        string text = body.Trim();
        return text.Length <= MaxMessageLength ? text : text.Substring(0, MaxMessageLength) + "…";
    }

    /// <summary>
    /// The human text of a JSON error body: <c>message</c>, then <c>error.message</c>, then <c>detail</c>, then a string
    /// <c>error</c>. Read token by token, so a body cut at the error body bound still gives what precedes the cut.
    /// </summary>
    private static string? ReadMessage(string body)
    {
        string? message = null, nested = null, detail = null, code = null;
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(body), isFinalBlock: false, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? property = null;
            bool inError = false;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        continue;
                    case JsonTokenType.String when reader.CurrentDepth == 1:
                        string? top = reader.GetString();
                        message ??= property == "message" ? top : null;
                        detail ??= property == "detail" ? top : null;
                        code ??= property == "error" ? top : null;
                        break;
                    case JsonTokenType.String when reader.CurrentDepth == 2 && inError && property == "message":
                        nested ??= reader.GetString();
                        break;
                    case JsonTokenType.StartObject when reader.CurrentDepth == 1:
                        inError = property == "error";
                        if (!inError && !reader.TrySkip())
                        {
                            return First(message, nested, detail, code);
                        }

                        break;
                    case JsonTokenType.StartArray:
                        if (!reader.TrySkip())
                        {
                            return First(message, nested, detail, code);
                        }

                        break;
                    case JsonTokenType.EndObject when reader.CurrentDepth == 1:
                        inError = false;
                        break;
                }

                property = null;
                if (message is not null)
                {
                    break;
                }
            }
        }
        catch (JsonException)
        {
            // A malformed body: what was read before the fault still counts.
        }
        catch (InvalidOperationException)
        {
        }

        return First(message, nested, detail, code);
    }

    private static string? First(params string?[] candidates)
    {
        foreach (string? candidate in candidates)
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

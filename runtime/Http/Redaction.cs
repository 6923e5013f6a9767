using System;
using System.Collections.Generic;
using System.Text;

namespace Scenario.Runtime.Http;

/// <summary>
/// Blanks out secrets in a text the client writes (a message, a log line): each as written, and with some of its
/// characters escaped as a JSON encoder may write them (<c>\u002B</c> or <c>\u002b</c> for any character, <c>\/</c>,
/// <c>\"</c>, <c>\\</c>, …) or percent-encoded (<c>%2B</c>, <c>%2b</c>: a URL the server quotes), so that a server
/// echoing a secret shows it neither in the body nor in the message decoded from it.
/// </summary>
internal sealed class Redaction
{
    /// <summary>What stands in for a secret.</summary>
    public const string Mark = "[redacted]";

    private readonly IReadOnlyList<string> _secrets;
    private readonly ApiCredential[] _credentials;
    private readonly int _minLength;

    /// <summary>Redacts <paramref name="secrets"/> and those of <paramref name="credentials"/> (read at each use: a token callback's change).</summary>
    public Redaction(IReadOnlyList<string> secrets, ApiCredential[] credentials, int minLength)
    {
        _secrets = secrets;
        _credentials = credentials;
        _minLength = minLength;
    }

    /// <summary><paramref name="text"/> with every secret of the client blanked out.</summary>
    public string Redact(string text)
    {
        text = Redact(text, _secrets, _minLength);
        foreach (ApiCredential credential in _credentials)
        {
            text = Redact(text, credential.Secrets, _minLength);
        }

        return text;
    }

    /// <summary>
    /// <paramref name="text"/> with every secret of at least <paramref name="minLength"/> characters blanked out
    /// (shorter ones would blank out ordinary text).
    /// </summary>
    public static string Redact(string text, IReadOnlyList<string> secrets, int minLength)
    {
        foreach (string secret in secrets)
        {
            if (secret is null || secret.Length < minLength)
            {
                continue;
            }

            text = text.Replace(secret, Mark, StringComparison.Ordinal);
            if (text.IndexOf('\\') >= 0 || text.IndexOf('%') >= 0)
            {
                text = RedactEscaped(text, secret);
            }
        }

        return text;
    }

    /// <summary>The occurrences of <paramref name="secret"/> in which some characters are escaped.</summary>
    private static string RedactEscaped(string text, string secret)
    {
        StringBuilder? result = null;
        int copied = 0;
        int i = 0;
        while (i < text.Length)
        {
            int end = MatchAt(text, i, secret);
            if (end < 0)
            {
                i++;
                continue;
            }

            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, i - copied).Append(Mark);
            copied = i = end;
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Where a match of <paramref name="secret"/> that starts at <paramref name="start"/> ends; -1 when none starts there.</summary>
    private static int MatchAt(string text, int start, string secret)
    {
        int at = start;
        foreach (char expected in secret)
        {
            if (at >= text.Length)
            {
                return -1;
            }

            if ((text[at] == '\\' || text[at] == '%') && Unescape(text, at, out char decoded, out int length) && decoded == expected)
            {
                at += length;
            }
            else if (text[at] == expected)
            {
                at++;
            }
            else
            {
                return -1;
            }
        }

        return at;
    }

    /// <summary>
    /// The character an escape at <paramref name="at"/> stands for, and the escape's length: a JSON escape (a backslash),
    /// or a percent-encoded ASCII character.
    /// </summary>
    private static bool Unescape(string text, int at, out char decoded, out int length)
    {
        decoded = '\0';
        length = 2;
        if (at + 1 >= text.Length)
        {
            return false;
        }

        if (text[at] == '%')
        {
            length = 3;
            int high = HexValue(text[at + 1]);
            int low = at + 2 < text.Length ? HexValue(text[at + 2]) : -1;
            decoded = (char)((high << 4) | low);
            return high >= 0 && low >= 0 && high < 8;
        }

        switch (text[at + 1])
        {
            case '"': decoded = '"'; return true;
            case '\\': decoded = '\\'; return true;
            case '/': decoded = '/'; return true;
            case 'b': decoded = '\b'; return true;
            case 'f': decoded = '\f'; return true;
            case 'n': decoded = '\n'; return true;
            case 'r': decoded = '\r'; return true;
            case 't': decoded = '\t'; return true;
            case 'u' when at + 6 <= text.Length:
                int value = 0;
                for (int k = at + 2; k < at + 6; k++)
                {
                    int digit = HexValue(text[k]);
                    if (digit < 0)
                    {
                        return false;
                    }

                    value = (value << 4) | digit;
                }

                decoded = (char)value;
                length = 6;
                return true;
            default:
                return false;
        }
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}

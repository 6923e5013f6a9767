using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Scenario.Runtime.Validation;

/// <summary>JSON pointers (RFC 6901) and URI references as schemas use them: escaping, following into JSON, resolving against a base.</summary>
internal static class SchemaPointer
{
    /// <summary>A pointer segment escaped: <c>~</c> as <c>~0</c>, <c>/</c> as <c>~1</c>.</summary>
    public static string Escape(string segment) =>
        segment.IndexOf('~') < 0 && segment.IndexOf('/') < 0 ? segment : segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>The segments of a pointer (<c>/a/b~1c</c>), unescaped; null when it is not a pointer.</summary>
    public static List<string>? Segments(string pointer)
    {
        var segments = new List<string>();
        if (pointer.Length == 0)
        {
            return segments;
        }

        if (pointer[0] != '/')
        {
            return null;
        }

        foreach (string raw in pointer.Substring(1).Split('/'))
        {
            segments.Add(raw.Replace("~1", "/").Replace("~0", "~"));
        }

        return segments;
    }

    /// <summary>Follows <paramref name="segments"/> from <paramref name="root"/>; false when one is missing.</summary>
    public static bool TryFollow(JsonElement root, List<string> segments, out JsonElement target)
    {
        target = root;
        foreach (string segment in segments)
        {
            if (target.ValueKind == JsonValueKind.Object)
            {
                if (!target.TryGetProperty(segment, out target))
                {
                    return false;
                }
            }
            else if (target.ValueKind == JsonValueKind.Array)
            {
                if (!int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index) || index >= target.GetArrayLength() || (segment.Length > 1 && segment[0] == '0'))
                {
                    return false;
                }

                target = target[index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="reference"/> starts with a URI scheme (<c>http:</c>, <c>urn:</c>…).</summary>
    public static bool HasScheme(string reference)
    {
        if (reference.Length == 0 || !IsAsciiLetter(reference[0]))
        {
            return false;
        }

        for (int i = 1; i < reference.Length; i++)
        {
            char c = reference[i];
            if (c == ':')
            {
                return true;
            }

            if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Splits an absolute URI reference at its <c>#</c>: the URI without the fragment, and the fragment (unescaped, without <c>#</c>).</summary>
    public static (string Uri, string Fragment) Split(string uri)
    {
        int hash = uri.IndexOf('#');
        return hash < 0 ? (uri, "") : (uri.Substring(0, hash), Uri.UnescapeDataString(uri.Substring(hash + 1)));
    }

    /// <summary>
    /// The absolute URI of <paramref name="reference"/> resolved against <paramref name="baseUri"/> (RFC 3986), with its
    /// fragment kept as written. A base that is no hierarchical URI (a URN) only takes fragments and absolute references.
    /// </summary>
    public static string Resolve(string baseUri, string reference)
    {
        int hash = reference.IndexOf('#');
        string path = hash < 0 ? reference : reference.Substring(0, hash);
        string fragment = hash < 0 ? "" : reference.Substring(hash);
        string resolved;
        if (path.Length == 0)
        {
            resolved = Split(baseUri).Uri;
        }
        else if (HasScheme(path))
        {
            resolved = Normalize(path);
        }
        else if (Uri.TryCreate(baseUri, UriKind.Absolute, out Uri? b) && Uri.TryCreate(b, path, out Uri? combined) && !b.IsFile == !combined.IsFile)
        {
            resolved = Normalize(combined.AbsoluteUri);
        }
        else
        {
            resolved = path;
        }

        return resolved + fragment;
    }

    /// <summary>An absolute URI without its fragment, in the one spelling the set's lookups use.</summary>
    public static string Normalize(string uri)
    {
        string noFragment = Split(uri).Uri;
        if (HasScheme(noFragment) && Uri.TryCreate(noFragment, UriKind.Absolute, out Uri? parsed) && (parsed.Scheme == "http" || parsed.Scheme == "https" || parsed.Scheme == "file"))
        {
            string text = parsed.AbsoluteUri;
            int hash = text.IndexOf('#');
            return hash < 0 ? text : text.Substring(0, hash);
        }

        return noFragment;
    }

    /// <summary>Builds the JSON pointer of an instance location from its segments.</summary>
    public static string Build(string?[] names, int[] indices, int count)
    {
        if (count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            text.Append('/');
            if (names[i] is { } name)
            {
                text.Append(Escape(name));
            }
            else
            {
                text.Append(indices[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

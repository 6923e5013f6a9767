using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Scenario.Generators.Parsing.Json;

namespace Scenario.Generators.Parsing.OpenApi;

/// <summary>
/// Which operations of a large document to keep (the <c>Operations</c> setting, or, where no item metadata reaches the
/// generator as in Unity, the root's <c>x-client.operations</c>): selectors separated by <c>;</c>, each <c>tag:NAME</c>,
/// <c>path:/repos/{owner}/{repo}/issues*</c> or <c>id:issues/list-for-repo</c>, where <c>*</c> matches any characters
/// (<c>/</c> included). An operation matching any selector is kept, with the schemas it reaches; the others, and the
/// schemas only they reach, are not generated. Names do not change: operations and schemas are named over the whole
/// document before the filter applies.
/// </summary>
internal sealed class OperationFilter
{
    private readonly List<(string Kind, Regex Pattern)> _selectors;

    private OperationFilter(string text, List<(string Kind, Regex Pattern)> selectors)
    {
        Text = text;
        _selectors = selectors;
    }

    /// <summary>The selectors as written.</summary>
    public string Text { get; }

    /// <summary>The filter a setting describes; null with <paramref name="problem"/> set when it is not one.</summary>
    public static OperationFilter? Parse(string text, out string? problem)
    {
        problem = null;
        var selectors = new List<(string, Regex)>();
        foreach (string raw in text.Split(';'))
        {
            string entry = raw.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            int colon = entry.IndexOf(':');
            string kind = colon < 0 ? string.Empty : entry.Substring(0, colon).Trim().ToLowerInvariant();
            string value = colon < 0 ? string.Empty : entry.Substring(colon + 1).Trim();
            if (kind is not ("tag" or "path" or "id") || value.Length == 0)
            {
                problem = "'" + entry + "' is not 'tag:NAME', 'path:/PATH' or 'id:OPERATION-ID' (separate several with ';'; * matches any characters)";
                return null;
            }

            string pattern = "^" + string.Join(".*", value.Split('*').Select(Regex.Escape)) + "$";
            selectors.Add((kind, new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))));
        }

        if (selectors.Count == 0)
        {
            problem = "it selects no operation; give 'tag:NAME', 'path:/PATH' or 'id:OPERATION-ID' (separate several with ';')";
            return null;
        }

        return new OperationFilter(text, selectors);
    }

    /// <summary>Whether the operation is kept: a tag, its path or its operationId matches a selector.</summary>
    public bool Keeps(OperationView operation)
    {
        foreach ((string kind, Regex pattern) in _selectors)
        {
            bool matches = kind switch
            {
                "path" => IsMatch(pattern, operation.Path),
                "id" => operation.OperationId is { } id && IsMatch(pattern, id),
                _ => operation.Node["tags"] is JsonArray tags && tags.Items().Any(t => SchemaKeywords.StringOf(t) is { } tag && IsMatch(pattern, tag)),
            };
            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMatch(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}

using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing.Json;

namespace Scenario.Generators.Parsing;

/// <summary>Finds places in the schema text, from JSON pointers or line positions, for diagnostics.</summary>
internal sealed class SchemaLocator
{
    private readonly string _path;
    private readonly string _text;
    private readonly List<int> _lineStarts = new() { 0 };

    public SchemaLocator(string path, string text)
    {
        _path = path;
        _text = text;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public LocationInfo File => At(0, 0);

    /// <summary>A location of one character at a zero-based offset (or of nothing, at the end of the text).</summary>
    public LocationInfo AtOffset(int offset)
    {
        offset = Math.Max(0, Math.Min(offset, _text.Length));
        return At(offset, offset < _text.Length ? 1 : 0);
    }

    /// <summary>The location of a node: the name of the property that holds it, quotes included, when there is one; else its first character.</summary>
    public LocationInfo Of(JsonNode token)
    {
        if (token.Parent is JsonProperty property)
        {
            return At(property.Offset, property.NameLength);
        }

        return token is JsonProperty named ? At(named.Offset, named.NameLength) : token.Offset < 0 ? File : AtOffset(token.Offset);
    }

    /// <summary>The token at a JSON pointer such as <c>/definitions/Asset</c>, or null.</summary>
    public static JsonNode? Resolve(JsonNode root, string pointer)
    {
        JsonNode? current = root;
        if (pointer.Length == 0)
        {
            return current;
        }

        foreach (string rawSegment in pointer.Substring(1).Split('/'))
        {
            string segment = rawSegment.IndexOf('%') < 0 && rawSegment.IndexOf('~') < 0
                ? rawSegment
                : Uri.UnescapeDataString(rawSegment).Replace("~1", "/").Replace("~0", "~");
            current = current switch
            {
                JsonObject obj => obj.TryGetValue(segment, StringComparison.Ordinal, out JsonNode? child) ? child : null,
                JsonArray array when int.TryParse(segment, out int index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private LocationInfo At(int offset, int length)
    {
        var span = new TextSpan(offset, length);
        return new LocationInfo(_path, span, new LinePositionSpan(PositionOf(offset), PositionOf(offset + length)));
    }

    private LinePosition PositionOf(int offset)
    {
        int line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line, offset - _lineStarts[line]);
    }
}

using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Scenario.Generators.Model;

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

    /// <summary>A location from Newtonsoft's one-based line and position.</summary>
    public LocationInfo AtLine(int line, int position)
    {
        int lineIndex = Math.Max(0, Math.Min(line - 1, _lineStarts.Count - 1));
        int offset = Math.Min(_lineStarts[lineIndex] + Math.Max(0, position - 1), _text.Length);
        return At(offset, offset < _text.Length ? 1 : 0);
    }

    /// <summary>The location of a token: the name of the property that holds it, quotes included, when there is one.</summary>
    public LocationInfo Of(JToken token)
    {
        JToken named = token.Parent is JProperty property ? property : token;
        var info = (IJsonLineInfo)named;
        if (!info.HasLineInfo())
        {
            return File;
        }

        int lineIndex = Math.Max(0, Math.Min(info.LineNumber - 1, _lineStarts.Count - 1));
        int end = Math.Min(_lineStarts[lineIndex] + info.LinePosition, _text.Length);
        if (named is JProperty)
        {
            // Newtonsoft places a property just after its name: step back over it to its opening quote.
            int close = _text.LastIndexOf('"', Math.Max(0, end - 1));
            int open = close > 0 ? _text.LastIndexOf('"', close - 1) : -1;
            if (open >= 0)
            {
                return At(open, close - open + 1);
            }
        }

        int start = Math.Max(0, end - 1);
        return At(start, 1);
    }

    /// <summary>The token at a JSON pointer such as <c>/definitions/Asset</c>, or null.</summary>
    public static JToken? Resolve(JToken root, string pointer)
    {
        JToken? current = root;
        if (pointer.Length == 0)
        {
            return current;
        }

        foreach (string rawSegment in pointer.Substring(1).Split('/'))
        {
            string segment = Uri.UnescapeDataString(rawSegment).Replace("~1", "/").Replace("~0", "~");
            current = current switch
            {
                JObject obj => obj.TryGetValue(segment, StringComparison.Ordinal, out JToken? child) ? child : null,
                JArray array when int.TryParse(segment, out int index) && index >= 0 && index < array.Count => array[index],
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

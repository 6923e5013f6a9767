using System;
using System.Collections.Generic;
using System.Text;

namespace Scenario.Generators.Parsing.Json;

/// <summary>A text the reader refuses: where (a zero-based offset) and why, as the end of a sentence.</summary>
internal sealed class JsonTreeException : Exception
{
    public JsonTreeException(int offset, string message)
        : base(message)
    {
        Offset = offset;
    }

    public int Offset { get; }
}

/// <summary>
/// Builds the <see cref="JsonNode"/> tree of a schema file. The text has passed <see cref="StrictJson.Check"/>, so this
/// reads without judging the grammar again; it refuses what the grammar allows and a schema must not have: an object
/// with two properties of one name, and nesting deeper than a limit. Iterative, so no input reaches the stack's end.
/// Names and short strings are read into one string each per document ("type", "string", "description" come back
/// thousands of times), looked up by their characters in the text before any string is made.
/// </summary>
internal sealed class JsonTreeReader
{
    /// <summary>Strings up to this length share one instance per document; longer ones (descriptions) are each their own.</summary>
    private const int MaxShared = 64;

    private static readonly char[] QuoteOrBackslash = { '"', '\\' };

    private readonly string _text;
    private readonly int _maxDepth;
    private readonly StringTable _strings = new();
    private readonly List<JsonProperty> _properties = new();
    private readonly List<JsonNode> _items = new();
    private readonly StringBuilder _escaped = new();
    private Frame[] _frames = new Frame[16];
    private int _depth;
    private int _pos;
    private JsonNode? _root;

    private JsonTreeReader(string text, int maxDepth)
    {
        _text = text;
        _maxDepth = maxDepth;
    }

    /// <summary>The tree of <paramref name="text"/>, one JSON value (checked by <see cref="StrictJson"/>).</summary>
    /// <exception cref="JsonTreeException">Two properties of one object share a name, or containers nest deeper than <paramref name="maxDepth"/>.</exception>
    public static JsonNode Read(string text, int maxDepth) => new JsonTreeReader(text, maxDepth).ReadDocument();

    /// <summary>The value of a JSON string literal (<c>"a\u0062"</c> gives <c>ab</c>).</summary>
    public static string Unquote(string literal) => (string)Read(literal, 1)!;

    private struct Frame
    {
        public JsonNode Container;
        public int Start;
        public JsonProperty? Property;
        public Dictionary<string, JsonProperty>? ByName;
    }

    private JsonNode ReadDocument()
    {
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == '\uFEFF')
        {
            _pos++;
            SkipWhitespace();
        }

        while (true)
        {
            // A value starts here.
            char c = Current();
            JsonNode? parent = _depth == 0 ? null : _frames[_depth - 1].Container is JsonArray items ? items : _frames[_depth - 1].Property;
            bool closed = true;
            switch (c)
            {
                case '{':
                    closed = Open(new JsonObject(parent, _pos), '}');
                    break;
                case '[':
                    closed = Open(new JsonArray(parent, _pos), ']');
                    break;
                case '"':
                {
                    int start = _pos;
                    Attach(new JsonValue(parent, start, JsonNodeType.String, ReadString()));
                    break;
                }

                case 't':
                    Attach(new JsonValue(parent, _pos, JsonNodeType.Boolean, "true"));
                    _pos += 4;
                    break;
                case 'f':
                    Attach(new JsonValue(parent, _pos, JsonNodeType.Boolean, "false"));
                    _pos += 5;
                    break;
                case 'n':
                    Attach(new JsonValue(parent, _pos, JsonNodeType.Null, null));
                    _pos += 4;
                    break;
                default:
                    Attach(ReadNumber(parent));
                    break;
            }

            if (!closed)
            {
                continue;
            }

            // After a value: a comma and the next, or the end of one container or more, or the end of the text.
            while (true)
            {
                if (_depth == 0)
                {
                    return _root!;
                }

                SkipWhitespace();
                c = Current();
                _pos++;
                if (c == ',')
                {
                    SkipWhitespace();
                    if (_frames[_depth - 1].Container is JsonObject)
                    {
                        ReadName();
                    }

                    break;
                }

                if (c is '}' or ']')
                {
                    Close();
                    continue;
                }

                throw new JsonTreeException(_pos - 1, "a comma or the end of a container should come here");
            }
        }
    }

    private char Current() => _pos < _text.Length ? _text[_pos] : throw new JsonTreeException(_text.Length, "the text ends where a value should be");

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r')
        {
            _pos++;
        }
    }

    private void Attach(JsonNode node)
    {
        if (_depth == 0)
        {
            _root = node;
        }
        else if (_frames[_depth - 1].Property is { } property)
        {
            property.Value = node;
        }
        else
        {
            _items.Add(node);
        }
    }

    /// <summary>
    /// A container starts at the current position: it joins its parent and the stack, and true when it ends right away
    /// (<c>{}</c>, <c>[]</c>); else the position is at its first value (an object's first name read).
    /// </summary>
    private bool Open(JsonNode container, char end)
    {
        Attach(container);
        Push(container);
        _pos++;
        SkipWhitespace();
        if (Current() == end)
        {
            _pos++;
            Close();
            return true;
        }

        if (container is JsonObject)
        {
            ReadName();
        }

        return false;
    }

    private void Push(JsonNode container)
    {
        if (_depth == _maxDepth)
        {
            throw new JsonTreeException(container.Offset, "it nests containers more than " + _maxDepth + " levels deep");
        }

        if (_depth == _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }

        _frames[_depth++] = new Frame { Container = container, Start = container is JsonObject ? _properties.Count : _items.Count };
    }

    private void Close()
    {
        ref Frame frame = ref _frames[--_depth];
        if (frame.Container is JsonObject obj)
        {
            var properties = new JsonProperty[_properties.Count - frame.Start];
            _properties.CopyTo(frame.Start, properties, 0, properties.Length);
            _properties.RemoveRange(frame.Start, properties.Length);
            obj.Complete(properties, frame.ByName);
        }
        else
        {
            var items = new JsonNode[_items.Count - frame.Start];
            _items.CopyTo(frame.Start, items, 0, items.Length);
            _items.RemoveRange(frame.Start, items.Length);
            ((JsonArray)frame.Container).Complete(items);
        }

        frame = default;
    }

    /// <summary>A property's name and its colon; the property joins its object, refused if the object has the name already.</summary>
    private void ReadName()
    {
        ref Frame frame = ref _frames[_depth - 1];
        int offset = _pos;
        if (Current() != '"')
        {
            throw new JsonTreeException(offset, "a property name should come here");
        }

        string name = ReadString();
        var property = new JsonProperty((JsonObject)frame.Container, offset, _pos - offset, name);
        int count = _properties.Count - frame.Start;
        if (frame.ByName is { } byName)
        {
            if (byName.ContainsKey(name))
            {
                throw Duplicate(offset, name);
            }

            byName.Add(name, property);
        }
        else
        {
            for (int i = frame.Start; i < _properties.Count; i++)
            {
                if (string.Equals(_properties[i].Name, name))
                {
                    throw Duplicate(offset, name);
                }
            }

            if (count == JsonObject.MaxScanned)
            {
                frame.ByName = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
                for (int i = frame.Start; i < _properties.Count; i++)
                {
                    frame.ByName.Add(_properties[i].Name, _properties[i]);
                }

                frame.ByName.Add(name, property);
            }
        }

        _properties.Add(property);
        frame.Property = property;
        SkipWhitespace();
        if (Current() != ':')
        {
            throw new JsonTreeException(_pos, "a colon should come here");
        }

        _pos++;
        SkipWhitespace();
    }

    private static JsonTreeException Duplicate(int offset, string name) =>
        new(offset, "an object has two properties named '" + name + "'; JSON readers differ on which one counts");

    /// <summary>A string at the current quote; the position moves past its closing quote.</summary>
    private string ReadString()
    {
        int start = _pos + 1;
        int end = _text.IndexOfAny(QuoteOrBackslash, start);
        if (end < 0)
        {
            throw new JsonTreeException(_pos, "a string is not closed");
        }

        if (_text[end] == '"')
        {
            _pos = end + 1;
            int length = end - start;
            return length <= MaxShared ? _strings.Get(_text, start, length) : _text.Substring(start, length);
        }

        StringBuilder value = _escaped.Clear();
        value.Append(_text, start, end - start);
        int i = end;
        while (true)
        {
            if (i >= _text.Length)
            {
                throw new JsonTreeException(_pos, "a string is not closed");
            }

            char c = _text[i];
            if (c == '"')
            {
                break;
            }

            if (c != '\\')
            {
                value.Append(c);
                i++;
                continue;
            }

            char escape = i + 1 < _text.Length ? _text[i + 1] : '\0';
            i += 2;
            switch (escape)
            {
                case '"': value.Append('"'); break;
                case '\\': value.Append('\\'); break;
                case '/': value.Append('/'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case 'u' when i + 4 <= _text.Length && int.TryParse(_text.Substring(i, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out int code):
                    value.Append((char)code);
                    i += 4;
                    break;
                default:
                    throw new JsonTreeException(i - 2, "a string has an escape JSON does not define");
            }
        }

        _pos = i + 1;
        string text = value.ToString();
        return text.Length <= MaxShared ? _strings.Get(text, 0, text.Length) : text;
    }

    private JsonValue ReadNumber(JsonNode? parent)
    {
        int start = _pos;
        bool real = false;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c is '.' or 'e' or 'E')
            {
                real = true;
            }
            else if (c is not ((>= '0' and <= '9') or '-' or '+'))
            {
                break;
            }

            _pos++;
        }

        if (_pos == start)
        {
            throw new JsonTreeException(start, "a value should come here");
        }

        int length = _pos - start;
        string text = length <= MaxShared ? _strings.Get(_text, start, length) : _text.Substring(start, length);
        return new JsonValue(parent, start, real ? JsonNodeType.Float : JsonNodeType.Integer, text);
    }
}

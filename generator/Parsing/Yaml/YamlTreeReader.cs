using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Scenario.Generators.Parsing.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Scenario.Generators.Parsing.Yaml;

/// <summary>
/// Builds the same <see cref="JsonNode"/> tree as <see cref="JsonTreeReader"/> from YAML text, so everything after
/// reading sees one shape whatever the file's format. The YAML itself is parsed by YamlDotNet's event parser (a
/// well-kept library, docs/decisions.md); this class only turns its events into nodes: each node's offset is its
/// place in the YAML text, so diagnostics point at the YAML's line and column. Plain scalars are typed by the YAML 1.2
/// core schema (<see cref="YamlScalars"/>), quoted ones are strings, keys are strings as written (<c>200:</c> is
/// <c>"200"</c>). Aliases are copied where they are used, within a budget of nodes, so a document of nested aliases
/// (a "billion laughs") is refused rather than read; <c>&lt;&lt;</c> merge keys merge the mappings they name. This is the
/// only file that names YamlDotNet: where its assembly cannot be loaded, <see cref="YamlText"/> says so as a diagnostic.
/// </summary>
internal sealed class YamlTreeReader
{
    private const string MergeKey = "<<";

    private readonly string _text;
    private readonly int _maxDepth;
    private readonly long _maxNodes;
    private readonly StringTable _strings = new();
    private readonly Dictionary<string, JsonNode> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> _frames = new();
    private long _nodes;
    private JsonNode? _root;

    private YamlTreeReader(string text, int maxDepth)
    {
        _text = text;
        _maxDepth = maxDepth;

        // Aliases may copy a subtree many times; a real document stays far below this (ten nodes a character, at least a million).
        _maxNodes = Math.Max(1_000_000L, text.Length * 10L);
    }

    /// <summary>The tree of one YAML document.</summary>
    /// <exception cref="JsonTreeException">The text is not YAML, holds more than one document, has a key that is not a scalar or twice the same key, nests too deep, or expands past the budget.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static JsonNode Read(string text, int maxDepth)
    {
        for (int repairs = 0; ; repairs++)
        {
            try
            {
                return new YamlTreeReader(text, maxDepth).ReadStream();
            }
            catch (YamlException invalid)
            {
                if (repairs < MaxRepairs && invalid.Message.IndexOf("extra spaces in first line", StringComparison.Ordinal) >= 0 && RepairBlockScalar(text, OffsetOf(invalid.Start)) is { } repaired)
                {
                    text = repaired;
                    continue;
                }

                throw new JsonTreeException(OffsetOf(invalid.Start), Describe(invalid));
            }
        }
    }

    /// <summary>How many block scalars one read repairs before it gives up (each repair reads the text again).</summary>
    private const int MaxRepairs = 32;

    /// <summary>
    /// A block scalar whose content is only lines of spaces (OpenAI's <c>example: |+</c> over one line of twelve spaces):
    /// YAML 1.2 takes the longest such line as its indentation, so each line is empty; YamlDotNet refuses it ("found
    /// extra spaces in first line"). The same text with those spaces moved to the end of the block's header line, where
    /// they mean nothing, reads as YAML says, and every other character keeps its offset. Null when the fault is not that.
    /// </summary>
    private static string? RepairBlockScalar(string text, int faultOffset)
    {
        int lineStart = text.LastIndexOf('\n', Math.Max(0, Math.Min(faultOffset, text.Length) - 1)) + 1;
        var blank = new List<(int Start, int Length)>();
        int end = lineStart - 1;
        while (end > 0)
        {
            int start = text.LastIndexOf('\n', end - 1) + 1;
            string line = text.Substring(start, end - start).TrimEnd('\r');
            if (line.Trim().Length > 0)
            {
                string header = line.TrimEnd();
                int indicator = header.Length - 1;
                while (indicator >= 0 && (char.IsDigit(header[indicator]) || header[indicator] is '+' or '-'))
                {
                    indicator--;
                }

                if (indicator < 0 || header[indicator] is not ('|' or '>') || blank.Count == 0)
                {
                    return null;
                }

                // Move the blank lines' spaces to the end of the header line: the same length, so every offset after stays.
                var repaired = new System.Text.StringBuilder(text.Length);
                int headerEnd = start + header.Length;
                int moved = 0;
                foreach ((int _, int length) in blank)
                {
                    moved += length;
                }

                repaired.Append(text, 0, headerEnd).Append(' ', moved);
                int position = headerEnd;
                foreach ((int blankStart, int length) in blank.OrderBy(b => b.Start))
                {
                    repaired.Append(text, position, blankStart - position);
                    position = blankStart + length;
                }

                return repaired.Append(text, position, text.Length - position).ToString();
            }

            int spaces = line.Length;
            if (spaces > 0)
            {
                blank.Add((start, spaces));
            }

            end = start - 1;
        }

        return null;
    }

    private sealed class Frame
    {
        public Frame(JsonNode container, string? anchor)
        {
            Container = container;
            Anchor = anchor;
        }

        public JsonNode Container { get; }

        public string? Anchor { get; }

        public List<JsonProperty> Properties { get; } = new();

        public List<JsonNode> Items { get; } = new();

        public Dictionary<string, JsonProperty>? ByName { get; set; }

        /// <summary>In a mapping: the property whose value comes next; null when a key comes next.</summary>
        public JsonProperty? Pending { get; set; }

        /// <summary>In a mapping: a <c>&lt;&lt;</c> key is waiting for its value.</summary>
        public bool PendingMerge { get; set; }

        /// <summary>The mappings <c>&lt;&lt;</c> keys named, merged when the mapping ends (its own keys win).</summary>
        public List<JsonObject>? Merges { get; set; }
    }

    private JsonNode ReadStream()
    {
        var parser = new Parser(new StringReader(_text));
        int documents = 0;
        while (parser.MoveNext())
        {
            ParsingEvent current = parser.Current!;
            switch (current)
            {
                case DocumentStart start when !start.IsImplicit || documents > 0:
                    if (++documents > 1)
                    {
                        throw new JsonTreeException(OffsetOf(start.Start), "the file holds more than one YAML document; an OpenAPI document is one");
                    }

                    break;
                case DocumentStart:
                    documents++;
                    break;
                case Scalar scalar:
                    Value(scalar);
                    break;
                case MappingStart mapping:
                    Open(new JsonObject(Parent(), OffsetOf(mapping.Start)), mapping.Anchor);
                    break;
                case SequenceStart sequence:
                    Open(new JsonArray(Parent(), OffsetOf(sequence.Start)), sequence.Anchor);
                    break;
                case MappingEnd or SequenceEnd:
                    Close();
                    break;
                case AnchorAlias alias:
                    Alias(alias);
                    break;
            }
        }

        return _root ?? new JsonValue(null, 0, JsonNodeType.Null, null);
    }

    /// <summary>The parent a value starting now gets: the pending property of a mapping, the sequence, or none (the root).</summary>
    private JsonNode? Parent()
    {
        if (_frames.Count == 0)
        {
            return null;
        }

        Frame frame = _frames.Peek();
        if (frame.Container is JsonArray)
        {
            return frame.Container;
        }

        if (frame.PendingMerge)
        {
            // "<<: {…}" or "<<: [*a, *b]": read like any value, then copied into the mapping when it ends.
            return null;
        }

        if (frame.Pending is { } pending)
        {
            return pending;
        }

        // A key that is a mapping or a sequence: JSON has no such key.
        throw new JsonTreeException(_text.Length, "a mapping key is not a scalar; JSON (and OpenAPI) keys are strings");
    }

    private void Value(Scalar scalar)
    {
        if (_frames.Count > 0 && _frames.Peek() is { Container: JsonObject } frame && frame.Pending is null && !frame.PendingMerge)
        {
            Key(frame, scalar);
            return;
        }

        (JsonNodeType type, string? text) = Type(scalar);
        var node = new JsonValue(Parent(), OffsetOf(scalar.Start), type, text is { Length: <= 64 } ? _strings.Get(text, 0, text.Length) : text);
        Attach(node, scalar.Anchor);
    }

    private static (JsonNodeType Type, string? Text) Type(Scalar scalar)
    {
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
        {
            return YamlScalars.Tagged(scalar.Tag.Value, scalar.Value);
        }

        return scalar.Style == ScalarStyle.Plain && !scalar.Tag.IsNonSpecific ? YamlScalars.Resolve(scalar.Value) : (JsonNodeType.String, scalar.Value);
    }

    private void Key(Frame frame, Scalar key)
    {
        var obj = (JsonObject)frame.Container;
        int offset = OffsetOf(key.Start);
        if (key.Value == MergeKey && key.Style == ScalarStyle.Plain)
        {
            frame.PendingMerge = true;
            return;
        }

        string name = key.Value.Length <= 64 ? _strings.Get(key.Value, 0, key.Value.Length) : key.Value;
        var property = new JsonProperty(obj, offset, Math.Max(1, OffsetOf(key.End) - offset), name);
        if (Find(frame, name) is not null)
        {
            throw new JsonTreeException(offset, "a mapping has two keys named '" + name + "'; YAML requires keys to be unique");
        }

        frame.Properties.Add(property);
        if (frame.ByName is { } byName)
        {
            byName.Add(name, property);
        }
        else if (frame.Properties.Count > JsonObject.MaxScanned)
        {
            frame.ByName = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
            foreach (JsonProperty existing in frame.Properties)
            {
                frame.ByName.Add(existing.Name, existing);
            }
        }

        frame.Pending = property;
        Count();
    }

    private static JsonProperty? Find(Frame frame, string name)
    {
        if (frame.ByName is { } byName)
        {
            return byName.TryGetValue(name, out JsonProperty? found) ? found : null;
        }

        foreach (JsonProperty property in frame.Properties)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                return property;
            }
        }

        return null;
    }

    private void Open(JsonNode container, AnchorName anchor)
    {
        if (_frames.Count >= _maxDepth)
        {
            throw new JsonTreeException(container.Offset, "it nests mappings and sequences more than " + _maxDepth + " levels deep");
        }

        Count();
        _frames.Push(new Frame(container, anchor.IsEmpty ? null : anchor.Value));
    }

    private void Close()
    {
        Frame frame = _frames.Pop();
        if (frame.Container is JsonObject obj)
        {
            if (frame.Pending is not null || frame.PendingMerge)
            {
                throw new JsonTreeException(obj.Offset, "a mapping ends before the value of its last key");
            }

            foreach (JsonObject merged in frame.Merges ?? new List<JsonObject>())
            {
                foreach (JsonProperty property in merged.Properties())
                {
                    if (Find(frame, property.Name) is null)
                    {
                        var copy = new JsonProperty(obj, property.Offset, property.NameLength, property.Name);
                        copy.Value = Copy(property.Value, copy, 0);
                        frame.Properties.Add(copy);
                        frame.ByName?.Add(copy.Name, copy);
                        Count();
                    }
                }
            }

            obj.Complete(frame.Properties.ToArray(), frame.ByName ?? (frame.Properties.Count > JsonObject.MaxScanned ? ByName(frame.Properties) : null));
        }
        else
        {
            ((JsonArray)frame.Container).Complete(frame.Items.ToArray());
        }

        Attach(frame.Container, frame.Anchor is null ? AnchorName.Empty : new AnchorName(frame.Anchor), opened: true);
    }

    private static Dictionary<string, JsonProperty> ByName(List<JsonProperty> properties)
    {
        var byName = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
        foreach (JsonProperty property in properties)
        {
            byName.Add(property.Name, property);
        }

        return byName;
    }

    /// <summary>A value is complete: it joins its mapping or sequence (or is the root), and its anchor names it from now on.</summary>
    private void Attach(JsonNode node, AnchorName anchor, bool opened = false)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        if (!opened)
        {
            Count();
        }

        if (_frames.Count == 0)
        {
            _root = node;
            return;
        }

        Frame frame = _frames.Peek();
        if (frame.PendingMerge)
        {
            frame.PendingMerge = false;
            Merge(frame, node);
        }
        else if (frame.Pending is { } property)
        {
            property.Value = node;
            frame.Pending = null;
        }
        else
        {
            frame.Items.Add(node);
        }
    }

    private static void Merge(Frame frame, JsonNode value)
    {
        frame.Merges ??= new List<JsonObject>();
        if (value is JsonObject single)
        {
            frame.Merges.Add(single);
            return;
        }

        if (value is JsonArray many)
        {
            foreach (JsonNode item in many.Items())
            {
                if (item is not JsonObject mapping)
                {
                    throw new JsonTreeException(item.Offset, "a '<<' merge key names mappings, and this is not one");
                }

                frame.Merges.Add(mapping);
            }

            return;
        }

        throw new JsonTreeException(value.Offset, "a '<<' merge key names a mapping or a sequence of mappings");
    }

    private void Alias(AnchorAlias alias)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out JsonNode? target))
        {
            // YamlDotNet reports an unknown anchor itself; an anchor still open (an alias inside its own node) lands here.
            throw new JsonTreeException(OffsetOf(alias.Start), "the alias '*" + alias.Value.Value + "' names a node that contains it (or no node); JSON has no cycles");
        }

        if (_frames.Count > 0 && _frames.Peek() is { Container: JsonObject } frame && frame.Pending is null && !frame.PendingMerge)
        {
            throw new JsonTreeException(OffsetOf(alias.Start), "a mapping key is an alias; JSON (and OpenAPI) keys are strings written out");
        }

        JsonNode? parent = Parent();
        JsonNode copy = Copy(target, parent, 0, OffsetOf(alias.Start));
        Attach(copy, AnchorName.Empty, opened: true);
    }

    /// <summary>A copy of <paramref name="node"/> under <paramref name="parent"/>, counted against the budget; iterative over siblings, bounded in depth.</summary>
    private JsonNode Copy(JsonNode node, JsonNode? parent, int depth, int? offset = null)
    {
        if (depth + _frames.Count > _maxDepth)
        {
            throw new JsonTreeException(node.Offset, "it nests mappings and sequences more than " + _maxDepth + " levels deep");
        }

        Count();
        int at = offset ?? node.Offset;
        switch (node)
        {
            case JsonObject obj:
            {
                var copy = new JsonObject(parent, at);
                JsonProperty[] properties = obj.Properties();
                var copied = new JsonProperty[properties.Length];
                for (int i = 0; i < properties.Length; i++)
                {
                    var property = new JsonProperty(copy, properties[i].Offset, properties[i].NameLength, properties[i].Name);
                    property.Value = Copy(properties[i].Value, property, depth + 1);
                    copied[i] = property;
                    Count();
                }

                copy.Complete(copied, copied.Length > JsonObject.MaxScanned ? ByName(new List<JsonProperty>(copied)) : null);
                return copy;
            }

            case JsonArray array:
            {
                var copy = new JsonArray(parent, at);
                JsonNode[] items = array.Items();
                var copied = new JsonNode[items.Length];
                for (int i = 0; i < items.Length; i++)
                {
                    copied[i] = Copy(items[i], copy, depth + 1);
                }

                copy.Complete(copied);
                return copy;
            }

            default:
                var value = (JsonValue)node;
                return new JsonValue(parent, at, value.Type, value.Text);
        }
    }

    private void Count()
    {
        if (++_nodes > _maxNodes)
        {
            throw new JsonTreeException(0, "its aliases expand to more than " + _maxNodes + " nodes; a document of nested aliases is refused rather than read");
        }
    }

    private static int OffsetOf(Mark mark) => (int)Math.Min(int.MaxValue, Math.Max(0, mark.Index));

    /// <summary>YamlDotNet's message without its own "(Line: …, Col: …)" prefix, which the diagnostic's location already gives.</summary>
    private static string Describe(YamlException invalid)
    {
        string message = invalid.Message;
        int close = message.StartsWith("(Line:", StringComparison.Ordinal) ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
        return (close >= 0 ? message.Substring(close + 3) : message).TrimEnd('.');
    }
}

using System;
using System.Collections;
using System.Collections.Generic;

namespace Scenario.Generators.Parsing.Json;

/// <summary>
/// An object: its properties in the order written, no two with the same name. A large object (a schema's definitions)
/// finds a name by hash, a small one (most schemas) by comparing its few names.
/// </summary>
internal sealed class JsonObject : JsonNode
{
    /// <summary>Up to this many properties, a name is found by comparing each name; past it, by hash.</summary>
    internal const int MaxScanned = 8;

    private static readonly JsonProperty[] None = Array.Empty<JsonProperty>();

    private JsonProperty[] _properties = None;
    private Dictionary<string, JsonProperty>? _byName;

    /// <summary>An empty object that is part of no document (its offset is -1).</summary>
    public JsonObject()
        : base(null, -1)
    {
    }

    internal JsonObject(JsonNode? parent, int offset)
        : base(parent, offset)
    {
    }

    public override JsonNodeType Type => JsonNodeType.Object;

    public int Count => _properties.Length;

    public override JsonNode? this[string name] => Property(name)?.Value;

    /// <summary>The properties in the order written. The array is the object's own: read it, never change it.</summary>
    public JsonProperty[] Properties() => _properties;

    public JsonProperty? Property(string name, StringComparison comparison = StringComparison.Ordinal)
    {
        if (comparison == StringComparison.Ordinal && _byName is not null)
        {
            return _byName.TryGetValue(name, out JsonProperty? found) ? found : null;
        }

        foreach (JsonProperty property in _properties)
        {
            if (string.Equals(property.Name, name, comparison))
            {
                return property;
            }
        }

        return null;
    }

    public bool TryGetValue(string name, StringComparison comparison, out JsonNode? value)
    {
        value = Property(name, comparison)?.Value;
        return value is not null;
    }

    /// <summary>
    /// An object of one property whose value is an array of <paramref name="items"/>, part of no document (offset -1):
    /// a schema a reader composes of others (<c>{ "oneOf": [ … ] }</c>), whose items keep their own places.
    /// </summary>
    public static JsonObject Composed(string name, IReadOnlyList<JsonNode> items)
    {
        var composed = new JsonObject();
        var property = new JsonProperty(composed, -1, 0, name);
        var array = new JsonArray(property, -1);
        var copy = new JsonNode[items.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = items[i];
        }

        array.Complete(copy);
        property.Value = array;
        composed.Complete(new[] { property }, null);
        return composed;
    }

    /// <summary>Called once by the reader when the object ends; <paramref name="byName"/> is given for a large object.</summary>
    internal void Complete(JsonProperty[] properties, Dictionary<string, JsonProperty>? byName)
    {
        _properties = properties;
        _byName = byName;
    }
}

/// <summary>An array: its items in order.</summary>
internal sealed class JsonArray : JsonNode, IReadOnlyList<JsonNode>
{
    private static readonly JsonNode[] None = Array.Empty<JsonNode>();

    private JsonNode[] _items = None;

    /// <summary>An empty array that is part of no document (its offset is -1).</summary>
    public JsonArray()
        : base(null, -1)
    {
    }

    internal JsonArray(JsonNode? parent, int offset)
        : base(parent, offset)
    {
    }

    public override JsonNodeType Type => JsonNodeType.Array;

    public int Count => _items.Length;

    public JsonNode this[int index] => _items[index];

    /// <summary>The index of <paramref name="item"/> (the same node, not an equal one), or -1.</summary>
    public int IndexOf(JsonNode item) => Array.IndexOf(_items, item);

    /// <summary>The items without an enumerator object (<c>foreach</c> over the array itself allocates one).</summary>
    public JsonNode[] Items() => _items;

    public IEnumerator<JsonNode> GetEnumerator() => ((IEnumerable<JsonNode>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>Called once by the reader when the array ends.</summary>
    internal void Complete(JsonNode[] items) => _items = items;
}

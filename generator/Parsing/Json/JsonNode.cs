using System;
using System.Globalization;

namespace Scenario.Generators.Parsing.Json;

/// <summary>What a <see cref="JsonNode"/> is. The names of the kinds are the words diagnostics use for them.</summary>
internal enum JsonNodeType : byte
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
    Array,
    Object,

    /// <summary>A name and its value inside an object (<see cref="JsonProperty"/>).</summary>
    Property,
}

/// <summary>
/// One node of a schema file's JSON tree, read-only once <see cref="JsonTreeReader"/> has built it: a value, or a
/// property of an object. Each knows its parent (a value in an object: its <see cref="JsonProperty"/>) and where it
/// starts in the text, which is all a diagnostic needs; numbers keep the text they were written as. Asking a node for
/// what it does not hold gives null (a missing child) or <see cref="InvalidCastException"/> (a conversion), never a
/// different value.
/// </summary>
internal abstract class JsonNode
{
    private protected JsonNode(JsonNode? parent, int offset)
    {
        Parent = parent;
        Offset = offset;
    }

    public abstract JsonNodeType Type { get; }

    /// <summary>The property that holds this value, the array it is an item of, or the object of a property; null for the root.</summary>
    public JsonNode? Parent { get; }

    /// <summary>Where the node starts in the text (zero-based): its first character, or a property's opening quote; -1 for a node made outside any text.</summary>
    public int Offset { get; }

    /// <summary>The value of the property <paramref name="name"/> of an object; null for a missing property and for any other node.</summary>
    public virtual JsonNode? this[string name] => null;

    /// <summary>The node as compact JSON (no whitespace); numbers as they were written.</summary>
    public string ToJson()
    {
        var text = new System.Text.StringBuilder();
        JsonText.Write(text, this);
        return text.ToString();
    }

    /// <summary>The value as <typeparamref name="T"/> (<see cref="string"/> or <see cref="bool"/>), as the explicit conversions give it.</summary>
    public T Value<T>() =>
        typeof(T) == typeof(string) ? (T)(object)(string)this! :
        typeof(T) == typeof(bool) ? (T)(object)(bool)this :
        throw new InvalidCastException("A JSON value converts to a string or a bool, not " + typeof(T).Name + ".");

    public override string ToString() => ToJson();

    /// <summary>A string's value; a number's or a literal's text; null for null.</summary>
    public static explicit operator string?(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value => value.Text,
        _ => throw Cannot(node, "a string"),
    };

    public static explicit operator bool(JsonNode? node) => node is JsonValue { Type: JsonNodeType.Boolean } value ? value.Boolean : throw Cannot(node, "a bool");

    /// <summary>An integer, clamped to the range of <see cref="long"/> when it is larger.</summary>
    public static explicit operator long(JsonNode? node) => node is JsonValue { Type: JsonNodeType.Integer } value
        ? long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number) ? number : value.Text![0] == '-' ? long.MinValue : long.MaxValue
        : throw Cannot(node, "an integer");

    private static InvalidCastException Cannot(JsonNode? node, string what) =>
        new("A JSON " + (node is null ? "absent value" : node.Type.ToString().ToLowerInvariant()) + " is not " + what + ".");
}

/// <summary>A string, a number, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
internal sealed class JsonValue : JsonNode
{
    private readonly JsonNodeType _type;

    internal JsonValue(JsonNode? parent, int offset, JsonNodeType type, string? text)
        : base(parent, offset)
    {
        _type = type;
        Text = text;
    }

    public override JsonNodeType Type => _type;

    /// <summary>A string's value (unescaped), a number's text as written, <c>true</c> or <c>false</c>; null for null.</summary>
    public string? Text { get; }

    public bool Boolean => _type == JsonNodeType.Boolean && Text == "true";
}

/// <summary>A name and its value in an object. Its <see cref="JsonNode.Offset"/> is the name's opening quote.</summary>
internal sealed class JsonProperty : JsonNode
{
    internal JsonProperty(JsonObject parent, int offset, int nameLength, string name)
        : base(parent, offset)
    {
        NameLength = nameLength;
        Name = name;
    }

    public override JsonNodeType Type => JsonNodeType.Property;

    public string Name { get; }

    /// <summary>The length of the name in the text, quotes and escapes included.</summary>
    public int NameLength { get; }

    /// <summary>The value (set once, by the reader, as soon as the value starts).</summary>
    public JsonNode Value { get; internal set; } = null!;
}

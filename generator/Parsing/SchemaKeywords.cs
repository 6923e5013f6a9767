using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Scenario.Generators.Parsing;

/// <summary>What a schema object says of itself, read without following references: its types, its kinds of value, its shape keywords.</summary>
internal static class SchemaKeywords
{
    public static JProperty? ReferenceOf(JObject schema) =>
        schema.Property("$ref", StringComparison.Ordinal) ?? schema.Property("$recursiveRef", StringComparison.Ordinal) ?? schema.Property("$dynamicRef", StringComparison.Ordinal);

    public static bool HasShapeBesides(JObject schema, string reference) =>
        schema.Properties().Any(p => p.Name != reference && Drafts.IsShapeKeyword(p.Name) && !(p.Value.Type == JTokenType.Boolean && p.Name is "additionalProperties" or "items"));

    public static bool HasAlternatives(JObject schema) => schema["oneOf"] is JArray || schema["anyOf"] is JArray;

    public static bool HasOwnProperties(JObject schema) => schema["properties"] is JObject { Count: > 0 };

    public static bool HasObjectKeywords(JObject schema) =>
        schema["properties"] is JObject || schema["patternProperties"] is JObject || schema["additionalProperties"] is JObject || schema["required"] is JArray { Count: > 0 };

    public static bool IsMapShaped(JObject schema) =>
        !HasOwnProperties(schema) && (schema["additionalProperties"] is JObject || schema["patternProperties"] is JObject { Count: > 0 });

    public static bool IsNullOnly(JToken schema)
    {
        if (schema is not JObject obj)
        {
            return false;
        }

        JsonTypes types = TypesOf(obj);
        return (types.Null && types.Shapes == JsonShape.None && types.Unknown is null)
            || obj["const"]?.Type == JTokenType.Null
            || (obj["enum"] is JArray values && values.Count > 0 && values.All(v => v.Type == JTokenType.Null));
    }

    /// <summary>A name for a referenced schema from where it sits: the key of a definition (<c>#/$defs/Pet</c> gives <c>Pet</c>).</summary>
    public static string? HintOf(JToken target)
    {
        if (target.Parent is JProperty { Parent: JObject { Parent: JProperty container } } property && container.Name is "definitions" or "$defs")
        {
            return Identifiers.ToPascalCase(property.Name);
        }

        return null;
    }

    public static JsonShape KindOfValue(JToken value) => value.Type switch
    {
        JTokenType.String => JsonShape.String,
        JTokenType.Integer => JsonShape.Integer,
        JTokenType.Float => JsonShape.Number,
        JTokenType.Boolean => JsonShape.Boolean,
        JTokenType.Object => JsonShape.Object,
        JTokenType.Array => JsonShape.Array,
        _ => JsonShape.None,
    };

    public static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Array => "an array",
        JTokenType.String => "a string",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Null => "null",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    public static string Describe(JsonShape shapes) =>
        string.Join(", ", new[] { JsonShape.String, JsonShape.Number, JsonShape.Integer, JsonShape.Boolean, JsonShape.Object, JsonShape.Array }
            .Where(s => (shapes & s) != 0).Select(s => s.ToString().ToLowerInvariant()));

    /// <summary>The <c>type</c> keyword, read: its kinds (without null), whether null is one, and a name that is no type.</summary>
    public readonly struct JsonTypes
    {
        public JsonTypes(JsonShape shapes, bool allowsNull, string? unknown = null)
        {
            Shapes = shapes;
            Null = allowsNull;
            Unknown = unknown;
        }

        public JsonShape Shapes { get; }

        public bool Null { get; }

        public string? Unknown { get; }
    }

    public static JsonTypes TypesOf(JObject schema)
    {
        JToken? type = schema["type"];
        IEnumerable<JToken> names = type is JArray array ? array : type is null ? Enumerable.Empty<JToken>() : new[] { type };
        JsonShape shapes = JsonShape.None;
        bool allowsNull = false;
        string? unknown = null;
        foreach (JToken name in names)
        {
            switch (name.Type == JTokenType.String ? (string?)name : null)
            {
                case "string": shapes |= JsonShape.String; break;
                case "number": shapes |= JsonShape.Number; break;
                case "integer": shapes |= JsonShape.Integer; break;
                case "boolean": shapes |= JsonShape.Boolean; break;
                case "object": shapes |= JsonShape.Object; break;
                case "array": shapes |= JsonShape.Array; break;
                case "null": allowsNull = true; break;
                case "any": shapes |= JsonShape.Any; break;
                default: unknown ??= name.ToString(Newtonsoft.Json.Formatting.None); break;
            }
        }

        if ((shapes & JsonShape.Any) != 0)
        {
            shapes = JsonShape.None;
        }

        return new JsonTypes(shapes, allowsNull, unknown);
    }
}

/// <summary>The kinds of JSON value, as flags.</summary>
[Flags]
internal enum JsonShape
{
    None = 0,
    String = 1,
    Number = 2,
    Integer = 4,
    Boolean = 8,
    Object = 16,
    Array = 32,
    Any = 64,
}

using System;
using System.Collections.Generic;
using System.Linq;
using Scenario.Generators.Parsing.Json;

namespace Scenario.Generators.Parsing;

/// <summary>What a schema object says of itself, read without following references: its types, its kinds of value, its shape keywords.</summary>
internal static class SchemaKeywords
{
    /// <summary>The text of a keyword's value when it is a string; null when it is absent or anything else.</summary>
    public static string? StringOf(JsonNode? value) => value?.Type == JsonNodeType.String ? (string?)value : null;

    public static JsonProperty? ReferenceOf(JsonObject schema) =>
        schema.Property("$ref", StringComparison.Ordinal) ?? schema.Property("$recursiveRef", StringComparison.Ordinal) ?? schema.Property("$dynamicRef", StringComparison.Ordinal);

    public static bool HasShapeBesides(JsonObject schema, string reference) =>
        schema.Properties().Any(p => p.Name != reference && Drafts.IsShapeKeyword(p.Name) && !(p.Value.Type == JsonNodeType.Boolean && p.Name is "additionalProperties" or "items"));

    public static bool HasAlternatives(JsonObject schema) => schema["oneOf"] is JsonArray || schema["anyOf"] is JsonArray;

    public static bool HasOwnProperties(JsonObject schema) => schema["properties"] is JsonObject { Count: > 0 };

    public static bool HasObjectKeywords(JsonObject schema) =>
        schema["properties"] is JsonObject || schema["patternProperties"] is JsonObject || schema["additionalProperties"] is JsonObject || schema["required"] is JsonArray { Count: > 0 };

    public static bool IsMapShaped(JsonObject schema) =>
        !HasOwnProperties(schema) && (schema["additionalProperties"] is JsonObject || schema["patternProperties"] is JsonObject { Count: > 0 });

    public static bool IsNullOnly(JsonNode schema)
    {
        if (schema is not JsonObject obj)
        {
            return false;
        }

        JsonTypes types = TypesOf(obj);
        return (types.Null && types.Shapes == JsonShape.None && types.Unknown is null)
            || obj["const"]?.Type == JsonNodeType.Null
            || (obj["enum"] is JsonArray values && values.Count > 0 && values.All(v => v.Type == JsonNodeType.Null));
    }

    /// <summary>
    /// A name for a referenced schema from where it sits: the key of a definition (<c>#/$defs/Pet</c> gives <c>Pet</c>),
    /// and the key of a schema kept under a name of the root's or in a group of the root's that no keyword names
    /// (LDtk's <c>#/LdtkJsonRoot</c> and <c>#/otherTypes/Level</c>). Elsewhere (<c>#/properties/a</c>) null: the place
    /// that uses the schema names it.
    /// </summary>
    public static string? HintOf(JsonNode target)
    {
        if (target.Parent is not JsonProperty { Parent: JsonObject holder } property)
        {
            return null;
        }

        bool named = holder.Parent switch
        {
            null => !Drafts.IsSubschemaKeyword(property.Name),
            JsonProperty container => container.Name is "definitions" or "$defs"
                || (container.Parent is JsonObject { Parent: null } && !Drafts.IsSubschemaKeyword(container.Name))
                || IsOpenApiComponent(container),
            _ => false,
        };
        return named ? Identifiers.ToPascalCase(property.Name) : null;
    }

    /// <summary>OpenAPI 3's <c>components/schemas</c>: a schema there is named by its key, as under <c>definitions</c>.</summary>
    private static bool IsOpenApiComponent(JsonProperty container) =>
        container.Name == "schemas" && container.Parent is JsonObject { Parent: JsonProperty { Name: "components", Parent: JsonObject { Parent: null } } };

    public static JsonShape KindOfValue(JsonNode value) => value.Type switch
    {
        JsonNodeType.String => JsonShape.String,
        JsonNodeType.Integer => JsonShape.Integer,
        JsonNodeType.Float => JsonShape.Number,
        JsonNodeType.Boolean => JsonShape.Boolean,
        JsonNodeType.Object => JsonShape.Object,
        JsonNodeType.Array => JsonShape.Array,
        _ => JsonShape.None,
    };

    public static string Describe(JsonNode token) => token.Type switch
    {
        JsonNodeType.Array => "an array",
        JsonNodeType.String => "a string",
        JsonNodeType.Integer or JsonNodeType.Float => "a number",
        JsonNodeType.Null => "null",
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

    public static JsonTypes TypesOf(JsonObject schema)
    {
        JsonNode? type = schema["type"];
        JsonShape shapes = JsonShape.None;
        bool allowsNull = false;
        string? unknown = null;
        int count = type is JsonArray list ? list.Count : type is null ? 0 : 1;
        for (int i = 0; i < count; i++)
        {
            JsonNode name = type is JsonArray array ? array[i] : type!;
            switch (StringOf(name))
            {
                case "string": shapes |= JsonShape.String; break;
                case "number": shapes |= JsonShape.Number; break;
                case "integer": shapes |= JsonShape.Integer; break;
                case "boolean": shapes |= JsonShape.Boolean; break;
                case "object": shapes |= JsonShape.Object; break;
                case "array": shapes |= JsonShape.Array; break;
                case "null": allowsNull = true; break;
                case "any": shapes |= JsonShape.Any; break;
                default: unknown ??= name.ToJson(); break;
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

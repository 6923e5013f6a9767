using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing.Json;

namespace Scenario.Generators.Parsing;

/// <summary>
/// The enums and constants of <see cref="TypeMapper"/>: an <c>enum</c> of two or more values becomes a C# enum held open
/// (strings, integers, or numbers and mixed values matched by JSON value); one value, or <c>const</c>, is a constant of
/// its kind that records made in code start with.
/// </summary>
internal sealed partial class TypeMapper
{
    /// <summary>The extensions that name the members of an enum of numbers, in the order of its values (openapi-generator, NSwag).</summary>
    private static readonly string[] EnumNameExtensions = { "x-enum-varnames", "x-enumNames", "x-enum-names" };

    private TypeRef MapEnum(SchemaDocument document, JsonObject schema, JsonArray values, string hint)
    {
        List<JsonNode> nonNull = values.Where(v => v.Type != JsonNodeType.Null).ToList();
        if (nonNull.Count == 0)
        {
            return TypeRef.Any;
        }

        if (nonNull.Any(v => v.Type is JsonNodeType.Object or JsonNodeType.Array))
        {
            return Unsupported(document, schema, "An enum of objects or arrays");
        }

        if (nonNull.Count == 1 && nonNull[0].Type != JsonNodeType.String)
        {
            // One number or boolean: a constant of its kind. (One string stays an enum: APIs add values over time.)
            return ConstType(document, schema, nonNull[0]);
        }

        if (nonNull.All(v => v.Type == JsonNodeType.Boolean))
        {
            return TypeRef.Boolean;
        }

        DocumentOutput output = Output(document);
        string name = _names.TryGetValue(schema, out string? named) ? named : output.Names.UniqueEnum(InlineHint(output, schema, hint));
        if (nonNull.All(v => v.Type == JsonNodeType.String))
        {
            List<string> wireValues = nonNull.Select(v => (string)v!).Where(Identifiers.IsValidUtf16).Distinct(StringComparer.Ordinal).ToList();
            Dictionary<string, string> names = Identifiers.NameScope(wireValues, new HashSet<string>(StringComparer.Ordinal), string.Empty);
            output.Enums.Add(new EnumModel(name, DescriptionOf(schema), wireValues.Select(v => new EnumMemberModel(names[v], v)).ToEquatableArray()) { SchemaPointer = PointerIn(schema) });
            return TypeRef.Enum(name, output.Namespace);
        }

        // Numbers and mixed values: each member's wire value is its JSON text, compared by value when read.
        var texts = new List<string>();
        var distinct = new List<JsonNode>();
        foreach (JsonNode value in nonNull)
        {
            string text = JsonText(value);
            if ((value.Type != JsonNodeType.String || Identifiers.IsValidUtf16((string)value!)) && !texts.Contains(text))
            {
                texts.Add(text);
                distinct.Add(value);
            }
        }

        bool integers = distinct.All(v => v.Type == JsonNodeType.Integer && long.TryParse(JsonText(v), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));
        List<string> memberNames = MemberNames(schema, distinct);
        output.Enums.Add(new EnumModel(name, DescriptionOf(schema), distinct.Select((v, i) => new EnumMemberModel(memberNames[i], texts[i])).ToEquatableArray())
        {
            Kind = integers ? EnumKind.Integer : EnumKind.Mixed,
            IsLong = integers && distinct.Any(v => long.Parse(JsonText(v), CultureInfo.InvariantCulture) is < int.MinValue or > int.MaxValue),
            SchemaPointer = PointerIn(schema),
        });
        return TypeRef.Enum(name, output.Namespace);
    }

    /// <summary>
    /// The C# names of an enum of numbers or mixed values: from <c>x-enum-varnames</c> (or <c>x-enumNames</c>) when it names
    /// each value, else from the values (<c>2</c> is <c>Value2</c>, <c>-1</c> <c>ValueMinus1</c>, <c>0.5</c> <c>Value0_5</c>,
    /// <c>true</c> <c>True</c>, <c>"auto"</c> <c>Auto</c>); unique by the naming rules' suffixes.
    /// </summary>
    private static List<string> MemberNames(JsonObject schema, List<JsonNode> values)
    {
        List<string>? given = null;
        foreach (string extension in EnumNameExtensions)
        {
            if (schema[extension] is JsonArray names && names.Count == values.Count && names.All(n => n.Type == JsonNodeType.String && ((string)n!).Any(char.IsLetter)))
            {
                given = names.Select(n => Identifiers.ToPascalCase((string)n!)).ToList();
                break;
            }
        }

        var result = new List<string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < values.Count; i++)
        {
            string stem = given?[i] ?? values[i].Type switch
            {
                JsonNodeType.String => Identifiers.ToPascalCase((string)values[i]!),
                JsonNodeType.Boolean => (bool)values[i]! ? "True" : "False",
                _ => "Value" + Identifiers.ToPascalCase(JsonText(values[i]).Replace("-", "Minus").Replace("+", string.Empty).Replace(".", "_")).TrimStart('_'),
            };
            string name = stem;
            for (int n = 2; !taken.Add(name); n++)
            {
                name = stem + "_" + n.ToString(CultureInfo.InvariantCulture);
            }

            result.Add(name);
        }

        return result;
    }

    /// <summary>
    /// Whether the schema's <c>enum</c> or <c>const</c> only validates: each value it allows but null is an object or an
    /// array, and a <c>type</c> keyword says the shape, so the rest of the keywords type the schema (apple-app-site-association:
    /// <c>"type": "array", "const": []</c>). Without a type only the values say the shape, and no C# type holds a fixed
    /// object or array: that stays JSON, with a warning.
    /// </summary>
    private static bool ValuesOnlyValidate(JsonObject schema)
    {
        if (schema["type"] is null)
        {
            return false;
        }

        if (schema["const"] is { } constant)
        {
            return constant.Type is JsonNodeType.Object or JsonNodeType.Array;
        }

        return schema["enum"] is JsonArray values
            && values.Items().Any(v => v.Type is JsonNodeType.Object or JsonNodeType.Array)
            && values.Items().All(v => v.Type is JsonNodeType.Object or JsonNodeType.Array or JsonNodeType.Null);
    }

    /// <summary>The schema's <c>enum</c> where it decides the type: null when there is none or it only validates (<see cref="ValuesOnlyValidate"/>).</summary>
    private static JsonNode? ShapingEnum(JsonObject schema) => ValuesOnlyValidate(schema) ? null : schema["enum"];

    /// <summary>The schema's <c>const</c> where it decides the type: null when there is none or it only validates (<see cref="ValuesOnlyValidate"/>).</summary>
    private static JsonNode? ShapingConst(JsonObject schema) => ValuesOnlyValidate(schema) ? null : schema["const"];

    /// <summary>The type of a constant (<c>const</c>, or an enum of one value); a constant that no scalar holds is JSON.</summary>
    private TypeRef ConstType(SchemaDocument document, JsonObject schema, JsonNode constant) => constant.Type switch
    {
        JsonNodeType.String => TypeRef.String,
        JsonNodeType.Integer => SchemaKeywords.StringOf(schema["format"]) == "int32" ? TypeRef.Int32 : TypeRef.Int64,
        JsonNodeType.Float => TypeRef.Double,
        JsonNodeType.Boolean => TypeRef.Boolean,
        JsonNodeType.Null => TypeRef.Any,
        _ => Unsupported(document, schema, "A constant object or array"),
    };

    /// <summary>
    /// The constant a property's schema fixes (its <c>const</c>, or its one-value <c>enum</c>), as the text C# needs: the
    /// string itself, the number's or boolean's JSON text, or the one member's name of an enum; null when there is none or
    /// the type does not hold it.
    /// </summary>
    private string? ConstantOf(SchemaDocument document, JsonNode schema, TypeRef type)
    {
        (_, JsonNode target) = Follow(document, schema);
        if (target is not JsonObject obj)
        {
            return null;
        }

        JsonNode? constant = obj["const"];
        if (constant is null && obj["enum"] is JsonArray values && values.Count(v => v.Type != JsonNodeType.Null) == 1)
        {
            constant = values.First(v => v.Type != JsonNodeType.Null);
        }

        return (constant?.Type, type.Kind) switch
        {
            (JsonNodeType.String, TypeKind.String) when Identifiers.IsValidUtf16((string)constant!) => (string)constant!,
            (JsonNodeType.Integer, TypeKind.Int64 or TypeKind.Int32 or TypeKind.Double) when long.TryParse(JsonText(constant!), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number) && (type.Kind != TypeKind.Int32 || number is >= int.MinValue and <= int.MaxValue) => JsonText(constant!),
            (JsonNodeType.Float, TypeKind.Double) when double.TryParse(JsonText(constant!), NumberStyles.Float, CultureInfo.InvariantCulture, out double real) && !double.IsInfinity(real) => JsonText(constant!),
            (JsonNodeType.Boolean, TypeKind.Boolean) => (bool)constant! ? "true" : "false",
            (JsonNodeType.String, TypeKind.Enum) => _outputs.Values.Where(o => o.Namespace == type.Namespace).SelectMany(o => o.Enums).FirstOrDefault(e => e.Name == type.Name && e.Members.Count == 1 && e.Members[0].WireValue == (string)constant!)?.Members[0].Name,
            _ => null,
        };
    }

    /// <summary>A value's JSON text, as compact as JSON writes it (<c>"auto"</c>, <c>2</c>, <c>0.5</c>, <c>true</c>).</summary>
    private static string JsonText(JsonNode value) => value.ToJson();
}

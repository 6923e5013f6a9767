using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using Scenario.Generators.Diagnostics;
using Scenario.Generators.Model;
using static Scenario.Generators.Parsing.SchemaKeywords;

namespace Scenario.Generators.Parsing;

/// <summary>
/// The records of <see cref="TypeMapper"/>: their properties, gathered through <c>allOf</c> and references, what their docs
/// say (descriptions, constraints, <c>x-in</c>), and the checks of the keywords a schema object holds.
/// </summary>
internal sealed partial class TypeMapper
{
    private TypeRef AddRecord(SchemaDocument document, JObject schema, List<Candidate> properties, string hint, int depth)
    {
        DocumentOutput output = Output(document);
        string name = _names.TryGetValue(schema, out string? named) ? named : output.Names.Unique(hint);
        TypeRef self = TypeRef.Record(name, output.Namespace);
        _inProgress[schema] = self;

        // The record's place is where it is first reached, before the types its properties reach.
        int slot = output.Records.Count;
        output.Records.Add(null!);

        var reserved = new HashSet<string>(TypeNames.RecordMemberNames, StringComparer.Ordinal) { name };
        Dictionary<string, string> names = Identifiers.NameScope(properties.Select(p => p.JsonName), reserved, "Value");
        var models = new List<PropertyModel>(properties.Count);
        foreach (Candidate property in properties)
        {
            TypeRef type = Map(property.Document, property.Schema, name + Identifiers.ToPascalCase(property.JsonName), depth + 1);
            (SchemaDocument targetDocument, JToken target) = Follow(property.Document, property.Schema);
            bool allowsNull = type.Kind != TypeKind.Any && (AllowsNull(property.Document, property.Schema) || AllowsNull(targetDocument, target));
            string? description = DescriptionOf(property.Schema) ?? property.Description ?? DescriptionOf(target);
            models.Add(new PropertyModel(property.JsonName, names[property.JsonName], type, property.Required, allowsNull, description, IsDeprecated(property.Schema), Location(property.Document, property.Schema))
            {
                Constraints = ConstraintsOf(property.Schema, target),
            });
        }

        foreach (string keyword in new[] { "additionalProperties", "patternProperties" })
        {
            if (schema[keyword] is JObject extra && (keyword == "patternProperties" ? extra.Properties().Any(p => p.Value is JObject o && Drafts.HasShape(o)) : Drafts.HasShape(extra)))
            {
                Report(document, extra, DiagnosticDescriptors.UnsupportedShape, "'" + keyword + "' beside named properties (its values are kept untyped in ExtensionData)", Pointer(extra));
            }
        }

        output.Records[slot] = new RecordModel(name, DescriptionOf(schema), models.ToEquatableArray());
        return self;
    }

    /// <summary>A property found for a record: from the schema itself or from one of its <c>allOf</c> parts.</summary>
    private sealed class Candidate
    {
        public Candidate(string jsonName, SchemaDocument document, JToken schema, bool required)
        {
            JsonName = jsonName;
            Document = document;
            Schema = schema;
            Required = required;
        }

        public string JsonName { get; }

        public SchemaDocument Document { get; set; }

        public JToken Schema { get; set; }

        public bool Required { get; set; }

        public string? Description { get; set; }
    }

    /// <summary>The properties of an object schema and of its <c>allOf</c> parts (references followed, each part once).</summary>
    private void CollectProperties(SchemaDocument document, JObject schema, List<Candidate> into, HashSet<JToken> visited, int depth)
    {
        if (depth > MaxDepth || !visited.Add(schema))
        {
            return;
        }

        var parts = new List<JToken>();
        if (schema["allOf"] is JArray allOf)
        {
            parts.AddRange(allOf);
        }

        if (ReferenceOf(schema) is { } reference && Drafts.RefHasSiblings(document.Draft) && reference.Value.Type == JTokenType.String)
        {
            if (_set.Resolve(document, schema, (string)reference.Value!).Found is { } target && target.Token is JObject targetObject)
            {
                CollectProperties(target.Document, targetObject, into, visited, depth + 1);
            }
        }

        foreach (JToken part in parts)
        {
            (SchemaDocument partDocument, JToken target) = Follow(document, part);
            if (target is JObject partObject)
            {
                CollectProperties(partDocument, partObject, into, visited, depth + 1);
            }
        }

        if (schema["properties"] is JObject properties)
        {
            foreach (JProperty property in properties.Properties())
            {
                if (property.Value.Type == JTokenType.Boolean && !(bool)property.Value!)
                {
                    // A property that may not appear: nothing to hold.
                    continue;
                }

                if (!Identifiers.IsValidUtf16(property.Name))
                {
                    // No UTF-8 spells it, so no JSON text holds it as written; a value under it lands in ExtensionData.
                    Report(document, property, DiagnosticDescriptors.UnsupportedShape, "A property name that is not valid Unicode (a lone surrogate)", Pointer(property.Value));
                    continue;
                }

                Candidate? existing = into.FirstOrDefault(c => c.JsonName == property.Name);
                if (existing is null)
                {
                    into.Add(new Candidate(property.Name, document, property.Value, false));
                }
                else if (property.Value is JObject refined && Drafts.HasShape(refined))
                {
                    existing.Description ??= DescriptionOf(existing.Schema);
                    existing.Document = document;
                    existing.Schema = property.Value;
                }
                else
                {
                    existing.Description = DescriptionOf(property.Value) ?? existing.Description;
                }
            }
        }

        if (schema["required"] is JArray required)
        {
            foreach (JToken name in required)
            {
                if (name.Type == JTokenType.String && into.FirstOrDefault(c => c.JsonName == (string)name!) is { } candidate)
                {
                    candidate.Required = true;
                }
            }
        }
    }

    /// <summary>
    /// The keywords that decide a type must have values of the right kind (<c>"properties": "x"</c> is no schema); a wrong
    /// one is a SCENGEN003 error at that keyword, and the schema is read as <c>{}</c>. Validation keywords are not read, so not checked.
    /// </summary>
    private bool CheckKeywords(SchemaDocument document, JObject schema)
    {
        foreach (JProperty keyword in schema.Properties())
        {
            string? expected = keyword.Name switch
            {
                "properties" or "patternProperties" or "definitions" or "$defs" when keyword.Value.Type != JTokenType.Object => "an object of schemas",
                "allOf" or "anyOf" or "oneOf" or "prefixItems" when keyword.Value is not JArray { Count: > 0 } => "a non-empty array of schemas",
                "items" or "additionalProperties" or "additionalItems" when keyword.Value.Type is not (JTokenType.Object or JTokenType.Boolean or JTokenType.Array) || (keyword.Name != "items" && keyword.Value.Type == JTokenType.Array) => "a schema",
                "type" when keyword.Value.Type != JTokenType.String && !(keyword.Value is JArray types && types.All(t => t.Type == JTokenType.String)) => "a type name or an array of type names",
                "required" when keyword.Value.Type != JTokenType.Array && keyword.Value.Type != JTokenType.Boolean => "an array of property names",
                "enum" when keyword.Value.Type != JTokenType.Array => "an array of values",
                _ => null,
            };

            if (expected is not null)
            {
                Report(document, keyword.Value, DiagnosticDescriptors.UnreadableSchema, document.FileName, "'" + keyword.Name + "' at '" + Pointer(keyword.Value) + "' is " + Describe(keyword.Value) + ", but it must be " + expected);
                return false;
            }
        }

        return true;
    }

    private void ReportUnsupportedKeywords(SchemaDocument document, JObject schema)
    {
        foreach (KeyValuePair<string, string> keyword in Drafts.UnsupportedKeywords)
        {
            if (schema[keyword.Key] is JObject value && (keyword.Key is not ("unevaluatedProperties" or "unevaluatedItems") || Drafts.HasShape(value)))
            {
                Report(document, value, DiagnosticDescriptors.UnsupportedKeyword, keyword.Key, Pointer(value), keyword.Value);
            }
        }

        if (schema["dependencies"] is JObject dependencies && dependencies.Properties().Any(p => p.Value is JObject))
        {
            Report(document, dependencies, DiagnosticDescriptors.UnsupportedKeyword, "dependencies", Pointer(dependencies), Drafts.UnsupportedKeywords["dependentSchemas"]);
        }
    }

    /// <summary>The <c>x-in</c> extension of an operation parameter: true for <c>query</c>, false for <c>body</c>, null when absent.</summary>
    private bool? Location(SchemaDocument document, JToken property)
    {
        if (property is not JObject obj || obj["x-in"] is not { } value)
        {
            return null;
        }

        switch (value.Type == JTokenType.String ? (string?)value : null)
        {
            case "query":
                return true;
            case "body":
                return false;
            default:
                Report(document, value, DiagnosticDescriptors.InvalidClient, "'x-in' is \"query\" or \"body\"");
                return null;
        }
    }

    /// <summary>The keywords that constrain or illustrate values, as written, for the property's XML doc (so IntelliSense shows them).</summary>
    private static readonly string[] ConstraintKeywords =
    {
        "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "format",
        "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "default", "examples",
    };

    private static EquatableArray<string> ConstraintsOf(JToken schema, JToken target)
    {
        var result = new List<string>();
        foreach (string keyword in ConstraintKeywords)
        {
            JToken? value = (schema as JObject)?[keyword] ?? (target as JObject)?[keyword];
            // A false draft-04 exclusive bound says nothing; a numeric format is the C# type already.
            if (value is null
                || (keyword is "exclusiveMinimum" or "exclusiveMaximum" && value.Type == JTokenType.Boolean && !(bool)value!)
                || (keyword == "format" && value.Type == JTokenType.String && (string?)value is "int32" or "int64" or "double" or "float"))
            {
                continue;
            }

            string text = value.Type == JTokenType.String && keyword is "pattern" or "format" ? (string)value! : value.ToString(Newtonsoft.Json.Formatting.None);
            result.Add(keyword + ": " + (text.Length > 200 ? text.Substring(0, 200) + "…" : text));
        }

        return result.ToEquatableArray();
    }

    private static bool IsDeprecated(JToken schema) => schema is JObject obj && obj["deprecated"]?.Type == JTokenType.Boolean && (bool)obj["deprecated"]!;

    private static string? DescriptionOf(JToken schema) =>
        schema is JObject obj && obj["description"]?.Type == JTokenType.String && !string.IsNullOrWhiteSpace((string?)obj["description"]) ? ((string)obj["description"]!).Trim() : null;
}

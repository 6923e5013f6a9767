using System;
using System.Collections.Generic;
using System.Linq;
using Scenario.Generators.Diagnostics;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing.Json;
using static Scenario.Generators.Parsing.SchemaKeywords;

namespace Scenario.Generators.Parsing;

/// <summary>
/// The records of <see cref="TypeMapper"/>: their properties, gathered through <c>allOf</c> and references, what their docs
/// say (descriptions, constraints, <c>x-in</c>), and the checks of the keywords a schema object holds.
/// </summary>
internal sealed partial class TypeMapper
{
    private TypeRef AddRecord(SchemaDocument document, JsonObject schema, List<Candidate> properties, string hint, int depth, bool ownsSchema = true)
    {
        if (ownsSchema && _inProgress.TryGetValue(schema, out TypeRef? building) && building is { Kind: TypeKind.Record })
        {
            // A second pass through this schema (a cycle back to it, see Map) already began its record.
            return building;
        }

        DocumentOutput output = Output(document);
        string name = ownsSchema && _names.TryGetValue(schema, out string? named) ? named : output.Names.Unique(ownsSchema ? InlineHint(output, schema, hint) : hint);
        TypeRef self = TypeRef.Record(name, output.Namespace);
        if (ownsSchema)
        {
            _inProgress[schema] = self;
        }

        // The record's place is where it is first reached, before the types its properties reach.
        int slot = output.Records.Count;
        output.Records.Add(null!);

        var reserved = new HashSet<string>(TypeNames.RecordMemberNames, StringComparer.Ordinal) { name };
        Dictionary<string, string> names = Identifiers.NameScope(properties.Select(p => p.JsonName), reserved, "Value");
        var models = new List<PropertyModel>(properties.Count);
        foreach (Candidate property in properties)
        {
            TypeRef type = Map(property.Document, property.Schema, name + Identifiers.ToPascalCase(property.JsonName), depth + 1);
            (SchemaDocument targetDocument, JsonNode target) = Follow(property.Document, property.Schema);
            bool allowsNull = type.Kind != TypeKind.Any && (AllowsNull(property.Document, property.Schema) || AllowsNull(targetDocument, target));
            string? description = DescriptionOf(property.Schema) ?? property.Description ?? DescriptionOf(target);

            // OpenAPI: a required property the server writes (readOnly) is not sent, and one the client writes (writeOnly) is
            // not answered, so neither is required of a record made in code or read from a response.
            bool required = property.Required && !(property.Document.IsOpenApi && (IsOneSided(property.Schema) || IsOneSided(target)));
            models.Add(new PropertyModel(property.JsonName, names[property.JsonName], type, required, allowsNull, description, IsDeprecated(property.Schema), Location(property.Document, property.Schema))
            {
                Constraints = ConstraintsOf(property.Schema, target),
                // Only a required constant is filled in: an optional one that every record made in code sent would change its meaning.
                Constant = required ? ConstantOf(property.Document, property.Schema, type) : null,
                IsFreeForm = IsFreeForm(property.Document, property.Schema, type, 0),
            });
        }

        // The names the schema does not list: typed maps where their values have a type; untyped ones stay in ExtensionData.
        var maps = new List<MapPropertyModel>();
        HashSet<string>? taken = null;
        List<MapGroup> groups = MapGroups(document, schema, name + "Value", depth).Where(g => g.Type.Kind != TypeKind.Any).ToList();
        foreach (MapGroup group in groups)
        {
            taken ??= new HashSet<string>(reserved.Concat(names.Values), StringComparer.Ordinal);
            // PatternProperties, PatternProperties2, …; PatternPropertiesMap, … where a named property has the name.
            string stem = group.Patterns.Count == 0 ? "AdditionalProperties" : "PatternProperties";
            stem = names.ContainsValue(stem) || reserved.Contains(stem) ? stem + "Map" : stem;
            string mapName = stem;
            for (int n = 2; !taken.Add(mapName); n++)
            {
                mapName = stem + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            maps.Add(new MapPropertyModel(mapName, group.Patterns.ToEquatableArray(), group.Type.WithoutFormats()) { ValueAllowsNull = group.AllowsNull });
        }

        output.Records[slot] = new RecordModel(name, DescriptionOf(schema), models.ToEquatableArray())
        {
            Maps = maps.ToEquatableArray(),
            IsClosed = IsClosed(schema),
            SchemaPointer = PointerIn(schema),
        };
        NoteBases(document, schema, output, slot, name);
        return self;
    }

    /// <summary>
    /// A tuple (<c>prefixItems</c>, or an <c>items</c> array) whose items differ in type: a record read from and written
    /// as an array, an item a property (<c>Item1</c>, …, or the item's <c>title</c>), required up to <c>minItems</c>; the
    /// items past them are kept in <c>AdditionalItems</c>, typed by <c>items</c> (2020-12) or <c>additionalItems</c>.
    /// <paramref name="ownsSchema"/> is false for the array branch of a union whose schema it shares: the union has the
    /// schema's name, and references back to the schema are the union.
    /// </summary>
    private TypeRef AddTuple(SchemaDocument document, JsonObject schema, JsonArray prefix, List<TypeRef> itemTypes, JsonNode? rest, string hint, bool ownsSchema)
    {
        if (ownsSchema && _inProgress.TryGetValue(schema, out TypeRef? building) && building is { Kind: TypeKind.Tuple })
        {
            return building;
        }

        DocumentOutput output = Output(document);
        string name = ownsSchema && _names.TryGetValue(schema, out string? named) ? named : output.Names.Unique(ownsSchema ? InlineHint(output, schema, hint) : hint);
        int minItems = schema["minItems"]?.Type == JsonNodeType.Integer ? (int)Math.Min((long)schema["minItems"]!, prefix.Count) : 0;
        var reserved = new HashSet<string>(TypeNames.RecordMemberNames, StringComparer.Ordinal) { name, "AdditionalItems" };
        var properties = new List<PropertyModel>(prefix.Count);
        for (int i = 0; i < prefix.Count; i++)
        {
            (SchemaDocument targetDocument, JsonNode target) = Follow(document, prefix[i]);
            string itemName = "Item" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (JsonNode titled in new[] { prefix[i], target })
            {
                if (StringOf(titled["title"]) is { } text && Identifiers.FromTitle(text) is { } title && !reserved.Contains(title))
                {
                    itemName = title;
                    break;
                }
            }

            for (int n = 2; !reserved.Add(itemName); n++)
            {
                itemName = "Item" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + (n > 2 ? "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
            }

            TypeRef type = itemTypes[i].WithoutFormats();
            bool allowsNull = type.Kind != TypeKind.Any && (AllowsNull(document, prefix[i]) || AllowsNull(targetDocument, target));
            properties.Add(new PropertyModel(i.ToString(System.Globalization.CultureInfo.InvariantCulture), itemName, type, i < minItems, allowsNull, DescriptionOf(prefix[i]) ?? DescriptionOf(target), IsDeprecated(prefix[i]))
            {
                Constraints = ConstraintsOf(prefix[i], target),
                IsFreeForm = IsFreeForm(document, prefix[i], type, 0),
            });
        }

        output.Records.Add(new RecordModel(name, DescriptionOf(schema), properties.ToEquatableArray())
        {
            IsTuple = true,
            SchemaPointer = PointerIn(schema),
            RestItems = rest is JsonObject && itemTypes.Count > prefix.Count ? itemTypes[prefix.Count].WithoutFormats() : TypeRef.Any,
        });

        // A pass through this schema that began before this one (see Map) finds the tuple made.
        TypeRef self = TypeRef.Tuple(name, output.Namespace);
        if (ownsSchema)
        {
            _inProgress[schema] = self;
        }

        return self;
    }

    /// <summary>The values of names a schema does not list, grouped by type: one group per type of <c>patternProperties</c>, then <c>additionalProperties</c>.</summary>
    private sealed class MapGroup
    {
        public MapGroup(TypeRef type) => Type = type;

        public TypeRef Type { get; }

        /// <summary>A value may be JSON null.</summary>
        public bool AllowsNull { get; set; }

        /// <summary>The patterns whose names hold values of <see cref="Type"/>; empty for <c>additionalProperties</c>, which takes every other name.</summary>
        public List<PatternModel> Patterns { get; } = new();
    }

    /// <summary>
    /// The typed values of the names an object schema does not list: its <c>patternProperties</c> grouped by value type (a
    /// pattern .NET cannot run is a warning, and its names stay in ExtensionData), then its <c>additionalProperties</c>
    /// schema, which takes every name no pattern matches.
    /// </summary>
    private List<MapGroup> MapGroups(SchemaDocument document, JsonObject schema, string hint, int depth)
    {
        var groups = new List<MapGroup>();
        if (schema["patternProperties"] is JsonObject patterns)
        {
            foreach (JsonProperty pattern in patterns.Properties())
            {
                if (pattern.Value.Type == JsonNodeType.Boolean && !(bool)pattern.Value!)
                {
                    // Names that may not appear: nothing to hold.
                    continue;
                }

                System.Text.RegularExpressions.RegexOptions? options = Identifiers.IsValidUtf16(pattern.Name) ? RegexOptionsFor(pattern.Name) : null;
                if (options is null)
                {
                    Report(document, pattern, DiagnosticDescriptors.UnsupportedShape, "A pattern that is not a .NET regular expression ('" + pattern.Name + "'; its names are kept in ExtensionData)", Pointer(pattern.Value));
                    continue;
                }

                TypeRef type = Map(document, pattern.Value, hint, depth + 1);
                MapGroup? group = groups.FirstOrDefault(g => g.Type.Equals(type));
                if (group is null)
                {
                    groups.Add(group = new MapGroup(type));
                }

                group.Patterns.Add(new PatternModel(pattern.Name, options == System.Text.RegularExpressions.RegexOptions.ECMAScript));
                group.AllowsNull |= AllowsNull(document, pattern.Value);
            }
        }

        if (schema["additionalProperties"] is JsonObject additional)
        {
            groups.Add(new MapGroup(Map(document, additional, hint, depth + 1)) { AllowsNull = AllowsNull(document, additional) });
        }

        return groups;
    }

    /// <summary>
    /// How .NET runs a JSON Schema pattern (ECMA-262): with <c>RegexOptions.ECMAScript</c> where it accepts the pattern,
    /// else with .NET's own syntax (<c>\p{L}</c>, lookbehind); null when neither parses it.
    /// </summary>
    private static System.Text.RegularExpressions.RegexOptions? RegexOptionsFor(string pattern)
    {
        foreach (System.Text.RegularExpressions.RegexOptions options in new[] { System.Text.RegularExpressions.RegexOptions.ECMAScript, System.Text.RegularExpressions.RegexOptions.CultureInvariant })
        {
            try
            {
                _ = new System.Text.RegularExpressions.Regex(pattern, options);
                return options;
            }
            catch (ArgumentException)
            {
            }
        }

        return null;
    }

    /// <summary>A pattern every name matches (<c>.*</c>, <c>^.*$</c>, <c>.+</c>, …), so its map holds every name.</summary>
    private static bool IsMatchAll(string pattern) => pattern is "" or ".*" or "^.*$" or "^.*" or ".*$" or "^(.*)$" or ".+" or "^.+$" or "^.+" or "^(.+)$" or "." or "^." or "^";

    /// <summary>Whether <paramref name="type"/> is JSON (or a list or map of it) because the schema allows any value there.</summary>
    private bool IsFreeForm(SchemaDocument document, JsonNode schema, TypeRef type, int depth)
    {
        (SchemaDocument targetDocument, JsonNode target) = Follow(document, schema);
        if (depth > MaxCollectionNesting || target.Type == JsonNodeType.Boolean)
        {
            return target.Type == JsonNodeType.Boolean && (bool)target!;
        }

        if (target is not JsonObject obj)
        {
            return false;
        }

        return type.Kind switch
        {
            TypeKind.Any => !Drafts.HasShape(obj),
            TypeKind.List => obj["items"] is not { } items || (items.Type == JsonNodeType.Boolean ? (bool)items! : IsFreeForm(targetDocument, items, type.Element!, depth + 1)),
            TypeKind.Map => obj["patternProperties"] is null && (obj["additionalProperties"] is not { } values || (values.Type == JsonNodeType.Boolean ? (bool)values! : IsFreeForm(targetDocument, values, type.Element!, depth + 1))),
            _ => false,
        };
    }

    /// <summary>A property found for a record: from the schema itself or from one of its <c>allOf</c> parts.</summary>
    private sealed class Candidate
    {
        public Candidate(string jsonName, SchemaDocument document, JsonNode schema, bool required)
        {
            JsonName = jsonName;
            Document = document;
            Schema = schema;
            Required = required;
        }

        public string JsonName { get; }

        public SchemaDocument Document { get; set; }

        public JsonNode Schema { get; set; }

        public bool Required { get; set; }

        public string? Description { get; set; }
    }

    /// <summary>The candidate named <paramref name="jsonName"/>, or null (a loop: this runs for every property of every record).</summary>
    private static Candidate? Named(List<Candidate> candidates, string jsonName)
    {
        foreach (Candidate candidate in candidates)
        {
            if (string.Equals(candidate.JsonName, jsonName, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The properties of an object schema and of its <c>allOf</c> parts (references followed, each part once).</summary>
    private void CollectProperties(SchemaDocument document, JsonObject schema, List<Candidate> into, HashSet<JsonNode> visited, int depth)
    {
        if (depth > MaxDepth || !visited.Add(schema))
        {
            return;
        }

        var parts = new List<JsonNode>();
        if (schema["allOf"] is JsonArray allOf)
        {
            parts.AddRange(allOf);
        }

        if (ReferenceOf(schema) is { } reference && Drafts.RefHasSiblings(document.Draft) && reference.Value.Type == JsonNodeType.String)
        {
            if (_set.Resolve(document, schema, (string)reference.Value!).Found is { } target && target.Token is JsonObject targetObject)
            {
                CollectProperties(target.Document, targetObject, into, visited, depth + 1);
            }
        }

        foreach (JsonNode part in parts)
        {
            (SchemaDocument partDocument, JsonNode target) = Follow(document, part);
            if (target is JsonObject partObject)
            {
                // A part is read for its properties, not mapped: what it says that the record does not follow is said here
                // (when the record is mapped; the passes that only name types come before there is an output to report to).
                if (_outputs.ContainsKey(partDocument))
                {
                    ReportUnsupportedKeywords(partDocument, partObject);
                }

                CollectProperties(partDocument, partObject, into, visited, depth + 1);
            }
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (JsonProperty property in properties.Properties())
            {
                if (property.Value.Type == JsonNodeType.Boolean && !(bool)property.Value!)
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

                Candidate? existing = Named(into, property.Name);
                if (existing is null)
                {
                    into.Add(new Candidate(property.Name, document, property.Value, false));
                }
                else if (property.Value is JsonObject refined && Drafts.HasShape(refined))
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

        if (schema["required"] is JsonArray required)
        {
            foreach (JsonNode name in required)
            {
                if (name.Type == JsonNodeType.String && into.FirstOrDefault(c => c.JsonName == (string)name!) is { } candidate)
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
    private bool CheckKeywords(SchemaDocument document, JsonObject schema)
    {
        foreach (JsonProperty keyword in schema.Properties())
        {
            string? expected = keyword.Name switch
            {
                "properties" or "patternProperties" or "definitions" when keyword.Value.Type != JsonNodeType.Object => "an object of schemas",
                "$defs" when Drafts.HasDefsKeyword(document.Draft) && keyword.Value.Type != JsonNodeType.Object => "an object of schemas",
                "allOf" or "anyOf" or "oneOf" or "prefixItems" when keyword.Value is not JsonArray { Count: > 0 } => "a non-empty array of schemas",
                "items" or "additionalProperties" or "additionalItems" when keyword.Value.Type is not (JsonNodeType.Object or JsonNodeType.Boolean or JsonNodeType.Array) || (keyword.Name != "items" && keyword.Value.Type == JsonNodeType.Array) => "a schema",
                "type" when keyword.Value.Type != JsonNodeType.String && !(keyword.Value is JsonArray types && types.All(t => t.Type == JsonNodeType.String)) => "a type name or an array of type names",
                "required" when keyword.Value.Type != JsonNodeType.Array && keyword.Value.Type != JsonNodeType.Boolean => "an array of property names",
                "enum" when keyword.Value.Type != JsonNodeType.Array => "an array of values",
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

    private void ReportUnsupportedKeywords(SchemaDocument document, JsonObject schema)
    {
        foreach (KeyValuePair<string, string> keyword in Drafts.UnsupportedKeywords)
        {
            if (schema[keyword.Key] is JsonObject value && (keyword.Key is not ("unevaluatedProperties" or "unevaluatedItems") || Drafts.HasShape(value)))
            {
                Report(document, value, DiagnosticDescriptors.UnsupportedKeyword, keyword.Key, Pointer(value), keyword.Value);
            }
        }

        if (schema["dependencies"] is JsonObject dependencies && dependencies.Properties().Any(p => p.Value is JsonObject))
        {
            Report(document, dependencies, DiagnosticDescriptors.UnsupportedKeyword, "dependencies", Pointer(dependencies), Drafts.UnsupportedKeywords["dependentSchemas"]);
        }
    }

    /// <summary>The <c>x-in</c> extension of an operation parameter: true for <c>query</c>, false for <c>body</c>, null when absent.</summary>
    private bool? Location(SchemaDocument document, JsonNode property)
    {
        if (property is not JsonObject obj || obj["x-in"] is not { } value)
        {
            return null;
        }

        switch (StringOf(value))
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
        "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "default", "examples", "example", "readOnly", "writeOnly",
    };

    private static EquatableArray<string> ConstraintsOf(JsonNode schema, JsonNode target)
    {
        var result = new List<string>();
        foreach (string keyword in ConstraintKeywords)
        {
            JsonNode? value = (schema as JsonObject)?[keyword] ?? (target as JsonObject)?[keyword];
            // A false draft-04 exclusive bound says nothing; a numeric format is the C# type already.
            if (value is null
                || (keyword is "exclusiveMinimum" or "exclusiveMaximum" or "readOnly" or "writeOnly" && value.Type == JsonNodeType.Boolean && !(bool)value!)
                || (keyword == "format" && value.Type == JsonNodeType.String && (string?)value is "int32" or "int64" or "double" or "float"))
            {
                continue;
            }

            string text = value.Type == JsonNodeType.String && keyword is "pattern" or "format" ? (string)value! : value.ToJson();
            result.Add(keyword + ": " + (text.Length > 200 ? text.Substring(0, 200) + "…" : text));
        }

        return result.ToEquatableArray();
    }

    /// <summary>OpenAPI's <c>readOnly: true</c> or <c>writeOnly: true</c>: the property goes one way only.</summary>
    private static bool IsOneSided(JsonNode schema) =>
        schema is JsonObject obj && ((obj["readOnly"]?.Type == JsonNodeType.Boolean && (bool)obj["readOnly"]!) || (obj["writeOnly"]?.Type == JsonNodeType.Boolean && (bool)obj["writeOnly"]!));

    private static bool IsDeprecated(JsonNode schema) => schema is JsonObject obj && obj["deprecated"]?.Type == JsonNodeType.Boolean && (bool)obj["deprecated"]!;

    private static string? DescriptionOf(JsonNode schema) =>
        StringOf(schema["description"]) is { } description && !string.IsNullOrWhiteSpace(description) ? description.Trim() : null;
}

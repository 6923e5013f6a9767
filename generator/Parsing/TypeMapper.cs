using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Scenario.Generators.Diagnostics;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing.Json;
using static Scenario.Generators.Parsing.SchemaKeywords;

namespace Scenario.Generators.Parsing;

/// <summary>
/// Schema → C# type, for every file of a <see cref="SchemaSet"/>. Each place in a file (a JSON token) is mapped once and
/// remembered, so a type is generated once however many references reach it, in the namespace of the file that holds
/// it. The walk is total and bounded: a reference cycle ends at the record being built (a cycle through schemas that
/// have no record is a SCENGEN009 warning), nesting past <see cref="MaxDepth"/> is a warning too, and whatever has no
/// typed mapping becomes <c>JsonElement</c> with a warning at its real JSON pointer.
/// </summary>
internal sealed partial class TypeMapper
{
    /// <summary>How deep mapping may nest (schemas inside schemas, references included) before it stops with a warning.</summary>
    public const int MaxDepth = 48;

    /// <summary>
    /// How deep lists and maps may nest in one another (a list of lists of …): deeper nesting becomes <c>JsonElement</c>
    /// with a warning, since each level is a nested generic lambda in the reader, which compilers bind slowly past a few.
    /// </summary>
    public const int MaxCollectionNesting = 8;

    private readonly SchemaSet _set;
    private readonly Dictionary<SchemaDocument, DocumentOutput> _outputs;
    private readonly Dictionary<JsonNode, TypeRef> _memo = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<JsonNode, TypeRef?> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<JsonNode, string> _names = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<JsonNode> _reentered = new(ReferenceEqualityComparer.Instance);
    private readonly CancellationToken _cancellationToken;

    private readonly bool _hasDateOnly;

    public TypeMapper(SchemaSet set, Dictionary<SchemaDocument, DocumentOutput> outputs, bool hasDateOnly, CancellationToken cancellationToken)
    {
        _set = set;
        _outputs = outputs;
        _hasDateOnly = hasDateOnly;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The files of the compilation, for readers that follow references of their own (an OpenAPI document's parameters and responses).</summary>
    public SchemaSet Set => _set;

    /// <summary>Gives <paramref name="schema"/> (a definition, or a root) the type name <paramref name="name"/>, if it becomes a record or an enum.</summary>
    public void Name(JsonNode schema, string name) => _names[schema] = name;

    /// <summary>Whether a schema becomes a generated type of its own (a record or a string enum) when it is a definition.</summary>
    public bool IsNamedType(SchemaDocument document, JsonNode schema)
    {
        if (schema is not JsonObject obj)
        {
            return false;
        }

        if (obj["$ref"] is not null && !Drafts.RefHasSiblings(document.Draft))
        {
            return false;
        }

        if (ShapingEnum(obj) is JsonArray values)
        {
            // An enum of strings, or of two values or more (one number is a constant; booleans are a bool).
            List<JsonNode> nonNull = values.Where(v => v.Type != JsonNodeType.Null).ToList();
            return nonNull.All(v => v.Type is JsonNodeType.String or JsonNodeType.Integer or JsonNodeType.Float or JsonNodeType.Boolean)
                && (nonNull.Count >= 2 || nonNull.Any(v => v.Type == JsonNodeType.String))
                && !nonNull.All(v => v.Type == JsonNodeType.Boolean);
        }

        if (ShapingConst(obj) is not null || obj["$ref"] is not null)
        {
            return false;
        }

        JsonTypes types = TypesOf(obj);
        if (types.Shapes != JsonShape.None && types.Shapes != JsonShape.Object && !IsUnionShaped(document, obj))
        {
            return false;
        }

        if (HasAlternatives(obj) && !HasOwnProperties(obj))
        {
            return IsUnionShaped(document, obj);
        }

        if (IsUnionShaped(document, obj) || IsOpenArray(obj))
        {
            return true;
        }

        var properties = new List<Candidate>();
        CollectProperties(document, obj, properties, new HashSet<JsonNode>(ReferenceEqualityComparer.Instance), 0);
        if (properties.Count > 0)
        {
            return true;
        }

        // A named object with no properties is still a type of its own, unless it is a map that one type holds.
        return IsMapShaped(obj) ? MapNeedsRecord(document, obj) : types.Shapes == JsonShape.Object;
    }

    /// <summary>
    /// Whether an object of only <c>patternProperties</c>/<c>additionalProperties</c> needs a record of typed maps: its
    /// patterns leave other names free, or its values differ in schema. (Schemas that differ may map to one type: the guess
    /// then reserves a name the map does not use.)
    /// </summary>
    private bool MapNeedsRecord(SchemaDocument document, JsonObject schema)
    {
        var values = new List<JsonNode>();
        bool coversEveryName = IsClosed(schema);
        if (schema["patternProperties"] is JsonObject patterns)
        {
            foreach (JsonProperty pattern in patterns.Properties().Where(p => !(p.Value.Type == JsonNodeType.Boolean && !(bool)p.Value!)))
            {
                values.Add(Follow(document, pattern.Value).Schema);
                coversEveryName |= IsMatchAll(pattern.Name);
            }
        }

        if (schema["additionalProperties"] is JsonObject additional)
        {
            values.Add(Follow(document, additional).Schema);
            coversEveryName = true;
        }

        return !coversEveryName || values.Distinct(ReferenceEqualityComparer.Instance).Count() > 1;
    }

    /// <summary>
    /// Whether a schema looks like a union (a <c>"type"</c> array, or <c>oneOf</c>/<c>anyOf</c> branches, of kinds no one
    /// C# type holds), so a definition or root of that shape keeps its name for the union. A guess that mapping may undo
    /// (branches that come down to one type): the name is then unused.
    /// </summary>
    private bool IsUnionShaped(SchemaDocument document, JsonObject schema)
    {
        static bool OneType(JsonShape kinds) =>
            kinds is JsonShape.None or JsonShape.Any or JsonShape.String or JsonShape.Boolean or JsonShape.Object or JsonShape.Array
            || (kinds & ~(JsonShape.String | JsonShape.Number | JsonShape.Integer)) == 0;

        if (ShapingEnum(schema) is not null || ShapingConst(schema) is not null)
        {
            return false;
        }

        if (HasAlternatives(schema) && !HasOwnProperties(schema))
        {
            var targets = new HashSet<JsonNode>(ReferenceEqualityComparer.Instance);
            JsonShape all = JsonShape.None;
            bool open = false;
            foreach (string keyword in new[] { "oneOf", "anyOf" })
            {
                foreach (JsonNode branch in schema[keyword] as JsonArray ?? new JsonArray())
                {
                    (_, JsonNode target) = Follow(document, branch);
                    if (!IsNullOnly(target) && (target is not JsonObject targetObject || Drafts.HasShape(targetObject)))
                    {
                        targets.Add(target);
                        all |= KindsOf(document, branch, 0);
                    }
                    else if (branch.Type == JsonNodeType.Boolean ? (bool)branch! : !IsNullOnly(target))
                    {
                        open = true;
                    }
                }
            }

            // A branch with no shape lets any value through: the shaped branches and an unknown form (see MapAlternatives).
            return (targets.Count >= 2 && (!OneType(all) || all == JsonShape.Object || all == JsonShape.Array))
                || (open && targets.Count >= 1 && TypesOf(schema).Shapes == JsonShape.None);
        }

        return !OneType(TypesOf(schema).Shapes);
    }

    /// <summary>Maps a schema to the type of the values it describes.</summary>
    public TypeRef Map(SchemaDocument document, JsonNode schema, string hint, int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (schema.Type == JsonNodeType.Boolean)
        {
            // true allows anything; false allows nothing, so any type would do.
            return TypeRef.Any;
        }

        if (schema is not JsonObject obj)
        {
            Report(document, schema, DiagnosticDescriptors.UnreadableSchema, document.FileName, "the schema at '#" + SchemaDocument.PointerOf(schema) + "' is " + Describe(schema) + ", but a schema is an object, true or false");
            return TypeRef.Any;
        }

        if (_memo.TryGetValue(obj, out TypeRef? known))
        {
            return known;
        }

        if (_inProgress.TryGetValue(obj, out TypeRef? pending))
        {
            if (pending is not null)
            {
                if (pending.Kind == TypeKind.Union)
                {
                    _reachedWhileBuilding.Add(pending);
                }

                return pending;
            }

            // A list or map (or an alias) whose items reach back to it through a record or a union: its type is known once
            // that record's or union's is, which a second pass through it finds. A cycle of collections alone ends here.
            if (_reentered.Add(obj))
            {
                try
                {
                    return MapObject(document, obj, hint, depth + 1);
                }
                finally
                {
                    _reentered.Remove(obj);
                }
            }

            Report(document, obj, DiagnosticDescriptors.LimitReached, "A schema that contains itself through no record (a reference cycle of arrays, maps or unions)", Pointer(obj));
            return TypeRef.Any;
        }

        if (depth > MaxDepth)
        {
            Report(document, obj, DiagnosticDescriptors.LimitReached, "Schemas nested more than " + MaxDepth + " levels deep", Pointer(obj));
            return TypeRef.Any;
        }

        _inProgress[obj] = null;
        TypeRef result;
        try
        {
            result = MapObject(document, obj, hint, depth);
        }
        finally
        {
            _inProgress.Remove(obj);
        }

        _memo[obj] = result;
        return result;
    }

    /// <summary>
    /// The name an inline type starts from: its <c>title</c> when that reads as a name (<see cref="Identifiers.FromTitle"/>)
    /// that no type of its file has yet (an inline branch titled <c>CurrencyReward</c> is <c>CurrencyReward</c>), else
    /// <paramref name="hint"/>, the name of where it stands (<c>LevelRewardsItem</c>). A title that one of the schema's
    /// own properties has (a branch titled <c>Percent</c> with a property <c>percent</c>) is not taken: the property
    /// would have to give way (<c>PercentValue</c>).
    /// </summary>
    private static string InlineHint(DocumentOutput output, JsonObject schema, string hint) =>
        StringOf(schema["title"]) is { } title && Identifiers.FromTitle(title) is { } named && !output.Names.IsTaken(output.Names.Renamed(named))
        && !(schema["properties"] is JsonObject properties && properties.Properties().Any(p => string.Equals(Identifiers.ToPascalCase(p.Name), named, StringComparison.Ordinal)))
            ? named
            : hint;

    /// <summary>Follows <c>$ref</c>s (bounded) to the schema that says something of its own, for names, docs and nullability.</summary>
    public (SchemaDocument Document, JsonNode Schema) Follow(SchemaDocument document, JsonNode schema)
    {
        for (int i = 0; i < MaxDepth && schema is JsonObject obj && ReferenceOf(obj) is { } reference && (!Drafts.RefHasSiblings(document.Draft) || !HasShapeBesides(obj, reference.Name)); i++)
        {
            if (reference.Value.Type != JsonNodeType.String || _set.Resolve(document, obj, (string)reference.Value!).Found is not { } target)
            {
                break;
            }

            document = target.Document;
            schema = target.Token;
        }

        return (document, schema);
    }

    /// <summary>Whether the schema lets a value be null: <c>"type": [..., "null"]</c>, <c>nullable</c>, a null branch, a null enum value.</summary>
    public bool AllowsNull(SchemaDocument document, JsonNode schema, int depth = 0)
    {
        if (depth > 8 || schema is not JsonObject obj)
        {
            return false;
        }

        // Each schema is visited once per question, so branches that share schemas are not walked again (a walk per
        // path would be exponential); nothing is remembered across questions, so no answer depends on their order. The
        // set of visited schemas is made when the walk first goes past one schema (most questions end at the first).
        HashSet<JsonNode>? visited = null;
        return AllowsNull(document, obj, depth, ref visited);
    }

    /// <summary>
    /// Whether a whole document may be <c>null</c>: the schema says so (<see cref="AllowsNull(SchemaDocument, JsonNode, int)"/>),
    /// or nothing in it fixes the kind of value (<c>{"properties": …}</c> lets <c>null</c> through).
    /// </summary>
    public bool AllowsNullDocument(SchemaDocument document, JsonObject root) =>
        AllowsNull(document, root) || AllowedKinds(document, root) == JsonShape.Any;

    private static readonly string[] AlternativeKeywords = { "oneOf", "anyOf" };

    private bool AllowsNull(SchemaDocument document, JsonObject obj, int depth, ref HashSet<JsonNode>? visited)
    {
        if (depth > 8 || (visited is not null && !visited.Add(obj)))
        {
            return false;
        }

        JsonTypes types = TypesOf(obj);
        if (types.Null || obj["nullable"]?.Type == JsonNodeType.Boolean && (bool)obj["nullable"]! || obj["x-nullable"]?.Type == JsonNodeType.Boolean && (bool)obj["x-nullable"]!)
        {
            return true;
        }

        if (obj["enum"] is JsonArray values && values.Items().Any(v => v.Type == JsonNodeType.Null) || obj["const"]?.Type == JsonNodeType.Null)
        {
            return true;
        }

        foreach (string keyword in AlternativeKeywords)
        {
            if (obj[keyword] is JsonArray branches)
            {
                foreach (JsonNode branch in branches.Items())
                {
                    (SchemaDocument branchDocument, JsonNode target) = Follow(document, branch);
                    if (IsNullOnly(target) || (target is JsonObject targetObject && AllowsNull(branchDocument, targetObject, depth + 1, ref Visiting(ref visited, obj))))
                    {
                        return true;
                    }
                }
            }
        }

        (SchemaDocument followedDocument, JsonNode followed) = Follow(document, obj);
        return !ReferenceEquals(followed, obj) && followed is JsonObject followedObject && AllowsNull(followedDocument, followedObject, depth + 1, ref Visiting(ref visited, obj));
    }

    /// <summary>The set of schemas visited by a walk that goes on past <paramref name="current"/>: made (holding it) the first time.</summary>
    private static ref HashSet<JsonNode>? Visiting(ref HashSet<JsonNode>? visited, JsonObject current)
    {
        visited ??= new HashSet<JsonNode>(ReferenceEqualityComparer.Instance) { current };
        return ref visited;
    }

    private TypeRef MapObject(SchemaDocument document, JsonObject schema, string hint, int depth)
    {
        if (!CheckKeywords(document, schema))
        {
            return TypeRef.Any;
        }

        ReportUnsupportedKeywords(document, schema);
        if (ReferenceOf(schema) is { } reference)
        {
            if (!Drafts.RefHasSiblings(document.Draft) || !HasShapeBesides(schema, reference.Name))
            {
                return MapReference(document, schema, reference, hint, depth);
            }

            // 2019-09 on: $ref and its siblings both apply, as an allOf of the two.
            return MapAllOf(document, schema, hint, depth);
        }

        if (ShapingEnum(schema) is JsonArray enumValues)
        {
            return MapEnum(document, schema, enumValues, hint);
        }

        if (ShapingConst(schema) is { } constant)
        {
            return ConstType(document, schema, constant);
        }

        if (HasAlternatives(schema) && !HasOwnProperties(schema))
        {
            TypeRef? alternatives = MapAlternatives(document, schema, hint, depth);
            if (alternatives is not null)
            {
                return alternatives;
            }
        }

        if (schema["allOf"] is JsonArray)
        {
            return MapAllOf(document, schema, hint, depth);
        }

        return MapByType(document, schema, TypesOf(schema), hint, depth);
    }

    private TypeRef MapReference(SchemaDocument document, JsonObject schema, JsonProperty reference, string hint, int depth)
    {
        if (reference.Value.Type != JsonNodeType.String)
        {
            Report(document, reference.Value, DiagnosticDescriptors.UnresolvedReference, reference.Value.ToJson(), "a $ref is a string");
            return TypeRef.Any;
        }

        string text = (string)reference.Value!;
        if (reference.Name == "$recursiveRef" || reference.Name == "$dynamicRef")
        {
            // Without a dynamic scope to extend, these resolve like $ref (to the root, or to the anchor).
            text = text.Length == 0 ? "#" : text;
        }

        SchemaSet.Resolution resolution = _set.Resolve(document, schema, text);
        if (resolution.Found is not { } target)
        {
            Report(document, reference.Value, resolution.IsExternal ? DiagnosticDescriptors.ExternalReference : DiagnosticDescriptors.UnresolvedReference, text, resolution.Problem!);
            return TypeRef.Any;
        }

        return Map(target.Document, target.Token, HintOf(target.Token) ?? hint, depth + 1);
    }

    /// <summary>
    /// <c>oneOf</c>/<c>anyOf</c>: a single shaped branch (the others null or validation only) is that branch's type; branches
    /// of strings and numbers are <c>StringOrNumber</c>; branches that all give one type are that type; null when no
    /// branch has a shape (the keyword only validates, and the schema's own keywords decide).
    /// </summary>
    private TypeRef? MapAlternatives(SchemaDocument document, JsonObject schema, string hint, int depth)
    {
        var shaped = new List<(JsonNode Branch, int Index, string Keyword)>();
        bool open = false;
        foreach (string keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema[keyword] is not JsonArray branches)
            {
                continue;
            }

            open = false;
            for (int i = 0; i < branches.Count; i++)
            {
                (_, JsonNode target) = Follow(document, branches[i]);
                if (IsNullOnly(target) || branches[i].Type == JsonNodeType.Boolean && !(bool)branches[i]!)
                {
                    continue;
                }

                if (branches[i].Type == JsonNodeType.Boolean || (branches[i] is JsonObject branch && !Drafts.HasShape(branch)))
                {
                    // A branch with no shape ({}, {"minimum": 2}, {"pattern": …}) lets values of any kind through.
                    open = true;
                    continue;
                }

                shaped.Add((branches[i], i, keyword));
            }

            if (shaped.Count > 0)
            {
                break;
            }
        }

        if (shaped.Count == 0)
        {
            return null;
        }

        if (open)
        {
            // Values of any kind are valid: the schema's own type decides, else a union of the shaped branches whose unknown
            // form keeps the other values (a boolean, or a string that matches a pattern: "true").
            return TypesOf(schema).Shapes != JsonShape.None
                ? null
                : MapAlternativesUnion(document, schema, shaped.Select(b => b.Branch), shaped.Select(b => KindsOf(document, b.Branch, 0)).ToList(), hint, depth, keepsOneBranch: true);
        }

        if (shaped.Count == 1)
        {
            return Map(document, shaped[0].Branch, hint, depth + 1);
        }

        // Decide by the kinds of value first, so branches that will not be used are not generated.
        var kinds = shaped.Select(b => KindsOf(document, b.Branch, 0)).ToList();
        JsonShape all = kinds.Aggregate(JsonShape.None, (a, b) => a | b);
        if (kinds.All(k => k != JsonShape.None && k != JsonShape.Any))
        {
            if ((all & ~(JsonShape.String | JsonShape.Number | JsonShape.Integer)) == 0 && (all & JsonShape.String) != 0 && (all & (JsonShape.Number | JsonShape.Integer)) != 0)
            {
                return TypeRef.StringOrNumber;
            }

            if (all == JsonShape.Integer)
            {
                return TypeRef.Int64;
            }

            if ((all & ~(JsonShape.Number | JsonShape.Integer)) == 0)
            {
                return TypeRef.Double;
            }

            if (all == JsonShape.String)
            {
                // A string, or one of a few fixed strings: the enum held open (OpenEnum keeps any other string); else a string.
                List<int> enums = Enumerable.Range(0, shaped.Count).Where(i => IsStringEnum(Follow(document, shaped[i].Branch).Schema)).ToList();
                return enums.Count == 1 ? Map(document, shaped[enums[0]].Branch, hint, depth + 1) : TypeRef.String;
            }

            if (all == JsonShape.Boolean)
            {
                return TypeRef.Boolean;
            }
        }

        // Branches that are the same type (two references to one definition, say).
        var targets = shaped.Select(b => Follow(document, b.Branch).Schema).Distinct(ReferenceEqualityComparer.Instance).ToList();
        if (targets.Count == 1)
        {
            return Map(document, shaped[0].Branch, hint, depth + 1);
        }

        return MapAlternativesUnion(document, schema, shaped.Select(b => b.Branch), kinds, hint, depth);
    }

    /// <summary>Whether the schema is an enum of strings with more than one value (one value is a constant, typed as a string).</summary>
    private static bool IsStringEnum(JsonNode schema) =>
        schema is JsonObject obj && obj["enum"] is JsonArray values && values.Count(v => v.Type == JsonNodeType.String) > 1 && values.All(v => v.Type is JsonNodeType.String or JsonNodeType.Null);

    private TypeRef MapAllOf(SchemaDocument document, JsonObject schema, string hint, int depth)
    {
        // The parts that have a shape: the allOf's (references followed), and the schema's own keywords.
        var parts = new List<(SchemaDocument Document, JsonNode Schema)>();
        if (schema["allOf"] is JsonArray allOf)
        {
            foreach (JsonNode part in allOf)
            {
                (SchemaDocument partDocument, JsonNode target) = Follow(document, part);
                if (target is JsonObject partObject && Drafts.HasShape(partObject))
                {
                    parts.Add((partDocument, target));
                }
                else if (target.Type == JsonNodeType.Boolean && !(bool)target!)
                {
                    return TypeRef.Any;
                }
            }
        }

        JsonProperty? reference = ReferenceOf(schema);
        if (reference is not null && reference.Value.Type == JsonNodeType.String && _set.Resolve(document, schema, (string)reference.Value!).Found is { } referenced)
        {
            parts.Add((referenced.Document, referenced.Token));
        }

        bool ownShape = schema.Properties().Any(p => Drafts.IsShapeKeyword(p.Name) && p.Name is not "allOf" and not "$ref" and not "$recursiveRef" and not "$dynamicRef");
        if (!ownShape && parts.Count == 1)
        {
            return Map(parts[0].Document, parts[0].Schema, HintOf(parts[0].Schema) ?? hint, depth + 1);
        }

        if (!ownShape && parts.Count == 0)
        {
            return TypeRef.Any;
        }

        JsonShape kinds = KindsOf(document, schema, 0);
        if (kinds is JsonShape.Object or JsonShape.Array && !document.IsOpenApi && !_kindFixedByUnion.Contains(schema))
        {
            // Parts whose object or array keywords name no type keep no other kind out: a part that allows booleans,
            // objects and arrays, and a part with items and properties, allow all three (tslint's rules).
            JsonShape allowed = AllowedKinds(document, schema);
            if (allowed == JsonShape.Any)
            {
                return kinds == JsonShape.Object ? MapOpenObject(document, schema, hint, depth) : MapOpenArray(document, schema, hint, depth);
            }

            if (allowed != kinds && (allowed & kinds) == kinds)
            {
                return MapByType(document, schema, new JsonTypes(allowed, false), hint, depth);
            }
        }

        if (kinds == JsonShape.Object)
        {
            return MapObjectShape(document, schema, hint, depth);
        }

        if (kinds == JsonShape.None)
        {
            // Parts that no value satisfies together (a string and an integer): nothing to type.
            return TypeRef.Any;
        }

        if (!ownShape && parts.Select(p => p.Schema).Distinct(ReferenceEqualityComparer.Instance).Count() == 1)
        {
            return Map(parts[0].Document, parts[0].Schema, hint, depth + 1);
        }

        // Parts that agree on one primitive kind (a reference to a string definition, plus a pattern) are that kind.
        if (kinds is JsonShape.String or JsonShape.Boolean or JsonShape.Integer or JsonShape.Number)
        {
            return MapByType(document, new JsonObject(), new JsonTypes(kinds, false), hint, depth);
        }

        return Unsupported(document, schema, "An allOf of parts of different shapes");
    }

    /// <summary>The kinds both allow; an integer is a number, so number and integer give integer.</summary>
    private static JsonShape Intersect(JsonShape left, JsonShape right)
    {
        JsonShape Widen(JsonShape kinds) => (kinds & JsonShape.Number) != 0 ? kinds | JsonShape.Integer : kinds;
        JsonShape both = Widen(left) & Widen(right);
        return (both & JsonShape.Number) != 0 && ((left & JsonShape.Number) == 0 || (right & JsonShape.Number) == 0) ? both & ~JsonShape.Number : both;
    }

    private TypeRef MapByType(SchemaDocument document, JsonObject schema, JsonTypes types, string hint, int depth)
    {
        JsonShape shapes = types.Shapes;
        if (types.Unknown is { } unknown)
        {
            Report(document, schema["type"] ?? schema, DiagnosticDescriptors.UnsupportedShape, "The type '" + unknown + "' (not a JSON Schema type)", Pointer(schema));
            return TypeRef.Any;
        }

        if (shapes == JsonShape.None)
        {
            if (HasObjectKeywords(schema))
            {
                if (ObjectAllowsOtherKinds(document, schema))
                {
                    return MapOpenObject(document, schema, hint, depth);
                }

                shapes = JsonShape.Object;
            }
            else if (schema["items"] is not null || schema["prefixItems"] is not null)
            {
                return MapOpenArray(document, schema, hint, depth);
            }
            else if (_names.ContainsKey(schema) && HasOwnProperties(schema))
            {
                shapes = JsonShape.Object;
            }
            else
            {
                return TypeRef.Any;
            }
        }

        switch (shapes)
        {
            case JsonShape.String:
                return StringType(document, schema);
            case JsonShape.Boolean:
                return TypeRef.Boolean;
            case JsonShape.Integer:
                return StringOf(schema["format"]) == "int32" ? TypeRef.Int32 : TypeRef.Int64;
            case JsonShape.Number:
            case JsonShape.Number | JsonShape.Integer:
                return IsDecimal(document, schema) ? TypeRef.Decimal : TypeRef.Double;
            case JsonShape.Array:
                return MapArray(document, schema, hint, depth);
            case JsonShape.Object:
                return MapObjectShape(document, schema, hint, depth);
            default:
                if ((shapes & ~(JsonShape.String | JsonShape.Number | JsonShape.Integer)) == 0 && (shapes & JsonShape.String) != 0)
                {
                    return TypeRef.StringOrNumber;
                }

                return MapTypeArrayUnion(document, schema, shapes, hint, depth);
        }
    }

    /// <summary>An array: a list, or a tuple when its items differ in type (<paramref name="ownsSchema"/> as for <see cref="AddTuple"/>).</summary>
    private TypeRef MapArray(SchemaDocument document, JsonObject schema, string hint, int depth, bool ownsSchema = true)
    {
        JsonArray? prefix = schema["prefixItems"] as JsonArray ?? schema["items"] as JsonArray;
        JsonNode? rest = schema["prefixItems"] is JsonArray ? schema["items"] : schema["items"] is JsonArray ? schema["additionalItems"] : schema["items"];
        if (prefix is null || prefix.Count == 0)
        {
            return rest is null ? TypeRef.List(TypeRef.Any) : Collection(document, schema, TypeKind.List, Map(document, rest, hint + "Item", depth + 1), AllowsNull(document, rest));
        }

        var itemTypes = new List<TypeRef>();
        for (int i = 0; i < prefix.Count; i++)
        {
            itemTypes.Add(Map(document, prefix[i], hint + "Item" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), depth + 1));
        }

        if (rest is JsonObject)
        {
            itemTypes.Add(Map(document, rest, hint + "Item", depth + 1));
        }

        if (itemTypes.Distinct().Count() == 1)
        {
            // Items of one type are a list of it, however many the schema names.
            bool itemsAllowNull = prefix.Any(item => AllowsNull(document, item)) || (rest is JsonObject && AllowsNull(document, rest));
            return Collection(document, schema, TypeKind.List, itemTypes[0], itemsAllowNull);
        }

        return AddTuple(document, schema, prefix, itemTypes, rest, hint, ownsSchema);
    }

    /// <summary>
    /// A string's type: where the file opts in to formats (<c>Formats="true"</c>), its <c>format</c> decides — <c>date-time</c>
    /// <c>DateTimeOffset</c>, <c>date</c> <c>DateOnly</c> and <c>time</c> <c>TimeOnly</c> (where the target has them),
    /// <c>uuid</c> <c>Guid</c>, <c>uri</c> and <c>uri-reference</c> <c>Uri</c>, <c>duration</c> <c>TimeSpan</c>; else a string.
    /// </summary>
    private TypeRef StringType(SchemaDocument document, JsonObject schema)
    {
        if (!Output(document).Formats || schema["format"]?.Type != JsonNodeType.String)
        {
            return TypeRef.String;
        }

        return (string?)schema["format"] switch
        {
            "date-time" => TypeRef.DateTime,
            "date" when _hasDateOnly => TypeRef.Date,
            "time" when _hasDateOnly => TypeRef.Time,
            "uuid" => TypeRef.Guid,
            "uri" or "uri-reference" => TypeRef.Uri,
            "duration" => TypeRef.Duration,
            _ => TypeRef.String,
        };
    }

    /// <summary>
    /// Whether a number is meant as a decimal (formats on): <c>"format": "decimal"</c>, <c>"x-decimal": true</c>, or a
    /// <c>multipleOf</c> that is a power of ten below one (<c>0.01</c>: cents).
    /// </summary>
    private bool IsDecimal(SchemaDocument document, JsonObject schema)
    {
        if (!Output(document).Formats)
        {
            return false;
        }

        if ((schema["format"]?.Type == JsonNodeType.String && (string?)schema["format"] == "decimal") || (schema["x-decimal"]?.Type == JsonNodeType.Boolean && (bool)schema["x-decimal"]!))
        {
            return true;
        }

        return schema["multipleOf"]?.Type is JsonNodeType.Float or JsonNodeType.Integer
            && decimal.TryParse((string?)schema["multipleOf"], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out decimal step)
            && step > 0m && step < 1m && IsPowerOfTen(step);

        static bool IsPowerOfTen(decimal value)
        {
            while (value < 1m)
            {
                value *= 10m;
            }

            return value == 1m;
        }
    }

    /// <summary>A list or map of <paramref name="element"/>, or of <c>JsonElement</c> past <see cref="MaxCollectionNesting"/>.</summary>
    private TypeRef Collection(SchemaDocument document, JsonObject schema, TypeKind kind, TypeRef element, bool elementAllowsNull)
    {
        int nesting = 0;
        for (TypeRef? inner = element; inner is { Kind: TypeKind.List or TypeKind.Map }; inner = inner.Element)
        {
            nesting++;
        }

        if (nesting >= MaxCollectionNesting)
        {
            Report(document, schema, DiagnosticDescriptors.LimitReached, "Lists or maps nested more than " + MaxCollectionNesting + " levels deep", Pointer(schema));
            element = TypeRef.Any;
        }

        // Formatted items keep their text one level deep (FormattedList, FormattedMap); deeper, they are their JSON type.
        element = element.Kind is TypeKind.List or TypeKind.Map ? element.WithoutFormats() : element;
        return kind == TypeKind.List ? TypeRef.List(element, elementAllowsNull) : TypeRef.Map(element, elementAllowsNull);
    }

    /// <summary>
    /// An object: a record when it has properties (or is a definition of its own), else a map. <paramref name="ownsSchema"/>
    /// is false for the object branch of a union whose schema it shares (<c>"type": ["object", "boolean"]</c>): the union
    /// has the schema's name, and references back to the schema are the union.
    /// </summary>
    private TypeRef MapObjectShape(SchemaDocument document, JsonObject schema, string hint, int depth, bool ownsSchema = true)
    {
        bool named = ownsSchema && _names.ContainsKey(schema);
        var properties = new List<Candidate>();
        CollectProperties(document, schema, properties, new HashSet<JsonNode>(ReferenceEqualityComparer.Instance), 0);
        if (properties.Count > 0 || (named && !IsMapShaped(schema)))
        {
            return AddRecord(document, schema, properties, hint, depth, ownsSchema);
        }

        // A record of typed maps, when the patterns leave other names free or the values differ in schema (decided before
        // any value is mapped, so a value that refers back to this schema finds the record being built); else a map.
        if (MapNeedsRecord(document, schema))
        {
            return AddRecord(document, schema, properties, hint, depth, ownsSchema);
        }

        List<MapGroup> groups = MapGroups(document, schema, hint + "Value", depth);
        return groups.Count == 0 ? TypeRef.Map(TypeRef.Any) : Collection(document, schema, TypeKind.Map, groups[0].Type, groups.Any(g => g.AllowsNull));
    }

    /// <summary>The kinds of value a schema allows, references followed (bounded); <see cref="JsonShape.Any"/> when unconstrained.</summary>
    private JsonShape KindsOf(SchemaDocument document, JsonNode schema, int depth)
    {
        if (depth > 16)
        {
            return JsonShape.Any;
        }

        return KindsOf(document, schema, depth, new Dictionary<JsonNode, JsonShape>(ReferenceEqualityComparer.Instance));
    }

    /// <summary>
    /// <see cref="KindsOf(SchemaDocument, JsonNode, int)"/> with the answers of this one question: each schema is walked once
    /// (a cycle reads as "any"), so shared branches cost nothing more, and no answer outlives the question.
    /// </summary>
    private JsonShape KindsOf(SchemaDocument document, JsonNode schema, int depth, Dictionary<JsonNode, JsonShape> seen, bool allowed = false)
    {
        if (depth > 16)
        {
            return JsonShape.Any;
        }

        if (seen.TryGetValue(schema, out JsonShape known))
        {
            return known;
        }

        seen[schema] = JsonShape.Any;
        JsonShape result = KindsOfUncached(document, schema, depth, seen, allowed);
        seen[schema] = result;
        return result;
    }

    /// <summary>
    /// The kinds of value a schema lets through: as <see cref="KindsOf(SchemaDocument, JsonNode, int)"/>, except that
    /// keywords of one kind (<c>properties</c>, <c>required</c>, <c>items</c>) keep no value of another kind out, so a schema
    /// that has only them, or an <c>anyOf</c> with a branch that has only them, lets any value through.
    /// </summary>
    private JsonShape AllowedKinds(SchemaDocument document, JsonNode schema) =>
        KindsOf(document, schema, 0, new Dictionary<JsonNode, JsonShape>(ReferenceEqualityComparer.Instance), allowed: true);

    /// <summary>
    /// Whether a schema whose keywords describe an object (<c>properties</c>, <c>required</c>, <c>additionalProperties</c>)
    /// lets through values of other kinds: nothing fixes its kind, no <c>type</c>, no typed branch or part. A branch of a
    /// union is typed by its kind alone (the union's unknown form keeps what no branch reads), and an OpenAPI document's
    /// object keywords describe an object, as every OpenAPI tool reads them (docs/decisions.md, "Keywords of one kind").
    /// </summary>
    private bool ObjectAllowsOtherKinds(SchemaDocument document, JsonObject schema)
    {
        if (document.IsOpenApi || _kindFixedByUnion.Contains(schema))
        {
            return false;
        }

        JsonShape allowed = AllowedKinds(document, schema);
        return allowed == JsonShape.Any || (allowed & ~JsonShape.Object) != 0;
    }

    private JsonShape KindsOfUncached(SchemaDocument document, JsonNode schema, int depth, Dictionary<JsonNode, JsonShape> seen, bool allowed)
    {

        (document, schema) = Follow(document, schema);
        if (schema is not JsonObject obj)
        {
            return schema.Type == JsonNodeType.Boolean && !(bool)schema! ? JsonShape.None : JsonShape.Any;
        }

        if (ShapingEnum(obj) is JsonArray values)
        {
            return values.Where(v => v.Type != JsonNodeType.Null).Aggregate(JsonShape.None, (a, v) => a | KindOfValue(v));
        }

        if (ShapingConst(obj) is { } constant)
        {
            return KindOfValue(constant);
        }

        JsonTypes types = TypesOf(obj);
        if (types.Shapes != JsonShape.None)
        {
            return types.Shapes;
        }

        if (!allowed && HasObjectKeywords(obj))
        {
            return JsonShape.Object;
        }

        if (!allowed && (obj["items"] is not null || obj["prefixItems"] is not null))
        {
            return JsonShape.Array;
        }

        JsonShape result = JsonShape.None;
        bool constrained = false;
        foreach (string keyword in new[] { "oneOf", "anyOf" })
        {
            if (obj[keyword] is JsonArray branches)
            {
                constrained = true;
                foreach (JsonNode branch in branches)
                {
                    (_, JsonNode target) = Follow(document, branch);
                    if (!IsNullOnly(target))
                    {
                        result |= KindsOf(document, branch, depth + 1, seen, allowed);
                    }
                }
            }
        }

        if (allowed && (result & JsonShape.Any) != 0)
        {
            // A branch that lets any value through: the alternatives keep none out.
            result = JsonShape.None;
            constrained = false;
        }

        if (obj["allOf"] is JsonArray parts)
        {
            foreach (JsonNode part in parts)
            {
                JsonShape kinds = KindsOf(document, part, depth + 1, seen, allowed);
                if (kinds != JsonShape.Any)
                {
                    result = constrained ? Intersect(result, kinds) : result | kinds;
                    constrained = true;
                }
            }
        }

        if (allowed && ReferenceOf(obj) is { Value.Type: JsonNodeType.String } reference && _set.Resolve(document, obj, (string)reference.Value!).Found is { } referenced)
        {
            // 2019-09 on, a $ref beside other keywords applies with them, as a part of an allOf.
            JsonShape kinds = KindsOf(referenced.Document, referenced.Token, depth + 1, seen, allowed);
            if (kinds != JsonShape.Any)
            {
                result = constrained ? Intersect(result, kinds) : result | kinds;
                constrained = true;
            }
        }

        return constrained ? result : JsonShape.Any;
    }

    private TypeRef Unsupported(SchemaDocument document, JsonNode schema, string what)
    {
        Report(document, schema, DiagnosticDescriptors.UnsupportedShape, what, Pointer(schema));
        return TypeRef.Any;
    }

    private void Report(SchemaDocument document, JsonNode token, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, params string[] arguments)
    {
        Output(document).Report(DiagnosticInfo.Create(descriptor, document.Locator.Of(token), arguments));
    }

    private DocumentOutput Output(SchemaDocument document) => _outputs[document];

    private static string Pointer(JsonNode token) => "#" + SchemaDocument.PointerOf(token);

    /// <summary>The JSON pointer of a schema of a file, which a type made from it validates against; null for a schema made outside any file.</summary>
    private static string? PointerIn(JsonNode schema) => schema.Offset < 0 ? null : SchemaDocument.PointerOf(schema);

}

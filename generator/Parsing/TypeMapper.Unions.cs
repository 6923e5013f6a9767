using System;
using System.Collections.Generic;
using System.Linq;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing.Json;
using static Scenario.Generators.Parsing.SchemaKeywords;

namespace Scenario.Generators.Parsing;

/// <summary>
/// The unions of <see cref="TypeMapper"/>: <c>oneOf</c>, <c>anyOf</c> and <c>"type": [...]</c> of several shapes become one
/// struct each, whose branches are told apart by the kind of JSON value first, then for objects by a discriminator
/// property or their required properties (docs/decisions.md, "Unions").
/// </summary>
internal sealed partial class TypeMapper
{
    /// <summary>Member names a union has of its own, which no branch may take (<c>IsUnknown</c>, …).</summary>
    private static readonly string[] UnionReservedNames = { "Unknown" };

    /// <summary>The unions mapped so far, by their type, so a union that is a branch of another gives its branches to it.</summary>
    private readonly Dictionary<TypeRef, UnionModel> _unions = new();

    /// <summary>The unions being built that a branch reached (through a list, say), which must be generated whatever their branches give.</summary>
    private readonly HashSet<TypeRef> _reachedWhileBuilding = new();

    /// <summary>The branches of unions, whose kind their union fixes (its unknown form keeps values of other kinds).</summary>
    private readonly HashSet<JsonNode> _kindFixedByUnion = new(ReferenceEqualityComparer.Instance);

    /// <summary>One branch of a union, before it is mapped.</summary>
    private sealed class UnionBranch
    {
        public UnionBranch(SchemaDocument document, JsonNode schema, JsonShape kinds, Func<string, TypeRef> map)
        {
            Document = document;
            Schema = schema;
            Kinds = kinds;
            Map = map;
        }

        /// <summary>The file of <see cref="Schema"/>.</summary>
        public SchemaDocument Document { get; }

        /// <summary>The branch's schema as written (a <c>$ref</c>, or the union's own schema for a <c>"type"</c> array).</summary>
        public JsonNode Schema { get; }

        public JsonShape Kinds { get; }

        /// <summary>Maps the branch, given the name its generated type takes when it is inline.</summary>
        public Func<string, TypeRef> Map { get; }

        /// <summary>A name for the branch from its schema (<c>title</c>, or the definition a <c>$ref</c> names); null to name it by its kind.</summary>
        public string? Name { get; set; }

        public List<string> DiscriminatorValues { get; } = new();
    }

    /// <summary>A union of the shaped branches of a <c>oneOf</c>/<c>anyOf</c>.</summary>
    private TypeRef MapAlternativesUnion(SchemaDocument document, JsonObject schema, IEnumerable<JsonNode> branches, IReadOnlyList<JsonShape> kinds, string hint, int depth, bool keepsOneBranch = false)
    {
        var candidates = branches
            .Select((branch, i) => new UnionBranch(document, branch, kinds[i], h => Map(document, branch, h, depth + 1)) { Name = BranchNameOf(document, branch) })
            .ToList();
        foreach (UnionBranch candidate in candidates)
        {
            // The union's unknown form keeps the values of other kinds: a branch is typed by its kind alone.
            _kindFixedByUnion.Add(candidate.Schema);
        }

        return MapUnion(document, schema, candidates, hint, keepsOneBranch);
    }

    /// <summary>A union of the kinds a <c>"type"</c> array lists, each the schema read as that kind alone.</summary>
    private TypeRef MapTypeArrayUnion(SchemaDocument document, JsonObject schema, JsonShape shapes, string hint, int depth)
    {
        var candidates = new List<UnionBranch>();
        foreach (JsonShape kind in new[] { JsonShape.String, JsonShape.Integer, JsonShape.Number, JsonShape.Boolean, JsonShape.Object, JsonShape.Array })
        {
            if ((shapes & kind) == 0 || (kind == JsonShape.Integer && (shapes & JsonShape.Number) != 0))
            {
                // integer beside number adds nothing: every integer is a number.
                continue;
            }

            candidates.Add(new UnionBranch(document, schema, kind, h => kind switch
            {
                JsonShape.Object => MapObjectShape(document, schema, h, depth, ownsSchema: false),
                JsonShape.Array => MapArray(document, schema, h, depth, ownsSchema: false),
                _ => MapByType(document, schema, new JsonTypes(kind, false), h, depth),
            }));
        }

        return MapUnion(document, schema, candidates, hint);
    }

    /// <summary>
    /// Whether a schema has array keywords (<c>items</c>, <c>prefixItems</c>) and nothing that fixes its kind: no
    /// <c>type</c>, no object keywords, no alternatives or parts. Those keywords constrain arrays only, so any other value
    /// is valid too (docs/decisions.md, "Array keywords without a type").
    /// </summary>
    private static bool IsOpenArray(JsonObject schema) =>
        (schema["items"] is not null || schema["prefixItems"] is not null)
        && TypesOf(schema) is { Shapes: JsonShape.None, Unknown: null }
        && !HasObjectKeywords(schema) && !HasAlternatives(schema) && schema["allOf"] is null
        && ShapingEnum(schema) is null && ShapingConst(schema) is null && ReferenceOf(schema) is null;

    /// <summary>
    /// Array keywords without a type: a union of the array they describe, whose unknown form keeps a value of any other
    /// kind (an object, a string) as its JSON, so every value the schema allows is read and written back.
    /// </summary>
    private TypeRef MapOpenArray(SchemaDocument document, JsonObject schema, string hint, int depth)
    {
        var candidates = new List<UnionBranch> { new(document, schema, JsonShape.Array, h => MapArray(document, schema, h, depth, ownsSchema: false)) };
        return MapUnion(document, schema, candidates, hint, keepsOneBranch: true);
    }

    /// <summary>
    /// Object keywords without a type (<c>properties</c>, <c>required</c>, <c>additionalProperties</c>, and nothing that
    /// fixes the kind): a union of the record or map they describe, whose unknown form keeps a value of any other kind (a
    /// string, an array) as its JSON, so every value the schema allows is read and written back.
    /// </summary>
    private TypeRef MapOpenObject(SchemaDocument document, JsonObject schema, string hint, int depth)
    {
        var candidates = new List<UnionBranch> { new(document, schema, JsonShape.Object, h => MapObjectShape(document, schema, h, depth, ownsSchema: false)) };
        return MapUnion(document, schema, candidates, hint, keepsOneBranch: true);
    }

    /// <summary>
    /// The union of <paramref name="candidates"/>; when they come down to one type, that type, unless
    /// <paramref name="keepsOneBranch"/> (the union's unknown form holds the values that type cannot).
    /// </summary>
    private TypeRef MapUnion(SchemaDocument document, JsonObject schema, List<UnionBranch> candidates, string hint, bool keepsOneBranch = false)
    {
        if (_inProgress.TryGetValue(schema, out TypeRef? building) && building is { Kind: TypeKind.Union })
        {
            // A second pass through this schema (a cycle back to it, see Map) already began its union.
            _reachedWhileBuilding.Add(building);
            return building;
        }

        DocumentOutput output = Output(document);
        string name = _names.TryGetValue(schema, out string? named) ? named : output.Names.Unique(InlineHint(output, schema, hint));
        TypeRef self = TypeRef.Union(name, output.Namespace);
        _inProgress[schema] = self;
        int slot = output.Unions.Count;
        output.Unions.Add(null!);

        string? discriminator = FindDiscriminator(document, schema, candidates);
        Dictionary<UnionBranch, string> branchNames = NameBranches(candidates);

        var branches = new List<UnionBranchModel>();
        foreach (UnionBranch candidate in candidates)
        {
            // A union keeps no text beside its value: formatted branches are their JSON type.
            TypeRef type = candidate.Map(name + branchNames[candidate]).WithoutFormats();
            if (type.Equals(self))
            {
                // A branch that is the union itself adds no value the others do not.
                continue;
            }

            if (type.Kind == TypeKind.Union && _unions.TryGetValue(type, out UnionModel? inner))
            {
                // A union of unions is one union of all their branches.
                foreach (UnionBranchModel innerBranch in inner.Branches)
                {
                    AddBranch(branches, innerBranch with { DiscriminatorValues = EquatableArray<string>.Empty });
                }

                continue;
            }

            (SchemaDocument targetDocument, JsonNode target) = Follow(candidate.Document, candidate.Schema);
            var branch = new UnionBranchModel(branchNames[candidate], type, ToValueKinds(candidate.Kinds))
            {
                Description = DescriptionOf(target),
                DiscriminatorValues = candidate.DiscriminatorValues.ToEquatableArray(),
            };

            if (type.Kind == TypeKind.Record && target is JsonObject targetObject)
            {
                var properties = new List<Candidate>();
                CollectProperties(targetDocument, targetObject, properties, new HashSet<JsonNode>(ReferenceEqualityComparer.Instance), 0);
                branch = branch with
                {
                    Properties = properties.Select(p => p.JsonName).ToEquatableArray(),
                    Required = properties.Where(p => p.Required).Select(p => p.JsonName).ToEquatableArray(),
                    IsClosed = IsClosed(targetObject),
                };
            }
            else if (type.Kind == TypeKind.List && target is JsonObject arrayObject && arrayObject["items"] is JsonObject items)
            {
                branch = branch with { ItemKinds = ToValueKinds(KindsOf(targetDocument, items, 0)) };
            }

            AddBranch(branches, branch);
        }

        MergeStringBranches(branches);
        if ((branches.Count == 0 || (branches.Count == 1 && !keepsOneBranch)) && !_reachedWhileBuilding.Contains(self))
        {
            // The branches came down to one type (two references to one definition, a string or one of a few strings).
            output.Unions.RemoveAt(slot);
            _inProgress.Remove(schema);
            return branches.Count == 1 ? branches[0].Type : TypeRef.Any;
        }

        var model = new UnionModel(name, DescriptionOf(schema), branches.ToEquatableArray())
        {
            Discriminator = branches.Any(b => b.DiscriminatorValues.Count > 0) ? discriminator : null,
            SchemaPointer = PointerIn(schema),
        };
        output.Unions[slot] = model;
        _unions[self] = model;
        return self;
    }

    /// <summary>Adds a branch unless one of the same type is there (the first keeps it); names stay unique.</summary>
    private static void AddBranch(List<UnionBranchModel> branches, UnionBranchModel branch)
    {
        if (branches.Any(b => b.Type.Equals(branch.Type)))
        {
            return;
        }

        string name = branch.Name;
        for (int n = 2; branches.Any(b => b.Name == name); n++)
        {
            name = branch.Name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        branches.Add(branch with { Name = name });
    }

    /// <summary>
    /// A string beside a string enum is the enum held open (<c>OpenEnum</c> keeps any other string): "a string, or one of a
    /// few fixed strings" reads as one branch.
    /// </summary>
    private void MergeStringBranches(List<UnionBranchModel> branches)
    {
        List<UnionBranchModel> enums = branches.Where(b => b.Type.Kind == TypeKind.Enum && b.Kinds == ValueKinds.String).ToList();
        UnionBranchModel? plain = branches.FirstOrDefault(b => b.Type.Kind == TypeKind.String);
        if (enums.Count == 1 && plain is not null)
        {
            branches[branches.IndexOf(plain)] = plain with { Type = enums[0].Type, Description = plain.Description ?? enums[0].Description };
            branches.Remove(enums[0]);
        }
    }

    /// <summary>Branch names: the schema's (<c>title</c>, the definition a <c>$ref</c> names, a discriminator value), else the kind's; unique in the union.</summary>
    private static Dictionary<UnionBranch, string> NameBranches(List<UnionBranch> candidates)
    {
        var result = new Dictionary<UnionBranch, string>();
        var taken = new HashSet<string>(UnionReservedNames, StringComparer.Ordinal);
        foreach (UnionBranch candidate in candidates)
        {
            string stem = candidate.Name
                ?? (candidate.DiscriminatorValues.Count == 1 ? Identifiers.ToPascalCase(candidate.DiscriminatorValues[0]) : KindName(candidate.Kinds));
            if (UnionReservedNames.Contains(stem))
            {
                stem += "Value";
            }

            string name = stem;
            for (int n = 2; !taken.Add(name); n++)
            {
                name = stem + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            result[candidate] = name;
        }

        return result;
    }

    private static string KindName(JsonShape kinds) => kinds switch
    {
        JsonShape.String => "String",
        JsonShape.Integer => "Integer",
        JsonShape.Number or (JsonShape.Number | JsonShape.Integer) => "Number",
        JsonShape.Boolean => "Boolean",
        JsonShape.Object => "Object",
        JsonShape.Array => "Array",
        _ => "Value",
    };

    /// <summary>A branch's own name: its <c>title</c> when that reads as a name, else the definition its <c>$ref</c> names.</summary>
    private string? BranchNameOf(SchemaDocument document, JsonNode branch)
    {
        (_, JsonNode target) = Follow(document, branch);
        foreach (JsonNode schema in new[] { branch, target })
        {
            if (StringOf(schema["title"]) is { } text && Identifiers.FromTitle(text) is { } title)
            {
                return title;
            }
        }

        return ReferenceEquals(target, branch) ? null : HintOf(target);
    }

    /// <summary>
    /// The property that tells the object branches apart: OpenAPI's <c>discriminator.propertyName</c> (values from its
    /// <c>mapping</c>, else the names of the definitions the branches refer to), or a property every object branch fixes
    /// with <c>const</c> or an <c>enum</c> of strings, no value shared by two branches. Fills each branch's values.
    /// </summary>
    private string? FindDiscriminator(SchemaDocument document, JsonObject union, List<UnionBranch> candidates)
    {
        var objects = new List<(UnionBranch Branch, SchemaDocument Document, JsonObject Schema, List<Candidate> Properties)>();
        foreach (UnionBranch candidate in candidates.Where(c => c.Kinds == JsonShape.Object))
        {
            (SchemaDocument targetDocument, JsonNode target) = Follow(candidate.Document, candidate.Schema);
            if (target is JsonObject targetObject)
            {
                var properties = new List<Candidate>();
                CollectProperties(targetDocument, targetObject, properties, new HashSet<JsonNode>(ReferenceEqualityComparer.Instance), 0);
                if (properties.Count > 0)
                {
                    objects.Add((candidate, targetDocument, targetObject, properties));
                }
            }
        }

        if (objects.Count < 2)
        {
            return null;
        }

        if (union["discriminator"] is JsonObject openApi && openApi["propertyName"]?.Type == JsonNodeType.String)
        {
            string property = (string)openApi["propertyName"]!;
            var mapped = new Dictionary<JsonNode, List<string>>(ReferenceEqualityComparer.Instance);
            if (openApi["mapping"] is JsonObject mapping)
            {
                foreach (JsonProperty entry in mapping.Properties().Where(p => p.Value.Type == JsonNodeType.String))
                {
                    if (_set.Resolve(document, union, (string)entry.Value!).Found is { } target)
                    {
                        (mapped.TryGetValue(target.Token, out List<string>? values) ? values : mapped[target.Token] = new List<string>()).Add(entry.Name);
                    }
                }
            }

            foreach ((UnionBranch branch, SchemaDocument _, JsonObject target, List<Candidate> properties) in objects)
            {
                if (mapped.TryGetValue(target, out List<string>? values))
                {
                    branch.DiscriminatorValues.AddRange(values);
                }
                else if (target.Parent is JsonProperty definition && !ReferenceEquals(target, branch.Schema))
                {
                    branch.DiscriminatorValues.Add(definition.Name);
                }

                if (properties.FirstOrDefault(p => p.JsonName == property) is { } fixedProperty)
                {
                    branch.DiscriminatorValues.AddRange(ConstStrings(fixedProperty.Document, fixedProperty.Schema).Where(v => !branch.DiscriminatorValues.Contains(v)));
                }
            }

            return property;
        }

        foreach (Candidate property in objects[0].Properties)
        {
            var valuesByBranch = new List<List<string>>();
            foreach ((UnionBranch _, SchemaDocument _, JsonObject _, List<Candidate> properties) in objects)
            {
                Candidate? same = Named(properties, property.JsonName);
                List<string> values = same is null ? new List<string>() : ConstStrings(same.Document, same.Schema);
                if (values.Count == 0)
                {
                    break;
                }

                valuesByBranch.Add(values);
            }

            if (valuesByBranch.Count == objects.Count && valuesByBranch.SelectMany(v => v).Distinct(StringComparer.Ordinal).Count() == valuesByBranch.Sum(v => v.Count))
            {
                for (int i = 0; i < objects.Count; i++)
                {
                    objects[i].Branch.DiscriminatorValues.AddRange(valuesByBranch[i]);
                }

                return property.JsonName;
            }
        }

        return null;
    }

    /// <summary>The strings a schema fixes a value to: its <c>const</c>, or its <c>enum</c> when every value is a string.</summary>
    private List<string> ConstStrings(SchemaDocument document, JsonNode schema)
    {
        (_, JsonNode target) = Follow(document, schema);
        if (target is not JsonObject obj)
        {
            return new List<string>();
        }

        if (obj["const"]?.Type == JsonNodeType.String)
        {
            return new List<string> { (string)obj["const"]! };
        }

        return obj["enum"] is JsonArray values && values.Count > 0 && values.All(v => v.Type == JsonNodeType.String)
            ? values.Select(v => (string)v!).Distinct(StringComparer.Ordinal).ToList()
            : new List<string>();
    }

    /// <summary>Whether an object schema allows no properties beyond those it names.</summary>
    private static bool IsClosed(JsonObject schema) =>
        (schema["additionalProperties"]?.Type == JsonNodeType.Boolean && !(bool)schema["additionalProperties"]!)
        || (schema["unevaluatedProperties"]?.Type == JsonNodeType.Boolean && !(bool)schema["unevaluatedProperties"]!);

    private static ValueKinds ToValueKinds(JsonShape shapes)
    {
        if (shapes == JsonShape.Any || shapes == JsonShape.None)
        {
            return ValueKinds.Any;
        }

        ValueKinds kinds = ValueKinds.None;
        kinds |= (shapes & JsonShape.String) != 0 ? ValueKinds.String : 0;
        kinds |= (shapes & JsonShape.Integer) != 0 ? ValueKinds.Integer : 0;
        kinds |= (shapes & JsonShape.Number) != 0 ? ValueKinds.Number : 0;
        kinds |= (shapes & JsonShape.Boolean) != 0 ? ValueKinds.Boolean : 0;
        kinds |= (shapes & JsonShape.Object) != 0 ? ValueKinds.Object : 0;
        kinds |= (shapes & JsonShape.Array) != 0 ? ValueKinds.Array : 0;
        return kinds;
    }
}

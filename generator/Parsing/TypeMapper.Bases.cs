using System;
using System.Collections.Generic;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing.Json;
using static Scenario.Generators.Parsing.SchemaKeywords;

namespace Scenario.Generators.Parsing;

/// <summary>
/// The records that build on another through <c>allOf</c>: a record whose <c>allOf</c> refers to a named object schema
/// implements that record's interface (<c>IItem</c>), so branches of a union built on one base share a type
/// (<c>union.Value is IItem item ? item.Id : …</c>) without a <c>Match</c>.
/// </summary>
internal sealed partial class TypeMapper
{
    private readonly List<(DocumentOutput Output, int Slot, List<(SchemaDocument Document, string Name)> Bases)> _derived = new();

    /// <summary>Notes the named schemas that <paramref name="schema"/>'s <c>allOf</c> refers to, for <see cref="LinkBases"/>.</summary>
    private void NoteBases(SchemaDocument document, JsonObject schema, DocumentOutput output, int slot, string name)
    {
        if (schema["allOf"] is not JsonArray allOf)
        {
            return;
        }

        List<(SchemaDocument, string)>? bases = null;
        foreach (JsonNode part in allOf)
        {
            if (part is not JsonObject partObject || ReferenceOf(partObject) is null)
            {
                continue;
            }

            (SchemaDocument targetDocument, JsonNode target) = Follow(document, part);
            if (!ReferenceEquals(target, schema) && _names.TryGetValue(target, out string? baseName) && _outputs.ContainsKey(targetDocument)
                && !(baseName == name && _outputs[targetDocument].Namespace == output.Namespace))
            {
                (bases ??= new List<(SchemaDocument, string)>()).Add((targetDocument, baseName));
            }
        }

        if (bases is not null)
        {
            _derived.Add((output, slot, bases));
        }
    }

    /// <summary>
    /// Once every record is mapped: each base that a derived record has every property of (by name and type, its own at
    /// least as required) gets an interface, named <c>I</c> and its name (the next free one when that is taken), which
    /// the base and each such derived record implement. A derived record that has a base's property with another type
    /// (it redefines it) does not implement that base's interface.
    /// </summary>
    public void LinkBases()
    {
        var interfaces = new Dictionary<(DocumentOutput, string), TypeRef>();
        foreach ((DocumentOutput output, int slot, List<(SchemaDocument Document, string Name)> bases) in _derived)
        {
            RecordModel derived = output.Records[slot];
            var linked = new List<BaseModel>();
            var seen = new HashSet<(DocumentOutput, string)>();
            foreach ((SchemaDocument baseDocument, string baseName) in bases)
            {
                DocumentOutput baseOutput = _outputs[baseDocument];
                int baseSlot = baseOutput.Records.FindIndex(r => r is { IsTuple: false } && r.Name == baseName);
                if (baseSlot < 0 || !Implements(derived, baseOutput.Records[baseSlot]) || !seen.Add((baseOutput, baseName)))
                {
                    continue;
                }

                RecordModel baseRecord = baseOutput.Records[baseSlot];
                if (!interfaces.TryGetValue((baseOutput, baseName), out TypeRef? contract))
                {
                    contract = TypeRef.Record(baseOutput.Names.Unique("I" + baseName), baseOutput.Namespace);
                    interfaces.Add((baseOutput, baseName), contract);
                    baseOutput.Records[baseSlot] = baseRecord with { Interface = contract.Name };
                }

                linked.Add(new BaseModel(contract, baseRecord.Properties));
            }

            if (linked.Count > 0)
            {
                output.Records[slot] = output.Records[slot] with { Bases = linked.ToEquatableArray() };
            }
        }
    }

    /// <summary>Whether <paramref name="derived"/> has each of <paramref name="baseRecord"/>'s properties, of its type, as nullable or less.</summary>
    private static bool Implements(RecordModel derived, RecordModel baseRecord)
    {
        if (baseRecord.Properties.Count == 0)
        {
            return false;
        }

        foreach (PropertyModel inherited in baseRecord.Properties)
        {
            PropertyModel? own = null;
            foreach (PropertyModel candidate in derived.Properties)
            {
                if (string.Equals(candidate.JsonName, inherited.JsonName, StringComparison.Ordinal))
                {
                    own = candidate;
                    break;
                }
            }

            if (own is null || own.Name != inherited.Name || own.Type != inherited.Type || (own.IsNullable && !inherited.IsNullable))
            {
                return false;
            }
        }

        return true;
    }
}

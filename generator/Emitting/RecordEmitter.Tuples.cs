using System.Linq;
using Scenario.Generators.Model;

namespace Scenario.Generators.Emitting;

/// <summary>
/// Tuples: records read from and written as JSON arrays, an item per property in order (required up to the schema's
/// <c>minItems</c>), the items past them kept in <c>AdditionalItems</c>.
/// </summary>
internal static partial class RecordEmitter
{
    private static void EmitTupleMembers(SourceWriter w, TypeSyntax types, RecordModel record)
    {
        string rest = types.Type(record.RestItems ?? TypeRef.Any);
        w.Line($"/// <summary>The items past the {record.Properties.Count} the schema names, kept so they are written back as they were read.</summary>");
        w.Line($"public global::System.Collections.Generic.IReadOnlyList<{rest}>? AdditionalItems {{ get; init; }}");
        w.Line();
        foreach (PropertyModel property in record.Properties.Where(TracksPresence))
        {
            w.Line($"private {PropertyType(types, property)} {Field(property)};");
            w.Line($"private bool {PresenceField(property)};");
            w.Line();
        }
    }

    private static void EmitTupleReader(SourceWriter w, TypeSyntax types, RecordModel record, string self, bool jsonModel)
    {
        string rest = types.Type(record.RestItems ?? TypeRef.Any);
        EmitJsonModel(w, self, jsonModel);
        w.Line($"/// <summary>Reads one <see cref=\"{record.Name}\"/> from a JSON array; the reader is on its start and is left on its end.</summary>");
        w.Open($"internal static {self} ReadJson(ref {TypeSyntax.Reader} reader, {TypeSyntax.Options} options)");
        w.Open($"if (reader.TokenType != {JsonTokenType}.StartArray)");
        w.Line($"throw {TypeSyntax.JsonRead}.Unexpected(ref reader, \"an array\");");
        w.Close();
        w.Line();
        foreach (PropertyModel property in record.Properties)
        {
            w.Line(ReaderLocal(types, property));
        }

        w.Line($"global::System.Collections.Generic.List<{rest}>? additionalItems = null;");
        w.Line("int count = 0;");
        w.Open($"while (reader.Read() && reader.TokenType != {JsonTokenType}.EndArray)");
        w.Open("try");
        w.Open("switch (count)");
        for (int i = 0; i < record.Properties.Count; i++)
        {
            PropertyModel property = record.Properties[i];
            w.Line($"case {i}:");
            ReadInto(w, types, property, types.ReadCall(property.Type));
            w.Line("    break;");
        }

        w.Line("default:");
        w.Line($"    (additionalItems ??= new global::System.Collections.Generic.List<{rest}>()).Add({types.ReadCall(record.RestItems ?? TypeRef.Any)});");
        w.Line("    break;");
        w.Close();
        w.Close();
        w.Open("catch (global::System.Text.Json.JsonException failure)");
        w.Line($"throw {TypeSyntax.JsonRead}.InItem(failure, count);");
        w.Close();
        w.Line();
        w.Line("count++;");
        w.Close();
        w.Line();
        int required = record.Properties.Count(p => p.IsRequired);
        if (required > 0)
        {
            w.Open($"if (count < {required})");
            w.Line($"throw {TypeSyntax.JsonRead}.TooFewItems({SourceWriter.Quote(record.Name)}, {required}, count);");
            w.Close();
            w.Line();
        }

        w.Line($"var result = {New(w, record, self)}");
        w.Line("{");
        foreach (PropertyModel property in record.Properties.Where(p => !TracksPresence(p) && !IsConstructorParameter(w, p)))
        {
            string suppress = !property.IsNullable && !property.Type.IsValueType ? "!" : string.Empty;
            w.Line($"    {property.Name} = {Local(property)}{suppress},");
        }

        w.Line("    AdditionalItems = additionalItems,");
        w.Line("};");
        for (int i = 0; i < record.Properties.Count; i++)
        {
            PropertyModel property = record.Properties[i];
            if (TracksPresence(property))
            {
                w.Line($"result.{Field(property)} = {Local(property)};");
                w.Line($"result.{PresenceField(property)} = count > {i};");
            }
        }

        w.Line("return result;");
        w.Close();
    }

    /// <summary>
    /// The writer: every item up to the last one present (an optional item is present when it is set, or, when it may be
    /// null, when it was read or set), a null for an absent one before it, then the additional items.
    /// </summary>
    private static void EmitTupleWriter(SourceWriter w, TypeSyntax types, RecordModel record, string self)
    {
        int count = record.Properties.Count;
        w.Line($"/// <summary>Writes one <see cref=\"{record.Name}\"/> as a JSON array.</summary>");
        w.Open($"internal static void WriteJson({TypeSyntax.Writer} writer, {self} value, {TypeSyntax.Options} options)");
        w.Line("writer.WriteStartArray();");
        w.Line($"int count = value.AdditionalItems is {{ Count: > 0 }} ? {count} : {record.Properties.Count(p => p.IsRequired)};");
        for (int i = count - 1; i >= 0; i--)
        {
            PropertyModel property = record.Properties[i];
            if (property.IsRequired)
            {
                break;
            }

            string present = TracksPresence(property) ? "value." + PresenceField(property) : "value." + property.Name + " is not null";
            w.Open($"if (count < {(i + 1)} && {present})");
            w.Line($"count = {(i + 1)};");
            w.Close();
        }

        for (int i = 0; i < count; i++)
        {
            PropertyModel property = record.Properties[i];
            string local = Local(property);
            if (!property.IsNullable)
            {
                // Required items are always written: count is at least their number.
                string valueExpression = property.Type.IsValueType
                    ? "value." + property.Name
                    : TypeSyntax.JsonWrite + ".Required(value." + property.Name + ", " + SourceWriter.Literal(record.Name) + ", " + SourceWriter.Literal(property.Name) + ")";
                w.Line(types.WriteCall(property.Type, valueExpression));
                continue;
            }

            w.Open(property.IsRequired ? "if (value." + property.Name + " is { } " + local + ")" : "if (count > " + i + " && value." + property.Name + " is { } " + local + ")");
            w.Line(types.WriteCall(property.Type, local));
            w.Close();
            w.Open(property.IsRequired ? "else" : "else if (count > " + i + ")");
            w.Line("writer.WriteNullValue();");
            w.Close();
        }

        w.Open("if (value.AdditionalItems is { } additionalItems)");
        w.Open($"foreach ({types.Type(record.RestItems ?? TypeRef.Any)} item in additionalItems)");
        w.Line(types.WriteCall(record.RestItems ?? TypeRef.Any, "item"));
        w.Close();
        w.Close();
        w.Line();
        w.Line("writer.WriteEndArray();");
        w.Close();
    }
}

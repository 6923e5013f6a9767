using System.Collections.Generic;
using System.Linq;
using Scenario.Generators.Model;

namespace Scenario.Generators.Emitting;

/// <summary>
/// One record: a <c>sealed partial record</c> with <c>required</c> init properties for required fields and nullable ones
/// for optional fields, and its own reader and writer (property names matched on UTF-8 bytes, no string allocated).
/// </summary>
internal static class RecordEmitter
{
    private const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    private const string ExtensionDataType = "global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>";

    public static string Emit(SchemaModel schema, RecordModel record, bool jsonModel)
    {
        var types = new TypeSyntax(schema.Namespace);
        string self = types.Qualified(record.Name);
        var w = new SourceWriter();
        w.Line(SourceWriter.Header.TrimEnd('\n'));
        w.Line("#pragma warning disable CS0618 // deprecated properties are still read and written");
        w.Line();
        w.Open("namespace " + schema.Namespace);
        w.Doc("summary", record.Description ?? "The " + record.Name + " object of the schema.");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open((schema.IsPublic ? "public" : "internal") + " sealed partial record " + record.Name + (jsonModel ? " : global::Scenario.Runtime.Json.IJsonModel<" + self + ">" : string.Empty));

        EmitProperties(w, types, record);
        EmitReader(w, types, record, self, jsonModel);
        w.Line();
        EmitWriter(w, types, record, self);
        w.Line();
        if (IsOperationParameters(schema, record))
        {
            EmitBodyWriter(w, types, record, self);
            w.Line();
        }

        EmitEquality(w, types, record);
        w.Line();
        EmitNameMatcher(w, record);

        w.Close();
        w.Close();
        return w.ToString();
    }

    private static bool IsOperationParameters(SchemaModel schema, RecordModel record) =>
        schema.Client is { } client && ClientEmitter.Operations(client.Resources).Any(o => o.ParametersType == record.Name && ClientEmitter.SendsBody(o));

    private static bool TracksPresence(PropertyModel property) => !property.IsRequired && property.AllowsNull;

    // Generated member and local names: a fixed prefix and the property's C# name, which is unique in its record, so no
    // two can meet (nor meet the fixed names: reader, writer, value, options, result, other, hash, __propertyNames, …).
    private static string Local(PropertyModel property) => "v" + property.Name;

    private static string Flag(PropertyModel property) => "has" + property.Name;

    private static string Field(PropertyModel property) => "__value" + property.Name;

    private static string PresenceField(PropertyModel property) => "__has" + property.Name;

    private static string NameField(PropertyModel property) => "__name" + property.Name;

    /// <summary>The C# type of the property, nullable unless required and non-null.</summary>
    private static string PropertyType(TypeSyntax types, PropertyModel property) =>
        types.Type(property.Type) + (property.IsRequired && !property.AllowsNull ? string.Empty : "?");

    private static void EmitProperties(SourceWriter w, TypeSyntax types, RecordModel record)
    {
        foreach (PropertyModel property in record.Properties)
        {
            w.Doc("summary", property.Description ?? "The '" + property.JsonName + "' property.");
            string shape = property.IsRequired
                ? (property.AllowsNull ? "required; may be null" : "required")
                : (property.AllowsNull ? "optional; may be null: written when it was read or set, null included" : "optional: omitted when null");
            if (property.Constraints.Count == 0)
            {
                w.Line("/// <remarks>JSON <c>" + SourceWriter.Escape(property.JsonName) + "</c>, " + shape + ".</remarks>");
            }
            else
            {
                w.Line("/// <remarks>");
                w.Line("/// JSON <c>" + SourceWriter.Escape(property.JsonName) + "</c>, " + shape + ".");
                w.Line("/// <list type=\"bullet\">");
                foreach (string constraint in property.Constraints)
                {
                    w.Line("/// <item><c>" + SourceWriter.Escape(constraint) + "</c></item>");
                }

                w.Line("/// </list>");
                w.Line("/// </remarks>");
            }
            if (property.IsDeprecated)
            {
                w.Line("[global::System.Obsolete(" + SourceWriter.Literal("The schema marks '" + property.JsonName + "' deprecated.") + ")]");
            }

            string type = PropertyType(types, property);
            if (TracksPresence(property))
            {
                w.Line("public " + type + " " + property.Name + " { get => " + Field(property) + "; init { " + Field(property) + " = value; " + PresenceField(property) + " = true; } }");
            }
            else
            {
                w.Line("public " + (property.IsRequired ? "required " : string.Empty) + type + " " + property.Name + " { get; init; }");
            }

            w.Line();
        }

        w.Line("/// <summary>Properties of the JSON object that the schema does not describe, kept so they are written back as they were read.</summary>");
        w.Line("public " + ExtensionDataType + "? ExtensionData { get; init; }");
        w.Line();

        foreach (PropertyModel property in record.Properties.Where(TracksPresence))
        {
            w.Line("private " + PropertyType(types, property) + " " + Field(property) + ";");
            w.Line("private bool " + PresenceField(property) + ";");
        }

        foreach (PropertyModel property in record.Properties)
        {
            w.Line("private static readonly global::System.Text.Json.JsonEncodedText " + NameField(property) + " = global::System.Text.Json.JsonEncodedText.Encode(" + SourceWriter.Literal(property.JsonName) + ");");
        }

        w.Line("private static readonly string[] __propertyNames = { " + string.Join(", ", record.Properties.Select(p => SourceWriter.Literal(p.JsonName))) + " };");
        w.Line();
    }

    private static void EmitReader(SourceWriter w, TypeSyntax types, RecordModel record, string self, bool jsonModel)
    {
        if (jsonModel)
        {
            string model = "global::Scenario.Runtime.Json.IJsonModel<" + self + ">";
            w.Line("static " + self + " " + model + ".ReadJson(ref " + TypeSyntax.Reader + " reader, " + TypeSyntax.Options + " options) => ReadJson(ref reader, options);");
            w.Line();
            w.Line("static void " + model + ".WriteJson(" + TypeSyntax.Writer + " writer, " + self + " value, " + TypeSyntax.Options + " options) => WriteJson(writer, value, options);");
            w.Line();
        }

        w.Line("/// <summary>Reads one <see cref=\"" + record.Name + "\"/>; the reader is on its start and is left on its end.</summary>");
        w.Open("internal static " + self + " ReadJson(ref " + TypeSyntax.Reader + " reader, " + TypeSyntax.Options + " options)");
        w.Open("if (reader.TokenType != " + JsonTokenType + ".StartObject)");
        w.Line("throw " + TypeSyntax.JsonRead + ".Unexpected(ref reader, \"an object\");");
        w.Close();
        w.Line();
        foreach (PropertyModel property in record.Properties)
        {
            string localType = property.IsRequired && !property.AllowsNull && !property.Type.IsValueType
                ? types.Type(property.Type) + "?"
                : PropertyType(types, property);
            w.Line(localType + " " + Local(property) + " = default;");
            if (property.IsRequired || TracksPresence(property))
            {
                w.Line("bool " + Flag(property) + " = false;");
            }
        }

        w.Line("global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>? extensionData = null;");
        w.Open("while (reader.Read() && reader.TokenType == " + JsonTokenType + ".PropertyName)");
        w.Line("int property = __MatchProperty(ref reader);");
        w.Line("string? unknownName = property < 0 ? reader.GetString() : null;");
        w.Line("reader.Read();");
        w.Open("try");
        w.Open("switch (property)");
        for (int i = 0; i < record.Properties.Count; i++)
        {
            PropertyModel property = record.Properties[i];
            w.Line("case " + i + ":");
            w.Line("    " + Local(property) + " = " + (property.AllowsNull
                ? "reader.TokenType == " + JsonTokenType + ".Null ? null : " + types.ReadCall(property.Type)
                : types.ReadCall(property.Type)) + ";");
            if (property.IsRequired || TracksPresence(property))
            {
                w.Line("    " + Flag(property) + " = true;");
            }

            w.Line("    break;");
        }

        w.Line("default:");
        w.Line("    " + TypeSyntax.JsonRead + ".Extension(ref reader, ref extensionData, unknownName!);");
        w.Line("    break;");
        w.Close();
        w.Close();
        w.Open("catch (global::System.Text.Json.JsonException failure)");
        w.Line("throw " + TypeSyntax.JsonRead + ".InProperty(failure, property < 0 ? unknownName! : __propertyNames[property]);");
        w.Close();
        w.Close();
        w.Line();

        foreach (PropertyModel property in record.Properties.Where(p => p.IsRequired))
        {
            w.Open("if (!" + Flag(property) + ")");
            w.Line("throw " + TypeSyntax.JsonRead + ".MissingRequired(" + SourceWriter.Literal(record.Name) + ", " + SourceWriter.Literal(property.JsonName) + ");");
            w.Close();
            w.Line();
        }

        w.Line("var result = new " + self);
        w.Line("{");
        foreach (PropertyModel property in record.Properties.Where(p => !TracksPresence(p)))
        {
            string suppress = property.IsRequired && !property.AllowsNull && !property.Type.IsValueType ? "!" : string.Empty;
            w.Line("    " + property.Name + " = " + Local(property) + suppress + ",");
        }

        w.Line("    ExtensionData = extensionData,");
        w.Line("};");
        foreach (PropertyModel property in record.Properties.Where(TracksPresence))
        {
            w.Line("result." + Field(property) + " = " + Local(property) + ";");
            w.Line("result." + PresenceField(property) + " = " + Flag(property) + ";");
        }

        w.Line("return result;");
        w.Close();
    }

    private static void EmitWriter(SourceWriter w, TypeSyntax types, RecordModel record, string self)
    {
        w.Line("/// <summary>Writes one <see cref=\"" + record.Name + "\"/>.</summary>");
        EmitWriteMethod(w, types, record, self, "WriteJson", record.Properties);
    }

    /// <summary>
    /// For a record that is an operation's parameters: a writer of the request body, which leaves out the properties
    /// sent in the query (<c>"x-in": "query"</c>).
    /// </summary>
    private static void EmitBodyWriter(SourceWriter w, TypeSyntax types, RecordModel record, string self)
    {
        w.Line("/// <summary>Writes the request body of <see cref=\"" + record.Name + "\"/>: every property but those sent in the query.</summary>");
        EmitWriteMethod(w, types, record, self, "WriteJsonBody", record.Properties.Where(p => p.InQuery != true));
    }

    private static void EmitWriteMethod(SourceWriter w, TypeSyntax types, RecordModel record, string self, string methodName, IEnumerable<PropertyModel> properties)
    {
        w.Open("internal static void " + methodName + "(" + TypeSyntax.Writer + " writer, " + self + " value, " + TypeSyntax.Options + " options)");
        w.Line("writer.WriteStartObject();");
        foreach (PropertyModel property in properties)
        {
            string name = "writer.WritePropertyName(" + NameField(property) + ");";
            string local = Local(property);
            if (property.IsRequired && !property.AllowsNull)
            {
                string valueExpression = property.Type.IsValueType
                    ? "value." + property.Name
                    : TypeSyntax.JsonWrite + ".Required(value." + property.Name + ", " + SourceWriter.Literal(record.Name) + ", " + SourceWriter.Literal(property.Name) + ")";
                w.Line(name);
                w.Line(types.WriteCall(property.Type, valueExpression));
                continue;
            }

            if (TracksPresence(property))
            {
                w.Open("if (value." + PresenceField(property) + ")");
            }

            if (property.AllowsNull)
            {
                w.Line(name);
                w.Open("if (value." + property.Name + " is { } " + local + ")");
                w.Line(types.WriteCall(property.Type, local));
                w.Close();
                w.Open("else");
                w.Line("writer.WriteNullValue();");
                w.Close();
            }
            else
            {
                w.Open("if (value." + property.Name + " is { } " + local + ")");
                w.Line(name);
                w.Line(types.WriteCall(property.Type, local));
                w.Close();
            }

            if (TracksPresence(property))
            {
                w.Close();
            }
        }

        w.Line(TypeSyntax.JsonWrite + ".Extension(writer, value.ExtensionData);");
        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    /// <summary>
    /// Value equality: the compiler's record equality compares lists, maps and <c>JsonElement</c>s by reference, so two
    /// records read from the same JSON would differ. These compare them by content, with whether each optional-nullable
    /// property was present, and the unknown properties kept.
    /// </summary>
    private static void EmitEquality(SourceWriter w, TypeSyntax types, RecordModel record)
    {
        w.Line("/// <summary>Whether <paramref name=\"other\"/> holds the same values: lists, maps and JSON values compared by content, unknown properties included.</summary>");
        w.Open("public bool Equals(" + record.Name + "? other)");
        w.Open("if (global::System.Object.ReferenceEquals(this, other))");
        w.Line("return true;");
        w.Close();
        w.Line();
        w.Line("return other is not null");
        foreach (PropertyModel property in record.Properties)
        {
            if (TracksPresence(property))
            {
                w.Line("    && " + PresenceField(property) + " == other." + PresenceField(property));
            }

            w.Line("    && " + types.EqualsCall(property.Type, "this." + property.Name, "other." + property.Name));
        }

        w.Line("    && " + TypeSyntax.Equality + ".Extension(ExtensionData, other.ExtensionData);");
        w.Close();
        w.Line();
        w.Line("/// <summary>A hash code consistent with <see cref=\"Equals(" + record.Name + "?)\"/>.</summary>");
        w.Open("public override int GetHashCode()");
        w.Line("int hash = 17;");
        foreach (PropertyModel property in record.Properties)
        {
            w.Line("hash = unchecked((hash * 31) + " + TypeSyntax.HashCall(property.Type, "this." + property.Name) + ");");
        }

        w.Line("return hash;");
        w.Close();
    }

    private static void EmitNameMatcher(SourceWriter w, RecordModel record)
    {
        w.Line("/// <summary>The index of the property the reader is on, or -1 for one the schema does not describe.</summary>");
        Utf8Matcher.EmitMethod(w, "__MatchProperty", record.Properties.Select(p => p.JsonName).ToArray());
    }
}

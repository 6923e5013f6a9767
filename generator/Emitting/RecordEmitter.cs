using System.Collections.Generic;
using System.Linq;
using Scenario.Generators.Model;

namespace Scenario.Generators.Emitting;

/// <summary>
/// One record: a <c>sealed partial record</c> with <c>required</c> init properties for required fields and nullable ones
/// for optional fields, and its own reader and writer (property names matched on UTF-8 bytes, no string allocated).
/// </summary>
internal static partial class RecordEmitter
{
    private const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    private const string ExtensionDataType = "global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>";

    public static string Emit(SchemaIndex index, RecordModel record, LanguageFeatures features) =>
        SourceWriter.Text(features, w => Write(w, index, record));

    /// <summary>One record's file, written into <paramref name="w"/> (a whole file: header, namespace block and all).</summary>
    public static void Write(SourceWriter w, SchemaIndex index, RecordModel record)
    {
        SchemaModel schema = index.Schema;
        bool jsonModel = w.Features.JsonModel;
        var types = new TypeSyntax(schema.Namespace);
        string self = types.Qualified(record.Name);
        w.Line(SourceWriter.Header.TrimEnd('\n'));
        w.Line("#pragma warning disable CS0618 // deprecated properties are still read and written");
        w.Line();
        w.Open($"namespace {schema.Namespace}");
        w.Doc("summary", record.Description ?? "The " + record.Name + " object of the schema.");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        var implemented = new List<string>();
        if (jsonModel)
        {
            implemented.Add("global::Scenario.Runtime.Json.IJsonModel<" + self + ">");
        }

        if (record.Interface is { } own)
        {
            implemented.Add(types.Qualified(own));
        }

        implemented.AddRange(record.Bases.Select(b => types.Qualified(b.Interface)));
        if (ValidationEmitter.Validates(schema, record.SchemaPointer))
        {
            implemented.Add(ValidationEmitter.Interface);
        }

        w.Open($"{(schema.IsPublic ? "public" : "internal")} sealed partial record {record.Name}{(implemented.Count > 0 ? " : " + string.Join(", ", implemented) : string.Empty)}");

        EmitProperties(w, types, record);
        EmitBaseMembers(w, types, record);
        if (record.IsTuple)
        {
            EmitTupleReader(w, types, record, self, jsonModel);
            w.Line();
            EmitTupleWriter(w, types, record, self);
            w.Line();
            EmitEquality(w, types, record);
        }
        else
        {
            EmitReader(w, types, record, self, jsonModel, index.IsReadFromDiscriminator(record));
            w.Line();
            EmitWriter(w, types, record, self);
            w.Line();
            if (index.IsOperationBody(record))
            {
                EmitBodyWriter(w, types, record, self);
                w.Line();
            }

            EmitEquality(w, types, record);
            w.Line();
            EmitNameMatcher(w, record);
        }

        ValidationEmitter.EmitTypeMembers(w, index, record.IsTuple ? TypeRef.Tuple(record.Name, schema.Namespace) : TypeRef.Record(record.Name, schema.Namespace), record.SchemaPointer);

        w.Close();
        if (record.Interface is not null)
        {
            EmitInterface(w, types, schema.IsPublic, record);
        }

        w.Close();
    }

    /// <summary>
    /// The interface of a record others build on through <c>allOf</c>: its properties, read-only, which the record and
    /// each record built on it implement.
    /// </summary>
    private static void EmitInterface(SourceWriter w, TypeSyntax types, bool isPublic, RecordModel record)
    {
        w.Line();
        w.Line($"/// <summary>The properties of <see cref=\"{record.Name}\"/>, which it and every record built on it (an <c>allOf</c> that refers to it) have: <c>union.Value is {record.Interface} shared</c> reaches them on any of those records.</summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"{(isPublic ? "public" : "internal")} partial interface {record.Interface}");
        bool first = true;
        foreach (PropertyModel property in record.Properties)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.Doc("summary", property.Description ?? "The '" + property.JsonName + "' property.");
            w.Line($"{PropertyType(types, property)} {property.Name} {{ get; }}");
        }

        w.Close();
    }

    /// <summary>
    /// The members of a base's interface the record's own properties do not implement as they are: a base's nullable
    /// property that this record requires, given back through the interface.
    /// </summary>
    private static void EmitBaseMembers(SourceWriter w, TypeSyntax types, RecordModel record)
    {
        foreach (BaseModel baseModel in record.Bases)
        {
            foreach (PropertyModel inherited in baseModel.Properties)
            {
                PropertyModel own = record.Properties.First(p => p.JsonName == inherited.JsonName);
                if (PropertyType(types, own) != PropertyType(types, inherited))
                {
                    w.Line("/// <inheritdoc />");
                    w.Line($"{PropertyType(types, inherited)} {types.Qualified(baseModel.Interface)}.{inherited.Name} => {own.Name};");
                    w.Line();
                }
            }
        }
    }

    private static bool TracksPresence(PropertyModel property) => !property.IsRequired && property.AllowsNull;

    // Generated member and local names: a fixed prefix and the property's C# name, which is unique in its record, so no
    // two can meet (nor meet the fixed names: reader, writer, value, options, result, other, hash, __propertyNames, …).
    private static string Local(PropertyModel property) => "v" + property.Name;

    private static string Flag(PropertyModel property) => "has" + property.Name;

    private static string Field(PropertyModel property) => "__value" + property.Name;

    private static string PresenceField(PropertyModel property) => "__has" + property.Name;

    private static string NameField(PropertyModel property) => "__name" + property.Name;

    private static string PatternField(int map, int pattern) => "__pattern" + map + "_" + pattern;

    private static string RawField(PropertyModel property) => "__raw" + property.Name;

    private static string ReadField(PropertyModel property) => "__read" + property.Name;

    private static string RawLocal(PropertyModel property) => "raw" + property.Name;

    /// <summary>
    /// Writes a formatted property's value: the JSON text it was read from while the value is the one read (a
    /// <c>DateTimeOffset</c> to the tick and offset, a <c>Uri</c> the same instance), else the value in its canonical form.
    /// </summary>
    private static string FormattedWrite(TypeSyntax types, PropertyModel property, string value)
    {
        string read = "value." + ReadField(property);
        string unchanged = property.Type.Kind switch
        {
            TypeKind.DateTime => read + " is { } " + RawLocal(property) + "Value && " + value + ".EqualsExact(" + RawLocal(property) + "Value)",
            TypeKind.Uri => "global::System.Object.ReferenceEquals(" + value + ", " + read + ")",
            _ => read + " == " + value,
        };
        return "if (value." + RawField(property) + " is { } " + RawLocal(property) + " && " + unchanged + ") " + TypeSyntax.JsonFormats + ".WriteRaw(writer, " + RawLocal(property) + "); else " + types.WriteCall(property.Type, value);
    }

    /// <summary>The line of a <c>case</c> that reads a property's value into its local with <paramref name="read"/> (JSON null as null where it may be).</summary>
    private static void ReadInto(SourceWriter w, TypeSyntax types, PropertyModel property, string read)
    {
        if (property.AllowsNull)
        {
            w.Line($"    {Local(property)} = reader.TokenType == {JsonTokenType}.Null ? {types.Null(property.Type)} : {read};");
        }
        else
        {
            w.Line($"    {Local(property)} = {read};");
        }
    }

    private static string MapLocal(MapPropertyModel map) => "v" + map.Name;

    /// <summary>The C# type of the property, nullable unless required and non-null.</summary>
    private static string PropertyType(TypeSyntax types, PropertyModel property) =>
        types.Type(property.Type) + (property.IsNullable ? "?" : string.Empty);

    private static void EmitProperties(SourceWriter w, TypeSyntax types, RecordModel record)
    {
        foreach (PropertyModel property in record.Properties)
        {
            w.Doc("summary", property.Description ?? (record.IsTuple ? "Item " + (int.Parse(property.JsonName, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " of the tuple." : "The '" + property.JsonName + "' property."));
            string shape = property.IsRequired
                ? (property.AllowsNull ? "required; may be null" : "required")
                : (property.AllowsNull ? "optional; may be null: written when it was read or set, null included" : "optional: omitted when null");
            if (property.Constant is { } fixedValue)
            {
                shape += "; the schema fixes it to <c>" + SourceWriter.Escape(fixedValue) + "</c>, which records made in code start with (another value read is kept)";
            }

            // C# refuses [Obsolete] on a required member (CS9042): such a property says it in its remarks instead.
            bool requiredMember = property.IsRequired && w.Features.RequiredMembers && property.Constant is null && !TracksPresence(property);
            if (property.IsDeprecated && requiredMember)
            {
                shape += "; the schema marks it deprecated";
            }

            string where = record.IsTuple ? "Index " + property.JsonName + " of the JSON array" : "JSON <c>" + SourceWriter.Escape(property.JsonName) + "</c>";
            if (property.Constraints.Count == 0)
            {
                w.Line($"/// <remarks>{where}, {shape}.</remarks>");
            }
            else
            {
                w.Line("/// <remarks>");
                w.Line($"/// {where}, {shape}.");
                w.Line("/// <list type=\"bullet\">");
                foreach (string constraint in property.Constraints)
                {
                    w.Line($"/// <item><c>{SourceWriter.Escape(constraint)}</c></item>");
                }

                w.Line("/// </list>");
                w.Line("/// </remarks>");
            }
            if (property.IsDeprecated && !requiredMember)
            {
                w.Line($"[global::System.Obsolete({SourceWriter.Quote("The schema marks '" + property.JsonName + "' deprecated.")})]");
            }

            string type = PropertyType(types, property);
            if (TracksPresence(property))
            {
                w.Line($"public {type} {property.Name} {{ get => {Field(property)}; init {{ {Field(property)} = value; {PresenceField(property)} = true; }} }}");
            }
            else if (property.Constant is { } constant)
            {
                // A constant: records made in code start with it (so it is not a required member); what is read replaces it.
                w.Line($"public {type} {property.Name} {{ get; init; }} = {ConstantLiteral(types, property.Type, constant)};");
            }
            else
            {
                w.Line($"public {(property.IsRequired && w.Features.RequiredMembers ? "required " : string.Empty)}{type} {property.Name} {{ get; init; }}");
            }

            w.Line();
        }

        EmitRequiredConstructor(w, types, record);

        if (record.IsTuple)
        {
            EmitTupleMembers(w, types, record);
            return;
        }

        foreach (MapPropertyModel map in record.Maps)
        {
            w.Line(map.Patterns.Count == 0
                ? "/// <summary>The properties the schema does not name (<c>additionalProperties</c>), by name.</summary>"
                : "/// <summary>The properties whose names match " + (map.Patterns.Count == 1 ? "the pattern" : "one of the patterns") + " " + string.Join(", ", map.Patterns.Select(p => "<c>" + SourceWriter.Escape(p.Pattern) + "</c>")) + " (<c>patternProperties</c>), by name.</summary>");
            w.Line("/// <remarks>Read from the JSON object's other properties and written after the named ones; null when there were none.</remarks>");
            w.Line($"public {types.Type(map.Type)}? {map.Name} {{ get; init; }}");
            w.Line();
        }

        w.Line($"/// <summary>Properties of the JSON object that the schema does not describe{(record.Maps.Count > 0 ? " (nor the typed maps hold)" : string.Empty)}, kept so they are written back as they were read.</summary>");
        if (record.IsClosed)
        {
            w.Line("/// <remarks>The schema allows no other properties (<c>additionalProperties: false</c>); any a document has anyway are kept here, never dropped.</remarks>");
        }

        w.Line($"public {ExtensionDataType}? ExtensionData {{ get; init; }}");
        w.Line();
        for (int i = 0; i < record.Maps.Count; i++)
        {
            for (int p = 0; p < record.Maps[i].Patterns.Count; p++)
            {
                PatternModel pattern = record.Maps[i].Patterns[p];
                w.Line($"private static readonly global::System.Text.RegularExpressions.Regex {PatternField(i, p)} = new global::System.Text.RegularExpressions.Regex({SourceWriter.Quote(pattern.Pattern)}, global::System.Text.RegularExpressions.RegexOptions.{(pattern.IsEcmaScript ? "ECMAScript" : "CultureInvariant")}, {TypeSyntax.JsonRead}.PatternTimeout);");
            }
        }

        foreach (PropertyModel property in record.Properties.Where(TracksPresence))
        {
            w.Line($"private {PropertyType(types, property)} {Field(property)};");
            w.Line($"private bool {PresenceField(property)};");
        }

        foreach (PropertyModel property in record.Properties.Where(p => p.Type.IsFormatted))
        {
            // The text a formatted value was read from, and the value, so it is written back as it was while unchanged.
            w.Line($"private string? {RawField(property)};");
            w.Line($"private {types.Type(property.Type)}? {ReadField(property)};");
        }

        foreach (PropertyModel property in record.Properties)
        {
            // A name some encoder would escape is written through the writer, whose encoder decides how it looks.
            if (JsonEscaping.IsVerbatim(property.JsonName))
            {
                w.Line($"private static readonly global::System.Text.Json.JsonEncodedText {NameField(property)} = global::System.Text.Json.JsonEncodedText.Encode({SourceWriter.Quote(property.JsonName)});");
            }
            else
            {
                w.Line($"private const string {NameField(property)} = {SourceWriter.Quote(property.JsonName)};");
            }
        }

        w.Line($"private static readonly string[] __propertyNames = {{ {string.Join(", ", record.Properties.Select(p => SourceWriter.Literal(p.JsonName)))} }};");
        w.Line();
    }

    /// <summary>
    /// The reader's local for a property, <c>default</c> until read: nullable even for a required reference (what is
    /// missing is checked after the loop).
    /// </summary>
    private static string ReaderLocal(TypeSyntax types, PropertyModel property) =>
        (!property.IsNullable && !property.Type.IsValueType ? types.Type(property.Type) + "?" : PropertyType(types, property))
        + " " + Local(property) + " = default;";

    /// <summary>The C# literal of a constant: the string quoted, a number with its suffix, a boolean.</summary>
    private static string ConstantLiteral(TypeSyntax types, TypeRef type, string constant) => type.Kind switch
    {
        TypeKind.Enum => types.Qualified(type) + "." + constant,
        TypeKind.String => SourceWriter.Literal(constant),
        TypeKind.Int64 => constant + "L",
        TypeKind.Double => constant + "d",
        _ => constant,
    };

    /// <summary>
    /// The explicit <c>IJsonModel&lt;T&gt;</c> members (static abstract, .NET 7 on) that let <c>JsonModelConverter</c> call
    /// the reader and writer without a delegate; nothing where the runtime has no <c>IJsonModel</c> (netstandard2.0).
    /// </summary>
    internal static void EmitJsonModel(SourceWriter w, string self, bool jsonModel)
    {
        if (!jsonModel)
        {
            return;
        }

        string model = "global::Scenario.Runtime.Json.IJsonModel<" + self + ">";
        w.Line($"static {self} {model}.ReadJson(ref {TypeSyntax.Reader} reader, {TypeSyntax.Options} options) => ReadJson(ref reader, options);");
        w.Line();
        w.Line($"static void {model}.WriteJson({TypeSyntax.Writer} writer, {self} value, {TypeSyntax.Options} options) => WriteJson(writer, value, options);");
        w.Line();
    }

    /// <summary>
    /// <c>ReadJson</c>. For a record a union tells apart by a discriminator it declares (<paramref name="fromProperty"/>),
    /// the body is <c>__ReadFrom</c>, which can also go on from the value of a property whose name the union has read (the
    /// discriminator, when it comes first): the union then reads the object once, without a copy of the reader.
    /// </summary>
    private static void EmitReader(SourceWriter w, TypeSyntax types, RecordModel record, string self, bool jsonModel, bool fromProperty)
    {
        EmitJsonModel(w, self, jsonModel);

        w.Line($"/// <summary>Reads one <see cref=\"{record.Name}\"/>; the reader is on its start and is left on its end.</summary>");
        w.Open($"internal static {self} ReadJson(ref {TypeSyntax.Reader} reader, {TypeSyntax.Options} options)");
        w.Open($"if (reader.TokenType != {JsonTokenType}.StartObject)");
        w.Line($"throw {TypeSyntax.JsonRead}.Unexpected(ref reader, \"an object\");");
        w.Close();
        w.Line();
        if (fromProperty)
        {
            w.Line("return __ReadFrom(ref reader, options, -2);");
            w.Close();
            w.Line();
            w.Line("/// <summary>");
            w.Line($"/// Reads one <see cref=\"{record.Name}\"/> from the start of its object (<paramref name=\"property\"/> is -2), or from the value");
            w.Line("/// of the property at index <paramref name=\"property\"/>, its first, whose name was read; the reader is left on its end.");
            w.Line("/// </summary>");
            w.Open($"internal static {self} __ReadFrom(ref {TypeSyntax.Reader} reader, {TypeSyntax.Options} options, int property)");
        }

        foreach (PropertyModel property in record.Properties)
        {
            w.Line(ReaderLocal(types, property));
            if (property.IsRequired || TracksPresence(property))
            {
                w.Line($"bool {Flag(property)} = false;");
            }

            if (property.Type.IsFormatted)
            {
                w.Line($"string? {RawLocal(property)} = null;");
            }
        }

        foreach (MapPropertyModel map in record.Maps)
        {
            w.Line($"global::System.Collections.Generic.Dictionary<string, {types.ElementType(map.Type)}>? {MapLocal(map)} = null;");
        }

        w.Line("global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>? extensionData = null;");
        if (fromProperty)
        {
            w.Line("bool onValue = property != -2;");
            w.Line("string? unknownName = null;");
            w.Open($"while (onValue || (reader.Read() && reader.TokenType == {JsonTokenType}.PropertyName))");
            w.Open("if (!onValue)");
            w.Line("property = __MatchProperty(ref reader);");
            w.Line("unknownName = property < 0 ? reader.GetString() : null;");
            w.Line("reader.Read();");
            w.Close();
            w.Line();
            w.Line("onValue = false;");
        }
        else
        {
            w.Open($"while (reader.Read() && reader.TokenType == {JsonTokenType}.PropertyName)");
            w.Line("int property = __MatchProperty(ref reader);");
            w.Line("string? unknownName = property < 0 ? reader.GetString() : null;");
            w.Line("reader.Read();");
        }

        w.Open("try");
        w.Open("switch (property)");
        for (int i = 0; i < record.Properties.Count; i++)
        {
            PropertyModel property = record.Properties[i];
            w.Line($"case {i}:");
            // A string the schema fixes (a discriminator's "type": "card") is the literal when it is read as such: no string allocated.
            string read = property.Constant is { } constant && property.Type.Kind == TypeKind.String
                ? TypeSyntax.JsonRead + ".String(ref reader, options, " + SourceWriter.Literal(constant) + ")"
                : types.ReadCall(property.Type);
            ReadInto(w, types, property, read);

            if (property.Type.IsFormatted)
            {
                w.Line($"    {RawLocal(property)} = {TypeSyntax.JsonFormats}.RawText(ref reader);");
            }

            if (property.IsRequired || TracksPresence(property))
            {
                w.Line($"    {Flag(property)} = true;");
            }

            w.Line("    break;");
        }

        w.Line("default:");
        // Names the schema does not list: the first pattern map that matches, else the additionalProperties map, else ExtensionData.
        bool catchAll = false;
        for (int i = 0; i < record.Maps.Count; i++)
        {
            MapPropertyModel map = record.Maps[i];
            catchAll = map.Patterns.Count == 0;
            string test = string.Join(" || ", map.Patterns.Select((_, p) => TypeSyntax.JsonRead + ".Matches(" + PatternField(i, p) + ", unknownName!)"));
            if (!catchAll || i > 0)
            {
                w.Line($"    {(catchAll ? "else" : (i == 0 ? "if" : "else if") + " (" + test + ")")}");
            }

            w.Line("    {");
            string read = map.ValueAllowsNull
                ? "reader.TokenType == " + JsonTokenType + ".Null ? (" + types.ElementType(map.Type) + ")null : " + types.ReadCall(map.Value)
                : types.ReadCall(map.Value);
            w.Line($"        ({MapLocal(map)} ??= new global::System.Collections.Generic.Dictionary<string, {types.ElementType(map.Type)}>(global::System.StringComparer.Ordinal))[unknownName!] = {read};");
            w.Line("    }");
        }

        if (!catchAll && record.Maps.Count > 0)
        {
            w.Line("    else");
            w.Line("    {");
            w.Line($"        {TypeSyntax.JsonRead}.Extension(ref reader, ref extensionData, unknownName!);");
            w.Line("    }");
        }
        else if (!catchAll)
        {
            w.Line($"    {TypeSyntax.JsonRead}.Extension(ref reader, ref extensionData, unknownName!);");
        }

        w.Line("    break;");
        w.Close();
        w.Close();
        w.Open("catch (global::System.Text.Json.JsonException failure)");
        w.Line($"throw {TypeSyntax.JsonRead}.InProperty(failure, property < 0 ? unknownName! : __propertyNames[property]);");
        w.Close();
        w.Close();
        w.Line();

        foreach (PropertyModel property in record.Properties.Where(p => p.IsRequired))
        {
            w.Open($"if (!{Flag(property)})");
            w.Line($"throw {TypeSyntax.JsonRead}.MissingRequired({SourceWriter.Quote(record.Name)}, {SourceWriter.Quote(property.JsonName)});");
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

        foreach (MapPropertyModel map in record.Maps)
        {
            w.Line($"    {map.Name} = {MapLocal(map)},");
        }

        w.Line("    ExtensionData = extensionData,");
        w.Line("};");
        foreach (PropertyModel property in record.Properties.Where(TracksPresence))
        {
            w.Line($"result.{Field(property)} = {Local(property)};");
            w.Line($"result.{PresenceField(property)} = {Flag(property)};");
        }

        foreach (PropertyModel property in record.Properties.Where(p => p.Type.IsFormatted))
        {
            w.Line($"result.{RawField(property)} = {RawLocal(property)};");
            w.Line($"result.{ReadField(property)} = {Local(property)};");
        }

        w.Line("return result;");
        w.Close();
    }

    private static void EmitWriter(SourceWriter w, TypeSyntax types, RecordModel record, string self)
    {
        w.Line($"/// <summary>Writes one <see cref=\"{record.Name}\"/>.</summary>");
        w.Open($"internal static void WriteJson({TypeSyntax.Writer} writer, {self} value, {TypeSyntax.Options} options)");
        w.Line("writer.WriteStartObject();");
        w.Line("WriteMembers(writer, value, options);");
        w.Close();
        w.Line();
        w.Line($"/// <summary>Writes a property whose value is one <see cref=\"{record.Name}\"/>: its name and the object's start in one call of the writer, then the rest.</summary>");
        w.Open($"internal static void WriteJson({TypeSyntax.Writer} writer, global::System.Text.Json.JsonEncodedText name, {self} value, {TypeSyntax.Options} options)");
        w.Line("writer.WriteStartObject(name);");
        w.Line("WriteMembers(writer, value, options);");
        w.Close();
        w.Line();
        w.Line($"/// <summary>Writes the members of one <see cref=\"{record.Name}\"/> and the object's end.</summary>");
        EmitWriteMethod(w, types, record, self, "WriteMembers", record.Properties, start: false);
    }

    /// <summary>
    /// For a record that is an operation's parameters: a writer of the request body, which leaves out the properties
    /// sent in the query (<c>"x-in": "query"</c>).
    /// </summary>
    private static void EmitBodyWriter(SourceWriter w, TypeSyntax types, RecordModel record, string self)
    {
        w.Line($"/// <summary>Writes the request body of <see cref=\"{record.Name}\"/>: every property but those sent in the query.</summary>");
        EmitWriteMethod(w, types, record, self, "WriteJsonBody", record.Properties.Where(p => p.InQuery != true));
    }

    /// <summary>The statement that writes a property's value: its type's writer, or for a formatted value the text it was read from while unchanged.</summary>
    private static string WriteValue(TypeSyntax types, PropertyModel property, string value) =>
        property.Type.IsFormatted ? FormattedWrite(types, property, value) : types.WriteCall(property.Type, value);

    private static void EmitWriteMethod(SourceWriter w, TypeSyntax types, RecordModel record, string self, string methodName, IEnumerable<PropertyModel> properties, bool start = true)
    {
        w.Open($"{(start ? "internal" : "private")} static void {methodName}({TypeSyntax.Writer} writer, {self} value, {TypeSyntax.Options} options)");
        if (start)
        {
            w.Line("writer.WriteStartObject();");
        }

        foreach (PropertyModel property in properties)
        {
            string name = NameField(property);
            string local = Local(property);
            if (!property.IsNullable)
            {
                string valueExpression = property.Type.IsValueType
                    ? "value." + property.Name
                    : TypeSyntax.JsonWrite + ".Required(value." + property.Name + ", " + SourceWriter.Literal(record.Name) + ", " + SourceWriter.Literal(property.Name) + ")";
                EmitWriteProperty(w, types, property, valueExpression);
                continue;
            }

            if (TracksPresence(property))
            {
                w.Open($"if (value.{PresenceField(property)})");
            }

            w.Open($"if (value.{property.Name} is {{ }} {local})");
            EmitWriteProperty(w, types, property, local);
            w.Close();
            if (property.AllowsNull)
            {
                w.Open("else");
                w.Line($"writer.WriteNull({name});");
                w.Close();
            }

            if (TracksPresence(property))
            {
                w.Close();
            }
        }

        foreach (MapPropertyModel map in record.Maps)
        {
            w.Line($"{TypeSyntax.JsonWrite}.Properties<{types.ElementType(map.Type)}>(writer, value.{map.Name}, options, {types.ItemWriter(map.Type, 1)});");
        }

        w.Line($"{TypeSyntax.JsonWrite}.Extension(writer, value.ExtensionData);");
        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    /// <summary>A property's name and value: in one call of the writer where it has one for the type, else the name, then the value.</summary>
    private static void EmitWriteProperty(SourceWriter w, TypeSyntax types, PropertyModel property, string value)
    {
        string name = NameField(property);
        if (types.WritePropertyCall(property.Type, name, JsonEscaping.IsVerbatim(property.JsonName), value) is { } call)
        {
            w.Line(call);
            return;
        }

        w.Line($"writer.WritePropertyName({name});");
        w.Line(WriteValue(types, property, value));
    }

    /// <summary>
    /// Value equality: the compiler's record equality compares lists, maps and <c>JsonElement</c>s by reference, so two
    /// records read from the same JSON would differ. These compare them by content, with whether each optional-nullable
    /// property was present, and the unknown properties kept.
    /// </summary>
    private static void EmitEquality(SourceWriter w, TypeSyntax types, RecordModel record)
    {
        w.Line("/// <summary>Whether <paramref name=\"other\"/> holds the same values: lists, maps and JSON values compared by content, unknown properties included.</summary>");
        w.Open($"public bool Equals({record.Name}? other)");
        w.Open("if (global::System.Object.ReferenceEquals(this, other))");
        w.Line("return true;");
        w.Close();
        w.Line();
        w.Line("return other is not null");
        foreach (PropertyModel property in record.Properties)
        {
            if (TracksPresence(property))
            {
                w.Line($"    && {PresenceField(property)} == other.{PresenceField(property)}");
            }

            w.Line($"    && {types.EqualsCall(property.Type, "this." + property.Name, "other." + property.Name)}");
        }

        foreach (MapPropertyModel map in record.Maps)
        {
            w.Line($"    && {types.EqualsCall(map.Type, "this." + map.Name, "other." + map.Name)}");
        }

        w.Line("    && " + (record.IsTuple
            ? types.EqualsCall(TypeRef.List(record.RestItems ?? TypeRef.Any), "this.AdditionalItems", "other.AdditionalItems")
            : TypeSyntax.Equality + ".Extension(ExtensionData, other.ExtensionData)") + ";");
        w.Close();
        w.Line();
        w.Line($"/// <summary>A hash code consistent with <see cref=\"Equals({record.Name}?)\"/>.</summary>");
        w.Open("public override int GetHashCode()");
        w.Line("int hash = 17;");
        foreach (PropertyModel property in record.Properties)
        {
            w.Line($"hash = unchecked((hash * 31) + {TypeSyntax.HashCall(property.Type, "this." + property.Name)});");
        }

        foreach (MapPropertyModel map in record.Maps)
        {
            w.Line($"hash = unchecked((hash * 31) + {TypeSyntax.HashCall(map.Type, "this." + map.Name)});");
        }

        w.Line("return hash;");
        w.Close();
    }

    private static void EmitNameMatcher(SourceWriter w, RecordModel record)
    {
        w.Line("/// <summary>The index of the property the reader is on, or -1 for one the schema does not describe.</summary>");
        Utf8Matcher.EmitMethod(w, "__MatchProperty", record.Properties.Select(p => p.JsonName).ToArray(), "__propertyNames");
    }
}

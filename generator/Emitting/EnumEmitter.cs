using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Scenario.Generators.Model;

namespace Scenario.Generators.Emitting;

/// <summary>
/// One enum: a C# <c>enum</c> (a string enum's members numbered in schema order, an integer enum's valued as on the wire;
/// the wire value in each member's doc) and its converter, which reads into <c>OpenEnum&lt;T&gt;</c> (unknown values
/// kept) and registers the wire spelling for it. A string enum's converter holds its wire values in the runtime's
/// <c>StringEnumTable&lt;T&gt;</c>, which matches, reads and writes them, and forwards to it. Enums of numbers with
/// fractions or of mixed values are matched by JSON value; their wire values, and the unknown values kept, are JSON text.
/// </summary>
internal static class EnumEmitter
{
    private const string JsonTokenType = "global::System.Text.Json.JsonTokenType";

    public static string Emit(SchemaModel schema, EnumModel model, LanguageFeatures features) =>
        SourceWriter.Text(features, w => Write(w, schema, model));

    /// <summary>One enum's file, written into <paramref name="w"/> (a whole file: header, namespace block and all).</summary>
    public static void Write(SourceWriter w, SchemaModel schema, EnumModel model)
    {
        var types = new TypeSyntax(schema.Namespace);
        string self = types.Qualified(model.Name);
        string open = TypeSyntax.OpenEnum + "<" + self + ">";
        string visibility = schema.IsPublic ? "public" : "internal";
        w.Line(SourceWriter.Header.TrimEnd('\n'));
        w.Line();
        w.Open($"namespace {schema.Namespace}");
        w.Doc("summary", model.Description ?? "The values of " + model.Name + " in the schema.");
        w.Line("/// <remarks>Properties hold it as <see cref=\"global::Scenario.Runtime.OpenEnum{TEnum}\"/>, which also keeps values the schema does not list" + model.Kind switch
        {
            EnumKind.Integer => "; each member's value is its wire value",
            EnumKind.Mixed => "; wire values are JSON text (<c>0.5</c>, <c>true</c>, <c>\"auto\"</c>)",
            _ => string.Empty,
        } + ".</remarks>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"{visibility} enum {model.Name}{(model.IsLong ? " : long" : string.Empty)}");
        for (int i = 0; i < model.Members.Count; i++)
        {
            EnumMemberModel member = model.Members[i];
            w.Line($"/// <summary>Wire value <c>{SourceWriter.Escape(member.WireValue)}</c>.</summary>");
            w.Line($"{member.Name} = {(model.Kind == EnumKind.Integer ? member.WireValue + (model.IsLong ? "L" : string.Empty) : i.ToString(CultureInfo.InvariantCulture))},");
            if (i < model.Members.Count - 1)
            {
                w.Line();
            }
        }

        w.Close();
        w.Line();

        w.Line($"/// <summary>Reads and writes <see cref=\"{model.Name}\"/> in its wire form; a value the schema does not list is kept as it was read.</summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"{visibility} sealed class {model.Name}Converter : global::System.Text.Json.Serialization.JsonConverter<{open}>");
        switch (model.Kind)
        {
            case EnumKind.String:
                EmitStringTable(w, model, self, open);
                break;
            case EnumKind.Integer:
                EmitFormatting(w, model, self);
                EmitIntegerReadWrite(w, model, self, open);
                break;
            default:
                EmitFormatting(w, model, self);
                EmitMixedReadWrite(w, model, self, open);
                break;
        }

        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override {open} Read(ref {TypeSyntax.Reader} reader, global::System.Type typeToConvert, {TypeSyntax.Options} options) => ReadValue(ref reader, options);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override void Write({TypeSyntax.Writer} writer, {open} value, {TypeSyntax.Options} options) => WriteValue(writer, value, options);");
        w.Line();
        w.Line("/// <summary>Registers the wire spelling with <see cref=\"global::Scenario.Runtime.OpenEnumWire{TEnum}\"/> when the assembly loads.</summary>");
        w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        if (w.Features.UnityInitialize)
        {
            // Unity does not run module initializers reliably; it runs this before the first scene loads.
            w.Line("[global::UnityEngine.RuntimeInitializeOnLoadMethod(global::UnityEngine.RuntimeInitializeLoadType.SubsystemRegistration)]");
        }

        w.Line($"internal static void Register() => global::Scenario.Runtime.OpenEnumWire<{self}>.Register(ToWireValue, TryParse);");
        if (model.Kind == EnumKind.Mixed)
        {
            // A mixed enum matches only its strings by their bytes.
            w.Line();
            Utf8Matcher.EmitMethod(w, "__Match", StringMembers(model).Select(m => m.Text).ToList());
        }

        w.Close();
        w.Close();
    }

    /// <summary>
    /// A string enum's converter: its wire values in the runtime's table, which matches, reads and writes them, and the
    /// members records, unions and users call, each a forward to it.
    /// </summary>
    private static void EmitStringTable(SourceWriter w, EnumModel model, string self, string open)
    {
        w.Line($"private static readonly global::Scenario.Runtime.Json.StringEnumTable<{self}> __table = new(new string[]");
        EmitWireValues(w, model, "});");
        w.Line();
        w.Line("/// <summary>The wire value of <paramref name=\"value\"/>.</summary>");
        w.Line($"/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"value\"/> is not a member of <see cref=\"{model.Name}\"/>.</exception>");
        w.Line($"public static string ToWireValue({self} value) => __table.ToWireValue(value);");
        w.Line();
        w.Line("/// <summary>The member whose wire value is <paramref name=\"wireValue\"/>; false when the schema does not list it.</summary>");
        w.Line($"public static bool TryParse(string wireValue, out {self} value) => __table.TryParse(wireValue, out value);");
        w.Line();
        w.Line("/// <summary>Reads one value; the reader is on a string token.</summary>");
        w.Line($"internal static {open} ReadValue(ref {TypeSyntax.Reader} reader, {TypeSyntax.Options} options) => __table.Read(ref reader);");
        w.Line();
        w.Line("/// <summary>Writes one value: a member's wire value, or an unknown value exactly as it was read.</summary>");
        w.Line($"internal static void WriteValue({TypeSyntax.Writer} writer, {open} value, {TypeSyntax.Options} options) => __table.Write(writer, value);");
        w.Line();
        w.Line("/// <summary>Writes a property whose value is one of these: its name and the value in one call of the writer.</summary>");
        w.Line($"internal static void WriteProperty({TypeSyntax.Writer} writer, global::System.Text.Json.JsonEncodedText name, {open} value, {TypeSyntax.Options} options) => __table.WriteProperty(writer, name, value);");
    }

    /// <summary>The members' wire values, one a line in member order, between <c>{</c> and <paramref name="end"/>.</summary>
    private static void EmitWireValues(SourceWriter w, EnumModel model, string end)
    {
        w.Line("{");
        foreach (EnumMemberModel member in model.Members)
        {
            w.Line($"    {SourceWriter.Quote(member.WireValue)},");
        }

        w.Line(end);
    }

    /// <summary><c>ToWireValue</c> and <c>TryParse</c> of an integer or mixed enum: member ↔ wire value (JSON text).</summary>
    private static void EmitFormatting(SourceWriter w, EnumModel model, string self)
    {
        w.Line("private static readonly string[] __wireValues =");
        EmitWireValues(w, model, "};");
        w.Line();
        w.Line("/// <summary>The wire value of <paramref name=\"value\"/>, as JSON text.</summary>");
        if (model.Kind == EnumKind.Integer)
        {
            // Every value of an integer enum is its own wire value, declared or not.
            w.Line($"public static string ToWireValue({self} value) => ((long)value).ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
        }
        else
        {
            w.Line($"/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"value\"/> is not a member of <see cref=\"{model.Name}\"/>.</exception>");
            w.Line($"public static string ToWireValue({self} value) =>");
            w.Line($"    (uint)value < (uint)__wireValues.Length ? __wireValues[(int)value] : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, {SourceWriter.Quote("Not a member of " + model.Name + ".")});");
        }

        w.Line();
        w.Line("/// <summary>The member whose wire value is <paramref name=\"wireValue\"/> (JSON text); false when the schema does not list it.</summary>");
        w.Open($"public static bool TryParse(string wireValue, out {self} value)");
        w.Open("switch (wireValue)");
        foreach (EnumMemberModel member in model.Members)
        {
            w.Line($"case {SourceWriter.Quote(member.WireValue)}: value = {self}.{member.Name}; return true;");
        }

        w.Line("default: value = default; return false;");
        w.Close();
        w.Close();
        w.Line();
    }

    /// <summary>For enums written in more than one call: a property whose value is one of these, its name, then the value.</summary>
    private static void EmitWritePropertyByParts(SourceWriter w, string open)
    {
        w.Line();
        w.Line("/// <summary>Writes a property whose value is one of these: its name, then the value.</summary>");
        w.Open($"internal static void WriteProperty({TypeSyntax.Writer} writer, global::System.Text.Json.JsonEncodedText name, {open} value, {TypeSyntax.Options} options)");
        w.Line("writer.WritePropertyName(name);");
        w.Line("WriteValue(writer, value, options);");
        w.Close();
    }

    private static void EmitMemberCheck(SourceWriter w, EnumModel model)
    {
        w.Open("if ((uint)member >= (uint)__wireValues.Length)");
        w.Line($"throw new global::System.Text.Json.JsonException({SourceWriter.Quote("The value is not a member of " + model.Name + ": ")} + ((int)member).ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \".\");");
        w.Close();
        w.Line();
    }

    private static void EmitIntegerReadWrite(SourceWriter w, EnumModel model, string self, string open)
    {
        w.Line("/// <summary>Reads one value; the reader is on a number token. A number the schema does not list is kept as its JSON text.</summary>");
        w.Open($"internal static {open} ReadValue(ref {TypeSyntax.Reader} reader, {TypeSyntax.Options} options)");
        w.Open($"if (reader.TokenType != {JsonTokenType}.Number)");
        w.Line($"throw {TypeSyntax.JsonRead}.Unexpected(ref reader, \"a number\");");
        w.Close();
        w.Line();
        w.Open($"if ({TypeSyntax.JsonRead}.TryGetWholeNumber(ref reader, out long number))");
        w.Open("switch (number)");
        foreach (EnumMemberModel member in model.Members)
        {
            w.Line($"case {member.WireValue}: return {self}.{member.Name};");
        }

        w.Close();
        w.Close();
        w.Line();
        w.Line($"return {open}.FromUnknownWireValue({TypeSyntax.JsonRead}.NumberText(ref reader));");
        w.Close();
        w.Line();

        w.Line("/// <summary>Writes one value: the member's number, or an unknown value exactly as it was read.</summary>");
        w.Open($"internal static void WriteValue({TypeSyntax.Writer} writer, {open} value, {TypeSyntax.Options} options)");
        w.Open($"if (value.TryGetValue(out {self} member))");
        w.Line("writer.WriteNumberValue((long)member);");
        w.Close();
        w.Open("else");
        w.Line($"{TypeSyntax.JsonWrite}.JsonText(writer, value.WireValue);");
        w.Close();
        w.Close();
        EmitWritePropertyByParts(w, open);
    }

    /// <summary>The string members of a mixed enum: their index among the members, and the string itself (JSON text decoded).</summary>
    private static List<(int Index, string Text)> StringMembers(EnumModel model) =>
        model.Members.Select((m, i) => (i, m.WireValue)).Where(p => p.WireValue.StartsWith("\"", System.StringComparison.Ordinal))
            .Select(p => (p.i, Parsing.Json.JsonTreeReader.Unquote(p.WireValue))).ToList();

    private static void EmitMixedReadWrite(SourceWriter w, EnumModel model, string self, string open)
    {
        List<(int Index, string Text)> strings = StringMembers(model);
        List<(int Index, string Text)> numbers = model.Members.Select((m, i) => (i, m.WireValue)).Where(p => p.WireValue.Length > 0 && (char.IsDigit(p.WireValue[0]) || p.WireValue[0] == '-')).ToList();
        w.Line("/// <summary>Reads one value, matched by its JSON value; a value the schema does not list is kept as its JSON text.</summary>");
        w.Open($"internal static {open} ReadValue(ref {TypeSyntax.Reader} reader, {TypeSyntax.Options} options)");
        w.Open("switch (reader.TokenType)");
        w.Line($"case {JsonTokenType}.String:");
        if (strings.Count == 0)
        {
            w.Line("    break;");
        }
        else
        {
            w.Block();
            w.Open("switch (__Match(ref reader))");
            for (int s = 0; s < strings.Count; s++)
            {
                w.Line($"case {s}: return {self}.{model.Members[strings[s].Index].Name};");
            }

            w.Close();
            w.Line("break;");
            w.Close();
        }

        w.Line($"case {JsonTokenType}.Number:");
        w.Block();
        if (numbers.Count > 0)
        {
            w.Open("if (reader.TryGetDouble(out double number))");
            foreach ((int index, string text) in numbers)
            {
                w.Open($"if (number == {text}d)");
                w.Line($"return {self}.{model.Members[index].Name};");
                w.Close();
            }

            w.Close();
            w.Line();
        }

        w.Line($"return {open}.FromUnknownWireValue({TypeSyntax.JsonRead}.NumberText(ref reader));");
        w.Close();
        foreach (string literal in new[] { "true", "false" })
        {
            w.Line($"case {JsonTokenType}.{(literal == "true" ? "True" : "False")}:");
            int member = model.Members.Select(m => m.WireValue).ToList().IndexOf(literal);
            w.Line($"    {(member >= 0 ? "return " + self + "." + model.Members[member].Name + ";" : "break;")}");
        }

        w.Line("default:");
        w.Line($"    throw {TypeSyntax.JsonRead}.Unexpected(ref reader, \"a string, a number or a boolean\");");
        w.Close();
        w.Line();
        w.Line($"return {open}.FromUnknownWireValue({TypeSyntax.JsonRead}.ScalarText(ref reader));");
        w.Close();
        w.Line();

        w.Line("/// <summary>Writes one value: the member's JSON value, or an unknown value exactly as it was read.</summary>");
        w.Open($"internal static void WriteValue({TypeSyntax.Writer} writer, {open} value, {TypeSyntax.Options} options)");
        w.Open($"if (value.TryGetValue(out {self} member))");
        EmitMemberCheck(w, model);
        if (strings.Count > 0)
        {
            w.Open("switch ((int)member)");
            foreach ((int index, string text) in strings)
            {
                w.Line($"case {index}: writer.WriteStringValue({SourceWriter.Quote(text)}); return;");
            }

            w.Close();
            w.Line();
        }

        w.Line($"{TypeSyntax.JsonWrite}.JsonText(writer, __wireValues[(int)member]);");
        w.Close();
        w.Open("else");
        w.Line($"{TypeSyntax.JsonWrite}.JsonText(writer, value.WireValue);");
        w.Close();
        w.Close();
        EmitWritePropertyByParts(w, open);
    }
}

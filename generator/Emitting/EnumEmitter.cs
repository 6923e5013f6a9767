using System.Linq;
using Scenario.Generators.Model;

namespace Scenario.Generators.Emitting;

/// <summary>
/// One string enum: a C# <c>enum</c> (members numbered in schema order, wire value in each member's doc) and its converter,
/// which reads into <c>OpenEnum&lt;T&gt;</c> (unknown values kept) and registers the wire spelling for it.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(SchemaModel schema, EnumModel model)
    {
        var types = new TypeSyntax(schema.Namespace);
        string self = types.Qualified(model.Name);
        string open = TypeSyntax.OpenEnum + "<" + self + ">";
        string visibility = schema.IsPublic ? "public" : "internal";
        var w = new SourceWriter();
        w.Line(SourceWriter.Header.TrimEnd('\n'));
        w.Line();
        w.Open("namespace " + schema.Namespace);
        w.Doc("summary", model.Description ?? "The values of " + model.Name + " in the schema.");
        w.Line("/// <remarks>Properties hold it as <see cref=\"global::Scenario.Runtime.OpenEnum{TEnum}\"/>, which also keeps values the schema does not list.</remarks>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open(visibility + " enum " + model.Name);
        for (int i = 0; i < model.Members.Count; i++)
        {
            EnumMemberModel member = model.Members[i];
            w.Line("/// <summary>Wire value <c>" + SourceWriter.Escape(member.WireValue) + "</c>.</summary>");
            w.Line(member.Name + " = " + i + ",");
            if (i < model.Members.Count - 1)
            {
                w.Line();
            }
        }

        w.Close();
        w.Line();

        w.Line("/// <summary>Reads and writes <see cref=\"" + model.Name + "\"/> in its wire form; a value the schema does not list is kept as it was read.</summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open(visibility + " sealed class " + model.Name + "Converter : global::System.Text.Json.Serialization.JsonConverter<" + open + ">");
        w.Line("private static readonly string[] __wireValues =");
        w.Line("{");
        foreach (EnumMemberModel member in model.Members)
        {
            w.Line("    " + SourceWriter.Literal(member.WireValue) + ",");
        }

        w.Line("};");
        w.Line();
        w.Line("private static readonly global::System.Text.Json.JsonEncodedText[] __encodedValues = global::System.Array.ConvertAll(__wireValues, static value => global::System.Text.Json.JsonEncodedText.Encode(value));");
        w.Line();

        w.Line("/// <summary>The wire value of <paramref name=\"value\"/>.</summary>");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"value\"/> is not a member of <see cref=\"" + model.Name + "\"/>.</exception>");
        w.Line("public static string ToWireValue(" + self + " value) =>");
        w.Line("    (uint)value < (uint)__wireValues.Length ? __wireValues[(int)value] : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, " + SourceWriter.Literal("Not a member of " + model.Name + ".") + ");");
        w.Line();

        w.Line("/// <summary>The member whose wire value is <paramref name=\"wireValue\"/>; false when the schema does not list it.</summary>");
        w.Open("public static bool TryParse(string wireValue, out " + self + " value)");
        w.Open("switch (wireValue)");
        foreach (EnumMemberModel member in model.Members)
        {
            w.Line("case " + SourceWriter.Literal(member.WireValue) + ": value = " + self + "." + member.Name + "; return true;");
        }

        w.Line("default: value = default; return false;");
        w.Close();
        w.Close();
        w.Line();

        w.Line("/// <summary>Reads one value; the reader is on a string token.</summary>");
        w.Open("internal static " + open + " ReadValue(ref " + TypeSyntax.Reader + " reader, " + TypeSyntax.Options + " options)");
        w.Open("if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)");
        w.Line("throw " + TypeSyntax.JsonRead + ".Unexpected(ref reader, \"a string\");");
        w.Close();
        w.Line();
        w.Line("int index = __Match(ref reader);");
        w.Line("return index >= 0 ? (" + self + ")index : " + open + ".FromUnknownWireValue(reader.GetString()!);");
        w.Close();
        w.Line();

        w.Line("/// <summary>Writes one value: a member's wire value, or an unknown value exactly as it was read.</summary>");
        w.Open("internal static void WriteValue(" + TypeSyntax.Writer + " writer, " + open + " value, " + TypeSyntax.Options + " options)");
        w.Open("if (value.TryGetValue(out " + self + " member))");
        w.Open("if ((uint)member >= (uint)__encodedValues.Length)");
        w.Line("throw new global::System.Text.Json.JsonException(" + SourceWriter.Literal("The value is not a member of " + model.Name + ": ") + " + ((int)member).ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \".\");");
        w.Close();
        w.Line();
        w.Line("writer.WriteStringValue(__encodedValues[(int)member]);");
        w.Close();
        w.Open("else");
        w.Line("writer.WriteStringValue(value.WireValue);");
        w.Close();
        w.Close();
        w.Line();

        w.Line("/// <inheritdoc/>");
        w.Line("public override " + open + " Read(ref " + TypeSyntax.Reader + " reader, global::System.Type typeToConvert, " + TypeSyntax.Options + " options) => ReadValue(ref reader, options);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override void Write(" + TypeSyntax.Writer + " writer, " + open + " value, " + TypeSyntax.Options + " options) => WriteValue(writer, value, options);");
        w.Line();
        w.Line("/// <summary>Registers the wire spelling with <see cref=\"global::Scenario.Runtime.OpenEnumWire{TEnum}\"/> when the assembly loads.</summary>");
        w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        w.Line("internal static void Register() => global::Scenario.Runtime.OpenEnumWire<" + self + ">.Register(ToWireValue, TryParse);");
        w.Line();
        Utf8Matcher.EmitMethod(w, "__Match", model.Members.Select(m => m.WireValue).ToArray());
        w.Close();
        w.Close();
        return w.ToString();
    }
}

using System.Collections.Generic;
using System.Linq;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing;

namespace Scenario.Generators.Emitting;

/// <summary>
/// One union: a <c>readonly partial struct</c> holding one branch's value (or the raw JSON of a value no branch matches),
/// with <c>Is…</c>/<c>As…</c>/<c>TryGet…</c>/<c>From…</c> per branch, implicit conversions, <c>Match</c>/<c>Switch</c>,
/// value equality, and its own reader, which picks the branch once: by the JSON token first, then for objects by a
/// discriminator or by the properties present (a look-ahead over a copy of the reader), and a writer that writes back
/// the form read. The design is in docs/decisions.md ("Unions").
/// </summary>
internal static class UnionEmitter
{
    private const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    private const string JsonElement = "global::System.Text.Json.JsonElement";

    /// <summary>The branch number of a value no branch matched (kept as JSON); 0 is <c>default</c>, which holds nothing.</summary>
    private const int Unknown = -1;

    public static string Emit(SchemaIndex index, UnionModel union, LanguageFeatures features) =>
        SourceWriter.Text(features, w => Write(w, index, union));

    /// <summary>One union's file, written into <paramref name="w"/> (a whole file: header, namespace block and all).</summary>
    public static void Write(SourceWriter w, SchemaIndex index, UnionModel union)
    {
        SchemaModel schema = index.Schema;
        bool jsonModel = w.Features.JsonModel;
        var types = new TypeSyntax(schema.Namespace);
        string self = types.Qualified(union.Name);
        w.Line(SourceWriter.Header.TrimEnd('\n'));
        w.Line();
        w.Open($"namespace {schema.Namespace}");
        w.Doc("summary", union.Description ?? "One of: " + string.Join(", ", union.Branches.Select(b => b.Name)) + ".");
        w.Line("/// <remarks>");
        w.Line($"/// A union: it holds the value of one of its branches, told apart {(union.Discriminator is { } d ? "by the JSON value's kind, then by its <c>" + SourceWriter.Escape(d) + "</c> property" : "by the JSON value's kind, then by the properties an object has")}.");
        w.Line("/// <list type=\"bullet\">");
        foreach (UnionBranchModel branch in union.Branches)
        {
            w.Line($"/// <item><see cref=\"Is{branch.Name}\"/>: <c>{SourceWriter.Escape(Plain(types.Type(branch.Type)))}</c>{(branch.DiscriminatorValues.Count > 0 ? " (" + SourceWriter.Escape(string.Join(", ", branch.DiscriminatorValues.Select(v => "\"" + v + "\""))) + ")" : string.Empty)}.</item>");
        }

        w.Line("/// </list>");
        w.Line("/// A value that matches no branch is kept as JSON (<see cref=\"IsUnknown\"/>) and written back unchanged; <c>default</c> holds no value and cannot be written.");
        w.Line("/// </remarks>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"{(schema.IsPublic ? "public" : "internal")} readonly partial struct {union.Name} : global::System.IEquatable<{self}>{(jsonModel ? ", global::Scenario.Runtime.Json.IJsonModel<" + self + ">" : string.Empty)}{(ValidationEmitter.Validates(schema, union.SchemaPointer) ? ", " + ValidationEmitter.Interface : string.Empty)}");
        w.Line("private readonly int _branch;");
        w.Line("private readonly object? _object;");
        w.Line("private readonly long _scalar;");
        w.Line();
        w.Open($"private {union.Name}(int branch, object? value, long scalar)");
        w.Line("_branch = branch;");
        w.Line("_object = value;");
        w.Line("_scalar = scalar;");
        w.Close();

        var conversions = new HashSet<string>();
        for (int i = 0; i < union.Branches.Count; i++)
        {
            EmitBranch(w, types, union, i, conversions);
        }

        EmitUnknown(w);
        EmitValue(w, types, union);
        EmitMatch(w, types, union);
        EmitEnumStorage(w, types, union);
        EmitEquality(w, types, union);
        EmitToString(w, types, union);
        EmitReader(w, types, union, self, jsonModel, index.DiscriminatorFirst(union));
        EmitWriter(w, types, union, self);
        ValidationEmitter.EmitTypeMembers(w, index, TypeRef.Union(union.Name, schema.Namespace), union.SchemaPointer);
        w.Close();
        w.Close();
    }

    private static string Plain(string csType) => csType.Replace("global::", string.Empty);

    /// <summary>The number that marks branch <paramref name="index"/> in <c>_branch</c>.</summary>
    private static int Tag(int index) => index + 1;

    private static void EmitBranch(SourceWriter w, TypeSyntax types, UnionModel union, int index, HashSet<string> conversions)
    {
        UnionBranchModel branch = union.Branches[index];
        string type = types.Type(branch.Type);
        string name = branch.Name;
        int tag = Tag(index);
        bool isReference = !branch.Type.IsValueType;
        w.Line();
        w.Line($"/// <summary>Whether the value is the <c>{name}</c> branch{(branch.Description is { } about ? ": " + SourceWriter.Escape(FirstLine(about)) : string.Empty)}.</summary>");
        w.Line($"public bool Is{name} => _branch == {tag};");
        w.Line();
        w.Line($"/// <summary>The value of the <c>{name}</c> branch.</summary>");
        w.Line($"/// <exception cref=\"global::System.InvalidOperationException\">The value is of another branch; check <see cref=\"Is{name}\"/> or call <see cref=\"TryGet{name}\"/>.</exception>");
        w.Line($"public {type} As{name} => _branch == {tag} ? {Load(types, branch.Type, tag)} : throw Other({SourceWriter.Quote(name)});");
        w.Line();
        w.Line($"/// <summary>Gets the value of the <c>{name}</c> branch; false when the value is of another branch.</summary>");
        w.Open($"public bool TryGet{name}({(isReference ? "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out " + type + "? value" : "out " + type + " value")})");
        w.Open($"if (_branch == {tag})");
        w.Line($"value = {Load(types, branch.Type, tag)};");
        w.Line("return true;");
        w.Close();
        w.Line();
        w.Line("value = default;");
        w.Line("return false;");
        w.Close();
        w.Line();
        w.Line($"/// <summary>A value of the <c>{name}</c> branch.</summary>");
        if (isReference)
        {
            w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"value\"/> is null.</exception>");
        }

        w.Line($"public static {union.Name} From{name}({type} value) => {(Store(branch.Type, tag, isReference ? "value ?? throw new global::System.ArgumentNullException(nameof(value))" : "value"))};");
        foreach (string source in ConversionSources(types, branch.Type))
        {
            if (!conversions.Add(source))
            {
                continue;
            }

            w.Line();
            w.Line($"/// <summary>A value of the <c>{name}</c> branch.</summary>");
            w.Line($"public static implicit operator {union.Name}({source} value) => From{name}(value);");
        }
    }

    /// <summary>The types a branch converts from implicitly: its own, or for lists and maps (interfaces, which C# does not convert from) arrays, lists and dictionaries.</summary>
    private static IEnumerable<string> ConversionSources(TypeSyntax types, TypeRef type)
    {
        switch (type.Kind)
        {
            case TypeKind.List:
                yield return types.ElementType(type) + "[]";
                yield return "global::System.Collections.Generic.List<" + types.ElementType(type) + ">";
                break;
            case TypeKind.Map:
                yield return "global::System.Collections.Generic.Dictionary<string, " + types.ElementType(type) + ">";
                break;
            case TypeKind.Enum:
                yield return types.Type(type);
                yield return types.Qualified(type);
                break;
            default:
                yield return types.Type(type);
                break;
        }
    }

    /// <summary>An expression for the branch's value, from the fields.</summary>
    private static string Load(TypeSyntax types, TypeRef type, int tag) => type.Kind switch
    {
        TypeKind.Boolean => "_scalar != 0",
        TypeKind.Int32 => "(int)_scalar",
        TypeKind.Int64 => "_scalar",
        TypeKind.Double => "global::System.BitConverter.Int64BitsToDouble(_scalar)",
        TypeKind.Enum => "EnumValue" + tag + "()",
        _ => "(" + types.Type(type) + ")_object!",
    };

    /// <summary>A <c>new</c> of the union holding <paramref name="value"/> as branch <paramref name="tag"/>.</summary>
    private static string Store(TypeRef type, int tag, string value) => type.Kind switch
    {
        TypeKind.Boolean => "new(" + tag + ", null, (" + value + ") ? 1L : 0L)",
        TypeKind.Int32 or TypeKind.Int64 => "new(" + tag + ", null, " + value + ")",
        TypeKind.Double => "new(" + tag + ", null, global::System.BitConverter.DoubleToInt64Bits(" + value + "))",
        TypeKind.Enum => "Enum" + tag + "(" + value + ")",
        _ => "new(" + tag + ", " + value + ", 0L)",
    };

    private static void EmitUnknown(SourceWriter w)
    {
        w.Line();
        w.Line("/// <summary>Whether the value matched no branch: it is kept as JSON and written back unchanged (a newer server may send values this schema does not know).</summary>");
        w.Line($"public bool IsUnknown => _branch == {Unknown};");
        w.Line();
        w.Line("/// <summary>Gets the JSON of a value that matched no branch.</summary>");
        w.Open($"public bool TryGetUnknown(out {JsonElement} value)");
        w.Open($"if (_branch == {Unknown})");
        w.Line($"value = ({JsonElement})_object!;");
        w.Line("return true;");
        w.Close();
        w.Line();
        w.Line("value = default;");
        w.Line("return false;");
        w.Close();
        w.Line();
        w.Line("private static global::System.InvalidOperationException Other(string branch) =>");
        w.Line("    new global::System.InvalidOperationException(\"The value is not of the \" + branch + \" branch; check Is\" + branch + \" or call TryGet\" + branch + \".\");");
        w.Line();
        w.Line("private static global::System.InvalidOperationException NoValue() =>");
        w.Line("    new global::System.InvalidOperationException(\"The union holds no value: it is default; make one with a From… method or a conversion.\");");
    }

    /// <summary>
    /// The property that gives the held value as an object, for C#'s own pattern matching: <c>Value</c>, or
    /// <c>BranchValue</c> in a union itself named <c>Value</c> (a member cannot have its type's name).
    /// </summary>
    internal static string ValueProperty(UnionModel union) => union.Name == "Value" ? "BranchValue" : "Value";

    private static void EmitValue(SourceWriter w, TypeSyntax types, UnionModel union)
    {
        string name = ValueProperty(union);
        UnionBranchModel first = union.Branches[0];
        w.Line();
        w.Line("/// <summary>");
        w.Line($"/// The value of the branch it holds, as an object, for C#'s own pattern matching: <c>{SourceWriter.Escape("x." + name + " switch { " + Plain(types.Type(first.Type)) + " v => …, … }")}</c>");
        w.Line("/// (a number, a boolean or an enum boxed; a value that matched no branch is its <see cref=\"global::System.Text.Json.JsonElement\"/>);");
        w.Line("/// null for <c>default</c>, which holds nothing.");
        w.Line("/// </summary>");
        w.Line($"public object? {name} => _branch switch");
        w.Line("{");
        for (int i = 0; i < union.Branches.Count; i++)
        {
            w.Line($"    {Tag(i)} => {Load(types, union.Branches[i].Type, Tag(i))},");
        }

        w.Line($"    {Unknown} => _object,");
        w.Line("    _ => null,");
        w.Line("};");
    }

    private static void EmitMatch(SourceWriter w, TypeSyntax types, UnionModel union)
    {
        List<(UnionBranchModel Branch, string Parameter)> parameters = union.Branches.Select(b => (b, ParameterName(b.Name))).ToList();
        w.Line();
        w.Line("/// <summary>Calls the function of the branch the value is of, and returns what it returns.</summary>");
        w.Line("/// <exception cref=\"global::System.ArgumentNullException\">A function is null.</exception>");
        w.Line("/// <exception cref=\"global::System.InvalidOperationException\">The value is <c>default</c>: it holds nothing.</exception>");
        w.Open($"public TResult Match<TResult>({string.Join(", ", parameters.Select(p => "global::System.Func<" + types.Type(p.Branch.Type) + ", TResult> " + p.Parameter))}, global::System.Func<{JsonElement}, TResult> unknown)");
        foreach ((UnionBranchModel _, string parameter) in parameters)
        {
            w.Line($"_ = {parameter} ?? throw new global::System.ArgumentNullException(nameof({parameter}));");
        }

        w.Line("_ = unknown ?? throw new global::System.ArgumentNullException(nameof(unknown));");
        w.Open("switch (_branch)");
        for (int i = 0; i < parameters.Count; i++)
        {
            w.Line($"case {Tag(i)}: return {parameters[i].Parameter}({Load(types, parameters[i].Branch.Type, Tag(i))});");
        }

        w.Line($"case {Unknown}: return unknown(({JsonElement})_object!);");
        w.Line("default: throw NoValue();");
        w.Close();
        w.Close();
        w.Line();
        w.Line("/// <summary>Calls the action of the branch the value is of; a value no branch matched goes to <paramref name=\"unknown\"/>, when given.</summary>");
        w.Line("/// <exception cref=\"global::System.ArgumentNullException\">An action other than <paramref name=\"unknown\"/> is null.</exception>");
        w.Line("/// <exception cref=\"global::System.InvalidOperationException\">The value is <c>default</c>: it holds nothing.</exception>");
        w.Open($"public void Switch({string.Join(", ", parameters.Select(p => "global::System.Action<" + types.Type(p.Branch.Type) + "> " + p.Parameter))}, global::System.Action<{JsonElement}>? unknown = null)");
        foreach ((UnionBranchModel _, string parameter) in parameters)
        {
            w.Line($"_ = {parameter} ?? throw new global::System.ArgumentNullException(nameof({parameter}));");
        }

        w.Open("switch (_branch)");
        for (int i = 0; i < parameters.Count; i++)
        {
            w.Line($"case {Tag(i)}: {parameters[i].Parameter}({Load(types, parameters[i].Branch.Type, Tag(i))}); break;");
        }

        w.Line($"case {Unknown}: unknown?.Invoke(({JsonElement})_object!); break;");
        w.Line("default: throw NoValue();");
        w.Close();
        w.Close();
    }

    /// <summary>An enum branch is kept as its member in <c>_scalar</c>, or its unknown wire value in <c>_object</c>: these store and load it.</summary>
    private static void EmitEnumStorage(SourceWriter w, TypeSyntax types, UnionModel union)
    {
        foreach ((UnionBranchModel branch, int index) in union.Branches.Select((b, i) => (b, i)).Where(p => p.b.Type.Kind == TypeKind.Enum))
        {
            string open = types.Type(branch.Type);
            w.Line();
            w.Line($"private static {union.Name} Enum{Tag(index)}({open} value) =>");
            w.Line($"    value.TryGetValue(out {types.Qualified(branch.Type)} member) ? new({Tag(index)}, null, (long)member) : new({Tag(index)}, value.WireValue, 0L);");
            w.Line();
            w.Line($"private {open} EnumValue{Tag(index)}() =>");
            w.Line($"    _object is string unknown ? {open}.FromUnknownWireValue(unknown) : new {open}(({types.Qualified(branch.Type)})_scalar);");
        }
    }

    /// <summary>A camelCase parameter name, escaped with <c>@</c> where it is a keyword (<c>@string</c>).</summary>
    private static string ParameterName(string branchName)
    {
        string name = Identifiers.ToCamelCase(branchName);
        return Identifiers.IsKeyword(name) || name == "unknown" ? "@" + name : name;
    }

    private static void EmitEquality(SourceWriter w, TypeSyntax types, UnionModel union)
    {
        string name = union.Name;
        w.Line();
        w.Line("/// <summary>Whether <paramref name=\"other\"/> is of the same branch with an equal value (lists, maps and JSON compared by content).</summary>");
        w.Open($"public bool Equals({name} other)");
        w.Open("if (_branch != other._branch)");
        w.Line("return false;");
        w.Close();
        w.Line();
        w.Open("switch (_branch)");
        for (int i = 0; i < union.Branches.Count; i++)
        {
            TypeRef type = union.Branches[i].Type;
            string left = Load(types, type, Tag(i));
            w.Line($"case {Tag(i)}: return {types.EqualsCall(type, left, "other.As" + union.Branches[i].Name)};");
        }

        w.Line($"case {Unknown}: return {TypeSyntax.Equality}.Equal(({JsonElement})_object!, ({JsonElement})other._object!);");
        w.Line("default: return true;");
        w.Close();
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        w.Line();
        w.Line($"/// <summary>A hash code consistent with <see cref=\"Equals({name})\"/>.</summary>");
        w.Open("public override int GetHashCode()");
        w.Open("int value = _branch switch");
        for (int i = 0; i < union.Branches.Count; i++)
        {
            w.Line($"{Tag(i)} => {TypeSyntax.HashCall(union.Branches[i].Type, "As" + union.Branches[i].Name)},");
        }

        w.Line($"{Unknown} => {TypeSyntax.Equality}.Hash(({JsonElement})_object!),");
        w.Line("_ => 0,");
        w.Close(";");
        w.Line("return unchecked((_branch * 397) ^ value);");
        w.Close();
        w.Line();
        w.Line("#pragma warning disable CS1591 // the operators' meaning is the Equals they call");
        w.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        w.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        w.Line("#pragma warning restore CS1591");
    }

    private static void EmitToString(SourceWriter w, TypeSyntax types, UnionModel union)
    {
        w.Line();
        w.Line("/// <summary>The branch and its value, for logs and the debugger: <c>String: text</c>, <c>Array (3 items)</c>, <c>Unknown: {\"a\":1}</c>.</summary>");
        w.Open("public override string ToString()");
        w.Open("switch (_branch)");
        for (int i = 0; i < union.Branches.Count; i++)
        {
            UnionBranchModel branch = union.Branches[i];
            string value = "As" + branch.Name;
            string text = branch.Type.Kind switch
            {
                TypeKind.List => "\"" + branch.Name + " (\" + " + value + ".Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" items)\"",
                TypeKind.Map => "\"" + branch.Name + " (\" + " + value + ".Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" entries)\"",
                TypeKind.Boolean => "\"" + branch.Name + ": \" + (" + value + " ? \"true\" : \"false\")",
                TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double => "\"" + branch.Name + ": \" + " + value + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
                TypeKind.Any => "\"" + branch.Name + ": \" + " + value + ".GetRawText()",
                _ => "\"" + branch.Name + ": \" + " + value + ".ToString()",
            };
            w.Line($"case {Tag(i)}: return {text};");
        }

        w.Line($"case {Unknown}: return \"Unknown: \" + (({JsonElement})_object!).GetRawText();");
        w.Line("default: return \"(no value)\";");
        w.Close();
        w.Close();
    }

    private static void EmitReader(SourceWriter w, TypeSyntax types, UnionModel union, string self, bool jsonModel, Dictionary<int, int>? first)
    {
        w.Line();
        RecordEmitter.EmitJsonModel(w, self, jsonModel);
        w.Line("/// <summary>Reads one value: the branch is chosen once, by the token and, for objects, the properties; a value no branch reads is kept as JSON.</summary>");
        w.Open($"internal static {self} ReadJson(ref {TypeSyntax.Reader} reader, {TypeSyntax.Options} options)");
        EmitScalarFastPath(w, union);
        w.Line($"{TypeSyntax.Reader} start = reader;");
        w.Open("try");
        w.Open("switch (reader.TokenType)");
        EmitStringCase(w, types, union);
        EmitNumberCase(w, types, union);
        EmitSimpleCase(w, types, union, ValueKinds.Boolean, JsonTokenType + ".True", JsonTokenType + ".False");
        EmitArrayCase(w, types, union);
        EmitObjectCase(w, types, union, first);
        w.Close();
        w.Close();
        w.Open("catch (global::System.Text.Json.JsonException)");
        w.Line("// The branch the token chose does not read this value: it matches no branch, and is kept as it is.");
        w.Line("reader = start;");
        w.Close();
        w.Line();
        w.Line($"return new({Unknown}, {JsonElement}.ParseValue(ref reader), 0L);");
        w.Close();

        List<int> records = ObjectRecords(union);
        if (first is not null)
        {
            EmitFirstChooser(w, union);
        }

        if (records.Count >= 2)
        {
            EmitObjectChooser(w, union);
        }
        else if (records.Count == 1 && Candidates(union, ValueKinds.Object).Count > 1)
        {
            UnionBranchModel branch = union.Branches[records[0]];
            w.Line();
            w.Line($"private static readonly string[] __required = {{ {string.Join(", ", branch.Required.Select(SourceWriter.Literal))} }};");
            w.Line($"private static readonly string[]? __allowed = {(branch.IsClosed ? "new[] { " + string.Join(", ", branch.Properties.Select(SourceWriter.Literal)) + " }" : "null")};");
        }
    }

    /// <summary>
    /// Scalars whose branch reads them without fail (a string, a boolean, a number that fits the branch's type) are read
    /// before the reader is copied for the fallback: the copy and the try are for branches that may refuse the value.
    /// What the fast path does not take goes on to the general path, which chooses the same branch.
    /// </summary>
    private static void EmitScalarFastPath(SourceWriter w, UnionModel union)
    {
        var cases = new List<(string Tokens, List<string> Body)>();
        if (Candidates(union, ValueKinds.String) is { Count: > 0 } strings && union.Branches[strings[0]].Type.Kind == TypeKind.String)
        {
            cases.Add(("case " + JsonTokenType + ".String:", new List<string> { "return " + Store(union.Branches[strings[0]].Type, Tag(strings[0]), "reader.GetString()!") + ";" }));
        }

        if (Candidates(union, ValueKinds.Boolean) is { Count: > 0 } booleans && union.Branches[booleans[0]].Type.Kind == TypeKind.Boolean)
        {
            cases.Add(("case " + JsonTokenType + ".True:\ncase " + JsonTokenType + ".False:", new List<string> { "return " + Store(union.Branches[booleans[0]].Type, Tag(booleans[0]), "reader.TokenType == " + JsonTokenType + ".True") + ";" }));
        }

        List<int> any = Candidates(union, ValueKinds.Number);
        List<int> integers = Candidates(union, ValueKinds.Integer).Where(i => (union.Branches[i].Kinds & ValueKinds.Number) == 0).ToList();
        var number = new List<string>();
        bool integersTaken = integers.Count == 0;
        if (integers.Count > 0 && union.Branches[integers[0]].Type.Kind is TypeKind.Int32 or TypeKind.Int64)
        {
            TypeRef type = union.Branches[integers[0]].Type;
            string clr = type.Kind == TypeKind.Int32 ? "int" : "long";
            number.Add("if (reader.TryGet" + (type.Kind == TypeKind.Int32 ? "Int32" : "Int64") + "(out " + clr + " whole))");
            number.Add("{");
            number.Add("    return " + Store(type, Tag(integers[0]), "whole") + ";");
            number.Add("}");
            number.Add("");
            integersTaken = true;
        }

        if (integersTaken && any.Count > 0 && union.Branches[any[0]].Type.Kind == TypeKind.Double)
        {
            number.Add("if (reader.TryGetDouble(out double number))");
            number.Add("{");
            number.Add("    return " + Store(union.Branches[any[0]].Type, Tag(any[0]), "number") + ";");
            number.Add("}");
            number.Add("");
        }

        if (integersTaken && number.Count > 0)
        {
            number.Add("break;");
            cases.Add(("case " + JsonTokenType + ".Number:", number));
        }

        if (cases.Count == 0)
        {
            return;
        }

        w.Open("switch (reader.TokenType)");
        foreach ((string tokens, List<string> body) in cases)
        {
            foreach (string token in tokens.Split('\n'))
            {
                w.Line(token);
            }

            foreach (string line in body)
            {
                w.Line(line.Length == 0 ? string.Empty : "    " + line);
            }
        }

        w.Close();
        w.Line();
    }

    /// <summary>The branches that take a token of <paramref name="kind"/>: typed ones in schema order, then those that take any JSON.</summary>
    private static List<int> Candidates(UnionModel union, ValueKinds kind)
    {
        var typed = new List<int>();
        var loose = new List<int>();
        for (int i = 0; i < union.Branches.Count; i++)
        {
            UnionBranchModel branch = union.Branches[i];
            if ((branch.Kinds & kind) == 0)
            {
                continue;
            }

            (branch.Type.Kind is TypeKind.Any or TypeKind.Union || branch.Kinds == ValueKinds.Any ? loose : typed).Add(i);
        }

        typed.AddRange(loose);
        return typed;
    }

    private static string ReadInto(TypeSyntax types, UnionModel union, int index) =>
        "return " + Store(union.Branches[index].Type, Tag(index), types.ReadCall(union.Branches[index].Type)) + ";";

    private static void EmitSimpleCase(SourceWriter w, TypeSyntax types, UnionModel union, ValueKinds kind, params string[] tokens)
    {
        List<int> candidates = Candidates(union, kind);
        if (candidates.Count == 0)
        {
            return;
        }

        foreach (string token in tokens)
        {
            w.Line($"case {token}:");
        }

        w.Line($"    {ReadInto(types, union, candidates[0])}");
    }

    private static void EmitStringCase(SourceWriter w, TypeSyntax types, UnionModel union) =>
        EmitSimpleCase(w, types, union, ValueKinds.String, JsonTokenType + ".String");

    private static void EmitNumberCase(SourceWriter w, TypeSyntax types, UnionModel union)
    {
        List<int> any = Candidates(union, ValueKinds.Number);
        List<int> integers = Candidates(union, ValueKinds.Integer).Where(i => (union.Branches[i].Kinds & ValueKinds.Number) == 0).ToList();
        if (any.Count == 0 && integers.Count == 0)
        {
            return;
        }

        w.Line($"case {JsonTokenType}.Number:");
        w.Block();
        if (integers.Count > 0)
        {
            string test = union.Branches[integers[0]].Type.Kind == TypeKind.Int32 ? "reader.TryGetInt32(out _)" : "reader.TryGetInt64(out _)";
            w.Open($"if ({test})");
            w.Line(ReadInto(types, union, integers[0]));
            w.Close();
            w.Line();
        }

        w.Line(any.Count > 0 ? ReadInto(types, union, any[0]) : "break;");
        w.Close();
    }

    private static void EmitArrayCase(SourceWriter w, TypeSyntax types, UnionModel union)
    {
        List<int> candidates = Candidates(union, ValueKinds.Array);
        if (candidates.Count == 0)
        {
            return;
        }

        w.Line($"case {JsonTokenType}.StartArray:");
        w.Block();
        List<int> lists = candidates.Where(i => union.Branches[i].Type.Kind == TypeKind.List).ToList();
        // Arrays of different items: the first item's token decides (an empty array is the first branch's), going to the
        // first list whose items can start with it. Where that is the first list for every token, there is no peek.
        var byFirstToken = new List<(string[] Tokens, int List)>();
        if (lists.Count >= 2)
        {
            foreach ((ValueKinds kind, string[] tokens) in TokenKinds)
            {
                int list = lists.Where(i => (union.Branches[i].ItemKinds & kind) != 0).DefaultIfEmpty(lists[0]).First();
                if (list != lists[0])
                {
                    byFirstToken.Add((tokens, list));
                }
            }
        }

        if (byFirstToken.Count > 0)
        {
            w.Line($"{TypeSyntax.Reader} first = reader;");
            w.Line("first.Read();");
            w.Open("switch (first.TokenType)");
            foreach ((string[] tokens, int list) in byFirstToken)
            {
                foreach (string token in tokens)
                {
                    w.Line($"case {JsonTokenType}.{token}:");
                }

                w.Line($"    {ReadInto(types, union, list)}");
            }

            w.Close();
            w.Line();
        }

        w.Line(ReadInto(types, union, candidates[0]));
        w.Close();
    }

    private static readonly (ValueKinds Kind, string[] Tokens)[] TokenKinds =
    {
        (ValueKinds.String, new[] { "String" }),
        (ValueKinds.Number | ValueKinds.Integer, new[] { "Number" }),
        (ValueKinds.Boolean, new[] { "True", "False" }),
        (ValueKinds.Object, new[] { "StartObject" }),
        (ValueKinds.Array, new[] { "StartArray" }),
    };

    /// <summary>The object branches that are records, which the look-ahead tells apart.</summary>
    private static List<int> ObjectRecords(UnionModel union) =>
        Candidates(union, ValueKinds.Object).Where(i => union.Branches[i].Type.Kind == TypeKind.Record).ToList();

    private static void EmitObjectCase(SourceWriter w, TypeSyntax types, UnionModel union, Dictionary<int, int>? first)
    {
        List<int> candidates = Candidates(union, ValueKinds.Object);
        if (candidates.Count == 0)
        {
            return;
        }

        w.Line($"case {JsonTokenType}.StartObject:");
        w.Block();
        List<int> records = ObjectRecords(union);
        List<int> others = candidates.Where(i => !records.Contains(i)).ToList();
        if (records.Count >= 2 || (records.Count == 1 && others.Count > 0))
        {
            if (first is not null)
            {
                // The discriminator first (what writers put first): its value chooses, and the branch reads on from it.
                w.Open("switch (__ChooseFirst(ref reader))");
                foreach (int record in records)
                {
                    w.Line($"case {record}: return {Store(union.Branches[record].Type, Tag(record), types.Qualified(union.Branches[record].Type.Name!) + ".__ReadFrom(ref reader, options, " + first[record] + ")")};");
                }

                w.Close();
                w.Line();
                w.Line("// Elsewhere, or not a known value: the reader goes back to the object's start and reads ahead on a copy.");
                w.Line("reader = start;");
            }

            if (records.Count >= 2)
            {
                w.Open("switch (__ChooseObject(reader))");
                foreach (int record in records)
                {
                    w.Line($"case {record}: {ReadInto(types, union, record)}");
                }

                w.Close();
            }
            else
            {
                // One record beside a map or any value: the record when the object has what the record requires.
                w.Open($"if ({TypeSyntax.JsonRead}.HasProperties(reader, __required, __allowed))");
                w.Line(ReadInto(types, union, records[0]));
                w.Close();
            }

            w.Line();
            w.Line(others.Count > 0 ? ReadInto(types, union, others[0]) : "break;");
        }
        else
        {
            w.Line(ReadInto(types, union, candidates[0]));
        }

        w.Close();
    }

    /// <summary>
    /// For a union whose discriminator alone tells its record branches apart, and whose every record branch (generated from
    /// this schema) declares it: branch → the index of the discriminator among that record's properties, so that
    /// <c>__ChooseFirst</c> can hand the record its value. Null otherwise. Found once per schema, by <see cref="SchemaIndex"/>.
    /// </summary>
    internal static Dictionary<int, int>? DiscriminatorFirst(SchemaIndex schema, UnionModel union)
    {
        List<int> records = ObjectRecords(union);
        if (union.Discriminator is not { } discriminator || records.Count < 2 || records.Any(i => union.Branches[i].DiscriminatorValues.Count == 0))
        {
            return null;
        }

        var first = new Dictionary<int, int>();
        foreach (int i in records)
        {
            TypeRef type = union.Branches[i].Type;
            RecordModel? record = schema.Record(type);
            int property = record is null ? -1 : record.Properties.Select(p => p.JsonName).ToList().IndexOf(discriminator);
            if (property < 0)
            {
                return null;
            }

            first[i] = property;
        }

        return first;
    }

    /// <summary>
    /// The discriminator's values and the record branch each selects (the first branch to name a value keeps it), in the
    /// order <c>__MatchTag</c> numbers them: <c>__ChooseFirst</c> and <c>__ChooseObject</c> both map its numbers through
    /// this list. Empty when the union has no discriminator.
    /// </summary>
    private static List<(string Value, int Branch)> Tags(UnionModel union, List<int> records) =>
        union.Discriminator is null
            ? new List<(string, int)>()
            : records.SelectMany(i => union.Branches[i].DiscriminatorValues.Select(v => (v, i))).GroupBy(t => t.v).Select(g => g.First()).ToList();

    /// <summary>
    /// <c>__ChooseFirst</c>: on the caller's reader, whether the object's first property is the discriminator with a value
    /// that names a branch: that branch, the reader left on the value; else -1, the reader moved (the caller resets it).
    /// </summary>
    private static void EmitFirstChooser(SourceWriter w, UnionModel union)
    {
        List<int> records = ObjectRecords(union);
        List<(string Value, int Branch)> tags = Tags(union, records);
        w.Line();
        w.Line("/// <summary>The record branch an object whose first property is the discriminator is, the reader left on its value; -1 otherwise, the reader moved.</summary>");
        w.Open($"private static int __ChooseFirst(ref {TypeSyntax.Reader} reader)");
        w.Open($"if (!reader.Read() || reader.TokenType != {JsonTokenType}.PropertyName || !reader.ValueTextEquals({(w.Features.Utf8Literals ? SourceWriter.Literal(union.Discriminator!) + "u8" : "__Discriminator")}) || !reader.Read() || reader.TokenType != {JsonTokenType}.String)");
        w.Line("return -1;");
        w.Close();
        w.Line();
        w.Line("return __MatchTag(ref reader) switch");
        w.Line("{");
        for (int t = 0; t < tags.Count; t++)
        {
            w.Line($"    {t} => {tags[t].Branch},");
        }

        w.Line("    _ => -1,");
        w.Line("};");
        w.Close();
    }

    /// <summary>
    /// <c>__ChooseObject</c>: reads ahead over a copy of the reader (the caller's does not move) and returns the index of
    /// the record branch the object is: by the discriminator's value when the union has one, else the branch whose
    /// required properties are all present (and, when it is closed, no other) and that knows the most of them; -1 for none.
    /// </summary>
    private static void EmitObjectChooser(SourceWriter w, UnionModel union)
    {
        List<int> records = ObjectRecords(union);
        List<string> names = records.SelectMany(i => union.Branches[i].Properties).Distinct().ToList();
        if (union.Discriminator is { } discriminator && !names.Contains(discriminator))
        {
            names.Add(discriminator);
        }

        var index = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i);
        List<(string Value, int Branch)> tags = Tags(union, records);

        // Branches the discriminator does not name are told apart by their properties.
        List<int> scored = records.Where(i => tags.Count == 0 || union.Branches[i].DiscriminatorValues.Count == 0).ToList();
        w.Line();
        w.Line("/// <summary>The record branch an object is, read ahead on a copy of the reader; -1 when none matches.</summary>");
        w.Open($"private static int __ChooseObject({TypeSyntax.Reader} reader)");
        if (scored.Count == 0)
        {
            // The discriminator alone decides: stop at it.
            w.Open($"while (reader.Read() && reader.TokenType == {JsonTokenType}.PropertyName)");
            w.Line($"bool isTag = reader.ValueTextEquals({(w.Features.Utf8Literals ? SourceWriter.Literal(union.Discriminator!) + "u8" : "__Discriminator")});");
            w.Open("if (!reader.Read())");
            w.Line("return -1;");
            w.Close();
            w.Line();
            w.Open("if (isTag)");
            w.Line($"return reader.TokenType == {JsonTokenType}.String ? __MatchTag(ref reader) switch");
            w.Line("{");
            for (int t = 0; t < tags.Count; t++)
            {
                w.Line($"    {t} => {tags[t].Branch},");
            }

            w.Line("    _ => -1,");
            w.Line("} : -1;");
            w.Close();
            w.Line();
            w.Open("if (!reader.TrySkip())");
            w.Line("return -1;");
            w.Close();
            w.Close();
            w.Line();
            w.Line("return -1;");
            w.Close();
            w.Line();
            Utf8Matcher.EmitMethod(w, "__MatchTag", tags.Select(t => t.Value).ToList());
            if (!w.Features.Utf8Literals)
            {
                w.Line(Utf8Matcher.BytesProperty("__Discriminator", union.Discriminator!));
            }

            return;
        }

        w.Line(names.Count <= 256 ? "global::System.Span<bool> seen = stackalloc bool[" + names.Count + "];" : "bool[] seen = new bool[" + names.Count + "];");
        w.Line("int others = 0;");
        if (tags.Count > 0)
        {
            w.Line("int tag = -1;");
        }

        w.Open($"while (reader.Read() && reader.TokenType == {JsonTokenType}.PropertyName)");
        w.Line("int name = __MatchName(ref reader);");
        w.Open("if (!reader.Read())");
        w.Line("return -1;");
        w.Close();
        w.Line();
        w.Open("if (name < 0)");
        w.Line("others++;");
        w.Close();
        w.Open("else");
        w.Line("seen[name] = true;");
        if (tags.Count > 0)
        {
            w.Open($"if (name == {index[union.Discriminator!]} && reader.TokenType == {JsonTokenType}.String)");
            w.Line("tag = __MatchTag(ref reader);");
            w.Close();
        }

        w.Close();
        w.Line();
        w.Open("if (!reader.TrySkip())");
        w.Line("return -1;");
        w.Close();
        w.Close();
        w.Line();
        if (tags.Count > 0)
        {
            w.Open("switch (tag)");
            for (int t = 0; t < tags.Count; t++)
            {
                w.Line($"case {t}: return {tags[t].Branch};");
            }

            w.Close();
            w.Line();
        }

        // Without a discriminator (or for the branches it does not name): required properties decide, then the most known.
        {
            w.Line("int best = -1;");
            w.Line("int bestScore = -1;");
            foreach (int record in scored)
            {
                UnionBranchModel branch = union.Branches[record];
                var conditions = branch.Required.Select(r => "seen[" + index[r] + "]").ToList();
                if (branch.IsClosed)
                {
                    conditions.Add("others == 0");
                    conditions.AddRange(names.Where(n => !branch.Properties.Contains(n)).Select(n => "!seen[" + index[n] + "]"));
                }

                string score = branch.Properties.Count == 0 ? "0" : string.Join(" + ", branch.Properties.Select(p => "(seen[" + index[p] + "] ? 1 : 0)"));
                if (conditions.Count == 0)
                {
                    w.Block();
                }
                else
                {
                    w.Open($"if ({string.Join(" && ", conditions)})");
                }

                w.Line($"int score = {score};");
                w.Open("if (score > bestScore)");
                w.Line($"best = {record};");
                w.Line("bestScore = score;");
                w.Close();
                w.Close();
            }

            w.Line();
            w.Line("return best;");
        }

        w.Close();
        w.Line();
        Utf8Matcher.EmitMethod(w, "__MatchName", names);
        if (tags.Count > 0)
        {
            w.Line();
            Utf8Matcher.EmitMethod(w, "__MatchTag", tags.Select(t => t.Value).ToList());
        }
    }

    private static void EmitWriter(SourceWriter w, TypeSyntax types, UnionModel union, string self)
    {
        w.Line();
        w.Line("/// <summary>Writes the value in the form it was read or made: its branch's JSON, or the JSON kept for a value no branch matched.</summary>");
        w.Open($"internal static void WriteJson({TypeSyntax.Writer} writer, {self} value, {TypeSyntax.Options} options)");
        w.Open("switch (value._branch)");
        for (int i = 0; i < union.Branches.Count; i++)
        {
            w.Line($"case {Tag(i)}:");
            w.Line($"    {types.WriteCall(union.Branches[i].Type, "value.As" + union.Branches[i].Name)}");
            w.Line("    break;");
        }

        w.Line($"case {Unknown}:");
        w.Line($"    (({JsonElement})value._object!).WriteTo(writer);");
        w.Line("    break;");
        w.Line("default:");
        w.Line($"    throw new global::System.Text.Json.JsonException({SourceWriter.Quote("The " + union.Name + " holds no value (it is default); give it one of its branches.")});");
        w.Close();
        w.Close();
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? text : text.Substring(0, end);
    }
}

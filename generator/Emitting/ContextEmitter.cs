using System.Collections.Generic;
using Scenario.Generators.Model;

namespace Scenario.Generators.Emitting;

/// <summary>
/// The schema's <c>JsonSerializerContext</c>: a <c>JsonTypeInfo&lt;T&gt;</c> for every record, enum and collection type the
/// records use, built with <c>JsonMetadataServices.CreateValueInfo</c> over the generated readers and writers.
/// </summary>
internal static class ContextEmitter
{
    private static readonly HashSet<string> ReservedMembers = new()
    {
        "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "Equals", "GetHashCode", "ToString", "GetType",
        "MemberwiseClone", "Finalize", "ReferenceEquals", "Create", "Checked", "SchemaDocument", "Schemas", "Validating",
    };

    public static string Emit(SchemaIndex index, LanguageFeatures features)
    {
        SchemaModel schema = index.Schema;
        bool jsonModel = features.JsonModel;
        var types = new TypeSyntax(schema.Namespace);
        string context = schema.ContextName;
        string visibility = schema.IsPublic ? "public" : "internal";
        // About 1,500 characters a type (its JsonTypeInfo property and cases): at thousands of types, a buffer grown by
        // doubling copies megabytes.
        var w = new SourceWriter(features, 16 * 1024 + (1536 * (schema.Records.Count + schema.Enums.Count + schema.Unions.Count)));
        w.Line(SourceWriter.Header.TrimEnd('\n'));
        w.Line();
        w.Open($"namespace {schema.Namespace}");
        w.Line("/// <summary>");
        w.Line($"/// Metadata for serializing the types of <c>{SourceWriter.Escape(schema.FileName)}</c> with <see cref=\"global::System.Text.Json.JsonSerializer\"/>,");
        w.Line($"/// without reflection: <c>JsonSerializer.Deserialize(json, {context}.Default.{(schema.RootName is { } root && (schema.RootType?.Kind != TypeKind.Any || schema.Records.Count == 0) ? root : schema.Records.Count > 0 ? schema.Records[0].Name : "Type")})</c>.");
        w.Line("/// </summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"{visibility} sealed partial class {context} : global::System.Text.Json.Serialization.JsonSerializerContext, global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver");
        w.Line($"private static readonly {TypeSyntax.Options} s_generatedOptions = new {TypeSyntax.Options}();");
        w.Line();
        w.Line("/// <summary>The context with default options.</summary>");
        w.Line($"public static {context} Default {{ get; }} = new {context}(new {TypeSyntax.Options}(s_generatedOptions));");
        w.Line();
        w.Line("/// <summary>Creates a context with default options.</summary>");
        w.Line($"public {context}() : base(null)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line("/// <summary>Creates a context bound to <paramref name=\"options\"/>.</summary>");
        w.Line($"public {context}({TypeSyntax.Options} options) : base(options)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"protected override {TypeSyntax.Options}? GeneratedSerializerOptions => s_generatedOptions;");
        ValidationEmitter.EmitContextMembers(w, schema);

        Entries entries = index.Context;
        string? rootProperty = entries.RootProperty;
        Dictionary<string, string> pointers = ValidationEmitter.Pointers(schema);

        // In the Validating context the root's name checks a whole document against the document's root schema, unless
        // the root's type is the root schema's own (then its converter already does).
        string? ownRoot = schema.Validation is not null && schema.RootName is not null && schema.RootType is { } rootTypeRef
            && !(PointerOf(schema, pointers, rootTypeRef) == string.Empty)
            ? types.Type(rootTypeRef) + (entries.NullableRoot ? "?" : string.Empty)
            : null;
        foreach ((TypeRef type, string property) in entries.All)
        {
            string csType = types.Type(type);
            w.Line();
            w.Line($"private global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{csType}>? _{property};");
            w.Line();
            w.Line($"/// <summary>Metadata of <c>{SourceWriter.Escape(csType.Replace("global::", string.Empty))}</c>.</summary>");
            string validatingRoot = ownRoot is not null && property == schema.RootName && !entries.NullableRoot ? "_validating ? __ValidatingRoot() : " : string.Empty;
            w.Line($"public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{csType}> {property} => {(validatingRoot.Length > 0 ? validatingRoot + "(" : string.Empty)}_{property} ??= (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{csType}>)Options.GetTypeInfo(typeof({csType})){(validatingRoot.Length > 0 ? ")" : string.Empty)};");
        }

        if (entries.NullableRoot)
        {
            string csType = types.Type(schema.RootType!) + "?";
            w.Line();
            w.Line($"private global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{csType}>? _{schema.RootName};");
            w.Line();
            w.Line($"/// <summary>Metadata of a whole <c>{SourceWriter.Escape(schema.FileName)}</c> document, which may be <c>null</c>: <c>{SourceWriter.Escape(csType.Replace("global::", string.Empty))}</c>.</summary>");
            w.Line($"public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{csType}> {schema.RootName} => {(ownRoot is not null ? "_validating ? __ValidatingRoot() : (" : string.Empty)}_{schema.RootName} ??= (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{csType}>)Options.GetTypeInfo(typeof({csType})){(ownRoot is not null ? ")" : string.Empty)};");
        }
        else if (schema.RootName is { } rootName && rootProperty is not null && rootName != rootProperty)
        {
            string csType = types.Type(schema.RootType!);
            w.Line();
            w.Line($"/// <summary>Metadata of a whole <c>{SourceWriter.Escape(schema.FileName)}</c> document: <c>{SourceWriter.Escape(csType.Replace("global::", string.Empty))}</c>.</summary>");
            w.Line($"public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{csType}> {rootName} => {(ownRoot is not null ? "_validating ? __ValidatingRoot() : " : string.Empty)}{rootProperty};");
        }

        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open("public override global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type)");
        w.Line("Options.TryGetTypeInfo(type, out global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? typeInfo);");
        w.Line("return typeInfo;");
        w.Close();
        w.Line();
        w.Open($"global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, {TypeSyntax.Options} options)");
        foreach ((TypeRef type, string _) in entries.All)
        {
            string csType = types.Type(type);
            w.Open($"if (type == typeof({csType}))");
            w.Line($"return Create(options, {ValidationEmitter.Checked(schema, Converter(types, type, jsonModel), PointerOf(schema, pointers, type))});");
            w.Close();
            w.Line();
        }

        if (entries.NullableRoot)
        {
            string csType = types.Type(schema.RootType!);
            w.Open($"if (type == typeof({csType}?))");
            w.Line($"return Create(options, global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.GetNullableConverter<{csType}>((global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{csType}>)options.GetTypeInfo(typeof({csType}))));");
            w.Close();
            w.Line();
        }

        w.Line("return null;");
        w.Close();
        w.Line();
        w.Open($"private global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> Create<T>({TypeSyntax.Options} options, global::System.Text.Json.Serialization.JsonConverter<T> converter)");
        w.Line("global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo = global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<T>(options, converter);");
        w.Line("typeInfo.OriginatingResolver = this;");
        w.Line("return typeInfo;");
        w.Close();
        string? ownRootConverter = ownRoot is null
            ? null
            : entries.NullableRoot
                ? $"global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.GetNullableConverter<{types.Type(schema.RootType!)}>(Create(Options, {Converter(types, schema.RootType!, jsonModel)}))"
                : Converter(types, schema.RootType!, jsonModel);
        ValidationEmitter.EmitContextHelpers(w, schema, ownRoot, ownRootConverter);
        w.Close();
        w.Close();
        return w.Finish();
    }

    /// <summary>The context's entries: every record, enum and union, the collections they use, the root's type and what the client reads.</summary>
    public static Entries EntriesOf(SchemaModel schema)
    {
        var entries = new Entries();
        foreach (RecordModel record in schema.Records)
        {
            Add(entries, record.IsTuple ? TypeRef.Tuple(record.Name, schema.Namespace) : TypeRef.Record(record.Name, schema.Namespace));
        }

        foreach (EnumModel model in schema.Enums)
        {
            Add(entries, TypeRef.Enum(model.Name, schema.Namespace));
        }

        foreach (UnionModel union in schema.Unions)
        {
            Add(entries, TypeRef.Union(union.Name, schema.Namespace));
        }

        foreach (RecordModel record in schema.Records)
        {
            foreach (PropertyModel property in record.Properties)
            {
                AddCollections(entries, property.Type);
            }

            foreach (MapPropertyModel map in record.Maps)
            {
                AddCollections(entries, map.Type);
            }
        }

        foreach (UnionModel union in schema.Unions)
        {
            foreach (UnionBranchModel branch in union.Branches)
            {
                AddCollections(entries, branch.Type);
            }
        }

        if (schema.RootType is { } root)
        {
            AddCollections(entries, root);
            entries.RootProperty = Add(entries, root);
            if (schema.RootAllowsNull && root.IsValueType && root.Kind != TypeKind.Any && schema.RootName is { } rootName)
            {
                // A document that may be null, of a type that cannot be: the root's name reads and writes T?, and the
                // type's own entry, when it had that name, takes the suffix Value.
                entries.NullableRoot = true;
                if (entries.RootProperty == rootName)
                {
                    entries.Rename(root, rootName + "Value");
                    entries.RootProperty = entries.ByType[root];
                }

                entries.Properties.Add(rootName);
            }
        }

        // What the client reads: its responses and documented errors, whatever their type (a list, a string).
        if (schema.Client is { } client)
        {
            foreach (OperationModel operation in Client.ClientEmitter.Operations(client.Resources))
            {
                if (operation.Response.Kind == ResponseKind.Json)
                {
                    AddCollections(entries, operation.Response.Type!);
                    Add(entries, operation.Response.Type!);
                }

                foreach (FormFieldModel field in operation.Body?.Form?.Fields ?? EquatableArray<FormFieldModel>.Empty)
                {
                    if (field.Type is { Kind: not (TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Decimal or TypeKind.Boolean or TypeKind.Enum or TypeKind.StringOrNumber) } type)
                    {
                        AddCollections(entries, type);
                        Add(entries, type);
                    }
                }

                if (operation.Stream is { } stream)
                {
                    AddCollections(entries, stream.Type);
                    Add(entries, stream.Type);
                }

                foreach (ErrorModel error in operation.Errors)
                {
                    AddCollections(entries, error.Type);
                    Add(entries, error.Type);
                }
            }
        }

        return entries;

    }

    /// <summary>The schema pointer of one of the schema's own records, unions or enums; null for any other type.</summary>
    private static string? PointerOf(SchemaModel schema, Dictionary<string, string> pointers, TypeRef type) =>
        type.Kind is TypeKind.Record or TypeKind.Tuple or TypeKind.Union or TypeKind.Enum && type.Namespace == schema.Namespace
            && type.Name is { } name && pointers.TryGetValue(name, out string? pointer) ? pointer : null;

    /// <summary>A record's converter calls its reader and writer through IJsonModel where the runtime has it, else as delegates.</summary>
    private static string Converter(TypeSyntax types, TypeRef type, bool jsonModel) => type.Kind switch
    {
        TypeKind.Record or TypeKind.Tuple or TypeKind.Union when jsonModel => "new global::Scenario.Runtime.Json.JsonModelConverter<" + types.Type(type) + ">()",
        TypeKind.Enum => "new " + types.Qualified(type, "Converter") + "()",
        _ => "new global::Scenario.Runtime.Json.JsonValueConverter<" + types.Type(type) + ">(" + types.ReaderDelegate(type) + ", " + types.WriterDelegate(type) + ")",
    };

    private static void AddCollections(Entries entries, TypeRef type)
    {
        if (type.Kind is TypeKind.List or TypeKind.Map)
        {
            AddCollections(entries, type.Element!);
            Add(entries, type);
        }
    }

    /// <summary>Adds an entry for the type, once; returns the name of its property.</summary>
    private static string Add(Entries entries, TypeRef type)
    {
        if (entries.ByType.TryGetValue(type, out string? existing))
        {
            return existing;
        }

        string property = TypeSyntax.Moniker(type);
        if (ReservedMembers.Contains(property))
        {
            property += "TypeInfo";
        }

        // Types of two namespaces with one name (a file's Asset, another file's Asset) get properties of their own.
        string unique = property;
        for (int n = 2; entries.Properties.Contains(unique); n++)
        {
            unique = property + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        entries.All.Add((type, unique));
        entries.ByType.Add(type, unique);
        entries.Properties.Add(unique);
        return unique;
    }

    /// <summary>The context's entries in the order they are emitted, with sets to find a type's or a name's in one lookup.</summary>
    internal sealed class Entries
    {
        public List<(TypeRef Type, string Property)> All { get; } = new();

        /// <summary>The property of the root's type, when the schema has a root.</summary>
        public string? RootProperty { get; set; }

        /// <summary>Whether the root's name reads a document that may be null, of a value type: <c>T?</c> (see <see cref="EntriesOf"/>).</summary>
        public bool NullableRoot { get; set; }

        /// <summary>Gives the entry of <paramref name="type"/> the property <paramref name="stem"/>, or the first free name after it.</summary>
        public void Rename(TypeRef type, string stem)
        {
            string old = ByType[type];
            string name = stem;
            for (int n = 2; Properties.Contains(name); n++)
            {
                name = stem + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            int index = All.FindIndex(entry => entry.Type.Equals(type));
            All[index] = (type, name);
            ByType[type] = name;
            Properties.Remove(old);
            Properties.Add(name);
        }

        public Dictionary<TypeRef, string> ByType { get; } = new();

        public HashSet<string> Properties { get; } = new(System.StringComparer.Ordinal);
    }
}

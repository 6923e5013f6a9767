using System.Collections.Generic;
using System.Linq;
using Scenario.Generators.Model;

namespace Scenario.Generators.Emitting;

/// <summary>
/// Validation's generated part (docs/decisions.md, "Validation: constraints embedded, one evaluator"): the context's
/// schema document, its set of documents and its <c>Validating</c> instance; each record's and union's <c>Validate()</c>
/// and <c>ThrowIfInvalid()</c>. The runtime's <c>JsonSchemaSet</c> does the checking.
/// </summary>
internal static class ValidationEmitter
{
    private const string Namespace = "global::Scenario.Runtime.Validation.";

    /// <summary>The context's members that validation reads: emitted only where the schema has a document to embed.</summary>
    public static readonly string[] ContextMembers = { "SchemaDocument", "Schemas", "Validating" };

    /// <summary>The members each record and union has for validation: no property takes their names.</summary>
    public static readonly string[] TypeMembers = { "Validate", "ThrowIfInvalid" };

    /// <summary>The interface of a type that validates itself, which the client's response check calls.</summary>
    public const string Interface = Namespace + "IJsonValidatable";

    /// <summary>Whether a record or union of <paramref name="schema"/> with the schema pointer <paramref name="pointer"/> gets <c>Validate()</c>.</summary>
    public static bool Validates(SchemaModel schema, string? pointer) => schema.Validation is not null && pointer is not null;

    /// <summary>
    /// A type's schema location in its context's set: a fragment, which names a place in the set's first document (the
    /// context's own). A fragment is percent-decoded as a URI's is, so a <c>%</c> of a name is written <c>%25</c>.
    /// </summary>
    public static string Location(string pointer) => SourceWriter.Literal("#" + pointer.Replace("%", "%25"));

    /// <summary>The schema pointers of the schema's own records, unions and enums, by type name.</summary>
    public static Dictionary<string, string> Pointers(SchemaModel schema)
    {
        var pointers = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (RecordModel record in schema.Records)
        {
            if (record.SchemaPointer is { } pointer)
            {
                pointers[record.Name] = pointer;
            }
        }

        foreach (UnionModel union in schema.Unions)
        {
            if (union.SchemaPointer is { } pointer)
            {
                pointers[union.Name] = pointer;
            }
        }

        foreach (EnumModel model in schema.Enums)
        {
            if (model.SchemaPointer is { } pointer)
            {
                pointers[model.Name] = pointer;
            }
        }

        return pointers;
    }

    /// <summary>A record's or union's <c>Validate()</c> and <c>ThrowIfInvalid()</c>, when its schema has a place in the embedded document.</summary>
    public static void EmitTypeMembers(SourceWriter w, SchemaIndex index, TypeRef type, string? pointer)
    {
        SchemaModel schema = index.Schema;
        if (!Validates(schema, pointer) || pointer is null)
        {
            return;
        }

        string context = "global::" + schema.Namespace + "." + schema.ContextName;
        string problems = "global::System.Collections.Generic.IReadOnlyList<" + Namespace + "JsonSchemaProblem>";
        string where = SourceWriter.Escape(schema.FileName + "#" + pointer);
        w.Line();
        w.Line($"/// <summary>Checks this value, as written, against its schema (<c>{where}</c>); every problem found, none when it is valid.</summary>");
        w.Line($"public {problems} Validate({Namespace}JsonValidationOptions? options = null) =>");
        w.Line($"    {context}.Schemas.Validate(this, {context}.Default.{index.ContextProperty(type)}, {Location(pointer)}, options);");
        w.Line();
        w.Line($"/// <summary>Checks this value against its schema; throws <see cref=\"{Namespace}JsonSchemaValidationException\"/>, naming the problems, when it breaks it.</summary>");
        w.Line($"public void ThrowIfInvalid({Namespace}JsonValidationOptions? options = null) => {Namespace}JsonSchemaValidationException.ThrowIfAny(Validate(options));");
    }

    /// <summary>The context's document, set of documents and <c>Validating</c> instance, and the constructor that instance uses.</summary>
    public static void EmitContextMembers(SourceWriter w, SchemaModel schema)
    {
        if (schema.Validation is not { } validation)
        {
            return;
        }

        string context = schema.ContextName;
        string file = SourceWriter.Escape(schema.FileName);
        w.Line();
        w.Line($"private static {Namespace}JsonSchemaDocument? s_schemaDocument;");
        w.Line();
        w.Line($"/// <summary>The schema document of <c>{file}</c> as validation reads it (its annotations left out); made when first asked for.</summary>");
        w.Line($"internal static {Namespace}JsonSchemaDocument SchemaDocument => s_schemaDocument ??= new {Namespace}JsonSchemaDocument({SourceWriter.Literal(validation.Uri)}, {SourceWriter.Literal(validation.Json)}, {Namespace}JsonSchemaDialect.{validation.Dialect}{(validation.Aliases.Count > 0 ? ", new[] { " + string.Join(", ", validation.Aliases.Select(SourceWriter.Literal)) + " }" : string.Empty)});");
        w.Line();
        w.Line($"private static {Namespace}JsonSchemaSet? s_schemas;");
        w.Line();
        w.Line($"/// <summary>The schemas this context's types are checked against: <c>{file}</c>{(validation.Related.Count > 0 ? " and the files its references reach" : string.Empty)}, compiled when first used.</summary>");
        string documents = string.Join(", ", new[] { "SchemaDocument" }.Concat(validation.Related.Select(r => r + ".SchemaDocument")));
        w.Line($"public static {Namespace}JsonSchemaSet Schemas => s_schemas ??= new {Namespace}JsonSchemaSet({documents});");
        w.Line();
        w.Line("/// <summary>");
        w.Line($"/// The context that checks each whole document against its schema before reading it: <c>JsonSerializer.Deserialize(json, {context}.Validating.{{Type}})</c>");
        w.Line($"/// reads and checks in one call, and throws <see cref=\"{Namespace}JsonSchemaValidationException\"/> (a <see cref=\"global::System.Text.Json.JsonException\"/>)");
        w.Line("/// naming each problem's place when the document breaks it. Writing is as <see cref=\"Default\"/> writes.");
        w.Line("/// </summary>");
        w.Line($"public static {context} Validating {{ get; }} = new {context}(new {TypeSyntax.Options}(s_generatedOptions), validating: true);");
        w.Line();
        w.Line("private readonly bool _validating;");
        w.Line();
        w.Open($"private {context}({TypeSyntax.Options} options, bool validating) : base(options)");
        w.Line("_validating = validating;");
        w.Close();
    }

    /// <summary>
    /// The converter of a type that has a schema, as the context creates it: in the <c>Validating</c> context, one that
    /// checks a whole document against the type's schema first.
    /// </summary>
    public static string Checked(SchemaModel schema, string converter, string? pointer) =>
        schema.Validation is null || pointer is null ? converter : "Checked(" + converter + ", " + Location(pointer) + ")";

    /// <summary>The context's helpers for <see cref="Checked"/> and for a root whose type has no schema of its own.</summary>
    /// <param name="w">Where the context is written.</param>
    /// <param name="schema">The schema.</param>
    /// <param name="rootType">The C# type of a whole document, when the root's name checks against the root schema itself.</param>
    /// <param name="rootConverter">That type's converter as the context creates it, not checking (or the type's own schema would be checked too).</param>
    public static void EmitContextHelpers(SourceWriter w, SchemaModel schema, string? rootType, string? rootConverter)
    {
        if (schema.Validation is null)
        {
            return;
        }

        w.Line();
        w.Line("private global::System.Text.Json.Serialization.JsonConverter<T> Checked<T>(global::System.Text.Json.Serialization.JsonConverter<T> converter, string fragment) =>");
        w.Line($"    _validating ? new {Namespace}JsonValidatingConverter<T>(converter, Schemas, fragment) : converter;");
        if (rootType is null || rootConverter is null)
        {
            return;
        }

        w.Line();
        w.Line($"private global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{rootType}>? __validatingRoot;");
        w.Line();
        w.Line($"private global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{rootType}> __ValidatingRoot() =>");
        w.Line($"    __validatingRoot ??= Create(Options, new {Namespace}JsonValidatingConverter<{rootType}>({rootConverter}, Schemas, \"#\"));");
    }
}

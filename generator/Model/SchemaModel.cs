namespace Scenario.Generators.Model;

/// <summary>Everything the emitter needs to write the code of one schema, and the diagnostics the parser found.</summary>
internal sealed record SchemaModel(
    string FileName,
    string Namespace,
    string ContextName,
    bool IsPublic,
    EquatableArray<RecordModel> Records,
    EquatableArray<EnumModel> Enums,
    ClientModel? Client,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>
    /// The context property that reads and writes a whole document (<c>{Context}.Default.{RootName}</c>),
    /// or null when the schema's root gives no type.
    /// </summary>
    public string? RootName { get; init; }

    /// <summary>The type of a whole document (the root schema's type); null when there is no root.</summary>
    public TypeRef? RootType { get; init; }

    /// <summary>
    /// Whether a whole document may be <c>null</c>; for a root of a value type (a union, a number), <see cref="RootName"/>
    /// then reads and writes <c>T?</c>.
    /// </summary>
    public bool RootAllowsNull { get; init; }

    /// <summary>The schema file's path, where a diagnostic about the whole file (SCENGEN010) is reported.</summary>
    public string FilePath { get; init; } = string.Empty;

    /// <summary>The unions (<c>oneOf</c>, <c>anyOf</c>, type arrays) of the schema: one readonly struct each.</summary>
    public EquatableArray<UnionModel> Unions { get; init; } = EquatableArray<UnionModel>.Empty;

    /// <summary>The schema document as validation reads it, and the contexts of the documents its references reach; null when the file has none.</summary>
    public ValidationModel? Validation { get; init; }
}

/// <summary>
/// What a context embeds for validation (docs/decisions.md, "Validation: constraints embedded, one evaluator"): its file's
/// schema document and the other contexts whose documents its references reach.
/// </summary>
/// <param name="Uri">The document's URI in the embedded set: <c>file:///</c> and its path from the compilation's schema folder.</param>
/// <param name="Json">The document's JSON, without what validation never reads (descriptions, examples, an OpenAPI document's non-schema parts).</param>
/// <param name="Dialect">The name of the runtime's <c>JsonSchemaDialect</c> member the document follows.</param>
/// <param name="Related">The fully qualified contexts (<c>global::Ns.OtherJsonContext</c>) of every other document its references reach.</param>
internal sealed record ValidationModel(string Uri, string Json, string Dialect, EquatableArray<string> Related)
{
    /// <summary>Other URIs the document is named by: those other files' references resolve to where the generator found it by its name (see <c>ValidationDocuments.Referenced</c>).</summary>
    public EquatableArray<string> Aliases { get; init; } = EquatableArray<string>.Empty;
}

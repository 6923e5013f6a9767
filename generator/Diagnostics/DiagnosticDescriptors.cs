using Microsoft.CodeAnalysis;

namespace Scenario.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Each names what is wrong and what to do, points into the schema file, and
/// links to its entry in the catalogue, docs/diagnostics.md. Severities follow one rule: an error where the user's
/// schema or settings are wrong, a warning where a valid schema is generated with less typing than it asks for (the
/// value is still kept, as JSON), an info where nothing is lost. Any of them can be changed in <c>.editorconfig</c>
/// (<c>dotnet_diagnostic.SCENGEN005.severity = none</c>) like any analyzer rule.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>The catalogue, docs/diagnostics.md; each descriptor links to its own section.</summary>
    public const string HelpBase = "https://github.com/scenario-generators/scenario-generators/blob/main/docs/diagnostics.md#";

    private const string Category = "Scenario.Generators";

    public static readonly DiagnosticDescriptor InvalidJson = Create(
        "SCENGEN001",
        "The schema file is not valid JSON",
        "'{0}' is not valid JSON: {1}. Fix the syntax; no code is generated from this file until it parses.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "SCENGEN002",
        "A $ref does not resolve",
        "The $ref '{0}' does not resolve: {1}. The value it types becomes JsonElement; the rest of the schema is generated.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnreadableSchema = Create(
        "SCENGEN003",
        "The schema cannot be read",
        "'{0}' cannot be read as a JSON Schema: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidSetting = Create(
        "SCENGEN004",
        "A generator setting has an invalid value",
        "The {0} setting '{1}' is not valid: {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedShape = Create(
        "SCENGEN005",
        "A schema shape has no typed mapping",
        "{0} at '{1}' has no typed C# mapping; it is generated as JsonElement, which keeps any JSON value",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidClient = Create(
        "SCENGEN006",
        "The x-client extension is invalid",
        "x-client: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedKeyword = Create(
        "SCENGEN007",
        "A keyword that changes the shape of a value is not supported",
        "'{0}' at '{1}' is not supported: {2}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ExternalReference = Create(
        "SCENGEN008",
        "A $ref names a schema outside the compilation",
        "The $ref '{0}' is not followed: {1}. The value it types becomes JsonElement, and validation reports it as a value it cannot check.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LimitReached = Create(
        "SCENGEN009",
        "A schema nests or recurses past what the generator types",
        "{0} at '{1}': the value there becomes JsonElement, which keeps it as JSON",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RuntimeMissing = Create(
        "SCENGEN010",
        "The compilation does not reference Scenario.Runtime",
        "The code generated from {0} calls the Scenario.Runtime library, which this compilation cannot use, so none is generated: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SchemaNotUsed = Create(
        "SCENGEN011",
        "A JSON Schema file is not used",
        "'{0}' is a JSON Schema ($schema is '{1}') but its name does not end in .schema.json, so no code is generated from it; rename it to end in .schema.json to use it",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidYaml = Create(
        "SCENGEN012",
        "The YAML file cannot be read",
        "'{0}' cannot be read as YAML: {1}. No code is generated from this file until it reads.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidOpenApi = Create(
        "SCENGEN013",
        "The OpenAPI document is invalid",
        "OpenAPI: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedOpenApi = Create(
        "SCENGEN014",
        "An OpenAPI construct is generated with less typing than it describes",
        "OpenAPI: {0}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor OpenApiNotUsed = Create(
        "SCENGEN015",
        "An OpenAPI document is not used as one",
        "'{0}' is an OpenAPI document ({1}), but {2}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NameClash = Create(
        "SCENGEN017",
        "Two files of one namespace give the same type name",
        "'{0}' is also a type name of {1} in the namespace {2}: here it is {3}, named after this file. Give the files namespaces of their own (the Namespace item setting), or rename one of the schemas.",
        DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) => new(
        id: id,
        title: title,
        messageFormat: message,
        category: Category,
        defaultSeverity: severity,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + id.ToLowerInvariant());
}

using Microsoft.CodeAnalysis;

namespace Scenario.Generators.Diagnostics;

/// <summary>Every diagnostic the generator reports. Each names what is wrong and what to do, and points into the schema file.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Scenario.Generators";

    public static readonly DiagnosticDescriptor InvalidJson = new(
        id: "SCENGEN001",
        title: "The schema file is not valid JSON",
        messageFormat: "'{0}' is not valid JSON: {1}. Fix the syntax; no code is generated from this file until it parses.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        id: "SCENGEN002",
        title: "A $ref does not resolve",
        messageFormat: "The $ref '{0}' does not resolve: {1}. Point it at a definition of this file, such as '#/definitions/Name'.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnreadableSchema = new(
        id: "SCENGEN003",
        title: "The schema cannot be read",
        messageFormat: "'{0}' cannot be read as a JSON Schema: {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidSetting = new(
        id: "SCENGEN004",
        title: "A generator setting has an invalid value",
        messageFormat: "The {0} setting '{1}' is not valid: {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedShape = new(
        id: "SCENGEN005",
        title: "A schema shape has no typed mapping",
        messageFormat: "{0} at '{1}' has no typed C# mapping; it is generated as JsonElement, which keeps any JSON value",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidClient = new(
        id: "SCENGEN006",
        title: "The x-client extension is invalid",
        messageFormat: "x-client: {0}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}

namespace Scenario.Generators;

/// <summary>The names of the pipeline's steps, so tests can assert which steps ran and which were cached.</summary>
public static class TrackingNames
{
    /// <summary>The AdditionalFiles whose name ends in <c>.schema.json</c>, with their settings.</summary>
    public const string SchemaInput = nameof(SchemaInput);

    /// <summary>Every schema file of the compilation, parsed together (references may cross files).</summary>
    public const string SchemaSet = nameof(SchemaSet);

    /// <summary>Whether the compilation references Scenario.Runtime, which generated code calls.</summary>
    public const string RuntimeReference = nameof(RuntimeReference);

    /// <summary>Whether the referenced Scenario.Runtime has <c>IJsonModel&lt;T&gt;</c> (static abstract members: its .NET 8+ builds, not netstandard2.0).</summary>
    public const string RuntimeJsonModel = nameof(RuntimeJsonModel);

    /// <summary>Whether the referenced Scenario.Runtime reads <c>DateOnly</c> and <c>TimeOnly</c> (its .NET 6+ builds), which formats use for <c>date</c> and <c>time</c>.</summary>
    public const string TargetDateOnly = nameof(TargetDateOnly);

    /// <summary>The effective C# version of the compilation's parse options.</summary>
    public const string LanguageVersion = nameof(LanguageVersion);

    /// <summary>Which of the types generated code needs (and may polyfill) the compilation already has.</summary>
    public const string ReferencedTypes = nameof(ReferencedTypes);

    /// <summary>Whether Unity's <c>RuntimeInitializeOnLoadMethodAttribute</c> is referenced.</summary>
    public const string UnityReference = nameof(UnityReference);

    /// <summary>What the emitters may use: the language version and the runtime's and Unity's types, as one value.</summary>
    public const string LanguageFeatures = nameof(LanguageFeatures);

    /// <summary>The polyfills to emit once for the compilation (metadata names of the types its references lack).</summary>
    public const string Polyfills = nameof(Polyfills);

    /// <summary>The parsed, value-equatable model of each schema.</summary>
    public const string SchemaModel = nameof(SchemaModel);
}

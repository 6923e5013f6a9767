using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Scenario.Generators.Model;

/// <summary>
/// What the consumer's compiler and references let generated code use, as plain values (the pipeline never holds a
/// Compilation). From C# 11 on, with a runtime that has <c>IJsonModel&lt;T&gt;</c>, it is everything, and the output
/// is the fastest form; below, the emitters write what C# 9 and 10 compile (docs/decisions.md, "Generated code fits
/// the consumer's compiler").
/// </summary>
/// <param name="LanguageVersion">The effective C# version, as <see cref="Microsoft.CodeAnalysis.CSharp.LanguageVersion"/>'s number (900 is C# 9).</param>
/// <param name="RuntimeJsonModel">Whether the referenced Scenario.Runtime has <c>IJsonModel&lt;T&gt;</c> (its .NET 8+ builds).</param>
/// <param name="UnityInitialize">Whether <c>UnityEngine.RuntimeInitializeOnLoadMethodAttribute</c> is referenced: Unity does not run module initializers reliably, so enum registrations are marked with it too.</param>
internal sealed record LanguageFeatures(int LanguageVersion, bool RuntimeJsonModel, bool UnityInitialize)
{
    private const int CSharp11 = 1100;

    /// <summary>Everything: the latest C#, the .NET 8+ runtime. What emitters assume when told nothing.</summary>
    public static LanguageFeatures Latest { get; } = new(int.MaxValue, RuntimeJsonModel: true, UnityInitialize: false);

    /// <summary><c>required</c> members (C# 11); below, a record's required properties are its constructor's parameters.</summary>
    public bool RequiredMembers => LanguageVersion >= CSharp11;

    /// <summary><c>"…"u8</c> literals (C# 11); below, <c>static ReadOnlySpan&lt;byte&gt; X => new byte[] { … }</c>, which compiles to the same data.</summary>
    public bool Utf8Literals => LanguageVersion >= CSharp11;

    /// <summary>Records implement <c>IJsonModel&lt;T&gt;</c>: the runtime has it and the compiler implements static abstract members (C# 11).</summary>
    public bool JsonModel => RuntimeJsonModel && LanguageVersion >= CSharp11;

    /// <summary>The effective language version of the parse options; C# 11 assumed for anything but C# (there is nothing else).</summary>
    public static int LanguageVersionOf(ParseOptions options) =>
        options is CSharpParseOptions csharp ? (int)csharp.LanguageVersion.MapSpecifiedToEffectiveVersion() : int.MaxValue;
}

/// <summary>
/// The attribute types (and <c>IsExternalInit</c>) the compiler needs for what generated code uses, and whether the
/// compilation can already use each one: declared in its own code, public in a reference, or internal in a reference
/// that gives it access. Those it cannot use are emitted once per compilation as internal polyfills.
/// </summary>
internal static class Polyfill
{
    public const string IsExternalInit = "System.Runtime.CompilerServices.IsExternalInit";
    public const string ModuleInitializer = "System.Runtime.CompilerServices.ModuleInitializerAttribute";
    public const string RequiredMember = "System.Runtime.CompilerServices.RequiredMemberAttribute";
    public const string CompilerFeatureRequired = "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute";
    public const string SetsRequiredMembers = "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute";
    public const string NotNullWhen = "System.Diagnostics.CodeAnalysis.NotNullWhenAttribute";

    /// <summary>Every type this generator may polyfill, in the order they are emitted.</summary>
    public static readonly string[] All = { IsExternalInit, ModuleInitializer, RequiredMember, CompilerFeatureRequired, SetsRequiredMembers, NotNullWhen };

    /// <summary>The metadata name of Unity's attribute for code that runs when the player starts.</summary>
    public const string UnityInitializeAttribute = "UnityEngine.RuntimeInitializeOnLoadMethodAttribute";

    /// <summary>Whether the compilation can use a type of that metadata name: its own, or an accessible one of a reference.</summary>
    public static bool IsAvailable(Compilation compilation, string metadataName)
    {
        foreach (INamedTypeSymbol type in compilation.GetTypesByMetadataName(metadataName))
        {
            if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)
                || type.DeclaredAccessibility == Accessibility.Public
                || compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The polyfillable types the compilation has (a sorted list of metadata names, so the step's value compares by value).</summary>
    public static EquatableArray<string> Available(Compilation compilation) =>
        new(All.Where(name => IsAvailable(compilation, name)).ToArray());
}

/// <summary>
/// The project's say on polyfills: <c>ScenarioPolyfills</c> set to <c>false</c> turns them off, and PolySharp (whose
/// generator the compilation does not show this one) is taken to write the types its settings include.
/// </summary>
internal sealed record PolyfillSettings(bool Enabled, bool PolySharp, EquatableArray<string> PolySharpIncluded, EquatableArray<string> PolySharpExcluded)
{
    public static PolyfillSettings From(AnalyzerConfigOptions global)
    {
        bool enabled = !(global.TryGetValue("build_property.ScenarioPolyfills", out string? value) && string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase));

        // PolySharp's targets make these properties visible to generators, so their keys are there (often empty) wherever it is.
        bool polySharp = global.TryGetValue("build_property.PolySharpIncludeGeneratedTypes", out string? included);
        global.TryGetValue("build_property.PolySharpExcludeGeneratedTypes", out string? excluded);
        return new PolyfillSettings(enabled, polySharp, Names(included), Names(excluded));
    }

    /// <summary>Whether PolySharp writes the type: it is in PolySharp's include list (or there is none) and not in its exclude list.</summary>
    public bool PolySharpWrites(string metadataName) =>
        PolySharp
        && (PolySharpIncluded.Count == 0 || PolySharpIncluded.Contains(metadataName))
        && !PolySharpExcluded.Contains(metadataName);

    private static EquatableArray<string> Names(string? list) =>
        new((list ?? string.Empty).Split(new[] { ',', ';', ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>What the schemas of a compilation make generated code use that may need a polyfill.</summary>
internal sealed record PolyfillNeeds(bool AnyCode, bool Records, bool RequiredProperties, bool Enums, bool ReferenceUnionBranches)
{
    public static PolyfillNeeds From(EquatableArray<SchemaModel> models)
    {
        bool anyCode = false, records = false, required = false, enums = false, unionReferences = false;
        foreach (SchemaModel model in models)
        {
            anyCode |= model.Records.Count > 0 || model.Enums.Count > 0 || model.Unions.Count > 0 || model.RootType is not null || model.Client is not null;
            records |= model.Records.Count > 0;
            required |= model.Records.Any(r => r.Properties.Any(p => p.IsRequired && p.Constant is null));
            enums |= model.Enums.Count > 0;
            unionReferences |= model.Unions.Any(u => u.Branches.Any(b => !b.Type.IsValueType));
        }

        return new PolyfillNeeds(anyCode, records, required, enums, unionReferences);
    }

    /// <summary>The polyfillable types the generated code uses, given the language version.</summary>
    public IEnumerable<string> Types(LanguageFeatures features)
    {
        if (!AnyCode)
        {
            yield break;
        }

        if (Records)
        {
            yield return Polyfill.IsExternalInit;
        }

        if (Enums)
        {
            yield return Polyfill.ModuleInitializer;
        }

        if (Records && RequiredProperties && features.RequiredMembers)
        {
            yield return Polyfill.RequiredMember;
            yield return Polyfill.CompilerFeatureRequired;

            // The compiler marks a record's copy constructor with it.
            yield return Polyfill.SetsRequiredMembers;
        }

        if (ReferenceUnionBranches)
        {
            yield return Polyfill.NotNullWhen;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// The attribute types the compiler needs (IsExternalInit, ModuleInitializerAttribute, NotNullWhenAttribute, and for
/// C# 11 the required-member attributes) are emitted as internal polyfills where the references lack them: once per
/// compilation whatever the number of schemas, never beside one the compilation can already use (its own, an accessible
/// one of a reference, or one PolySharp writes), and never when the project turns them off.
/// </summary>
public class PolyfillTests
{
    private const string PolyfillFile = "Scenario.Generators.Polyfills.g.cs";
    private const string Placeholder = "namespace Consumer { internal static class Placeholder { } }";

    private static ImmutableArray<MetadataReference> NetStandard20 => GeneratorHarness.ReferenceSet("netstandard2.0");

    private static SchemaFile[] PetstoreAndUnions => new[] { GeneratorHarness.Schema("petstore"), GeneratorHarness.Schema("unions") };

    private static GeneratorRun Run(LanguageVersion version, IEnumerable<string> sources, IReadOnlyDictionary<string, string>? properties = null, ImmutableArray<MetadataReference>? references = null, IEnumerable<ISourceGenerator>? otherGenerators = null) =>
        GeneratorHarness.Run(references ?? NetStandard20, version, sources, properties, otherGenerators, PetstoreAndUnions);

    /// <summary>The names of the types the polyfill file declares.</summary>
    private static List<string> Declared(GeneratorRun run) =>
        run.Sources.TryGetValue(PolyfillFile, out string? text)
            ? CSharpSyntaxTree.ParseText(text).GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>().Select(t => t.Identifier.Text).ToList()
            : new List<string>();

    [Fact]
    public void Several_schemas_on_netstandard2_0_get_one_file_of_the_types_they_use()
    {
        GeneratorRun run = Run(LanguageVersion.CSharp9, new[] { Placeholder });

        Assert.Equal(1, run.Sources.Keys.Count(k => k.Contains("Polyfill", StringComparison.Ordinal)));
        Assert.Equal(new[] { "IsExternalInit", "ModuleInitializerAttribute", "NotNullWhenAttribute" }, Declared(run));
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void CSharp_11_on_netstandard2_0_adds_the_attributes_of_required_members()
    {
        GeneratorRun run = Run(LanguageVersion.CSharp11, new[] { Placeholder });

        Assert.Equal(
            new[] { "IsExternalInit", "ModuleInitializerAttribute", "RequiredMemberAttribute", "CompilerFeatureRequiredAttribute", "SetsRequiredMembersAttribute", "NotNullWhenAttribute" },
            Declared(run));
        Assert.Contains("public required string Name { get; init; }", run.Sources["Petstore.Pet.g.cs"], StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("netstandard2.1", new[] { "IsExternalInit", "ModuleInitializerAttribute" })]
    [InlineData("net8.0", new string[0])]
    public void Types_the_framework_has_are_not_polyfilled(string framework, string[] expected)
    {
        GeneratorRun run = Run(LanguageVersion.CSharp9, new[] { Placeholder }, references: GeneratorHarness.ReferenceSet(framework));

        Assert.Equal(expected, Declared(run));
        Assert.Equal(expected.Length > 0, run.Sources.ContainsKey(PolyfillFile));
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Types_the_project_declares_itself_are_not_polyfilled()
    {
        const string own = "namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }\n"
            + "namespace System.Diagnostics.CodeAnalysis { [System.AttributeUsage(System.AttributeTargets.Parameter)] internal sealed class NotNullWhenAttribute : System.Attribute { public NotNullWhenAttribute(bool returnValue) { } } }";

        GeneratorRun run = Run(LanguageVersion.CSharp9, new[] { Placeholder, own });

        Assert.Equal(new[] { "ModuleInitializerAttribute" }, Declared(run));
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("public", false)]
    [InlineData("internal", true)]
    public void A_reference_s_polyfill_counts_when_the_project_can_use_it(string accessibility, bool emitted)
    {
        MetadataReference library = Library("Polyfilled", "namespace System.Runtime.CompilerServices { " + accessibility + " static class IsExternalInit { } }");

        GeneratorRun run = Run(LanguageVersion.CSharp9, new[] { Placeholder }, references: NetStandard20.Add(library));

        Assert.Equal(emitted, Declared(run).Contains("IsExternalInit"));
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void An_internal_polyfill_of_a_reference_that_grants_access_counts()
    {
        MetadataReference library = Library(
            "Friend",
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Consumer\")]\nnamespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }");

        GeneratorRun run = Run(LanguageVersion.CSharp9, new[] { Placeholder }, references: NetStandard20.Add(library));

        Assert.DoesNotContain("IsExternalInit", Declared(run));
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void The_ScenarioPolyfills_property_false_turns_them_off()
    {
        GeneratorRun run = Run(LanguageVersion.CSharp9, new[] { Placeholder }, new Dictionary<string, string> { ["build_property.ScenarioPolyfills"] = "false" });

        Assert.False(run.Sources.ContainsKey(PolyfillFile));
        Assert.Contains(run.CompileDiagnostics, d => d.Id == "CS0518"); // IsExternalInit: now the project's to supply
    }

    [Fact]
    public void No_schema_code_no_polyfill()
    {
        GeneratorRun run = GeneratorHarness.Run(NetStandard20, LanguageVersion.CSharp9, new[] { Placeholder }, null, null, GeneratorHarness.Inline("nothing.schema.json", "{ \"$defs\": "));

        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Beside_PolySharp_the_types_it_writes_are_left_to_it()
    {
        GeneratorRun run = Run(LanguageVersion.CSharp11, new[] { Placeholder }, PolySharpProperties(), otherGenerators: PolySharp());

        Assert.False(run.Sources.ContainsKey(PolyfillFile));
        Assert.Contains(run.Sources.Keys, k => k.Contains("IsExternalInit", StringComparison.Ordinal));
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Beside_PolySharp_a_type_its_settings_exclude_is_polyfilled()
    {
        Dictionary<string, string> properties = PolySharpProperties();
        properties["build_property.PolySharpExcludeGeneratedTypes"] = "System.Runtime.CompilerServices.IsExternalInit;System.Runtime.CompilerServices.ModuleInitializerAttribute";

        GeneratorRun run = Run(LanguageVersion.CSharp9, new[] { Placeholder }, properties, otherGenerators: PolySharp());

        Assert.Equal(new[] { "IsExternalInit", "ModuleInitializerAttribute" }, Declared(run));
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
    }

    /// <summary>The properties PolySharp's build targets make visible to generators (empty unless the project sets them).</summary>
    private static Dictionary<string, string> PolySharpProperties() => new()
    {
        ["build_property.PolySharpUsePublicAccessibilityForGeneratedTypes"] = string.Empty,
        ["build_property.PolySharpUseEmbeddedAttributeForGeneratedTypes"] = string.Empty,
        ["build_property.PolySharpIncludeRuntimeSupportedAttributes"] = string.Empty,
        ["build_property.PolySharpUseInteropServices2NamespaceForUnmanagedCallersOnlyAttribute"] = string.Empty,
        ["build_property.PolySharpExcludeGeneratedTypes"] = string.Empty,
        ["build_property.PolySharpIncludeGeneratedTypes"] = string.Empty,
        ["build_property.PolySharpExcludeTypeForwardedToDeclarations"] = string.Empty,
    };

    /// <summary>PolySharp's source generators, from its package, as the compiler would load them.</summary>
    private static IEnumerable<ISourceGenerator> PolySharp()
    {
        string path = typeof(PolyfillTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PolySharpGenerator").Value!;
        Assembly assembly = Assembly.LoadFrom(path);
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t) && t.GetCustomAttribute<GeneratorAttribute>() is not null)
            .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator())
            .ToList();
    }

    /// <summary>A netstandard2.0 library compiled from <paramref name="source"/>.</summary>
    private static MetadataReference Library(string name, string source)
    {
        CSharpCompilation library = CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9)) },
            NetStandard20,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}

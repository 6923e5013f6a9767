using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Scenario.Generators.Tests;

/// <summary>Runs the generator in memory, the way the compiler does, over schema files given as text.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(Scenario.Runtime.OpenEnum<>).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    /// <summary>The runtime's netstandard2.0 build (the implementation, not a reference assembly), as the build recorded it.</summary>
    public static string NetStandardRuntimePath =>
        typeof(GeneratorHarness).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NetStandardRuntime").Value!;

    /// <summary>The files of <see cref="ReferenceSet"/>.</summary>
    public static IReadOnlyList<string> ReferenceSetPaths(string framework) =>
        ReferenceSet(framework).Select(r => ((PortableExecutableReference)r).FilePath!).ToList();

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_netStandardReferences = new(() =>
    {
        string runtime = NetStandardRuntimePath;
        return s_references.Value
            .Where(reference => !string.Equals(((PortableExecutableReference)reference).FilePath, typeof(Scenario.Runtime.OpenEnum<>).Assembly.Location, StringComparison.Ordinal))
            .Append(MetadataReference.CreateFromFile(runtime))
            // That build takes IAsyncEnumerable from Microsoft.Bcl.AsyncInterfaces, whose build for this process forwards it here.
            .Append(MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "Microsoft.Bcl.AsyncInterfaces.dll")))
            .ToImmutableArray();
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ImmutableArray<MetadataReference>> s_referenceSets = new(StringComparer.Ordinal);

    /// <summary>The frameworks of the compile matrix: a library on each, referencing Scenario.Runtime.</summary>
    public static readonly string[] Frameworks = { "netstandard2.0", "netstandard2.1", "net8.0" };

    /// <summary>
    /// What a library targeting <paramref name="framework"/> (one of <see cref="Frameworks"/>) that references
    /// Scenario.Runtime compiles against: the framework's reference assemblies, the runtime's build for it and the
    /// runtime's dependencies, as NuGet and the SDK resolve them for tests/ReferenceSets (recorded by the build).
    /// </summary>
    public static ImmutableArray<MetadataReference> ReferenceSet(string framework) =>
        s_referenceSets.GetOrAdd(framework, static key =>
        {
            string paths = typeof(GeneratorHarness).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .Cast<System.Reflection.AssemblyMetadataAttribute>()
                .Single(a => a.Key == "ReferenceSet:" + key).Value!;
            return paths.Split('|', StringSplitOptions.RemoveEmptyEntries)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        });

    /// <summary>The framework and Scenario.Runtime: what a consumer compiles generated code against.</summary>
    public static ImmutableArray<MetadataReference> References => s_references.Value;

    /// <summary>The framework and the netstandard2.0 build of Scenario.Runtime, which has no static abstract members.</summary>
    public static ImmutableArray<MetadataReference> NetStandardRuntimeReferences => s_netStandardReferences.Value;

    /// <summary>The repository's root, as the build recorded it.</summary>
    public static string RepositoryRoot() =>
        typeof(GeneratorHarness).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string SchemaPath(string name) => name == "scenario"
        ? Path.Combine(RepositoryRoot(), "schema", "scenario.schema.json")
        : Path.Combine(RepositoryRoot(), "tests", "Schemas", name + ".schema.json");

    public static CSharpCompilation Compilation(LanguageVersion languageVersion = LanguageVersion.CSharp11, NullableContextOptions nullable = NullableContextOptions.Enable, params string[] sources) =>
        Compilation(References, languageVersion, nullable, sources);

    public static CSharpCompilation Compilation(ImmutableArray<MetadataReference> references, LanguageVersion languageVersion, NullableContextOptions nullable, params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(languageVersion))),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable, generalDiagnosticOption: ReportDiagnostic.Error, warningLevel: 9999)
                .WithSpecificDiagnosticOptions(Unification));

    /// <summary>
    /// Off, as the .NET SDK has them (its default NoWarn): a library built against an older System.Text.Json, like the
    /// runtime's netstandard2.0 build, binds to the framework's newer one.
    /// </summary>
    internal static readonly ImmutableDictionary<string, ReportDiagnostic> Unification =
        ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("CS1701", ReportDiagnostic.Suppress).Add("CS1702", ReportDiagnostic.Suppress);

    public static GeneratorDriver Driver(IEnumerable<SchemaFile> files, bool trackSteps = false, IReadOnlyDictionary<string, string>? globalOptions = null, IEnumerable<ISourceGenerator>? otherGenerators = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new SchemaGenerator().AsSourceGenerator() }.Concat(otherGenerators ?? Array.Empty<ISourceGenerator>()),
            files.Select(f => f.ToAdditionalText()),
            new CSharpParseOptions(LanguageVersion.CSharp11),
            new MetadataOptions(files.ToDictionary(f => f.Path, f => f.Metadata), globalOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// Runs the generator (and <paramref name="otherGenerators"/>, as in one project) over a compilation of
    /// <paramref name="sources"/>, with MSBuild properties as the compiler sees them (<c>build_property.X</c>).
    /// </summary>
    public static GeneratorRun Run(
        ImmutableArray<MetadataReference> references,
        LanguageVersion languageVersion,
        IEnumerable<string> sources,
        IReadOnlyDictionary<string, string>? globalOptions,
        IEnumerable<ISourceGenerator>? otherGenerators,
        params SchemaFile[] files)
    {
        CSharpCompilation input = Compilation(references, languageVersion, NullableContextOptions.Enable, sources.ToArray());
        GeneratorDriver driver = Driver(files, globalOptions: globalOptions, otherGenerators: otherGenerators).WithUpdatedParseOptions(new CSharpParseOptions(languageVersion));
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, generatorDiagnostics);
    }

    /// <summary>Runs the generator once and compiles its output.</summary>
    public static GeneratorRun Run(params SchemaFile[] files) => Run(LanguageVersion.CSharp11, NullableContextOptions.Enable, files);

    public static GeneratorRun Run(LanguageVersion languageVersion, NullableContextOptions nullable, params SchemaFile[] files) =>
        Run(References, languageVersion, nullable, files);

    public static GeneratorRun Run(ImmutableArray<MetadataReference> references, LanguageVersion languageVersion, NullableContextOptions nullable, params SchemaFile[] files)
    {
        CSharpCompilation input = Compilation(references, languageVersion, nullable, "namespace Consumer { internal static class Placeholder { } }");
        GeneratorDriver driver = Driver(files).WithUpdatedParseOptions(new CSharpParseOptions(languageVersion));
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, generatorDiagnostics);
    }

    public static SchemaFile Schema(string name, string? ns = null, string? visibility = null, string? formats = null)
    {
        var metadata = new Dictionary<string, string>();
        if (ns is not null) metadata["build_metadata.AdditionalFiles.Namespace"] = ns;
        if (visibility is not null) metadata["build_metadata.AdditionalFiles.Visibility"] = visibility;
        if (formats is not null) metadata["build_metadata.AdditionalFiles.Formats"] = formats;
        return new SchemaFile("/project/" + name + ".schema.json", File.ReadAllText(SchemaPath(name)), metadata);
    }

    public static SchemaFile Inline(string fileName, string text, Dictionary<string, string>? metadata = null) =>
        new("/project/" + fileName, text, metadata ?? new Dictionary<string, string>());

    internal sealed class InMemoryText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class MetadataOptions : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<string, Dictionary<string, string>> _byPath;

        public MetadataOptions(Dictionary<string, Dictionary<string, string>> byPath, IReadOnlyDictionary<string, string>? global = null)
        {
            _byPath = byPath;
            GlobalOptions = new Options(global is null ? new Dictionary<string, string>() : new Dictionary<string, string>(global));
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new Options(_byPath.TryGetValue(textFile.Path, out Dictionary<string, string>? values) ? values : new Dictionary<string, string>());

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}

internal sealed record SchemaFile(string Path, string Text, Dictionary<string, string> Metadata)
{
    private AdditionalText? _additionalText;

    /// <summary>The file as the compiler sees it; the same instance each time, so a driver can replace it.</summary>
    public AdditionalText ToAdditionalText() => _additionalText ??= new GeneratorHarness.InMemoryText(Path, Text);
}

internal sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>The generator's own diagnostics (SCENGEN…).</summary>
    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    /// <summary>Every diagnostic of compiling the generated code, warnings included.</summary>
    public IReadOnlyList<Diagnostic> CompileDiagnostics => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public IReadOnlyDictionary<string, string> Sources =>
        Result.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());
}

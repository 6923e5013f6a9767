using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Scenario.Generators;

namespace Scenario.Benchmarks;

/// <summary>
/// The generator on GitHub's REST API description (@octokit/openapi 23.0.2: 12.7 MB, 1,223 operations), whole and with
/// the <c>Operations</c> setting keeping the issues, a repository and a gist's star (62 operations): a full run, and a
/// re-run after an edit of a C# file, which must re-parse and re-emit nothing. Server GC, as in the compiler.
/// </summary>
[MemoryDiagnoser]
[GcServer(true)]
public class OpenApiGeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;
    private bool _flip;

    /// <summary><c>github</c>, the whole description; <c>github-issues</c>, the 62 operations the setting keeps.</summary>
    [Params("github", "github-issues")]
    public string Document { get; set; } = "github";

    [GlobalSetup]
    public void Setup()
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp11);
        _compilation = OpenApiDocuments.Compilation(new[] { CSharpSyntaxTree.ParseText("class A { }", parse) });
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", parse));
        _warm = OpenApiDocuments.Driver(Document).RunGenerators(_compilation);
        OpenApiDocuments.ThrowIfEmpty(_warm);
    }

    /// <summary>Read, name, map and emit everything, with nothing cached.</summary>
    [Benchmark]
    public int FullRun() => OpenApiDocuments.Driver(Document).RunGenerators(_compilation).GetRunResult().Results[0].GeneratedSources.Length;

    /// <summary>Each call sees an edit to a C# file since the last: the document's steps stay cached.</summary>
    [Benchmark]
    public int CachedRerun()
    {
        _flip = !_flip;
        _warm = _warm.RunGenerators(_flip ? _edited : _compilation);
        return _warm.GetRunResult().Results[0].GeneratedSources.Length;
    }
}

/// <summary>
/// What the compiler spends on the code generated from GitHub's description, in a compilation of its own, as
/// <see cref="GeneratedCodeCompileBenchmarks"/> does for schemas. The whole description's code takes minutes to compile,
/// so it is measured only where SCENARIO_BENCH_GITHUB_COMPILE=1 (the run docs/benchmarks.md gives sets it; CI's smoke run does not).
/// </summary>
[MemoryDiagnoser]
[GcServer(true)]
[Config(typeof(GeneratedCodeColumns.Config))]
[WarmupCount(1)]
[IterationCount(3)]
[InvocationCount(1)]
public class OpenApiCompileBenchmarks
{
    private SourceText[] _sources = null!;

    [ParamsSource(nameof(Documents))]
    public string Document { get; set; } = "github-issues";

    public static IEnumerable<string> Documents() =>
        Environment.GetEnvironmentVariable("SCENARIO_BENCH_GITHUB_COMPILE") == "1" ? new[] { "github-issues", "github" } : new[] { "github-issues" };

    [GlobalSetup]
    public void Setup()
    {
        GeneratorDriver driver = OpenApiDocuments.Driver(Document).RunGenerators(OpenApiDocuments.Compilation(Array.Empty<SyntaxTree>()));
        OpenApiDocuments.ThrowIfEmpty(driver);
        _sources = driver.GetRunResult().Results.Single().GeneratedSources.Select(source => source.SourceText).ToArray();
        Console.WriteLine($"// {Document}: {_sources.Length} generated files, {_sources.Sum(s => (long)s.Length):N0} characters");
    }

    /// <summary>Parses the generated files and compiles them to an assembly in memory, as a build does.</summary>
    [Benchmark]
    public long Compile() => OpenApiDocuments.Compile(_sources);
}

/// <summary>
/// What the compiled code is, in the report beside its compile time: the operations (request builders), the generated
/// files and their size in characters. Counted in the host process from a run of the generator, once per document.
/// </summary>
internal sealed class GeneratedCodeColumns : IColumn
{
    private static readonly Dictionary<string, (int Operations, int Files, long Characters)> s_counts = new(StringComparer.Ordinal);

    private readonly string _name;

    private GeneratedCodeColumns(string name) => _name = name;

    public string Id => nameof(GeneratedCodeColumns) + "." + _name;

    public string ColumnName => _name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => _name switch
    {
        "Operations" => "Operations whose request the generated client builds",
        "GeneratedFiles" => "Files the generator wrote",
        _ => "Characters of C# the generator wrote",
    };

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        string document = (string)benchmarkCase.Parameters["Document"];
        (int operations, int files, long characters) = Count(document);
        long value = _name switch { "Operations" => operations, "GeneratedFiles" => files, _ => characters };
        return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    private static (int Operations, int Files, long Characters) Count(string document)
    {
        lock (s_counts)
        {
            if (!s_counts.TryGetValue(document, out (int, int, long) counts))
            {
                GeneratorDriver driver = OpenApiDocuments.Driver(document).RunGenerators(OpenApiDocuments.Compilation(Array.Empty<SyntaxTree>()));
                OpenApiDocuments.ThrowIfEmpty(driver);
                string[] sources = driver.GetRunResult().Results.Single().GeneratedSources.Select(source => source.SourceText.ToString()).ToArray();
                const string request = "new global::Scenario.Runtime.Http.ApiRequest(";
                int operations = sources.Sum(text =>
                {
                    int n = 0;
                    for (int at = text.IndexOf(request, StringComparison.Ordinal); at >= 0; at = text.IndexOf(request, at + request.Length, StringComparison.Ordinal))
                    {
                        n++;
                    }

                    return n;
                });
                counts = (operations, sources.Length, sources.Sum(text => (long)text.Length));
                s_counts.Add(document, counts);
            }

            return counts;
        }
    }

    public sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new GeneratedCodeColumns("Operations"), new GeneratedCodeColumns("GeneratedFiles"), new GeneratedCodeColumns("GeneratedChars"));
    }
}

/// <summary>GitHub's description (embedded, compressed) and a driver of the generator over it.</summary>
internal static class OpenApiDocuments
{
    private static readonly Lazy<string> s_github = new(() =>
    {
        using Stream compressed = typeof(OpenApiDocuments).Assembly.GetManifestResourceStream("api.github.com.openapi.json.gz")!;
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    });

    /// <summary>The selectors of <c>github-issues</c>, as a project would give them.</summary>
    public const string IssuesSelection = "tag:issues; id:repos/get; path:/gists/{gist_id}/star";

    public static GeneratorDriver Driver(string document) => CSharpGeneratorDriver.Create(
        new[] { new SchemaGenerator().AsSourceGenerator() },
        new[] { new GeneratorBenchmarks.SchemaText("/bench/github.openapi.json", s_github.Value) },
        new CSharpParseOptions(LanguageVersion.CSharp11),
        new Options(document == "github-issues" ? IssuesSelection : null),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    /// <summary>What generated code compiles against: the framework's <c>System.*</c> assemblies and Scenario.Runtime, read once.</summary>
    private static readonly Lazy<MetadataReference[]> s_references = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll" || Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(Scenario.Runtime.OpenEnum<>).Assembly.Location))
            .ToArray());

    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create(
        "Generated",
        trees,
        s_references.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Parses generated files (C# 11) and compiles them to an assembly in memory, as a build does: its size.</summary>
    public static long Compile(IEnumerable<SourceText> sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp11);
        SyntaxTree[] trees = sources.Select(text => CSharpSyntaxTree.ParseText(text, parse, cancellationToken: CancellationToken.None)).ToArray();
        using var assembly = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = Compilation(trees).Emit(assembly);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The generated code did not compile: " + string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }

        return assembly.Length;
    }

    public static void ThrowIfEmpty(GeneratorDriver driver)
    {
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null || result.GeneratedSources.Length == 0 || result.Diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            throw new InvalidOperationException("The generator did not generate the description cleanly: " + (result.Exception?.ToString() ?? string.Join("; ", result.Diagnostics.Take(5))));
        }
    }

    /// <summary>The <c>Operations</c> item metadata, when the document keeps some of its operations.</summary>
    private sealed class Options(string? operations) : AnalyzerConfigOptionsProvider
    {
        private readonly Values _file = new(operations);
        private static readonly Values Empty = new(null);

        public override AnalyzerConfigOptions GlobalOptions => Empty;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _file;

        private sealed class Values(string? operations) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = key == "build_metadata.AdditionalFiles.Operations" ? operations : null;
                return value is not null;
            }
        }
    }
}

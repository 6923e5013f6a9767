using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Scenario.Benchmarks;

/// <summary>
/// What the compiler spends on the code the generator writes: parsing, binding and emitting the IL of every generated
/// file of the Scenario schema and of the 10× synthetic schema, in a compilation of its own. The generator's full run
/// (<see cref="GeneratorBenchmarks"/>) is measured against this: it is the part of a build the generator adds.
/// Each operation takes seconds, so it runs a few times only, whatever the job.
/// </summary>
[MemoryDiagnoser]
[GcServer(true)]
[WarmupCount(1)]
[IterationCount(3)]
[InvocationCount(1)]
public class GeneratedCodeCompileBenchmarks
{
    private SourceText[] _sources = null!;
    private MetadataReference[] _references = null!;

    [Params(1, 10)]
    public int Scale { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        _references = ((string)System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll" || Path.GetFileName(path).StartsWith("System.", System.StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(Scenario.Runtime.OpenEnum<>).Assembly.Location))
            .ToArray();
        var schema = new GeneratorBenchmarks.SchemaText("/bench/scenario.schema.json", SyntheticSchema.Make(Payloads.Resource("scenario.schema.json"), Scale));
        GeneratorRunResult result = GeneratorBenchmarks.NewDriver(schema).RunGenerators(Compilation(System.Array.Empty<SyntaxTree>())).GetRunResult().Results.Single();
        _sources = result.GeneratedSources.Select(source => source.SourceText).ToArray();
        if (Compile() == 0)
        {
            throw new System.InvalidOperationException("The generated code compiled to nothing.");
        }
    }

    /// <summary>Parses the generated files and compiles them to an assembly in memory, as a build does.</summary>
    [Benchmark]
    public long Compile()
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp11);
        SyntaxTree[] trees = _sources.Select(text => CSharpSyntaxTree.ParseText(text, parse, cancellationToken: CancellationToken.None)).ToArray();
        using var assembly = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = Compilation(trees).Emit(assembly);
        ThrowIfFailed(emitted);
        return assembly.Length;
    }

    private CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create(
        "Generated",
        trees,
        _references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));

    private static void ThrowIfFailed(Microsoft.CodeAnalysis.Emit.EmitResult emitted)
    {
        if (!emitted.Success)
        {
            throw new System.InvalidOperationException("The generated code did not compile: " + string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }
    }
}

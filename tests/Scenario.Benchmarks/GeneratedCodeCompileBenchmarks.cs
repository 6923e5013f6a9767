using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
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

    [Params(1, 10)]
    public int Scale { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        var schema = new GeneratorBenchmarks.SchemaText("/bench/scenario.schema.json", SyntheticSchema.Make(Payloads.Resource("scenario.schema.json"), Scale));
        GeneratorRunResult result = GeneratorBenchmarks.NewDriver(schema).RunGenerators(OpenApiDocuments.Compilation(System.Array.Empty<SyntaxTree>())).GetRunResult().Results.Single();
        _sources = result.GeneratedSources.Select(source => source.SourceText).ToArray();
        if (Compile() == 0)
        {
            throw new System.InvalidOperationException("The generated code compiled to nothing.");
        }
    }

    /// <summary>Parses the generated files and compiles them to an assembly in memory, as a build does.</summary>
    [Benchmark]
    public long Compile() => OpenApiDocuments.Compile(_sources);
}

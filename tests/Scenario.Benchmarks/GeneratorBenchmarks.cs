using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Scenario.Generators;
using Scenario.Generators.Emitting;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing;

namespace Scenario.Benchmarks;

/// <summary>
/// The generator's cost: a full run on a schema and on synthetic schemas 10 and 100 times its size
/// (<see cref="SyntheticSchema"/>), and a re-run after an edit unrelated to the schema, which must cost next to nothing.
/// Two schemas: the Scenario schema, and the union-heavy orders schema of the union benchmarks (unions chosen by a
/// discriminator, by required properties, by the token), whose emitting once grew with the square of its size.
/// Server GC, as in the compiler (csc and VBCSCompiler run with it), which is where the generator runs.
/// </summary>
[MemoryDiagnoser]
[GcServer(true)]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private AdditionalText _schema = null!;
    private GeneratorDriver _warm = null!;
    /// <summary>What the full run emits for: the compilation below is C# 11 over the runtime's .NET build.</summary>
    private static readonly LanguageFeatures Features = new((int)LanguageVersion.CSharp11, RuntimeJsonModel: true, UnityInitialize: false);

    private bool _flip;
    private SchemaModel _model = null!;

    [Params(1, 10, 100)]
    public int Scale { get; set; } = 1;

    /// <summary>The schema copied: <c>scenario</c> (schema/scenario.schema.json) or <c>orders</c> (Unions/orders.schema.json).</summary>
    [Params("scenario", "orders")]
    public string Schema { get; set; } = "scenario";

    [GlobalSetup]
    public void Setup()
    {
        _schema = new SchemaText("/bench/" + Schema + ".schema.json", SyntheticSchema.Make(Payloads.Resource(Schema + ".schema.json"), Scale));
        var parse = new CSharpParseOptions(LanguageVersion.CSharp11);
        // Generated code calls Scenario.Runtime: without a reference to it the generator reports SCENGEN010 and emits nothing.
        _compilation = CSharpCompilation.Create(
            "Bench",
            new[] { CSharpSyntaxTree.ParseText("class A { }", parse) },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(typeof(Scenario.Runtime.OpenEnum<>).Assembly.Location) });
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", parse));
        _model = SchemaParser.ParseAll(Inputs(), hasDateOnly: true, CancellationToken.None)[0];
        _warm = NewDriver().RunGenerators(_compilation);
        GeneratorRunResult result = _warm.GetRunResult().Results.Single();
        if (result.Exception is not null || result.GeneratedSources.Length == 0)
        {
            throw new System.InvalidOperationException("The generator produced nothing: " + result.Exception);
        }
    }

    /// <summary>Parse, model and emit everything, with nothing cached.</summary>
    [Benchmark]
    public int FullRun() => NewDriver().RunGenerators(_compilation).GetRunResult().Results[0].GeneratedSources.Length;

    /// <summary>The first stage alone: the schema text to the model (check, parse, resolve, map, name).</summary>
    [Benchmark]
    public int Parse() => SchemaParser.ParseAll(Inputs(), hasDateOnly: true, CancellationToken.None)[0].Records.Count;

    /// <summary>The second stage alone: the model to C# text, every file the generator adds.</summary>
    [Benchmark]
    public long Emit()
    {
        long length = 0;
        SchemaModel model = _model;
        var index = new SchemaIndex(model);
        foreach (RecordModel record in model.Records)
        {
            length += RecordEmitter.Emit(index, record, Features).Length;
        }

        foreach (EnumModel enumModel in model.Enums)
        {
            length += EnumEmitter.Emit(model, enumModel, Features).Length;
        }

        foreach (UnionModel union in model.Unions)
        {
            length += UnionEmitter.Emit(index, union, Features).Length;
        }

        length += ContextEmitter.Emit(index, Features).Length;
        return model.Client is { } client ? length + Scenario.Generators.Emitting.Client.ClientEmitter.Emit(index, client, Features).Length : length;
    }

    /// <summary>Each call sees an edit to a C# file since the last: the schema's steps stay cached.</summary>
    [Benchmark]
    public int CachedRerun()
    {
        _flip = !_flip;
        _warm = _warm.RunGenerators(_flip ? _edited : _compilation);
        return _warm.GetRunResult().Results[0].GeneratedSources.Length;
    }

    private EquatableArray<SchemaInput> Inputs() => new(new[] { new SchemaInput(_schema.Path, _schema.GetText()!.ToString(), null, null) });

    private GeneratorDriver NewDriver() => NewDriver(_schema);

    /// <summary>A driver with the generator and one schema, nothing run yet.</summary>
    internal static GeneratorDriver NewDriver(AdditionalText schema) => CSharpGeneratorDriver.Create(
        new[] { new SchemaGenerator().AsSourceGenerator() },
        new[] { schema },
        new CSharpParseOptions(LanguageVersion.CSharp11),
        new NoOptions(),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    internal sealed class SchemaText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    internal sealed class NoOptions : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions Empty = new Values();

        public override AnalyzerConfigOptions GlobalOptions => Empty;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

        private sealed class Values : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = null;
                return false;
            }
        }
    }
}

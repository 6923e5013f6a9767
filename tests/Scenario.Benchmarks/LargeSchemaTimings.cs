using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Scenario.Generators;
using Scenario.Generators.Emitting;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing;

namespace Scenario.Benchmarks;

/// <summary>
/// What a large schema costs a build, and what its generated code is made of (<c>--large-schemas</c>): for the Scenario
/// schema, each JSON Schema of tests/RealSchemas of at least <see cref="MinSchemaBytes"/> (its sibling files counted)
/// and each OpenAPI description of tests/RealOpenApi of at least <see cref="MinDocumentBytes"/>, the generator's full
/// run (the median of <see cref="GeneratorRuns"/> after one to warm up), the compile time of the code it generated (the
/// files parsed, bound and emitted to an assembly by Roslyn in a compilation of their own, as
/// <see cref="GeneratedCodeCompileBenchmarks"/> does; the median of the runs asked for), and the generated lines by kind
/// of type: each enum, record and union emitted on its own, as in a file of its own, the rest (context, client,
/// polyfills) counted whole. One row per schema in <see cref="FileName"/>; chart.py sets a run beside the run before a
/// change. Each compile takes seconds to minutes, so this is a command of its own, not a BenchmarkDotNet case.
/// </summary>
public static class LargeSchemaTimings
{
    /// <summary>The file the rows are written to, in BenchmarkDotNet's results folder (chart.py reads it).</summary>
    public const string FileName = "large-schemas.csv";

    /// <summary>The JSON Schemas measured: the sets of tests/RealSchemas with at least this many bytes of schema.</summary>
    public const long MinSchemaBytes = 250_000;

    /// <summary>The OpenAPI descriptions measured: those of tests/RealOpenApi of at least this many bytes.</summary>
    public const long MinDocumentBytes = 500_000;

    /// <summary>How many full runs of the generator are timed per schema (the median is reported).</summary>
    public const int GeneratorRuns = 5;

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.CSharp11);

    /// <summary>What the driver's compilation lets the generator emit: C# 11 over the runtime's .NET build.</summary>
    private static readonly LanguageFeatures Features = new((int)LanguageVersion.CSharp11, RuntimeJsonModel: true, UnityInitialize: false);

    /// <summary>Measures every case whose name contains one of <paramref name="only"/> (all when empty) and writes the rows.</summary>
    public static int Run(string resultsDirectory, int compileRuns, IReadOnlyList<string> only, TextWriter log)
    {
        string root = RepositoryRoot();
        List<Case> cases = Cases(root).Where(c => only.Count == 0 || only.Any(o => c.Name.Contains(o, StringComparison.Ordinal))).ToList();
        string commit = Git(root, "rev-parse --short=7 HEAD");
        string dirty = Git(root, "status --porcelain -- generator runtime").Length > 0 ? " (modified)" : string.Empty;
        log.WriteLine($"// Large schemas: {cases.Count} schemas at {commit}{dirty}, {GeneratorRuns} generator runs and {compileRuns} compile(s) each, server GC: {GCSettings.IsServerGC}, load {LoadAverage()}");

        // The compiler's and the generator's code is jitted once, on the smallest case, before anything is timed.
        Case warm = cases.OrderBy(c => c.Bytes).First();
        OpenApiDocuments.Compile(Generate(warm));

        Directory.CreateDirectory(resultsDirectory);
        string path = Path.Combine(resultsDirectory, FileName);
        using var csv = new StreamWriter(path);
        csv.WriteLine("Schema,Input,Bytes,Enums,EnumLines,StringEnums,StringEnumLines,Records,RecordLines,Unions,UnionLines,OtherLines,GeneratedLines,GeneratedChars,Files,GeneratorMs,GeneratorCpuMs,CompileSeconds,CompileCpuSeconds,CompileRuns,Commit,LoadBefore,LoadAfter");
        foreach (Case c in cases)
        {
            string loadBefore = LoadAverage();
            var generatorTimes = new List<Timing>();
            SourceText[] sources = Array.Empty<SourceText>();
            for (int run = 0; run <= GeneratorRuns; run++)
            {
                Timing timing = Timing.Of(() => sources = Generate(c));
                if (run > 0)
                {
                    generatorTimes.Add(timing);
                }
            }

            var compileTimes = new List<Timing>();
            for (int run = 0; run < compileRuns; run++)
            {
                compileTimes.Add(Timing.Of(() => OpenApiDocuments.Compile(sources)));
            }

            Lines lines = CountLines(c);
            long generatedLines = sources.Sum(s => (long)s.Lines.Count);
            long generatedChars = sources.Sum(s => (long)s.Length);
            csv.WriteLine(string.Join(",",
                c.Name,
                c.Input,
                c.Bytes.ToString(CultureInfo.InvariantCulture),
                Number(lines.Enums), Number(lines.EnumLines), Number(lines.StringEnums), Number(lines.StringEnumLines),
                Number(lines.Records), Number(lines.RecordLines), Number(lines.Unions), Number(lines.UnionLines),
                Number(generatedLines - lines.EnumLines - lines.RecordLines - lines.UnionLines),
                Number(generatedLines), Number(generatedChars), Number(sources.Length),
                (Median(generatorTimes, t => t.Wall) * 1000).ToString("0.0", CultureInfo.InvariantCulture),
                (Median(generatorTimes, t => t.Processor) * 1000).ToString("0.0", CultureInfo.InvariantCulture),
                Median(compileTimes, t => t.Wall).ToString("0.00", CultureInfo.InvariantCulture),
                Median(compileTimes, t => t.Processor).ToString("0.00", CultureInfo.InvariantCulture),
                Number(compileRuns),
                commit + dirty.Trim(),
                loadBefore,
                LoadAverage()));
            csv.Flush();
            log.WriteLine($"{c.Name}: {c.Bytes / 1e6:0.00} MB, {lines.Enums} enums ({PerType(lines.EnumLines, lines.Enums)} lines each), {lines.Records} records ({PerType(lines.RecordLines, lines.Records)}), {lines.Unions} unions ({PerType(lines.UnionLines, lines.Unions)}); {generatedLines:N0} lines in {sources.Length} files; generator {Median(generatorTimes, t => t.Wall) * 1000:0} ms ({Median(generatorTimes, t => t.Processor) * 1000:0} ms of processor), compile {Median(compileTimes, t => t.Wall):0.0} s ({Median(compileTimes, t => t.Processor):0.0} s of processor)");
        }

        log.WriteLine("// Large schemas written to " + path);
        return 0;
    }

    /// <summary>The Scenario schema, the large JSON Schemas (with their siblings) and the large OpenAPI descriptions, by name.</summary>
    private static IEnumerable<Case> Cases(string root)
    {
        yield return new Case("scenario", "JSON Schema", new[] { Path.Combine(root, "schema", "scenario.schema.json") });
        string schemas = Path.Combine(root, "tests", "RealSchemas");
        foreach (string folder in Directory.GetDirectories(schemas).OrderBy(f => f, StringComparer.Ordinal))
        {
            string[] files = Directory.GetFiles(folder, "*.schema.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();
            if (File.Exists(Path.Combine(folder, Path.GetFileName(folder) + ".schema.json")) && files.Sum(f => new FileInfo(f).Length) >= MinSchemaBytes)
            {
                yield return new Case(Path.GetFileName(folder), "JSON Schema", files);
            }
        }

        string documents = Path.Combine(root, "tests", "RealOpenApi");
        foreach (string folder in Directory.GetDirectories(documents).OrderBy(f => f, StringComparer.Ordinal))
        {
            string? document = new[] { ".openapi.json", ".openapi.yaml", ".openapi.yml" }
                .Select(suffix => Path.Combine(folder, Path.GetFileName(folder) + suffix))
                .FirstOrDefault(File.Exists);
            if (document is not null && new FileInfo(document).Length >= MinDocumentBytes)
            {
                yield return new Case(Path.GetFileName(folder), "OpenAPI", new[] { document });
            }
        }
    }

    /// <summary>A full run of the generator over the case's files, with nothing cached: the files it adds.</summary>
    private static SourceText[] Generate(Case c)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new SchemaGenerator().AsSourceGenerator() },
            c.Texts,
            Parse,
            new GeneratorBenchmarks.NoOptions(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
        GeneratorRunResult result = driver.RunGenerators(OpenApiDocuments.Compilation(Array.Empty<SyntaxTree>())).GetRunResult().Results.Single();
        if (result.Exception is not null || result.GeneratedSources.Length == 0 || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException($"The generator did not generate {c.Name}: " + (result.Exception?.ToString() ?? string.Join("; ", result.Diagnostics.Take(5))));
        }

        return result.GeneratedSources.Select(source => source.SourceText).ToArray();
    }

    /// <summary>Each type emitted on its own (the text it has in its file, or in its group's: <c>LargeSchemaTests</c>), its lines counted by kind.</summary>
    private static Lines CountLines(Case c)
    {
        var inputs = new EquatableArray<SchemaInput>(c.Texts.Select(t => new SchemaInput(t.Path, t.GetText()!.ToString(), null, null)).ToArray());
        var lines = new Lines();
        foreach (SchemaModel model in SchemaParser.ParseAll(inputs, hasDateOnly: true, CancellationToken.None))
        {
            var index = new SchemaIndex(model);
            foreach (EnumModel e in model.Enums)
            {
                int count = LineCount(EnumEmitter.Emit(model, e, Features));
                lines.Enums++;
                lines.EnumLines += count;
                if (e.Kind == EnumKind.String)
                {
                    lines.StringEnums++;
                    lines.StringEnumLines += count;
                }
            }

            foreach (RecordModel record in model.Records)
            {
                lines.Records++;
                lines.RecordLines += LineCount(RecordEmitter.Emit(index, record, Features));
            }

            foreach (UnionModel union in model.Unions)
            {
                lines.Unions++;
                lines.UnionLines += LineCount(UnionEmitter.Emit(index, union, Features));
            }
        }

        return lines;
    }

    private static int LineCount(string text) => SourceText.From(text).Lines.Count;

    private static string PerType(long lines, long types) => types == 0 ? "-" : (lines / (double)types).ToString("0", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static double Median(List<Timing> timings, Func<Timing, double> of)
    {
        var sorted = timings.Select(of).OrderBy(v => v).ToList();
        int middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The machine's load over the last minute (Linux), which says how much else ran beside the measure.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : string.Empty;

    private static string RepositoryRoot()
    {
        for (string? directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "Scenario.Generators.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("Run from inside the repository: no Scenario.Generators.sln above " + AppContext.BaseDirectory);
    }

    private static string Git(string root, string arguments)
    {
        var start = new ProcessStartInfo("git", arguments) { WorkingDirectory = root, RedirectStandardOutput = true, UseShellExecute = false };
        using Process? git = Process.Start(start);
        string output = git?.StandardOutput.ReadToEnd().Trim() ?? string.Empty;
        git?.WaitForExit();
        return output;
    }

    /// <summary>One schema: its files, as the generator is given them (under <c>/bench/</c>, by file name, so siblings resolve).</summary>
    private sealed class Case(string name, string input, string[] files)
    {
        public string Name => name;

        public string Input => input;

        public long Bytes { get; } = files.Sum(f => new FileInfo(f).Length);

        public AdditionalText[] Texts { get; } = files.Select(f => (AdditionalText)new GeneratorBenchmarks.SchemaText("/bench/" + Path.GetFileName(f), File.ReadAllText(f))).ToArray();
    }

    /// <summary>
    /// How long an operation took: on the clock, and in processor time of the whole process (every thread, the
    /// collector's included), which moves less than the clock when other work shares the machine.
    /// </summary>
    private readonly record struct Timing(double Wall, double Processor)
    {
        public static Timing Of(Action operation)
        {
            using Process self = Process.GetCurrentProcess();
            TimeSpan processorBefore = self.TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            operation();
            double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
            self.Refresh();
            return new Timing(wall, (self.TotalProcessorTime - processorBefore).TotalSeconds);
        }
    }

    private sealed class Lines
    {
        public long Enums;
        public long EnumLines;
        public long StringEnums;
        public long StringEnumLines;
        public long Records;
        public long RecordLines;
        public long Unions;
        public long UnionLines;
    }
}

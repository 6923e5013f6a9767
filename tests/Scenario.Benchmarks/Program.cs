using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;
using Scenario.Benchmarks;

// dotnet run -c Release --project tests/Scenario.Benchmarks -- --filter '*'
//
// Unless the command line names a job, each case runs in its own process with a fixed plan: 20 warm-up and 15 measured
// iterations of a quarter second. BenchmarkDotNet's default plan keeps iterating until the error is small, which on a
// 2-core machine took about an hour for the suite; the results compare medians side by side in one run, and 15
// iterations of each case are enough for that (the reports keep the deviations). 20 warm-up iterations (5 s): the
// 500-example cases were still reaching their final tier after 5.
//
// Then, when the run included the serialization, union or enum benchmarks, the goals' ratios are measured once more with
// the cases taking turns in this process (InterleavedRatios): --interleaved-rounds N (default 40; 0: not measured) and
// --interleaved-warmup SECONDS (default 4) set how long.
//
// The collector's gen-0 budget is pinned at 64 MB (DOTNET_GCgen0size) for every process of the run: .NET sizes it from
// the processor's cache, and on a virtual machine that does not report its cache sizes it falls back to a few
// megabytes, where reading a payload of megabytes measures the collector's adaptive state more than the reader (the
// same code read the typed payload 1.1x to 4.0x as fast as System.Text.Json in four side-by-side runs at the default
// there, 1.9x to 2.2x in three with the budget pinned). Unless it is set already, the run starts again in a child
// process with it set (BenchmarkDotNet's processes inherit it); --gc-default runs with the machine's own budget.
var rest = new List<string>(args);

// --transfer-memory MB [--artifacts DIR]: the memory of a large upload and download (TransferMemory), in the process's
// own collector settings, written to DIR/results/transfer-memory.csv (BenchmarkDotNet.Artifacts by default).
if (Take(rest, "--transfer-memory") is { } megabytes)
{
    string artifacts = Take(rest, "--artifacts") ?? "BenchmarkDotNet.Artifacts";
    return await Scenario.Benchmarks.Transfers.TransferMemory.RunAsync(int.Parse(megabytes, CultureInfo.InvariantCulture), System.IO.Path.Combine(artifacts, "results"), Console.Out);
}

// --large-schemas [--compile-runs N] [--only NAME,NAME] [--artifacts DIR]: the generator's time, the compile time of
// its output and its lines per type, for the Scenario schema and the large real schemas and descriptions
// (LargeSchemaTimings), written to DIR/results/large-schemas.csv. With server GC, as the compiler runs.
if (rest.Remove("--large-schemas"))
{
    if (!System.Runtime.GCSettings.IsServerGC && Environment.GetEnvironmentVariable("DOTNET_gcServer") is null)
    {
        return Gen0Budget.RunAgain(args, "DOTNET_gcServer", "1");
    }

    string artifacts = Take(rest, "--artifacts") ?? "BenchmarkDotNet.Artifacts";
    int compileRuns = int.Parse(Take(rest, "--compile-runs") ?? "1", CultureInfo.InvariantCulture);
    string[] only = (Take(rest, "--only") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    return LargeSchemaTimings.Run(System.IO.Path.Combine(artifacts, "results"), compileRuns, only, Console.Out);
}

if (!rest.Remove("--gc-default") && Environment.GetEnvironmentVariable(Gen0Budget.Variable) is null)
{
    return Gen0Budget.RunPinned(args);
}

int rounds = int.Parse(Take(rest, "--interleaved-rounds") ?? "40", CultureInfo.InvariantCulture);
double warmup = double.Parse(Take(rest, "--interleaved-warmup") ?? "4", CultureInfo.InvariantCulture);

IConfig? config = rest.Exists(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal))
    ? null
    : DefaultConfig.Instance.AddJob(Job.Default
        .WithWarmupCount(20)
        .WithIterationCount(15)
        .WithIterationTime(TimeInterval.FromMilliseconds(250))
        .AsDefault());
IEnumerable<Summary> summaries = BenchmarkSwitcher.FromAssembly(typeof(Payloads).Assembly).Run(rest.ToArray(), config);
Summary? serialization = summaries.FirstOrDefault(s => s.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(SerializationBenchmarks) || c.Descriptor.Type == typeof(UnionBenchmarks) || c.Descriptor.Type == typeof(EnumBenchmarks)));
if (rounds > 0 && serialization is not null)
{
    InterleavedRatios.Run(serialization.ResultsDirectoryPath, rounds, TimeSpan.FromSeconds(warmup), Console.Out);
}

return 0;

// The value of an option of ours, taken out of the arguments BenchmarkDotNet reads.
static string? Take(List<string> arguments, string name)
{
    int at = arguments.IndexOf(name);
    if (at < 0 || at + 1 >= arguments.Count)
    {
        return null;
    }

    string value = arguments[at + 1];
    arguments.RemoveRange(at, 2);
    return value;
}

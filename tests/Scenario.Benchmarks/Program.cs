using System;
using BenchmarkDotNet.Configs;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Scenario.Benchmarks -- --filter '*'
//
// Unless the command line names a job, each case runs in its own process with a fixed plan: 5 warm-up and 15 measured
// iterations of a quarter second. BenchmarkDotNet's default plan keeps iterating until the error is small, which on a
// 2-core machine took about an hour for the suite; the results compare medians side by side in one run, and 15
// iterations of each case are enough for that (the reports keep the deviations).
IConfig? config = Array.Exists(args, a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal))
    ? null
    : DefaultConfig.Instance.AddJob(Job.Default
        .WithWarmupCount(5)
        .WithIterationCount(15)
        .WithIterationTime(TimeInterval.FromMilliseconds(250))
        .AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(Scenario.Benchmarks.Payloads).Assembly).Run(args, config);

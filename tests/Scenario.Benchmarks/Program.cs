using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Scenario.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Scenario.Benchmarks.Payloads).Assembly).Run(args);

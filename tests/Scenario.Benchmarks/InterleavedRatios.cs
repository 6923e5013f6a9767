using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Scenario.Benchmarks;

/// <summary>
/// The speed goals' ratios measured side by side: the ways of reading or writing one payload take turns in one process,
/// a short slice each, round after round, and each round's ratio is taken from slices a few milliseconds apart. On a
/// shared virtual machine the speed of the host moves for seconds at a time, by up to half, in the middle of a
/// process; BenchmarkDotNet runs each case in a process of its own, so a ratio of its tables compares two processes
/// that may have run at different speeds, while here both sides of a ratio run at the same one. The median over the
/// rounds is reported. The methods are <see cref="SerializationBenchmarks"/>', <see cref="UnionBenchmarks"/>' and
/// <see cref="EnumBenchmarks"/>' own.
/// </summary>
public static class InterleavedRatios
{
    /// <summary>The file the ratios are written to, in BenchmarkDotNet's results folder (chart.py reads it).</summary>
    public const string FileName = "interleaved-ratios.csv";

    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(40);

    public static void Run(string resultsDirectory, int rounds, TimeSpan warmup, TextWriter log)
    {
        List<Group> groups = Groups();
        long budget = Gen0Budget.Current();
        log.WriteLine($"// Interleaved ratios: {groups.Sum(g => g.Cases.Count)} cases, warm-up {warmup.TotalSeconds:0.#} s each, {rounds} rounds of {Slice.TotalMilliseconds:0} ms slices, gen-0 budget {budget / (1024 * 1024.0):0.#} MiB");
        foreach (Case c in groups.SelectMany(g => g.Cases))
        {
            c.Warm(warmup);
        }

        for (int round = 0; round < rounds; round++)
        {
            foreach (Group group in groups)
            {
                // The order turns each round, so no case always runs after the same one.
                for (int i = 0; i < group.Cases.Count; i++)
                {
                    group.Cases[(i + round) % group.Cases.Count].Measure();
                }
            }
        }

        Directory.CreateDirectory(resultsDirectory);
        string path = Path.Combine(resultsDirectory, FileName);
        using (var csv = new StreamWriter(path))
        {
            csv.WriteLine("Payload,Category,Method,MedianMicroseconds,RelativeToStjSourceGen,RelativeToFloor,RelativeToValuesFloor,Rounds,Gen0MaxBudget");
            foreach (Group group in groups)
            {
                Case stj = group.Cases.Single(c => c.Method == "StjSourceGen");
                Case floor = group.Cases.Single(c => c.Method == group.Floor);
                Case? valuesFloor = group.Cases.SingleOrDefault(c => c.Method == group.ValuesFloor);
                foreach (Case c in group.Cases)
                {
                    csv.WriteLine(string.Join(",",
                        Quote(group.Payload),
                        group.Category,
                        c.Method,
                        Median(c.Times).ToString("0.###", CultureInfo.InvariantCulture),
                        Relative(c, stj).ToString("0.####", CultureInfo.InvariantCulture),
                        Relative(c, floor).ToString("0.####", CultureInfo.InvariantCulture),
                        valuesFloor is null ? "" : Relative(c, valuesFloor).ToString("0.####", CultureInfo.InvariantCulture),
                        rounds.ToString(CultureInfo.InvariantCulture),
                        budget.ToString(CultureInfo.InvariantCulture)));
                }
            }
        }

        log.WriteLine("// Interleaved ratios written to " + path);
        foreach (Group group in groups)
        {
            Case gen = group.Cases.Single(c => c.Method == "Generated");
            Case stj = group.Cases.Single(c => c.Method == "StjSourceGen");
            Case floor = group.Cases.Single(c => c.Method == group.Floor);
            Case? valuesFloor = group.Cases.SingleOrDefault(c => c.Method == group.ValuesFloor);
            string values = valuesFloor is null ? "" : $", {Relative(gen, valuesFloor):0.00}x the floor from values";
            log.WriteLine($"{group.Category} {group.Payload}: {1 / Relative(gen, stj):0.00}x as fast as STJ's source generator, {Relative(gen, floor):0.00}x the floor{values}");
        }
    }

    private static List<Group> Groups()
    {
        var groups = new List<Group>();
        foreach (string payload in new[] { Payloads.Seed, Payloads.Large, Payloads.Typed })
        {
            var b = new SerializationBenchmarks { Payload = payload };
            b.Setup();
            groups.Add(new Group(payload, "Deserialize", "ScanAndStringsFloor", new List<Case>
            {
                new("Generated", Of(b.Deserialize_Generated)),
                new("StjSourceGen", Of(b.Deserialize_StjSourceGen)),
                new("ScanAndStringsFloor", Of(b.Deserialize_ScanAndStringsFloor)),
            }));
            groups.Add(new Group(payload, "Serialize", "Utf8JsonWriterFloor", new List<Case>
            {
                new("Generated", Of(b.Serialize_Generated)),
                new("StjSourceGen", Of(b.Serialize_StjSourceGen)),
                new("Utf8JsonWriterFloor", Of(b.Serialize_Utf8JsonWriterFloor)),
                new("Utf8JsonWriterValuesFloor", Of(b.Serialize_Utf8JsonWriterValuesFloor)),
            }, "Utf8JsonWriterValuesFloor"));
        }

        groups.AddRange(Groups(new UnionBenchmarks()));
        groups.AddRange(Groups(new EnumBenchmarks()));
        return groups;
    }

    /// <summary>The reading and the writing group of a payload of its own: ours, System.Text.Json's source generator's and the floors.</summary>
    private static Group[] Groups<TModel, TPeer>(PeerPayloadBenchmarks<TModel, TPeer> b)
        where TModel : class
        where TPeer : class
    {
        b.Setup();
        return new[]
        {
            new Group(b.Payload, "Deserialize", "ScanAndStringsFloor", new List<Case>
            {
                new("Generated", Of(b.Deserialize_Generated)),
                new("StjSourceGen", Of(b.Deserialize_StjSourceGen)),
                new("ScanAndStringsFloor", Of(b.Deserialize_ScanAndStringsFloor)),
            }),
            new Group(b.Payload, "Serialize", "Utf8JsonWriterFloor", new List<Case>
            {
                new("Generated", Of(b.Serialize_Generated)),
                new("StjSourceGen", Of(b.Serialize_StjSourceGen)),
                new("Utf8JsonWriterFloor", Of(b.Serialize_Utf8JsonWriterFloor)),
                new("Utf8JsonWriterValuesFloor", Of(b.Serialize_Utf8JsonWriterValuesFloor)),
            }, "Utf8JsonWriterValuesFloor"),
        };
    }

    private static Action Of<T>(Func<T> operation) => () => Sink<T>.Value = operation();

    /// <summary>The median over the rounds of <paramref name="c"/>'s time relative to <paramref name="baseline"/>'s in the same round.</summary>
    private static double Relative(Case c, Case baseline) => Median(c.Times.Zip(baseline.Times, (x, b) => x / b).ToList());

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        int middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Quote(string text) => text.Contains(',') ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    private static class Sink<T>
    {
        public static T? Value;
    }

    /// <summary>
    /// The cases of one payload and category, with the floor the goal is judged on and, for writing, the floor from
    /// values beside it (what converting the model's strings and numbers adds to the writer floor).
    /// </summary>
    private sealed record Group(string Payload, string Category, string Floor, List<Case> Cases, string? ValuesFloor = null);

    private sealed class Case(string method, Action operation)
    {
        private int _operations = 1;

        public string Method => method;

        /// <summary>Time per operation in each round, in microseconds.</summary>
        public List<double> Times { get; } = new();

        /// <summary>Runs the operation for <paramref name="duration"/> (the JIT's tiers settle), then sizes a slice.</summary>
        public void Warm(TimeSpan duration)
        {
            var clock = Stopwatch.StartNew();
            do
            {
                operation();
            }
            while (clock.Elapsed < duration);

            // Sized on the last stretch of the warm-up, when the code is at its final tier.
            clock.Restart();
            long timed = 0;
            do
            {
                operation();
                timed++;
            }
            while (clock.Elapsed < Slice);

            _operations = (int)Math.Max(1, Math.Min(int.MaxValue, timed * Slice.Ticks / Math.Max(1, clock.Elapsed.Ticks)));
        }

        public void Measure()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < _operations; i++)
            {
                operation();
            }

            Times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1000 / _operations);
        }
    }
}

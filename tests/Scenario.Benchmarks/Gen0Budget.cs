using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Reflection;

namespace Scenario.Benchmarks;

/// <summary>
/// The collector's gen-0 budget of the benchmark run (see Program.cs): pinned by starting the run again in a child
/// process with <see cref="Variable"/> set, and read back from the runtime so that the results say what it was.
/// </summary>
public static class Gen0Budget
{
    public const string Variable = "DOTNET_GCgen0size";

    /// <summary>64 MB: the order of what .NET picks on a machine that reports a server processor's cache.</summary>
    public const string Pinned = "0x4000000";

    /// <summary>Runs the benchmark again with the budget pinned, its output passed through; returns its exit code.</summary>
    public static int RunPinned(string[] args) => RunAgain(args, Variable, Pinned);

    /// <summary>Runs the benchmark again with <paramref name="variable"/> set, its output passed through; returns its exit code.</summary>
    public static int RunAgain(string[] args, string variable, string value)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            // Started as `dotnet Scenario.Benchmarks.dll`: the child needs the assembly too.
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[variable] = value;
        using Process child = Process.Start(start)!;
        child.WaitForExit();
        return child.ExitCode;
    }

    /// <summary>The largest gen-0 budget of this process's collector, in bytes, as the runtime reports it (0 when it does not).</summary>
    public static long Current()
    {
        IReadOnlyDictionary<string, object> variables = GC.GetConfigurationVariables();
        return variables.TryGetValue("GCGen0MaxBudget", out object? value) ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
    }
}

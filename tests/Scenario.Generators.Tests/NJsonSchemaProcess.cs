using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace Scenario.Generators.Tests;

/// <summary>
/// tests/NJsonSchemaPeer, NJsonSchema's C# generator in a process of its own: a schema it hangs on or overflows the
/// stack with ends that process (the answer says so), never the test host, and the next schema starts a new one.
/// </summary>
internal sealed class NJsonSchemaProcess : IDisposable
{
    private readonly StringBuilder _errors = new();
    private Process? _process;

    /// <summary>The versions of NJsonSchema.CodeGeneration.CSharp and NJsonSchema the process runs, and its settings.</summary>
    public (string CodeGeneration, string NJsonSchema, string Settings)? Hello { get; private set; }

    private static string ToolPath =>
        typeof(NJsonSchemaProcess).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NJsonSchemaPeer").Value!;

    /// <summary>
    /// The code NJsonSchema generates for the schema at <paramref name="schemaPath"/>, its root named
    /// <paramref name="rootName"/> in <paramref name="ns"/>, and the C# type of the root; or why there is none.
    /// </summary>
    public NJsonSchemaAnswer Generate(string schemaPath, string rootName, string ns, TimeSpan bound)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            Process process = Started(bound);
            process.StandardInput.WriteLine(schemaPath + "\t" + rootName + "\t" + ns);
            string? line = ReadLine(process, bound, stopwatch);
            using JsonDocument answer = JsonDocument.Parse(line);
            JsonElement root = answer.RootElement;
            return new NJsonSchemaAnswer(root.GetProperty("Code").GetString(), root.GetProperty("RootType").GetString(), root.GetProperty("Error").GetString(), stopwatch.Elapsed);
        }
        catch (Exception ex)
        {
            Stop();
            return new NJsonSchemaAnswer(null, null, ex is TimeoutException or EndOfStreamException ? ex.Message : "the process failed: " + ex.GetType().Name + ": " + ProbeResult.FirstLine(ex.Message), stopwatch.Elapsed);
        }
    }

    public void Dispose() => Stop();

    private Process Started(TimeSpan bound)
    {
        if (_process is { HasExited: false })
        {
            return _process;
        }

        Stop();
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path
            : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(ToolPath);
        lock (_errors)
        {
            _errors.Clear();
        }

        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                if (e.Data is not null && _errors.Length < 4000)
                {
                    _errors.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        _process = process;

        using JsonDocument hello = JsonDocument.Parse(ReadLine(process, bound, Stopwatch.StartNew()));
        Hello = (hello.RootElement.GetProperty("CodeGeneration").GetString()!, hello.RootElement.GetProperty("NJsonSchema").GetString()!, hello.RootElement.GetProperty("Settings").GetString()!);
        return process;
    }

    /// <summary>The next line the process writes, within what is left of <paramref name="bound"/>.</summary>
    private string ReadLine(Process process, TimeSpan bound, Stopwatch stopwatch)
    {
        Task<string?> read = process.StandardOutput.ReadLineAsync();
        TimeSpan left = bound - stopwatch.Elapsed;
        if (!read.Wait(left > TimeSpan.Zero ? left : TimeSpan.Zero))
        {
            Stop();
            throw new TimeoutException("no answer within " + bound.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " s (the process was ended)");
        }

        if (read.Result is { } line)
        {
            return line;
        }

        process.WaitForExit(5000);
        string errors;
        lock (_errors)
        {
            errors = _errors.ToString().Trim();
        }

        string code = process.HasExited ? process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none yet";
        Stop();
        throw new EndOfStreamException("the process ended (exit code " + code + ")" + (errors.Length > 0 ? ": " + ProbeResult.FirstLine(errors) : string.Empty));
    }

    private void Stop()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // It had already ended.
        }

        _process.Dispose();
        _process = null;
    }
}

/// <summary>NJsonSchema's answer for one schema: its code and the C# type of the root, or why there is none.</summary>
internal sealed record NJsonSchemaAnswer(string? Code, string? RootType, string? Error, TimeSpan Elapsed);

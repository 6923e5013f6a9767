using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Scenario.Generators.Model;

namespace Scenario.Generators.Tests;

/// <summary>
/// Runs the generator over schema files on a thread of its own, within a time bound, with its steps tracked,
/// and keeps whatever came out: the run result, the compilation with the generated code, the models, or the crash.
/// </summary>
internal static class GeneratorProbe
{
    private const string Placeholder = "namespace Consumer { internal static class Placeholder { } }";

    private static readonly Lazy<CSharpCompilation> s_input = new(() => GeneratorHarness.Compilation(sources: Placeholder));

    /// <summary>The oldest form Scenario supports: C# 9 against netstandard2.0 and the runtime's netstandard2.0 build.</summary>
    private static readonly Lazy<CSharpCompilation> s_oldest = new(() =>
        GeneratorHarness.Compilation(GeneratorHarness.ReferenceSet("netstandard2.0"), LanguageVersion.CSharp9, NullableContextOptions.Enable, Placeholder));

    /// <summary>C# 11 on .NET with documentation comments checked (<c>GenerateDocumentationFile</c>): a broken <c>cref</c> is a warning.</summary>
    private static readonly Lazy<CSharpCompilation> s_documented = new(() =>
    {
        CSharpCompilation plain = GeneratorHarness.Compilation(sources: Placeholder);
        var options = new CSharpParseOptions(LanguageVersion.CSharp11, DocumentationMode.Diagnose);
        return plain.ReplaceSyntaxTree(plain.SyntaxTrees.First(), CSharpSyntaxTree.ParseText(Placeholder, options));
    });

    /// <summary>
    /// Runs the generator (for C# 11 on .NET, or with <paramref name="oldest"/> for C# 9 on netstandard2.0; with
    /// <paramref name="documented"/>, with the XML docs checked as a project that writes its documentation file has them);
    /// a run still going after <paramref name="timeout"/> is cancelled and reported as timed out.
    /// </summary>
    public static ProbeResult Run(IReadOnlyList<SchemaFile> files, TimeSpan timeout, bool oldest = false, bool documented = false)
    {
        CSharpCompilation input = oldest ? s_oldest.Value : documented ? s_documented.Value : s_input.Value;
        using var cancellation = new CancellationTokenSource();
        ProbeResult? result = null;
        Exception? crash = null;
        var stopwatch = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            try
            {
                GeneratorDriver driver = GeneratorHarness.Driver(files, trackSteps: true).WithUpdatedParseOptions((CSharpParseOptions)input.SyntaxTrees.First().Options);
                driver = driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> diagnostics, cancellation.Token);
                result = new ProbeResult(driver.GetRunResult(), output, diagnostics, null, false, stopwatch.Elapsed);
            }
            catch (Exception ex)
            {
                crash = ex;
            }
        })
        {
            IsBackground = true,
            Name = "generator probe",
        };

        thread.Start();
        if (!thread.Join(timeout))
        {
            cancellation.Cancel();
            thread.Join(TimeSpan.FromSeconds(5));
            return new ProbeResult(null, null, ImmutableArray<Diagnostic>.Empty, null, true, timeout) { Runaway = thread.IsAlive ? thread : null };
        }

        return result ?? new ProbeResult(null, null, ImmutableArray<Diagnostic>.Empty, crash, false, stopwatch.Elapsed);
    }
}

/// <summary>What one bounded run of the generator gave.</summary>
/// <param name="RunResult">The driver's run result (null when the run crashed or timed out).</param>
/// <param name="Output">The input compilation plus the generated code.</param>
/// <param name="GeneratorDiagnostics">The generator's diagnostics and the driver's own (CS8785 when the generator threw).</param>
/// <param name="Crash">An exception that left the driver itself.</param>
/// <param name="TimedOut">The run did not finish within its bound.</param>
/// <param name="Elapsed">How long the run took (the bound, when it timed out).</param>
internal sealed record ProbeResult(
    GeneratorDriverRunResult? RunResult,
    Compilation? Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    Exception? Crash,
    bool TimedOut,
    TimeSpan Elapsed)
{
    /// <summary>
    /// The generator's thread when it timed out and did not stop when cancelled: it goes on in the background, and a
    /// stack overflow it ends in kills the process later, while another case runs.
    /// </summary>
    public Thread? Runaway { get; init; }

    /// <summary>The exception the generator threw, as the driver caught it.</summary>
    public Exception? GeneratorException => RunResult?.Results.SingleOrDefault().Exception;

    /// <summary>The models of the <c>SchemaModel</c> step, one per schema file.</summary>
    public IReadOnlyList<SchemaModel> Models =>
        RunResult is null
            ? Array.Empty<SchemaModel>()
            : RunResult.Results.Single().TrackedSteps.TryGetValue(TrackingNames.SchemaModel, out ImmutableArray<IncrementalGeneratorRunStep> steps)
                ? steps.SelectMany(s => s.Outputs).Select(o => o.Value).OfType<SchemaModel>().ToList()
                : Array.Empty<SchemaModel>();

    /// <summary>Diagnostics of compiling the generated code, warnings included (the harness makes every warning an error).</summary>
    public IReadOnlyList<Diagnostic> CompileDiagnostics =>
        Output is null ? Array.Empty<Diagnostic>() : Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>The generated files, by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources =>
        RunResult is null
            ? new Dictionary<string, string>()
            : RunResult.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>One line per problem that stopped the run itself: a hang, a crash of the driver, an exception of the generator.</summary>
    public string? Failure =>
        TimedOut ? "the generator did not return within " + Elapsed.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " s (a hang, an endless loop, or a recursion slower than the bound)"
        : Crash is not null ? "the generator driver threw " + Crash.GetType().Name + ": " + FirstLine(Crash.Message)
        : GeneratorException is { } ex ? "an exception left the generator: " + ex.GetType().Name + ": " + FirstLine(ex.Message)
        : GeneratorDiagnostics.FirstOrDefault(d => d.Id == "CS8785") is { } cs8785 ? "CS8785: " + FirstLine(cs8785.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
        : null;

    internal static string FirstLine(string text)
    {
        int end = text.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? text : text.Substring(0, end);
    }
}

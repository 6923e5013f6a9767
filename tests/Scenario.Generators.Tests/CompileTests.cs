using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>The generated code compiles without a warning, nullable on, every warning an error.</summary>
public class CompileTests
{
    [Theory]
    [MemberData(nameof(SnapshotTests.Cases), MemberType = typeof(SnapshotTests))]
    public void Generated_code_compiles_with_no_warnings(string name)
    {
        GeneratorRun run = GeneratorHarness.Run(LanguageVersion.CSharp11, NullableContextOptions.Enable, SnapshotTests.Case(name));

        Assert.Empty(run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.NotEmpty(run.Result.GeneratedTrees);
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
    }
}

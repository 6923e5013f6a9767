using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// The generated code fits the consumer's compiler: every snapshot schema, generated for C# 9, 10, 11, 12 and the
/// latest, compiles against the reference assemblies of netstandard2.0, netstandard2.1 and net8.0 (with the runtime's
/// build for each and its dependencies), nullable on and off, every warning an error. The real-schema corpus is
/// compiled in the oldest form Scenario supports (C# 9 on netstandard2.0), where most can go wrong.
/// </summary>
[Trait(TestCategories.Name, TestCategories.Extended)]
public class CompileMatrixTests
{
    public static readonly LanguageVersion[] LanguageVersions =
        { LanguageVersion.CSharp9, LanguageVersion.CSharp10, LanguageVersion.CSharp11, LanguageVersion.CSharp12, LanguageVersion.Latest };

    public static TheoryData<string, string, LanguageVersion> Cases()
    {
        var data = new TheoryData<string, string, LanguageVersion>();
        foreach (string name in SnapshotTests.Cases)
        {
            foreach (string framework in GeneratorHarness.Frameworks)
            {
                foreach (LanguageVersion version in LanguageVersions)
                {
                    data.Add(name, framework, version);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Snapshot_schemas_compile_for_every_language_version_and_framework(string name, string framework, LanguageVersion version)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.ReferenceSet(framework), version, NullableContextOptions.Enable, SnapshotTests.Case(name));

        Assert.Empty(run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.NotEmpty(run.Result.GeneratedTrees);
        AssertCompiles(run.Output, framework + ", " + version.ToDisplayString());
    }

    [Theory]
    [MemberData(nameof(RealSchemaTests.Cases), MemberType = typeof(RealSchemaTests))]
    public void Real_schemas_compile_as_CSharp_9_on_netstandard2_0(string slug)
    {
        if (RealSchemaCorpus.ExpectedRefusals.ContainsKey(slug))
        {
            return;
        }

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.ReferenceSet("netstandard2.0"), LanguageVersion.CSharp9, NullableContextOptions.Enable, RealSchemaCorpus.SchemaFiles(slug));

        Assert.Empty(run.Diagnostics.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error));
        AssertCompiles(run.Output, "netstandard2.0, C# 9");
    }

    /// <summary>No diagnostic at warning level or above, nullable on and off (the generated files enable it for themselves).</summary>
    private static void AssertCompiles(Compilation output, string configuration)
    {
        foreach (NullableContextOptions nullable in new[] { NullableContextOptions.Enable, NullableContextOptions.Disable })
        {
            Compilation compilation = output.WithOptions(((CSharpCompilationOptions)output.Options).WithNullableContextOptions(nullable));
            List<Diagnostic> problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(
                problems.Count == 0,
                $"{configuration}, nullable {nullable}: {problems.Count} diagnostic(s)\n" + string.Join("\n", problems.Take(15).Select(d => "  " + d)));
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// The generator's whole output for each schema, compared with the expected files in <c>Snapshots/&lt;case&gt;/</c>
/// by Microsoft.CodeAnalysis.CSharp.SourceGenerators.Testing, which also compiles it (warnings fail the test).
/// After a reviewed change, re-accept with <c>SCENARIO_ACCEPT_SNAPSHOTS=1 dotnet test</c> and review the diff.
/// </summary>
public class SnapshotTests
{
    /// <summary>The schemas under test, and one OpenAPI document (the client tests' wire.openapi.yaml: one construct per operation).</summary>
    public static TheoryData<string> Cases => new() { "scenario", "petstore", "names", "unions", "types", "formats", "escaping", "wire" };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Output_matches_the_snapshot(string name)
    {
        SchemaFile schema = Case(name);
        string folder = Path.Combine(GeneratorHarness.RepositoryRoot(), "tests", "Scenario.Generators.Tests", "Snapshots", name);
        if (Environment.GetEnvironmentVariable("SCENARIO_ACCEPT_SNAPSHOTS") == "1")
        {
            Accept(schema, folder);
        }

        Assert.True(Directory.Exists(folder), $"No snapshot at {folder}; run SCENARIO_ACCEPT_SNAPSHOTS=1 dotnet test to write it, then review it.");

        var test = new CSharpSourceGeneratorTest<SchemaGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        test.TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
        test.TestState.AdditionalFiles.Add((schema.Path, schema.Text));
        if (schema.Metadata.Count > 0)
        {
            var config = new StringBuilder("is_global = true\n\n[" + schema.Path + "]\n");
            foreach (KeyValuePair<string, string> pair in schema.Metadata)
            {
                config.Append(pair.Key).Append(" = ").Append(pair.Value).Append('\n');
            }

            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config.ToString()));
        }

        foreach (string file in Directory.GetFiles(folder, "*.g.cs").OrderBy(f => f, StringComparer.Ordinal))
        {
            test.TestState.GeneratedSources.Add((typeof(SchemaGenerator), Path.GetFileName(file), SourceText.From(File.ReadAllText(file), Encoding.UTF8)));
        }

        await test.RunAsync();
    }

    /// <summary>Schemas whose output is also kept in its C# 9 form (a library on netstandard2.0 with LangVersion 9, as Unity builds it).</summary>
    public static TheoryData<string> CSharp9Cases => new() { "petstore", "unions" };

    /// <summary>
    /// The output for C# 9 against netstandard2.0, in <c>Snapshots/&lt;case&gt;-csharp9/</c>: the constructor of required
    /// properties, byte-array spans for <c>u8</c> literals, no <c>IJsonModel</c>, and the polyfills, reviewed like code.
    /// </summary>
    [Theory]
    [MemberData(nameof(CSharp9Cases))]
    public void CSharp9_output_matches_the_snapshot(string name)
    {
        string folder = Path.Combine(GeneratorHarness.RepositoryRoot(), "tests", "Scenario.Generators.Tests", "Snapshots", name + "-csharp9");
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.ReferenceSet("netstandard2.0"), Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9, Microsoft.CodeAnalysis.NullableContextOptions.Enable, Case(name));
        if (Environment.GetEnvironmentVariable("SCENARIO_ACCEPT_SNAPSHOTS") == "1")
        {
            Write(run, folder);
        }

        Assert.True(Directory.Exists(folder), $"No snapshot at {folder}; run SCENARIO_ACCEPT_SNAPSHOTS=1 dotnet test to write it, then review it.");
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
        string[] expected = Directory.GetFiles(folder, "*.g.cs").Select(f => Path.GetFileName(f)!).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, run.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
        foreach (string file in expected)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(folder, file)).ReplaceLineEndings("\n"), run.Sources[file].ReplaceLineEndings("\n"));
        }
    }

    internal static SchemaFile Case(string name) => name switch
    {
        "names" => GeneratorHarness.Schema(name, ns: "Naming", visibility: "internal"),
        "formats" => GeneratorHarness.Schema(name, formats: "true"),
        "wire" => GeneratorHarness.Inline(
            "wire.openapi.yaml",
            File.ReadAllText(Path.Combine(GeneratorHarness.RepositoryRoot(), "tests", "Scenario.Client.Tests", "Schemas", "wire.openapi.yaml")),
            new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Namespace"] = "Wire" }),
        _ => GeneratorHarness.Schema(name),
    };

    private static void Accept(SchemaFile schema, string folder) => Write(GeneratorHarness.Run(schema), folder);

    private static void Write(GeneratorRun run, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (string stale in Directory.GetFiles(folder, "*.g.cs"))
        {
            File.Delete(stale);
        }

        foreach (KeyValuePair<string, string> source in run.Sources)
        {
            File.WriteAllText(Path.Combine(folder, source.Key), source.Value, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }
}

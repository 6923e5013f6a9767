using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>The pipeline caches: an edit unrelated to the schema re-runs nothing; an edit of the schema re-runs it.</summary>
public class IncrementalTests
{
    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached()
    {
        SchemaFile schema = GeneratorHarness.Schema("petstore");
        CSharpCompilation compilation = GeneratorHarness.Compilation(sources: "namespace App { class A { } }");
        GeneratorDriver driver = GeneratorHarness.Driver(new[] { schema }, trackSteps: true).RunGenerators(compilation);

        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { class B { } }", new CSharpParseOptions(LanguageVersion.CSharp11)));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Equal(7, second.GeneratedSources.Length);
        foreach (string step in new[]
        {
            TrackingNames.SchemaInput, TrackingNames.SchemaSet, TrackingNames.SchemaModel, TrackingNames.RuntimeReference, TrackingNames.RuntimeJsonModel,
            TrackingNames.LanguageVersion, TrackingNames.UnityReference, TrackingNames.LanguageFeatures, TrackingNames.ReferencedTypes, TrackingNames.Polyfills,
        })
        {
            var reasons = second.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {reason}"));
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    /// <summary>The same for an OpenAPI document in YAML: its model compares by value (operations, parameters, security).</summary>
    [Fact]
    public void An_unrelated_edit_leaves_an_OpenAPI_documents_steps_cached()
    {
        SchemaFile document = SnapshotTests.Case("wire");
        CSharpCompilation compilation = GeneratorHarness.Compilation(sources: "namespace App { class A { } }");
        GeneratorDriver driver = GeneratorHarness.Driver(new[] { document }, trackSteps: true).RunGenerators(compilation);

        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { class B { } }", new CSharpParseOptions(LanguageVersion.CSharp11)));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(second.GeneratedSources, s => s.HintName == "Wire.WireClient.g.cs");
        foreach (string step in new[] { TrackingNames.SchemaInput, TrackingNames.SchemaSet, TrackingNames.SchemaModel })
        {
            Assert.All(second.TrackedSteps[step].SelectMany(s => s.Outputs), output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {output.Reason}"));
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void A_change_of_language_version_reemits_the_code_in_that_version_s_form_without_parsing_again()
    {
        SchemaFile schema = GeneratorHarness.Schema("petstore");
        CSharpCompilation compilation = GeneratorHarness.Compilation(sources: "namespace App { class A { } }");
        GeneratorDriver driver = GeneratorHarness.Driver(new[] { schema }, trackSteps: true).RunGenerators(compilation);

        driver = driver.WithUpdatedParseOptions(new CSharpParseOptions(LanguageVersion.CSharp9));
        CSharpCompilation asCSharp9 = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { class A { } }", new CSharpParseOptions(LanguageVersion.CSharp9)));
        GeneratorRunResult second = driver.RunGenerators(asCSharp9).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, second.TrackedSteps[TrackingNames.LanguageFeatures].Single().Outputs.Single().Reason);
        Assert.All(second.TrackedSteps[TrackingNames.SchemaSet].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        string pet = second.GeneratedSources.Single(s => s.HintName == "Petstore.Pet.g.cs").SourceText.ToString();
        Assert.Contains("public Pet(string id, string name,", pet, System.StringComparison.Ordinal);
        Assert.DoesNotContain("public required ", pet, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_edit_of_the_schema_reruns_the_parse()
    {
        SchemaFile schema = GeneratorHarness.Schema("petstore");
        CSharpCompilation compilation = GeneratorHarness.Compilation(sources: "namespace App { class A { } }");
        GeneratorDriver driver = GeneratorHarness.Driver(new[] { schema }, trackSteps: true).RunGenerators(compilation);

        var changed = new SchemaFile(schema.Path, schema.Text.Replace("A pet for sale.", "A pet for adoption.", System.StringComparison.Ordinal), schema.Metadata);
        driver = driver.ReplaceAdditionalText(schema.ToAdditionalText(), changed.ToAdditionalText());
        GeneratorRunResult second = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, second.TrackedSteps[TrackingNames.SchemaModel].Single().Outputs.Single().Reason);
        Assert.Contains("A pet for adoption.", second.GeneratedSources.Single(s => s.HintName == "Petstore.Pet.g.cs").SourceText.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_edit_of_one_schema_leaves_the_others_model_unchanged_and_its_files_unemitted()
    {
        SchemaFile petstore = GeneratorHarness.Schema("petstore");
        SchemaFile names = GeneratorHarness.Schema("names", ns: "Naming");
        CSharpCompilation compilation = GeneratorHarness.Compilation(sources: "namespace App { class A { } }");
        GeneratorDriver driver = GeneratorHarness.Driver(new[] { petstore, names }, trackSteps: true).RunGenerators(compilation);

        var changed = new SchemaFile(petstore.Path, petstore.Text.Replace("A pet for sale.", "A pet for adoption.", System.StringComparison.Ordinal), petstore.Metadata);
        driver = driver.ReplaceAdditionalText(petstore.ToAdditionalText(), changed.ToAdditionalText());
        GeneratorRunResult second = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var reasons = second.TrackedSteps[TrackingNames.SchemaModel].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Modified }.OrderBy(r => r), reasons.OrderBy(r => r));
        Assert.Contains("A pet for adoption.", second.GeneratedSources.Single(s => s.HintName == "Petstore.Pet.g.cs").SourceText.ToString(), System.StringComparison.Ordinal);
    }
}

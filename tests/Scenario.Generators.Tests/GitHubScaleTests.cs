using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Scenario.Generators.Emitting.Client;
using Scenario.Generators.Model;
using Xunit;
using Xunit.Abstractions;

namespace Scenario.Generators.Tests;

/// <summary>
/// GitHub's REST API description (about 13 MB, 1,223 operations, @octokit/openapi 23.0.2): the whole of it generates and
/// compiles with no diagnostic, every operation a method; and the <c>Operations</c> setting keeps a few, with the
/// schemas they reach and the names they have in the whole.
/// </summary>
[Trait(TestCategories.Name, TestCategories.Extended)]
public sealed class GitHubScaleTests(ITestOutputHelper output)
{
    private static readonly Lazy<string> s_text = new(RealOpenApiCorpus.GitHubText);

    private static SchemaFile GitHub(string? operations = null) => GeneratorHarness.Inline(
        "github.openapi.json",
        s_text.Value,
        operations is null ? null : new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Operations"] = operations });

    /// <summary>Every operation of the model: <c>VERB /path</c> → <c>Resource.Path.MethodAsync</c>.</summary>
    private static Dictionary<string, string> Methods(SchemaModel model)
    {
        var methods = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(IEnumerable<ResourceModel> resources, string prefix)
        {
            foreach (ResourceModel resource in resources)
            {
                foreach (OperationModel operation in resource.Operations)
                {
                    methods.Add(operation.HttpMethod + " " + operation.Path, prefix + resource.PropertyName + "." + operation.MethodName);
                }

                Walk(resource.Resources, prefix + resource.PropertyName + ".");
            }
        }

        Walk(model.Client!.Resources, string.Empty);
        return methods;
    }

    [Fact]
    public void The_whole_description_generates_and_compiles_with_no_diagnostic_every_operation_a_method()
    {
        ProbeResult probe = GeneratorProbe.Run(new[] { GitHub() }, TimeSpan.FromMinutes(5));
        Assert.True(probe.Failure is null, probe.Failure);
        Assert.Empty(probe.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));

        SchemaModel model = probe.Models.Single();
        IReadOnlyList<(string Method, string Path)> expected = RealOpenApiCorpus.Operations(JsonNode.Parse(s_text.Value)!);
        Assert.Equal(1223, expected.Count);
        Assert.Equal(expected.Select(o => o.Method + " " + o.Path).OrderBy(o => o, StringComparer.Ordinal), Methods(model).Keys.OrderBy(k => k, StringComparer.Ordinal));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<Diagnostic> compile = probe.CompileDiagnostics;
        Assert.True(compile.Count == 0, string.Join("\n", compile.Take(10)));
        output.WriteLine($"generated {probe.Sources.Count} files, {probe.Sources.Values.Sum(s => (long)s.Length):N0} characters, in {probe.Elapsed.TotalSeconds:0.0} s; compiled in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void The_Operations_setting_keeps_the_operations_it_selects_with_their_names_and_only_the_schemas_they_reach()
    {
        ProbeResult whole = GeneratorProbe.Run(new[] { GitHub() }, TimeSpan.FromMinutes(5));
        ProbeResult kept = GeneratorProbe.Run(new[] { GitHub("tag:issues; id:repos/get; path:/gists/{gist_id}/star") }, TimeSpan.FromMinutes(5));
        Assert.True(kept.Failure is null, kept.Failure);
        Assert.Empty(kept.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(kept.CompileDiagnostics);

        Dictionary<string, string> all = Methods(whole.Models.Single());
        Dictionary<string, string> some = Methods(kept.Models.Single());
        JsonNode document = JsonNode.Parse(s_text.Value)!;
        int issues = RealOpenApiCorpus.Operations(document).Count(o => ((JsonArray?)document["paths"]![o.Path]![o.Method.ToLowerInvariant()]!["tags"])?.Any(t => (string?)t == "issues") == true);
        Assert.Equal(issues + 1 + 3, some.Count);
        Assert.Equal("Repos.GetAsync", some["GET /repos/{owner}/{repo}"]);
        Assert.Equal("Gists.Star.ListAsync", some["GET /gists/{gist_id}/star"]);
        foreach (KeyValuePair<string, string> method in some)
        {
            Assert.Equal(all[method.Key], method.Value);
        }

        Assert.True(kept.Models.Single().Records.Count < whole.Models.Single().Records.Count / 4, $"{kept.Models.Single().Records.Count} records of {whole.Models.Single().Records.Count}");
        Assert.Contains(kept.Models.Single().Records, r => r.Name == "Issue");
        Assert.DoesNotContain(kept.Models.Single().Records, r => r.Name == "Deployment");
        output.WriteLine($"kept {some.Count} of {all.Count} operations, {kept.Models.Single().Records.Count} of {whole.Models.Single().Records.Count} records, {kept.Sources.Values.Sum(s => (long)s.Length):N0} characters");
    }

    [Fact]
    public void An_Operations_setting_that_keeps_nothing_or_is_not_one_is_SCENGEN004()
    {
        ProbeResult none = GeneratorProbe.Run(new[] { GitHub("tag:no-such-tag") }, TimeSpan.FromMinutes(5));
        ProbeResult wrong = GeneratorProbe.Run(new[] { GitHub("issues") }, TimeSpan.FromMinutes(5));

        Assert.Contains("keeps none of the document's 1223 operations", Assert.Single(none.GeneratorDiagnostics, d => d.Id == "SCENGEN004").GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'issues' is not 'tag:NAME'", Assert.Single(wrong.GeneratorDiagnostics, d => d.Id == "SCENGEN004").GetMessage(), StringComparison.Ordinal);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Scenario.Generators.Model;
using Xunit;
using Xunit.Abstractions;
using TypeKind = Scenario.Generators.Model.TypeKind;

namespace Scenario.Generators.Tests;

/// <summary>
/// How much of the real-schema corpus gets a typed C# value. Of the properties generated for the corpus, at most 3 % are
/// <c>JsonElement</c>, and those the generator fell back to (where the schema asks for more than any JSON value) are
/// each reported by a warning in their schema. The measure is written to the test output and to
/// <c>scenario-typing-coverage.txt</c> in the temp folder.
/// </summary>
public class TypingCoverageTests
{
    /// <summary>The most the corpus may leave as <c>JsonElement</c>, as a share of its generated properties.</summary>
    private const double MaxUntypedShare = 0.03;

    private static readonly string[] FallbackWarnings = { "SCENGEN002", "SCENGEN005", "SCENGEN007", "SCENGEN008", "SCENGEN009" };

    private readonly ITestOutputHelper _output;

    public TypingCoverageTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void At_most_three_percent_of_the_corpus_properties_are_JsonElement_and_each_fallback_is_reported()
    {
        int properties = 0;
        var freeForm = new List<string>();
        var fallbacks = new List<string>();
        var unreported = new List<string>();
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string slug in RealSchemaCorpus.Slugs())
        {
            ProbeResult probe = GeneratorProbe.Run(RealSchemaCorpus.SchemaFiles(slug), TimeSpan.FromSeconds(60));
            Assert.True(probe.Failure is null, $"[{slug}] {probe.Failure}");
            List<Diagnostic> warnings = probe.GeneratorDiagnostics.Where(d => FallbackWarnings.Contains(d.Id)).ToList();
            foreach (Diagnostic warning in warnings)
            {
                string construct = warning.Id + " " + warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split(" at '#", 2)[0];
                reasons[construct] = reasons.TryGetValue(construct, out int n) ? n + 1 : 1;
            }

            foreach (SchemaModel model in probe.Models)
            {
                foreach (RecordModel record in model.Records)
                {
                    foreach (PropertyModel property in record.Properties)
                    {
                        properties++;
                        string where = $"{slug}: {record.Name}.{property.Name}";
                        if (!IsUntyped(property.Type))
                        {
                            continue;
                        }

                        (property.IsFreeForm ? freeForm : fallbacks).Add(where);
                        if (!property.IsFreeForm && warnings.Count == 0)
                        {
                            unreported.Add(where);
                        }
                    }
                }
            }
        }

        int untyped = freeForm.Count + fallbacks.Count;
        var report = new StringBuilder();
        report.AppendLine($"corpus: {properties} generated properties; {untyped} are JsonElement ({Percent(untyped, properties)}): {freeForm.Count} where the schema allows any value ({Percent(freeForm.Count, properties)}), {fallbacks.Count} fallbacks ({Percent(fallbacks.Count, properties)})");
        foreach (KeyValuePair<string, int> reason in reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            report.AppendLine($"  {reason.Value} × {reason.Key}");
        }

        report.AppendLine("fallbacks:").AppendLine(string.Join("\n", fallbacks.Select(f => "  " + f)));
        report.AppendLine("free-form:").AppendLine(string.Join("\n", freeForm.Select(f => "  " + f)));
        _output.WriteLine(report.ToString());
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "scenario-typing-coverage.txt"), report.ToString());

        Assert.True(unreported.Count == 0, "properties left JsonElement with no warning in their schema:\n" + string.Join("\n", unreported.Take(20)));
        Assert.True(properties > 5000, $"the corpus has only {properties} generated properties; the measure means little on so few");
        Assert.True(untyped <= properties * MaxUntypedShare, report.ToString());
    }

    private static string Percent(int part, int whole) => (100.0 * part / Math.Max(1, whole)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %";

    /// <summary>A value the generator left as JSON: <c>JsonElement</c>, or a list or map of it.</summary>
    internal static bool IsUntyped(TypeRef type)
    {
        TypeRef inner = type;
        while (inner.Kind is TypeKind.List or TypeKind.Map && inner.Element is not null)
        {
            inner = inner.Element;
        }

        return inner.Kind == TypeKind.Any;
    }
}

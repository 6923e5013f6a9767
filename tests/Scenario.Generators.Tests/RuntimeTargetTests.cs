using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// Generated code fits the Scenario.Runtime build it is compiled against: records implement IJsonModel (static abstract
/// members, read by JsonModelConverter) where the runtime has it, and are read through JsonValueConverter over their own
/// reader and writer where it has not (the netstandard2.0 build, for .NET Framework and Unity).
/// </summary>
public class RuntimeTargetTests
{
    [Theory]
    [MemberData(nameof(SnapshotTests.Cases), MemberType = typeof(SnapshotTests))]
    public void Against_the_netstandard2_0_runtime_the_code_compiles_without_IJsonModel(string name)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.NetStandardRuntimeReferences, LanguageVersion.CSharp11, NullableContextOptions.Enable, SnapshotTests.Case(name));

        Assert.Empty(run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.NotEmpty(run.Result.GeneratedTrees);
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
        Assert.All(run.Sources.Values, source => Assert.DoesNotContain("IJsonModel", source, StringComparison.Ordinal));
        Assert.All(run.Sources.Values, source => Assert.DoesNotContain("JsonModelConverter", source, StringComparison.Ordinal));
    }

    [Fact]
    public void Against_the_netstandard2_0_runtime_the_context_reads_records_through_their_own_reader_and_writer()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.NetStandardRuntimeReferences, LanguageVersion.CSharp11, NullableContextOptions.Enable, GeneratorHarness.Schema("petstore"));

        string context = run.Sources["Petstore.PetstoreJsonContext.g.cs"];
        Assert.Contains("new global::Scenario.Runtime.Json.JsonValueConverter<global::Petstore.Pet>(static (ref global::System.Text.Json.Utf8JsonReader r0, global::System.Text.Json.JsonSerializerOptions o0) => global::Petstore.Pet.ReadJson(ref r0, o0), "
            + "static (global::System.Text.Json.Utf8JsonWriter w0, global::Petstore.Pet v0, global::System.Text.Json.JsonSerializerOptions o0) => global::Petstore.Pet.WriteJson(w0, v0, o0))", context, StringComparison.Ordinal);
        Assert.Matches(@"public sealed partial record Pet : global::Scenario\.Runtime\.Validation\.IJsonValidatable\r?\n", run.Sources["Petstore.Pet.g.cs"]);
    }

    [Fact]
    public void Formats_type_dates_and_times_only_where_the_runtime_reads_them()
    {
        string onNetStandard = GeneratorHarness.Run(GeneratorHarness.NetStandardRuntimeReferences, LanguageVersion.CSharp11, NullableContextOptions.Enable, SnapshotTests.Case("formats")).Sources["Formats.Event.g.cs"];
        string onNet = GeneratorHarness.Run(SnapshotTests.Case("formats")).Sources["Formats.Event.g.cs"];

        Assert.Contains("public string? Day { get; init; }", onNetStandard, StringComparison.Ordinal);
        Assert.Contains("public string? StartsAt { get; init; }", onNetStandard, StringComparison.Ordinal);
        Assert.Contains("global::System.DateTimeOffset CreatedAt { get; init; }", onNetStandard, StringComparison.Ordinal);
        Assert.Contains("public global::System.DateOnly? Day { get; init; }", onNet, StringComparison.Ordinal);
        Assert.Contains("public global::System.TimeOnly? StartsAt { get; init; }", onNet, StringComparison.Ordinal);
    }

    [Fact]
    public void Against_the_net_runtime_records_implement_IJsonModel()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Schema("petstore"));

        Assert.Contains("new global::Scenario.Runtime.Json.JsonModelConverter<global::Petstore.Pet>()", run.Sources["Petstore.PetstoreJsonContext.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public sealed partial record Pet : global::Scenario.Runtime.Json.IJsonModel<global::Petstore.Pet>", run.Sources["Petstore.Pet.g.cs"], StringComparison.Ordinal);
    }
}

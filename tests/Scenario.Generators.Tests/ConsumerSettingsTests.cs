using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// The generated code compiles in the settings consumers use: C# 11, 12 and latest, nullable on and off, every warning
/// an error — together with consumer code that calls it, setting required properties in object initializers (C# 9 and
/// 10 use the constructor instead: <see cref="LanguageVersionTests"/> and <see cref="CompileMatrixTests"/>).
/// </summary>
public class ConsumerSettingsTests
{
    private const string ConsumerCode = """
        using System.Text.Json;
        using Scenario;

        public static class UsesTheGeneratedCode
        {
            public static string Run(string json)
            {
                ExampleListResponse list = JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.ExampleListResponse)!;
                var parameters = new ExampleUpdateParams { AssetIds = new[] { list.Examples[0].Asset.Id } };
                bool image = list.Examples[0].Asset.Kind == AssetKind.Image;
                using var client = new ScenarioClient(new ScenarioClientOptions { ApiKey = "k", ApiSecret = "s" });
                _ = client.Models.Examples.ListAsync("m", new ExampleListParams { OriginalAssets = image });
                _ = client.Models.Examples.UpdateAsync("m", parameters, cancellationToken: default);
                return JsonSerializer.Serialize(list, ScenarioJsonContext.Default.ExampleListResponse);
            }
        }
        """;

    public static IEnumerable<object[]> Settings() =>
        from language in new[] { LanguageVersion.CSharp11, LanguageVersion.CSharp12, LanguageVersion.Latest }
        from nullable in new[] { NullableContextOptions.Enable, NullableContextOptions.Disable }
        select new object[] { language, nullable };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Generated_code_compiles_with_no_warnings(LanguageVersion language, NullableContextOptions nullable)
    {
        CSharpCompilation input = GeneratorHarness.Compilation(language, nullable, ConsumerCode);
        GeneratorDriver driver = GeneratorHarness.Driver(new[] { GeneratorHarness.Schema("scenario") }).WithUpdatedParseOptions(new CSharpParseOptions(language));

        driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out _);

        Assert.NotNull(output.GetTypeByMetadataName("Scenario.ScenarioClient"));
        Assert.NotNull(output.GetTypeByMetadataName("Scenario.ScenarioJsonContext"));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
    }
}

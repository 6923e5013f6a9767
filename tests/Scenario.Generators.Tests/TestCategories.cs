namespace Scenario.Generators.Tests;

/// <summary>
/// The trait that splits the tests in two commands (docs/contributing.md, "Tests"): the README's command runs every test
/// but these, and answers in minutes; <c>dotnet test tests/Scenario.Generators.Tests --filter Category=Extended</c> runs
/// these, the long runs over material nobody here chose and over many compilations (seeded fuzzing, the real schemas and
/// API descriptions, the compile matrix, GitHub's description, the JSON Schema Test Suite, NJsonSchema beside ours). CI
/// runs both.
/// </summary>
internal static class TestCategories
{
    /// <summary>The trait's name.</summary>
    public const string Name = "Category";

    /// <summary>The long runs: each compiles hundreds of generated sources.</summary>
    public const string Extended = "Extended";
}

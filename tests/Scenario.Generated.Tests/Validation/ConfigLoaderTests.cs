using System;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Level;
using Scenario.Runtime.Validation;
using Xunit;

namespace Scenario.Generated.Tests.Validation;

/// <summary>
/// The config loader the README shows (tests/Schemas/level.schema.json): one call through the context's
/// <c>Validating</c> instance reads a good file and refuses a broken one with a message that names each place; the same
/// values checked after reading, through the generated <c>Validate()</c>.
/// </summary>
public sealed class ConfigLoaderTests : IDisposable
{
    private const string Good = """
        {
          "name": "Frozen Keep",
          "difficulty": "hard",
          "timeLimitSeconds": 600,
          "spawns": [ { "enemy": "yeti", "count": 3, "everySeconds": 7.5 } ],
          "tags": [ "ice", "night-1" ]
        }
        """;

    private const string Broken = """
        {
          "name": "Frozen Keep",
          "difficulty": "brutal",
          "timeLimitSeconds": 5,
          "spawns": [ { "enemy": "yeti", "count": 0, "everySeconds": 7.3 } ],
          "tags": [ "ice", "ice" ],
          "music": "wind.ogg"
        }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "level-" + Guid.NewGuid().ToString("N"));

    public ConfigLoaderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The loader as the README writes it.</summary>
    private static LevelConfig Load(string path) =>
        JsonSerializer.Deserialize(File.ReadAllText(path), LevelJsonContext.Validating.LevelConfig)!;

    [Fact]
    public void A_good_file_loads()
    {
        LevelConfig level = Load(Write("good.json", Good));

        Assert.Equal("Frozen Keep", level.Name);
        Assert.Equal(3, level.Spawns[0].Count);
        Assert.Empty(level.Validate());
    }

    [Fact]
    public void A_broken_file_is_refused_with_every_place_named()
    {
        string path = Write("broken.json", Broken);

        JsonSchemaValidationException failure = Assert.Throws<JsonSchemaValidationException>(() => Load(path));

        Assert.Equal(
            new[]
            {
                ("/difficulty", "enum"),
                ("/music", "additionalProperties"),
                ("/spawns/0/count", "minimum"),
                ("/spawns/0/everySeconds", "multipleOf"),
                ("/tags", "uniqueItems"),
                ("/timeLimitSeconds", "minimum"),
            },
            failure.Problems.Select(p => (p.InstancePath, p.Keyword)).OrderBy(p => p.InstancePath, StringComparer.Ordinal));
        Assert.Contains("/difficulty", failure.Message, StringComparison.Ordinal);
        Assert.Contains("6 problems", failure.Message, StringComparison.Ordinal);
        Assert.All(failure.Problems, p => Assert.StartsWith("file:///", p.SchemaLocation, StringComparison.Ordinal));
        Assert.NotNull(failure.Path);
    }

    [Fact]
    public void The_default_context_reads_the_broken_file_and_Validate_finds_the_same_problems()
    {
        LevelConfig level = JsonSerializer.Deserialize(Broken, LevelJsonContext.Default.LevelConfig)!;

        var problems = level.Validate();

        Assert.Equal(6, problems.Count);
        Assert.Contains(problems, p => p.InstancePath == "/spawns/0/count" && p.Keyword == "minimum" && p.SchemaLocation.EndsWith("level.schema.json#/$defs/Spawn/properties/count/minimum", StringComparison.Ordinal));
        Assert.Throws<JsonSchemaValidationException>(() => level.ThrowIfInvalid());
        Assert.Contains(level.Spawns[0].Validate(), p => p.InstancePath == "/count");
    }

    [Fact]
    public void Fixing_the_value_in_code_makes_it_valid()
    {
        LevelConfig broken = JsonSerializer.Deserialize(Broken, LevelJsonContext.Default.LevelConfig)!;

        LevelConfig fixedLevel = broken with
        {
            Difficulty = LevelConfigDifficulty.Hard,
            TimeLimitSeconds = 60,
            Spawns = new[] { broken.Spawns[0] with { Count = 2, EverySeconds = 7.25 } },
            Tags = new[] { "ice" },
            ExtensionData = null,
        };

        Assert.Empty(fixedLevel.Validate());
        fixedLevel.ThrowIfInvalid();
    }

    [Fact]
    public void Validating_a_valid_value_again_allocates_only_the_parsed_document_and_the_strings_it_checks()
    {
        LevelConfig level = JsonSerializer.Deserialize(Good, LevelJsonContext.Default.LevelConfig)!;
        Assert.Empty(level.Validate());

        long before = GC.GetAllocatedBytesForCurrentThread();
        IReadOnlyList<JsonSchemaProblem> problems = level.Validate();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The value is written into the thread's pooled buffer and read back as a JsonDocument (its one object, its
        // metadata rented from the pool); the walk allocates only the strings a length or a pattern check reads (the
        // name, the enemy, the tags): 832 bytes on .NET 10 when this was written.
        Assert.Empty(problems);
        Assert.True(allocated <= 1024, $"validating a valid value allocated {allocated} bytes");
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Scenario.Runtime.Validation;
using Xunit;
using Xunit.Abstractions;

namespace Scenario.Generated.Tests.Validation;

/// <summary>
/// The official JSON Schema Test Suite (tests/JsonSchemaTestSuite) run through <see cref="JsonSchemaSet"/> directly: for
/// every test group of each draft, a set of the group's schema and the suite's remote documents, and every test's data
/// checked against it and compared with the suite's <c>valid</c>. Every valid instance passes, and for drafts 6, 7 and
/// 2020-12 every invalid one is found invalid. Groups that refer to a json-schema.org meta-schema cannot run offline (the
/// meta-schemas are not vendored): they are counted apart, by name.
/// </summary>
public sealed class SchemaEvaluatorSuiteTests(ITestOutputHelper output)
{
    /// <summary>Each draft's folder, its dialect, and whether every invalid instance must be found invalid.</summary>
    public static readonly TheoryData<string, JsonSchemaDialect, bool> Drafts = new()
    {
        { "draft4", JsonSchemaDialect.Draft4, true },
        { "draft6", JsonSchemaDialect.Draft6, true },
        { "draft7", JsonSchemaDialect.Draft7, true },
        { "draft2019-09", JsonSchemaDialect.Draft201909, true },
        { "draft2020-12", JsonSchemaDialect.Draft202012, true },
    };

    private static readonly string[] s_draftFolders = { "draft4", "draft6", "draft7", "draft2019-09", "draft2020-12" };

    /// <summary>The directory of Scenario.Generators.sln, found from the test's output directory up.</summary>
    internal static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Scenario.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Scenario.Generators.sln was not found above " + AppContext.BaseDirectory);
    }

    private static string SuiteRoot => Path.Combine(RepositoryRoot(), "tests", "JsonSchemaTestSuite");

    [Theory]
    [MemberData(nameof(Drafts))]
    public void Every_test_of_the_suite_gets_the_suites_answer(string draft, JsonSchemaDialect dialect, bool allInvalidFound)
    {
        List<JsonSchemaDocument> remotes = Remotes(draft, dialect);
        var tally = new Tally();
        foreach (string path in Directory.GetFiles(Path.Combine(SuiteRoot, "tests", draft), "*.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            string stem = Path.GetFileNameWithoutExtension(path);
            using JsonDocument file = JsonDocument.Parse(File.ReadAllText(path));
            int index = 0;
            foreach (JsonElement group in file.RootElement.EnumerateArray())
            {
                RunGroup(stem, index++, group, dialect, remotes, tally, JsonValidationOptions.Default);
            }
        }

        output.WriteLine(tally.Report(draft));
        Assert.True(tally.ValidPassed == tally.ValidTotal, $"{draft}: {tally.ValidPassed} of {tally.ValidTotal} valid instances pass\n{tally.Failures(true)}");
        if (allInvalidFound)
        {
            Assert.True(tally.InvalidPassed == tally.InvalidTotal, $"{draft}: {tally.InvalidPassed} of {tally.InvalidTotal} invalid instances are found invalid\n{tally.Failures(false)}");
        }

        Assert.True(tally.ValidTotal > 300 && tally.InvalidTotal > 200, draft + ": the suite was not found whole");
    }

    /// <summary>
    /// The suite's optional <c>format</c> tests (tests/&lt;draft&gt;/optional/format), with <c>format</c> asserted
    /// (<see cref="JsonValidationOptions.AssertFormat"/>): reported per format, apart from the required tests. No valid
    /// instance is refused (a format that is not checked passes everything), and of the invalid ones, the formats checked
    /// refuse at least as many as the last run did (docs/validation.md gives the figures).
    /// </summary>
    [Theory]
    [MemberData(nameof(Drafts))]
    public void Optional_format_tests_with_format_asserted(string draft, JsonSchemaDialect dialect, bool allInvalidFound)
    {
        _ = allInvalidFound;
        List<JsonSchemaDocument> remotes = Remotes(draft, dialect);
        var tally = new Tally();
        var options = new JsonValidationOptions { AssertFormat = true };
        foreach (string path in Directory.GetFiles(Path.Combine(SuiteRoot, "tests", draft, "optional", "format"), "*.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            string stem = Path.GetFileNameWithoutExtension(path);
            using JsonDocument file = JsonDocument.Parse(File.ReadAllText(path));
            int index = 0;
            foreach (JsonElement group in file.RootElement.EnumerateArray())
            {
                RunGroup(stem, index++, group, dialect, remotes, tally, options);
            }
        }

        output.WriteLine(tally.Report(draft + " optional/format"));
        Assert.True(tally.ValidTotal > 50, draft + ": the format tests were not found");
        Assert.True(tally.ValidPassed == tally.ValidTotal, $"{draft}: {tally.ValidPassed} of {tally.ValidTotal} valid format instances pass\n{tally.Failures(true)}");
        int floor = draft switch { "draft4" => 119, "draft6" => 137, "draft7" => 233, "draft2019-09" => 267, _ => 269 };
        Assert.True(tally.InvalidPassed >= floor, $"{draft}: {tally.InvalidPassed} of {tally.InvalidTotal} invalid format instances refused, fewer than the {floor} of the last run\n{tally.Failures(false)}");
    }

    private static void RunGroup(string stem, int index, JsonElement group, JsonSchemaDialect dialect, List<JsonSchemaDocument> remotes, Tally tally, JsonValidationOptions options)
    {
        JsonElement schema = group.GetProperty("schema");
        string name = stem + " #" + index.ToString(CultureInfo.InvariantCulture) + " (" + group.GetProperty("description").GetString() + ")";
        string uri = "https://suite.test/" + stem + "/" + index.ToString(CultureInfo.InvariantCulture) + ".json";
        string idKeyword = dialect == JsonSchemaDialect.Draft4 ? "id" : "$id";
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(idKeyword, out JsonElement id) && id.ValueKind == JsonValueKind.String
            && Uri.TryCreate(id.GetString(), UriKind.Absolute, out Uri? absolute) && !absolute.IsFile && !schema.TryGetProperty("$ref", out _))
        {
            uri = id.GetString()!;
        }

        string? gap = MetaSchemaReference(schema);
        var documents = new List<JsonSchemaDocument> { new(uri, schema.GetRawText(), dialect) };
        documents.AddRange(remotes);
        var set = new JsonSchemaSet(documents.ToArray());
        foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
        {
            bool expected = test.GetProperty("valid").GetBoolean();
            string testName = name + ": " + test.GetProperty("description").GetString();
            bool actual;
            string detail;
            try
            {
                IReadOnlyList<JsonSchemaProblem> problems = set.Validate(test.GetProperty("data"), uri + "#", options);
                actual = problems.Count == 0;
                detail = actual ? "valid" : problems[0].ToString();
            }
            catch (Exception ex) when (ex is ArgumentException or JsonException)
            {
                actual = false;
                detail = "threw " + ex.GetType().Name + ": " + ex.Message;
            }

            tally.Count(stem, testName, expected, actual, detail, gap);
        }
    }

    /// <summary>Why a group cannot run offline: its schema refers to a json-schema.org meta-schema; null when it does not.</summary>
    private static string? MetaSchemaReference(JsonElement schema)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in schema.EnumerateObject())
                {
                    if (property.Name is "$ref" or "$dynamicRef" && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Contains("json-schema.org/", StringComparison.Ordinal))
                    {
                        return "refers to the meta-schema " + property.Value.GetString() + ", which is not among the documents (not available offline)";
                    }

                    if (MetaSchemaReference(property.Value) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (JsonElement item in schema.EnumerateArray())
                {
                    if (MetaSchemaReference(item) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The suite's remote documents, each at <c>http://localhost:1234/</c> and its path under remotes/; other drafts' folders left out.</summary>
    private static List<JsonSchemaDocument> Remotes(string draft, JsonSchemaDialect dialect)
    {
        string root = Path.Combine(SuiteRoot, "remotes");
        var documents = new List<JsonSchemaDocument>();
        foreach (string path in Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            string first = relative.Split('/')[0];
            if (s_draftFolders.Contains(first) && first != draft)
            {
                continue;
            }

            documents.Add(new JsonSchemaDocument("http://localhost:1234/" + relative, File.ReadAllText(path), dialect));
        }

        return documents;
    }

    /// <summary>The counts of a draft, per test file, with the failures by name and the meta-schema gaps apart.</summary>
    private sealed class Tally
    {
        private readonly SortedDictionary<string, int[]> _byFile = new(StringComparer.Ordinal);
        private readonly List<string> _validFailures = new();
        private readonly List<string> _invalidFailures = new();
        private readonly List<string> _gaps = new();

        public int ValidTotal { get; private set; }

        public int ValidPassed { get; private set; }

        public int InvalidTotal { get; private set; }

        public int InvalidPassed { get; private set; }

        public void Count(string file, string test, bool expected, bool actual, string detail, string? gap)
        {
            if (gap is not null)
            {
                _gaps.Add(test + " [" + (expected ? "valid" : "invalid") + (expected == actual ? ", agrees" : ", differs") + "]: " + gap);
                return;
            }

            if (!_byFile.TryGetValue(file, out int[]? counts))
            {
                _byFile[file] = counts = new int[4];
            }

            bool passed = expected == actual;
            if (expected)
            {
                ValidTotal++;
                counts[0]++;
                if (passed)
                {
                    ValidPassed++;
                    counts[1]++;
                }
                else
                {
                    _validFailures.Add(test + " -> " + detail);
                }
            }
            else
            {
                InvalidTotal++;
                counts[2]++;
                if (passed)
                {
                    InvalidPassed++;
                    counts[3]++;
                }
                else
                {
                    _invalidFailures.Add(test + " -> found valid");
                }
            }
        }

        public string Failures(bool valid) => string.Join("\n", (valid ? _validFailures : _invalidFailures).Take(60));

        public string Report(string draft)
        {
            var text = new StringBuilder();
            text.Append(draft).Append(": valid:true ").Append(ValidPassed).Append('/').Append(ValidTotal)
                .Append(", valid:false ").Append(InvalidPassed).Append('/').Append(InvalidTotal)
                .Append(", meta-schema gaps ").Append(_gaps.Count).Append(" tests\n");
            foreach (KeyValuePair<string, int[]> file in _byFile)
            {
                int[] c = file.Value;
                text.Append("  ").Append(file.Key.PadRight(28)).Append(" valid:true ").Append(c[1]).Append('/').Append(c[0])
                    .Append("  valid:false ").Append(c[3]).Append('/').Append(c[2]).Append(c[1] == c[0] && c[3] == c[2] ? "" : "  <-").Append('\n');
            }

            foreach (string failure in _validFailures)
            {
                text.Append("  FAIL (valid:true): ").Append(failure).Append('\n');
            }

            foreach (string failure in _invalidFailures)
            {
                text.Append("  FAIL (valid:false): ").Append(failure).Append('\n');
            }

            foreach (string gap in _gaps)
            {
                text.Append("  GAP: ").Append(gap).Append('\n');
            }

            return text.ToString();
        }
    }
}

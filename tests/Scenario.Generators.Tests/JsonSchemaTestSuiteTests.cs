using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.CodeAnalysis;
using Scenario.Generators.Model;
using Scenario.Runtime.Validation;
using Xunit;
using Xunit.Abstractions;

namespace Scenario.Generators.Tests;

/// <summary>
/// The official JSON Schema Test Suite (tests/JsonSchemaTestSuite, vendored with its licence and commit): for every test
/// group of drafts 4, 6, 7, 2019-09 and 2020-12, the generator runs on its schema without a crash or a hang, and every
/// instance the suite marks valid is read through <c>{Context}.Default.{Root}</c> and written back as the same JSON value.
/// Every valid instance of every draft comes back; a run that misses one prints which, by reason.
/// The same compiled code is then the validator under test (docs/validation.md): every valid instance is read through
/// <c>{Context}.Validating.{Root}</c> and its value's <c>Validate()</c> finds no problem, and each instance the suite marks
/// invalid is refused; the refusals are counted per draft and per test file (one file a keyword).
/// </summary>
[Trait(TestCategories.Name, TestCategories.Extended)]
public sealed class JsonSchemaTestSuiteTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(60);

    /// <summary>Each draft's folder, the <c>$schema</c> a group without one is given, and how many valid instances it has.</summary>
    public static readonly TheoryData<string, string, int> Drafts = new()
    {
        { "draft4", "http://json-schema.org/draft-04/schema#", 357 },
        { "draft6", "http://json-schema.org/draft-06/schema#", 477 },
        { "draft7", "http://json-schema.org/draft-07/schema#", 550 },
        { "draft2019-09", "https://json-schema.org/draft/2019-09/schema", 739 },
        { "draft2020-12", "https://json-schema.org/draft/2020-12/schema", 765 },
    };

    private static string SuiteRoot => Path.Combine(GeneratorHarness.RepositoryRoot(), "tests", "JsonSchemaTestSuite");

    [Theory]
    [MemberData(nameof(Drafts))]
    public void Every_valid_instance_reads_and_writes_back_unchanged(string draft, string metaSchema, int valid)
    {
        var tally = new Tally();
        var verdicts = new Verdicts();
        List<SchemaFile> remotes = Remotes(draft, metaSchema);
        foreach (string path in Directory.GetFiles(Path.Combine(SuiteRoot, "tests", draft), "*.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            string text = File.ReadAllText(path);
            var groups = JsonNode.Parse(text)!.AsArray().Select(g => g!.AsObject()).ToList();
            string stem = Path.GetFileNameWithoutExtension(path);
            List<Case> cases = groups.Select((g, i) => new Case(stem, i, g, metaSchema)).ToList();

            // Groups that name ids could clash with each other in one compilation: those run one by one, the rest together.
            bool alone = text.Contains("\"$id\"", StringComparison.Ordinal) || text.Contains("\"id\"", StringComparison.Ordinal) || text.Contains("\"$anchor\"", StringComparison.Ordinal) || text.Contains("\"$dynamicAnchor\"", StringComparison.Ordinal) || text.Contains("\"$recursiveAnchor\"", StringComparison.Ordinal);
            IEnumerable<List<Case>> batches = alone ? cases.Select(c => new List<Case> { c }) : new[] { cases };
            foreach (List<Case> batch in batches)
            {
                RunBatch(batch, batch.Any(c => c.NeedsRemotes) ? remotes : new List<SchemaFile>(), tally, verdicts);
            }
        }

        output.WriteLine(tally.Report(draft));
        output.WriteLine(verdicts.Report(draft));
        if (Environment.GetEnvironmentVariable("SCENARIO_WRITE_SUITE_TABLE") == "1")
        {
            WriteTables(draft, verdicts);
        }

        Assert.True(tally.Crashes.Count == 0, draft + ": the generator crashed or hung on " + string.Join("; ", tally.Crashes.Take(5)));
        Assert.True(tally.Valid == valid, $"{draft}: {tally.Valid} valid instances were found, where the vendored suite has {valid}");
        Assert.True(tally.Passed == tally.Valid, $"{draft}: {tally.Passed} of {tally.Valid} valid instances came back\n{tally.Report(draft)}");
        Assert.True(verdicts.ValidAccepted + verdicts.GapValid == verdicts.Valid, $"{draft}: {verdicts.ValidAccepted} of {verdicts.Valid} valid instances passed validation, {verdicts.GapValid} more in the named gaps\n{verdicts.Report(draft)}");
        Assert.True(verdicts.Refused + verdicts.GapInvalid == verdicts.Invalid, $"{draft}: {verdicts.Refused} of {verdicts.Invalid} invalid instances were refused, {verdicts.GapInvalid} more in the named gaps\n{verdicts.Report(draft)}");
    }

    /// <summary>
    /// Keeps this draft's figures for the run; once the run has all five drafts', writes the README's table
    /// (<c>suite:validation</c>) and the details per test file in docs/validation.md (<c>suite:validation-details</c>).
    /// </summary>
    private static void WriteTables(string draft, Verdicts verdicts)
    {
        string folder = Path.Combine(Path.GetTempPath(), "scenario-suite-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, draft + ".txt"), verdicts.Row(draft) + "\n" + verdicts.Details(draft));
        string[] drafts = Drafts.Select(d => (string)d[0]).ToArray();
        if (!drafts.All(d => File.Exists(Path.Combine(folder, d + ".txt"))))
        {
            return;
        }

        string root = GeneratorHarness.RepositoryRoot();
        string run = $"One run of `JsonSchemaTestSuiteTests` on {DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} at commit `{DocumentBlocks.Commit(root)}`, the suite's required tests at its commit `44401e0c046704b476ec9d2e2fccdaee618f259d`; each instance read through the generated `{{Context}}.Validating.{{Root}}`:";
        var table = new StringBuilder()
            .AppendLine("| draft | valid instances accepted | invalid instances refused | instances in the named gaps |")
            .AppendLine("| --- | ---: | ---: | ---: |");
        var details = new StringBuilder();
        foreach (string d in drafts)
        {
            string[] parts = File.ReadAllText(Path.Combine(folder, d + ".txt")).Split('\n', 2);
            table.AppendLine(parts[0]);
            details.AppendLine(parts[1].TrimEnd()).AppendLine();
        }

        DocumentBlocks.Replace(Path.Combine(root, "README.md"), "suite:validation", run + "\n\n" + table.ToString().TrimEnd());
        DocumentBlocks.Replace(Path.Combine(root, "docs", "validation.md"), "suite:validation-details", run + "\n\n" + details.ToString().TrimEnd());
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Runs cases together; when their code does not compile together, each alone, so one case's problem is its own.</summary>
    private static void RunBatch(List<Case> batch, List<SchemaFile> remotes, Tally tally, Verdicts verdicts)
    {
        ProbeResult probe = GeneratorProbe.Run(batch.Select(c => c.File).Concat(remotes).ToList(), s_bound);
        if (probe.Failure is { } failure)
        {
            if (batch.Count > 1)
            {
                foreach (Case single in batch)
                {
                    RunBatch(new List<Case> { single }, remotes, tally, verdicts);
                }

                return;
            }

            tally.Crashes.Add(batch[0].Name + ": " + failure);
            tally.Fail(batch[0], "the generator crashed or hung");
            verdicts.Fail(batch[0], "the generator crashed or hung");
            return;
        }

        List<Diagnostic> compileErrors = probe.Output!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (compileErrors.Count > 0)
        {
            if (batch.Count > 1)
            {
                foreach (Case single in batch)
                {
                    RunBatch(new List<Case> { single }, remotes, tally, verdicts);
                }

                return;
            }

            tally.Fail(batch[0], "the generated code does not compile (" + compileErrors[0].Id + ")");
            verdicts.Fail(batch[0], "the generated code does not compile");
            return;
        }

        using GeneratedAssembly assembly = GeneratedAssembly.Load(probe.Output!);
        foreach (Case @case in batch)
        {
            SchemaModel? model = probe.Models.FirstOrDefault(m => m.FilePath == @case.File.Path);
            if (model?.RootName is null)
            {
                string reason = probe.GeneratorDiagnostics.Any(d => d.Location.GetLineSpan().Path == @case.File.Path && d.DefaultSeverity == DiagnosticSeverity.Error)
                    ? "the generator refused the schema (an error)"
                    : "the root gives no type";
                tally.Fail(@case, reason);
                verdicts.Fail(@case, reason);
                continue;
            }

            JsonTypeInfo typeInfo = assembly.TypeInfo(model.Namespace, model.ContextName, model.RootName);
            JsonTypeInfo validating = assembly.TypeInfo(model.Namespace, model.ContextName, model.RootName, "Validating");

            // Validate() checks a type's own schema: the document's when the root's type is the root schema's own, not
            // when the root reaches another schema's type through a $ref (whose siblings, and dynamic scope, it leaves).
            bool rootIsOwn = model.RootType?.Name is { } rootType
                && (model.Records.Any(r => r.Name == rootType && r.SchemaPointer == string.Empty) || model.Unions.Any(u => u.Name == rootType && u.SchemaPointer == string.Empty));
            foreach (JsonObject test in @case.ValidInstances)
            {
                tally.Count(@case, RoundTrip(typeInfo, test["data"]));
                verdicts.CountValid(@case, Accepted(validating, test["data"], rootIsOwn));
            }

            foreach (JsonObject test in @case.InvalidInstances)
            {
                verdicts.CountInvalid(@case, (string?)test["description"], Refused(validating, test["data"]));
            }
        }
    }

    /// <summary>
    /// Null when the instance is read through the validating context and, where the root's type is the root schema's
    /// own, its value (a record's or union's) finds no problem in <c>Validate()</c>; else the first problem, in a few words.
    /// </summary>
    private static string? Accepted(JsonTypeInfo validating, JsonNode? data, bool rootIsOwn)
    {
        object? value;
        try
        {
            value = JsonSerializer.Deserialize(data is null ? "null" : data.ToJsonString(), validating);
        }
        catch (JsonSchemaValidationException ex)
        {
            return "refused: " + ex.Problems[0];
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return "refused when read (" + ex.GetType().Name + ": " + ex.Message + ")";
        }

        if (rootIsOwn && value?.GetType().GetMethod("Validate", new[] { typeof(JsonValidationOptions) }) is { } validate
            && validate.Invoke(value, new object?[] { null }) is IReadOnlyList<JsonSchemaProblem> { Count: > 0 } problems)
        {
            return "Validate() found: " + problems[0];
        }

        return null;
    }

    /// <summary>How the validating context answers an instance the suite marks invalid: refused by validation, refused when read, or accepted.</summary>
    private static Refusal Refused(JsonTypeInfo validating, JsonNode? data)
    {
        try
        {
            JsonSerializer.Deserialize(data is null ? "null" : data.ToJsonString(), validating);
            return Refusal.Accepted;
        }
        catch (JsonSchemaValidationException)
        {
            return Refusal.ByValidation;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return Refusal.WhenRead;
        }
    }

    private enum Refusal
    {
        ByValidation,
        WhenRead,
        Accepted,
    }

    /// <summary>Null when the instance reads and writes back as the same JSON value; else why not, in a few words.</summary>
    private static string? RoundTrip(JsonTypeInfo typeInfo, JsonNode? data)
    {
        string input = data is null ? "null" : data.ToJsonString();
        string written;
        try
        {
            written = JsonSerializer.Serialize(JsonSerializer.Deserialize(input, typeInfo), typeInfo);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return "refused when read (" + ex.GetType().Name + ")";
        }

        using JsonDocument expected = JsonDocument.Parse(input);
        using JsonDocument actual = JsonDocument.Parse(written);
        return JsonElement.DeepEquals(expected.RootElement, actual.RootElement) ? null : "written back changed";
    }

    /// <summary>
    /// The suite's remote documents (<c>remotes/</c>: those of every draft, and the draft's own folder), each a schema file
    /// whose id is the address the tests refer to it by (<c>http://localhost:1234/…</c>) and its draft the test's.
    /// </summary>
    private static List<SchemaFile> Remotes(string draft, string metaSchema)
    {
        string root = Path.Combine(SuiteRoot, "remotes");
        string[] otherDrafts = { "draft4", "draft6", "draft7", "draft2019-09", "draft2020-12" };
        var files = new List<SchemaFile>();
        int n = 0;
        foreach (string path in Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            string first = relative.Split('/')[0];
            if (otherDrafts.Contains(first) && first != draft)
            {
                continue;
            }

            JsonNode? node = JsonNode.Parse(File.ReadAllText(path));
            if (node is JsonObject schema)
            {
                string idKeyword = draft == "draft4" ? "id" : "$id";
                if (schema[idKeyword] is null)
                {
                    schema.Insert(0, idKeyword, "http://localhost:1234/" + relative);
                }

                if (schema["$schema"] is null)
                {
                    schema.Insert(0, "$schema", metaSchema);
                }
            }

            var metadata = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Namespace"] = "Remotes.R" + (n++).ToString(CultureInfo.InvariantCulture) };
            files.Add(GeneratorHarness.Inline("remotes/" + relative.Substring(0, relative.Length - ".json".Length) + ".schema.json", node!.ToJsonString(), metadata));
        }

        return files;
    }

    /// <summary>One test group: its schema as a schema file of its own namespace, and its valid instances.</summary>
    private sealed class Case
    {
        public Case(string stem, int index, JsonObject group, string metaSchema)
        {
            Name = stem + " #" + index.ToString(CultureInfo.InvariantCulture) + " (" + (string?)group["description"] + ")";
            Description = (string?)group["description"] ?? string.Empty;
            JsonNode schema = group["schema"]!.DeepClone();
            if (schema is JsonObject obj && obj["$schema"] is null)
            {
                obj.Insert(0, "$schema", metaSchema);
            }

            string text = schema.ToJsonString();
            NeedsRemotes = text.Contains("localhost:1234", StringComparison.Ordinal);
            string ns = "Suite." + Identifier(stem) + ".G" + index.ToString(CultureInfo.InvariantCulture);
            File = GeneratorHarness.Inline("suite/" + stem + "/g" + index.ToString(CultureInfo.InvariantCulture) + ".schema.json", text, new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Namespace"] = ns });
            ValidInstances = group["tests"]!.AsArray().Select(t => t!.AsObject()).Where(t => (bool)t["valid"]!).ToList();
            InvalidInstances = group["tests"]!.AsArray().Select(t => t!.AsObject()).Where(t => !(bool)t["valid"]!).ToList();
        }

        public string Name { get; }

        public SchemaFile File { get; }

        public bool NeedsRemotes { get; }

        public List<JsonObject> ValidInstances { get; }

        public List<JsonObject> InvalidInstances { get; }

        public string Description { get; }

        public string FileStem => Name.Substring(0, Name.IndexOf(" #", StringComparison.Ordinal));

        private static string Identifier(string stem) => new string(stem.Where(char.IsLetterOrDigit).ToArray()) is { Length: > 0 } id && !char.IsDigit(id[0]) ? id : "F" + stem.Length.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Validation's counts of a draft: valid instances accepted, and per test file (a keyword, mostly) how many invalid
    /// instances were refused, by validation or already when read; what was not, named.
    /// </summary>
    private sealed class Verdicts
    {
        /// <summary>
        /// The test groups validation cannot answer as the suite asks, by test file and description, and why: their
        /// instances are counted apart, never as passed (the README's table names them).
        /// </summary>
        public static readonly Dictionary<(string File, string Description), string> Gaps = new()
        {
            [("definitions", "validate definition against metaschema")] = "refers to the draft's meta-schema, which is not built in",
            [("defs", "validate definition against metaschema")] = "refers to the draft's meta-schema, which is not built in",
            [("ref", "remote ref, containing refs itself")] = "refers to the draft's meta-schema, which is not built in",
            [("refRemote", "remote HTTP ref with different $id")] = "refers to a remote document by the address it is fetched from, which is not its $id; a schema file is known by its path and its $id",
            [("refRemote", "remote HTTP ref with different URN $id")] = "refers to a remote document by the address it is fetched from, which is not its $id; a schema file is known by its path and its $id",
        };

        private readonly SortedSet<string> _gapGroups = new(StringComparer.Ordinal);

        public int GapValid { get; private set; }

        public int GapInvalid { get; private set; }

        private readonly SortedDictionary<string, (int Invalid, int ByValidation, int WhenRead)> _byFile = new(StringComparer.Ordinal);
        private readonly List<string> _accepted = new();
        private readonly List<string> _rejectedValid = new();

        public int Valid { get; private set; }

        public int ValidAccepted { get; private set; }

        public int Invalid { get; private set; }

        public int Refused { get; private set; }

        public void CountValid(Case @case, string? problem)
        {
            Valid++;
            if (problem is not null && GapOf(@case) is { } gap)
            {
                GapValid++;
                _gapGroups.Add(@case.Name + ": " + gap);
            }
            else if (problem is null)
            {
                ValidAccepted++;
            }
            else if (_rejectedValid.Count < 40)
            {
                _rejectedValid.Add(@case.Name + ": " + problem);
            }
        }

        public void CountInvalid(Case @case, string? description, Refusal refusal)
        {
            Invalid++;
            if (GapOf(@case) is { } gap)
            {
                // Refused, but for the gap's reason (a reference it cannot check), not the suite's: not counted as refused.
                GapInvalid++;
                _gapGroups.Add(@case.Name + ": " + gap);
                return;
            }

            (int invalid, int byValidation, int whenRead) = _byFile.TryGetValue(@case.FileStem, out var counts) ? counts : default;
            invalid++;
            if (refusal == Refusal.ByValidation)
            {
                byValidation++;
            }
            else if (refusal == Refusal.WhenRead)
            {
                whenRead++;
            }
            else
            {
                _accepted.Add(@case.Name + ": " + description);
            }

            Refused += refusal == Refusal.Accepted ? 0 : 1;
            _byFile[@case.FileStem] = (invalid, byValidation, whenRead);
        }

        /// <summary>None of the case's instances could be checked: the valid ones count as not accepted, the invalid as not refused.</summary>
        public void Fail(Case @case, string reason)
        {
            foreach (JsonObject test in @case.ValidInstances)
            {
                CountValid(@case, reason);
            }

            foreach (JsonObject test in @case.InvalidInstances)
            {
                CountInvalid(@case, (string?)test["description"] + " (" + reason + ")", Refusal.Accepted);
            }
        }

        /// <summary>The draft's row of the README's table.</summary>
        public string Row(string draft) =>
            string.Create(CultureInfo.InvariantCulture, $"| {Label(draft)} | {ValidAccepted:N0} / {Valid - GapValid:N0} | {Refused:N0} / {Invalid - GapInvalid:N0} | {GapValid + GapInvalid:N0} |");

        /// <summary>The draft's figures per test file, and its gaps by name, for docs/validation.md.</summary>
        public string Details(string draft)
        {
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"### {Label(draft)}").AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{ValidAccepted:N0} of {Valid - GapValid:N0} valid instances accepted, {Refused:N0} of {Invalid - GapInvalid:N0} invalid ones refused.").AppendLine();
            text.AppendLine("| test file | invalid instances | refused by validation | refused when read | accepted |");
            text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (KeyValuePair<string, (int Invalid, int ByValidation, int WhenRead)> file in _byFile)
            {
                (int invalid, int byValidation, int whenRead) = file.Value;
                text.AppendLine(CultureInfo.InvariantCulture, $"| `{file.Key}` | {invalid} | {byValidation} | {whenRead} | {invalid - byValidation - whenRead} |");
            }

            text.AppendLine();
            text.AppendLine(_gapGroups.Count == 0 ? "No gaps." : "Gaps (their instances counted apart):");
            foreach (string gap in _gapGroups)
            {
                text.AppendLine("- " + gap.Replace("|", "\\|", StringComparison.Ordinal));
            }

            return text.ToString();
        }

        private static string Label(string draft) => draft.Replace("draft", "draft ", StringComparison.Ordinal).Replace("draft 2", "2", StringComparison.Ordinal);

        private static string? GapOf(Case @case) =>
            Gaps.TryGetValue((@case.FileStem, @case.Description), out string? reason) ? reason : null;

        public string Report(string draft)
        {
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"{draft}: validation accepts {ValidAccepted} of {Valid - GapValid} valid instances; refuses {Refused} of {Invalid - GapInvalid} invalid ones ({(Invalid == GapInvalid ? 0 : 100.0 * Refused / (Invalid - GapInvalid)):0.0}%); named gaps: {GapValid} valid and {GapInvalid} invalid instances");
            foreach (string gap in _gapGroups)
            {
                text.AppendLine("  gap: " + gap);
            }

            text.AppendLine("  file | invalid | refused by validation | refused when read | accepted");
            foreach (KeyValuePair<string, (int Invalid, int ByValidation, int WhenRead)> file in _byFile)
            {
                (int invalid, int byValidation, int whenRead) = file.Value;
                text.AppendLine(CultureInfo.InvariantCulture, $"  {file.Key} | {invalid} | {byValidation} | {whenRead} | {invalid - byValidation - whenRead}");
            }

            foreach (string accepted in _accepted)
            {
                text.AppendLine("  accepted: " + accepted);
            }

            foreach (string rejected in _rejectedValid)
            {
                text.AppendLine("  valid, not accepted: " + rejected);
            }

            return text.ToString();
        }
    }

    /// <summary>The counts of a draft: valid instances, those that came back, and the rest by reason and by test file.</summary>
    private sealed class Tally
    {
        private readonly Dictionary<string, int> _byReason = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _byFile = new(StringComparer.Ordinal);
        private readonly List<string> _examples = new();

        public int Valid { get; private set; }

        public int Passed { get; private set; }

        public List<string> Crashes { get; } = new();

        public void Count(Case @case, string? problem)
        {
            Valid++;
            if (problem is null)
            {
                Passed++;
                return;
            }

            Note(@case, problem, 1);
        }

        /// <summary>Every valid instance of the case is lost for one reason.</summary>
        public void Fail(Case @case, string reason)
        {
            Valid += @case.ValidInstances.Count;
            Note(@case, reason, @case.ValidInstances.Count);
        }

        private void Note(Case @case, string reason, int count)
        {
            if (count == 0)
            {
                return;
            }

            _byReason[reason] = _byReason.TryGetValue(reason, out int r) ? r + count : count;
            string file = @case.Name.Substring(0, @case.Name.IndexOf(" #", StringComparison.Ordinal));
            _byFile[file] = _byFile.TryGetValue(file, out int f) ? f + count : count;
            if (_examples.Count < 40)
            {
                _examples.Add(@case.Name + ": " + reason);
            }
        }

        public string Report(string draft)
        {
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"{draft}: {Passed} of {Valid} valid instances read and written back unchanged ({(Valid == 0 ? 0 : 100.0 * Passed / Valid):0.0}%)");
            foreach (KeyValuePair<string, int> reason in _byReason.OrderByDescending(r => r.Value))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {reason.Value,5}  {reason.Key}");
            }

            text.AppendLine("  by test file: " + string.Join(", ", _byFile.OrderByDescending(f => f.Value).Select(f => f.Key + " " + f.Value.ToString(CultureInfo.InvariantCulture))));
            foreach (string example in _examples)
            {
                text.AppendLine("  " + example);
            }

            return text.ToString();
        }
    }
}

using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Scenario.Generators.Emitting;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// A schema of more than <see cref="TypeFiles.OwnFileLimit"/> types has them written <see cref="TypeFiles.TypesPerFile"/>
/// to a file (the compiler's driver costs the square of the number of files); up to the limit, a file per type.
/// Grouped or not, the code is the same and compiles alike.
/// </summary>
public class LargeSchemaTests
{
    /// <summary>
    /// <paramref name="records"/> records, each with a deprecated property (a <c>#pragma</c> in its file) and a reference
    /// to the first; every other one with an enum and a union of its own.
    /// </summary>
    private static SchemaFile Schema(int records)
    {
        var definitions = new StringBuilder();
        for (int i = 0; i < records; i++)
        {
            definitions.Append(i == 0 ? string.Empty : ",");
            definitions.Append($$"""
                "Item{{i}}": {
                  "type": "object",
                  "required": ["id"],
                  "properties": {
                    "id": { "type": "string" },
                    "old": { "type": "integer", "deprecated": true },
                    "first": { "$ref": "#/definitions/Item0" }
                    {{(i % 2 == 0 ? $$""", "kind": { "type": "string", "enum": ["a{{i}}", "b"] }, "either": { "oneOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }] }""" : string.Empty)}}
                  }
                }
                """);
        }

        return GeneratorHarness.Inline("large.schema.json", "{ \"$schema\": \"http://json-schema.org/draft-07/schema#\", \"definitions\": {" + definitions + "} }");
    }

    [Fact]
    public void Up_to_the_limit_each_type_has_its_file()
    {
        // 100 records, 50 enums and 50 unions: at the limit; one more record (and its enum and union) is past it.
        GeneratorRun under = GeneratorHarness.Run(Schema(100));
        GeneratorRun over = GeneratorHarness.Run(Schema(101));

        Assert.Equal(TypeFiles.OwnFileLimit, under.Sources.Keys.Count(k => !k.EndsWith("JsonContext.g.cs", System.StringComparison.Ordinal)));
        Assert.Contains("Large.Item0.g.cs", under.Sources.Keys);
        Assert.DoesNotContain(under.Sources.Keys, k => k.StartsWith("Large.Types.", System.StringComparison.Ordinal));
        Assert.Contains("Large.Types.1.g.cs", over.Sources.Keys);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp11, "net8.0")]
    [InlineData(LanguageVersion.CSharp9, "netstandard2.0")]
    public void Grouped_types_compile_as_they_do_apart(LanguageVersion version, string framework)
    {
        const int records = 300;
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.ReferenceSet(framework), version, NullableContextOptions.Enable, Schema(records));

        Assert.Empty(run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
        string[] typeFiles = run.Sources.Keys.Where(k => k.StartsWith("Large.Types.", System.StringComparison.Ordinal)).ToArray();
        int types = records + (records / 2) * 2;
        Assert.Equal((types + TypeFiles.TypesPerFile - 1) / TypeFiles.TypesPerFile, typeFiles.Length);

        // Every type is declared once, in the files of the group.
        string all = string.Concat(typeFiles.Select(k => run.Sources[k]));
        for (int i = 0; i < records; i++)
        {
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(all, "partial record Item" + i + "\\b"));
        }

        Assert.NotNull(run.Output.GetTypeByMetadataName("Large.Item299"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Large.Item298Kind"));
    }

    [Fact]
    public void A_group_is_the_text_of_its_types_one_after_another()
    {
        // 150 records, 75 enums and 75 unions: three files of 100. They are written into one writer, one type after
        // another; each type's text must be exactly what it is in a file of its own.
        SchemaFile schema = Schema(150);
        GeneratorRun run = GeneratorHarness.Run(schema);
        SchemaModel model = SchemaParser.ParseAll(new EquatableArray<SchemaInput>(new[] { new SchemaInput(schema.Path, schema.Text, null, null) }), hasDateOnly: true, System.Threading.CancellationToken.None)[0];
        var features = new LanguageFeatures((int)LanguageVersion.CSharp11, RuntimeJsonModel: true, UnityInitialize: false);
        var index = new SchemaIndex(model);
        string[] apart = model.Records.Select(r => RecordEmitter.Emit(index, r, features))
            .Concat(model.Enums.Select(e => EnumEmitter.Emit(model, e, features)))
            .Concat(model.Unions.Select(u => UnionEmitter.Emit(index, u, features)))
            .ToArray();

        Assert.Equal(300, apart.Length);
        for (int file = 0; file < 3; file++)
        {
            Assert.Equal(string.Concat(apart.Skip(file * TypeFiles.TypesPerFile).Take(TypeFiles.TypesPerFile)), run.Sources["Large.Types." + (file + 1) + ".g.cs"]);
        }
    }
}

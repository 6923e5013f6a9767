using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// The generator where its host loads it alone, as a Unity project given only Scenario.Generators.dll would: YamlDotNet
/// cannot be loaded, so a YAML document is SCENGEN012 saying what to do, and JSON documents are read as ever.
/// </summary>
public class YamlLoadingTests
{
    [Fact]
    public void Without_YamlDotNet_YAML_is_SCENGEN012_and_JSON_still_generates()
    {
        var context = new WithoutYamlDotNet();
        try
        {
            Assembly generatorAssembly = context.LoadFromAssemblyPath(typeof(SchemaGenerator).Assembly.Location);
            var generator = (IIncrementalGenerator)Activator.CreateInstance(generatorAssembly.GetType(typeof(SchemaGenerator).FullName!)!)!;
            SchemaFile yaml = GeneratorHarness.Inline("todo.openapi.yaml", "openapi: 3.0.3\ninfo: { title: Todo, version: '1' }\npaths: {}\n");
            SchemaFile json = GeneratorHarness.Inline("todo.openapi.json", """{ "openapi": "3.0.3", "info": { "title": "Todo", "version": "1" }, "paths": { "/todos": { "get": { "responses": { "204": { "description": "ok" } } } } } }""");

            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() }, new[] { yaml.ToAdditionalText(), json.ToAdditionalText() }, new CSharpParseOptions(LanguageVersion.CSharp11));
            GeneratorRunResult result = driver.RunGenerators(GeneratorHarness.Compilation(sources: "namespace C { }")).GetRunResult().Results.Single();

            Assert.Null(result.Exception);
            Diagnostic diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("SCENGEN012", diagnostic.Id);
            Assert.Contains("needs YamlDotNet.dll beside Scenario.Generators.dll", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.Equal("/project/todo.openapi.yaml", diagnostic.Location.GetLineSpan().Path);
            Assert.Contains(result.GeneratedSources, source => source.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal));
            Assert.DoesNotContain(context.Assemblies, a => a.GetName().Name == "YamlDotNet");
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>A load context that has the generator but cannot find YamlDotNet; the compiler's own assemblies are shared.</summary>
    private sealed class WithoutYamlDotNet : AssemblyLoadContext
    {
        public WithoutYamlDotNet()
            : base("generator alone", isCollectible: true)
        {
        }

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name == "YamlDotNet" ? throw new FileNotFoundException("YamlDotNet is not beside the generator.", assemblyName.Name) : null;
    }
}

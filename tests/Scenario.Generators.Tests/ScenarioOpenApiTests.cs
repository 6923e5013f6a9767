using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// The Scenario API described in OpenAPI (schema/scenario.openapi.json) gives the client its JSON Schema's <c>x-client</c>
/// gives (schema/scenario.schema.json): the same public types, and on each the same members, parameters and return types.
/// </summary>
public class ScenarioOpenApiTests
{
    private static string OpenApiPath => Path.Combine(GeneratorHarness.RepositoryRoot(), "schema", "scenario.openapi.json");

    [Fact]
    public void The_OpenAPI_description_generates_the_public_surface_of_the_x_client_one()
    {
        GeneratorRun fromSchema = GeneratorHarness.Run(GeneratorHarness.Schema("scenario"));
        GeneratorRun fromOpenApi = GeneratorHarness.Run(GeneratorHarness.Inline("scenario.openapi.json", File.ReadAllText(OpenApiPath)));
        Assert.Empty(fromSchema.Diagnostics);
        Assert.Empty(fromOpenApi.Diagnostics);
        Assert.Empty(fromSchema.CompileDiagnostics);
        Assert.Empty(fromOpenApi.CompileDiagnostics);

        SortedSet<string> schemaSurface = Surface(fromSchema.Output);
        SortedSet<string> openApiSurface = Surface(fromOpenApi.Output);

        Assert.Contains("method Scenario.ModelsExamplesResource.ListAsync(string, Scenario.ExampleListParams?, Scenario.RequestOptions?, System.Threading.CancellationToken) : System.Threading.Tasks.Task<Scenario.ExampleListResponse>", schemaSurface);
        Assert.True(schemaSurface.Count > 300, $"the surface has {schemaSurface.Count} members");
        Assert.Equal(schemaSurface.Except(openApiSurface), Array.Empty<string>());
        Assert.Equal(openApiSurface.Except(schemaSurface), Array.Empty<string>());
    }

    [Fact]
    public void The_OpenAPI_descriptions_schemas_are_the_JSON_Schemas_definitions()
    {
        JsonNode schema = JsonNode.Parse(File.ReadAllText(GeneratorHarness.SchemaPath("scenario")))!;
        JsonNode openApi = JsonNode.Parse(File.ReadAllText(OpenApiPath))!;
        string definitions = schema["definitions"]!.ToJsonString().Replace("#/definitions/", "#/components/schemas/", StringComparison.Ordinal);

        Assert.Equal(definitions, openApi["components"]!["schemas"]!.ToJsonString());
    }

    /// <summary>Every public type the generator made, and every public member of each, as one line with its types.</summary>
    private static SortedSet<string> Surface(Compilation compilation)
    {
        var surface = new SortedSet<string>(StringComparer.Ordinal);
        foreach (SyntaxTree tree in compilation.SyntaxTrees.Where(t => t.FilePath.Contains("Scenario.Generators", StringComparison.Ordinal)))
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (INamedTypeSymbol type in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>()
                .Select(node => (INamedTypeSymbol)model.GetDeclaredSymbol(node)!)
                .Where(t => t.DeclaredAccessibility == Accessibility.Public))
            {
                surface.Add($"{type.TypeKind} {type.ToDisplayString()}");
                foreach (ISymbol member in type.GetMembers().Where(m => m.DeclaredAccessibility == Accessibility.Public && !m.IsImplicitlyDeclared))
                {
                    surface.Add(member switch
                    {
                        IMethodSymbol method => $"method {type.ToDisplayString()}.{method.Name}({string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString()))}) : {method.ReturnType.ToDisplayString()}",
                        IPropertySymbol property => $"property {type.ToDisplayString()}.{property.Name} : {property.Type.ToDisplayString()}",
                        IFieldSymbol field => $"field {type.ToDisplayString()}.{field.Name} : {field.Type.ToDisplayString()}",
                        _ => $"{member.Kind} {member.ToDisplayString()}",
                    });
                }
            }
        }

        return surface;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Scenario.Generators.Emitting.Client;
using Scenario.Generators.Model;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// How an OpenAPI document is read: the names of resources and methods (docs/openapi.md, "Operation names"), what each version's
/// schema dialect means, which files are read as OpenAPI, and problems as diagnostics at their line in the document.
/// </summary>
public class OpenApiReadingTests
{
    private static GeneratorRun Run(string yaml, string fileName = "api.openapi.yaml") =>
        GeneratorHarness.Run(GeneratorHarness.Inline(fileName, yaml));

    /// <summary>The operations of the document's client, as <c>Resource.Path.Method</c> → <c>VERB /path</c>.</summary>
    private static Dictionary<string, string> Methods(GeneratorRun run)
    {
        var methods = new Dictionary<string, string>(StringComparer.Ordinal);
        SchemaModel model = ((SchemaModel)run.Result.Results.Single().TrackedSteps[TrackingNames.SchemaModel].Single().Outputs.Single().Value);
        void Walk(IEnumerable<ResourceModel> resources, string prefix)
        {
            foreach (ResourceModel resource in resources)
            {
                foreach (OperationModel operation in resource.Operations)
                {
                    methods.Add(prefix + resource.PropertyName + "." + operation.MethodName, operation.HttpMethod + " " + operation.Path);
                }

                Walk(resource.Resources, prefix + resource.PropertyName + ".");
            }
        }

        Walk(model.Client!.Resources, string.Empty);
        return methods;
    }

    private static GeneratorRun Tracked(string yaml) =>
        new(GeneratorHarness.Driver(new[] { GeneratorHarness.Inline("api.openapi.yaml", yaml) }, trackSteps: true)
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(sources: "namespace C { }"), out Compilation output, out var diagnostics).GetRunResult(), output, diagnostics);

    private const string Head = "openapi: 3.0.3\ninfo: { title: Api, version: '1' }\n";

    private static string Operation(string verb, string extra = "") => $"    {verb}:\n{extra}      responses:\n        '204': {{ description: ok }}\n";

    [Fact]
    public void Resources_are_the_paths_fixed_segments_and_methods_the_verbs_on_their_shape()
    {
        string yaml = Head + "paths:\n"
            + "  /models:\n" + Operation("get") + Operation("post")
            + "  /models/{modelId}:\n    parameters: [{ name: modelId, in: path, required: true, schema: { type: string } }]\n" + Operation("get") + Operation("put") + Operation("patch", "      operationId: patchModel\n") + Operation("delete")
            + "  /models/{modelId}/examples:\n    parameters: [{ name: modelId, in: path, required: true, schema: { type: string } }]\n" + Operation("get")
            + "  /models/{modelId}/copy:\n    parameters: [{ name: modelId, in: path, required: true, schema: { type: string } }]\n" + Operation("post")
            + "  /models/{modelId}/train:\n    parameters: [{ name: modelId, in: path, required: true, schema: { type: string } }]\n" + Operation("head", "      operationId: models/check-training\n")
            + "  /:\n" + Operation("get");

        Dictionary<string, string> methods = Methods(Tracked(yaml));

        Assert.Equal(new Dictionary<string, string>
        {
            ["Models.ListAsync"] = "GET /models",
            ["Models.CreateAsync"] = "POST /models",
            ["Models.GetAsync"] = "GET /models/{modelId}",
            ["Models.UpdateAsync"] = "PUT /models/{modelId}",
            ["Models.PatchModelAsync"] = "PATCH /models/{modelId}",
            ["Models.DeleteAsync"] = "DELETE /models/{modelId}",
            ["Models.Examples.ListAsync"] = "GET /models/{modelId}/examples",
            ["Models.Copy.CreateAsync"] = "POST /models/{modelId}/copy",
            ["Models.Train.CheckTrainingAsync"] = "HEAD /models/{modelId}/train",
            ["Root.GetAsync"] = "GET /",
        }, methods);
    }

    [Fact]
    public void Alike_names_are_named_from_their_operationIds_then_numbered_in_document_order()
    {
        string yaml = Head + "paths:\n"
            + "  /issues:\n" + Operation("get", "      operationId: issues/list-for-repo\n")
            + "  /issues/{n}/comments:\n    parameters: [{ name: n, in: path, required: true, schema: { type: integer } }]\n" + Operation("get", "      operationId: issues/list-comments\n")
            + "  /issues/comments:\n" + Operation("get", "      operationId: issues/list-comments-for-repo\n")
            + "  /issues/{a}/comments/x:\n    parameters: [{ name: a, in: path, required: true, schema: { type: integer } }]\n" + Operation("get")
            + "  /issues/{b}/comments/x/{c}:\n    parameters: [{ name: b, in: path, required: true, schema: { type: integer } }, { name: c, in: path, required: true, schema: { type: integer } }]\n" + Operation("get") + Operation("post")
            + "  /issues/{d}/comments/x/{e}/{f}:\n    parameters: [{ name: d, in: path, required: true, schema: { type: integer } }, { name: e, in: path, required: true, schema: { type: integer } }, { name: f, in: path, required: true, schema: { type: integer } }]\n" + Operation("get");

        Dictionary<string, string> methods = Methods(Tracked(yaml));

        Assert.Equal("GET /issues", methods["Issues.ListAsync"]);
        Assert.Equal("GET /issues/{n}/comments", methods["Issues.Comments.ListCommentsAsync"]);
        Assert.Equal("GET /issues/comments", methods["Issues.Comments.ListCommentsForRepoAsync"]);
        Assert.Equal("GET /issues/{b}/comments/x/{c}", methods["Issues.Comments.X.GetAsync"]);
        Assert.Equal("GET /issues/{d}/comments/x/{e}/{f}", methods["Issues.Comments.X.Get2Async"]);
        Assert.Equal("POST /issues/{b}/comments/x/{c}", methods["Issues.Comments.X.PostAsync"]);
    }

    [Fact]
    public void The_x_client_extension_names_a_resource_and_a_method_and_api_and_version_prefixes_are_left_out()
    {
        string yaml = Head + "paths:\n"
            + "  /api/v2/pets:\n" + Operation("get", "      x-client: { method: all }\n")
            + "  /api/v2/pets/{id}/meta:\n    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\n" + Operation("get", "      x-client: { resource: pet-metadata, method: read }\n");

        Dictionary<string, string> methods = Methods(Tracked(yaml));

        Assert.Equal("GET /api/v2/pets", methods["Pets.AllAsync"]);
        Assert.Equal("GET /api/v2/pets/{id}/meta", methods["PetMetadata.ReadAsync"]);
    }

    [Fact]
    public void Parameter_names_are_valid_CSharp_and_unique_whatever_the_document_holds()
    {
        string yaml = Head + "paths:\n  /s/{class}:\n    get:\n      parameters:\n"
            + "        - { name: class, in: path, required: true, schema: { type: string } }\n"
            + "        - { name: params, in: query, required: true, schema: { type: string } }\n"
            + "        - { name: base, in: header, required: true, schema: { type: string } }\n"
            + "        - { name: options, in: query, required: true, schema: { type: string } }\n"
            + "        - { name: foo-bar, in: query, schema: { type: string } }\n"
            + "        - { name: foo_bar, in: query, schema: { type: string } }\n"
            + "        - { name: id, in: query, schema: { type: string } }\n"
            + "        - { name: id, in: header, schema: { type: string } }\n"
            + "      responses:\n        5XX: { description: down, content: { application/json: { schema: { type: object, properties: { code: { type: string } } } } } }\n        '200': { description: ok }\n";

        GeneratorRun run = Run(yaml);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileDiagnostics);
        string client = run.Sources["Api.ApiClient.g.cs"];
        Assert.Contains("GetAsync(string @class, string @params, string @base, string options2, global::Api.SGetParams? parameters = null,", client, StringComparison.Ordinal);
        Assert.Contains("public string? FooBar { get; set; }", client, StringComparison.Ordinal);
        Assert.Contains("public string? FooBar_2 { get; set; }", client, StringComparison.Ordinal);
        Assert.Contains("public string? IdHeader { get; set; }", client, StringComparison.Ordinal);
        Assert.Contains("public string? IdQuery { get; set; }", client, StringComparison.Ordinal);
        Assert.Contains("request.AddError(\"5XX\", ", client, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenAPI_3_0_nullable_and_one_sided_properties_are_read_as_that_dialect_means()
    {
        string yaml = Head + "paths: {}\ncomponents:\n  schemas:\n    Item:\n      type: object\n      required: [id, name, note, secret]\n      properties:\n"
            + "        id: { type: string, readOnly: true }\n        name: { type: string }\n        note: { type: string, nullable: true }\n        secret: { type: string, writeOnly: true }\n";

        GeneratorRun run = Run(yaml);

        Assert.Empty(run.Diagnostics);
        string item = run.Sources["Api.Item.g.cs"];
        Assert.Contains("public string? Id { get; init; }", item, StringComparison.Ordinal);
        Assert.Contains("public required string Name { get; init; }", item, StringComparison.Ordinal);
        Assert.Contains("public required string? Note { get; init; }", item, StringComparison.Ordinal);
        Assert.Contains("public string? Secret { get; init; }", item, StringComparison.Ordinal);
        Assert.Contains("readOnly: true", item, StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void OpenAPI_3_1_null_branches_and_type_arrays_are_nullable()
    {
        const string yaml = "openapi: 3.1.0\ninfo: { title: Api, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Pet:\n      type: object\n      required: [owner, tag]\n      properties:\n"
            + "        owner: { oneOf: [ { $ref: '#/components/schemas/Owner' }, { type: 'null' } ] }\n        tag: { type: [string, 'null'] }\n"
            + "    Owner:\n      type: object\n      properties:\n        name: { type: string }\n";

        GeneratorRun run = Run(yaml);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("public required global::Api.Owner? Owner { get; init; }", run.Sources["Api.Pet.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public required string? Tag { get; init; }", run.Sources["Api.Pet.g.cs"], StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void A_file_named_as_OpenAPI_that_is_not_is_SCENGEN013()
    {
        Diagnostic diagnostic = Assert.Single(Run("{ \"type\": \"object\" }", "thing.openapi.json").Diagnostics);

        Assert.Equal("SCENGEN013", diagnostic.Id);
        Assert.Contains("no \"openapi\" (3.x) or \"swagger\" (2.0) field", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_OpenAPI_document_under_a_JSON_Schemas_name_is_read_as_one_and_told_how_to_get_its_client()
    {
        const string json = """{ "swagger": "2.0", "info": { "title": "T", "version": "1" }, "paths": {}, "definitions": { "Pet": { "type": "object", "properties": { "name": { "type": "string" } } } } }""";

        GeneratorRun run = Run(json, "petstore.schema.json");

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("SCENGEN015", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Contains("name it *.openapi.json", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("Petstore.Pet.g.cs", run.Sources.Keys);
        Assert.DoesNotContain(run.Sources.Keys, key => key.EndsWith("Client.g.cs", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("api.yaml", "openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths: {}\n", "OpenAPI 3.1.0")]
    [InlineData("api.json", "{ \"swagger\": \"2.0\", \"info\": {}, \"paths\": {} }", "Swagger 2.0")]
    public void An_OpenAPI_document_under_another_name_is_SCENGEN015_at_its_version(string fileName, string text, string kind)
    {
        Diagnostic diagnostic = Assert.Single(Run(text, fileName).Diagnostics);

        Assert.Equal("SCENGEN015", diagnostic.Id);
        Assert.Contains("(" + kind + ")", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_broken_reference_of_a_parameter_is_SCENGEN013_at_its_line_in_the_yaml_and_the_rest_is_generated()
    {
        string yaml = Head + "paths:\n  /a:\n    get:\n      parameters:\n        - $ref: '#/components/parameters/Missing'\n      responses:\n        '204': { description: ok }\n  /b:\n" + Operation("get");

        GeneratorRun run = Run(yaml);

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("SCENGEN013", diagnostic.Id);
        Assert.Equal(6, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("#/components/parameters/Missing", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("B.ListAsync", string.Join(",", Methods(Tracked(yaml)).Keys), StringComparison.Ordinal);
    }

    [Fact]
    public void A_security_scheme_the_client_cannot_send_is_SCENGEN014_and_mutual_TLS_is_the_handlers()
    {
        string yaml = Head + "security: [ { cert: [] }, { odd: [] } ]\ncomponents:\n  securitySchemes:\n    cert: { type: mutualTLS }\n    odd: { type: kerberos }\npaths:\n  /a:\n" + Operation("get");

        GeneratorRun run = Run(yaml);

        Assert.Equal(new[] { "SCENGEN014", "SCENGEN014" }, run.Diagnostics.Select(d => d.Id));
        Assert.Contains("'odd' is of type 'kerberos'", run.Diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void Pagination_that_does_not_fit_its_operation_is_SCENGEN014_at_the_extension_and_the_method_returns_the_page()
    {
        string Paged(string pagination) => Head + "paths:\n  /assets:\n    get:\n"
            + "      parameters: [ { name: cursor, in: query, schema: { type: string } } ]\n"
            + "      x-client:\n        pagination: " + pagination + "\n"
            + "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n"
            + "                type: object\n                properties: { data: { type: array, items: { type: string } }, next: { type: string }, more: { type: boolean } }\n";

        GeneratorRun fits = Run(Paged("{ parameter: cursor, items: data, next: next, hasMore: more }"));
        Assert.Empty(fits.Diagnostics);
        Assert.Empty(fits.CompileDiagnostics);
        Assert.Contains("public global::Scenario.ApiPager<global::Api.AssetsListResponse, string> ListAsync(", fits.Sources["Api.ApiClient.g.cs"], StringComparison.Ordinal);

        GeneratorRun links = Run(Paged("{ style: nextLink, items: data, next: next }"));
        Assert.Empty(links.Diagnostics);
        Assert.Empty(links.CompileDiagnostics);
        Assert.Contains("global::Scenario.Runtime.Http.ApiPagination.NextLink(), static page => page.Data, static page => page.Next, null,", links.Sources["Api.ApiClient.g.cs"], StringComparison.Ordinal);

        foreach ((string pagination, string says) in new[]
        {
            ("{ parameter: cursor, items: entries, next: next }", "'items' names the page's array property, and 'entries' is not one"),
            ("{ parameter: after, items: data, next: next }", "its parameter 'after' is not a query parameter of the operation"),
            ("{ parameter: cursor, items: data, next: more }", "'next' names the page's string (or integer) property"),
            ("{ style: token, parameter: cursor, items: data }", "its style is 'cursor', 'page', 'offset' or 'nextLink', not 'token'"),
            ("{ style: nextLink, items: data, next: more }", "'next' names the page's string property that holds the next page's link, and 'more' is not one"),
            ("{ parameter: cursor, items: data, in: body }", "the operation sends no JSON body"),
            ("[ cursor ]", "is an object"),
        })
        {
            GeneratorRun run = Run(Paged(pagination));

            Diagnostic warning = Assert.Single(run.Diagnostics);
            Assert.Equal("SCENGEN014", warning.Id);
            Assert.Contains(says, warning.GetMessage(), StringComparison.Ordinal);
            Assert.Equal(8, warning.Location.GetLineSpan().StartLinePosition.Line + 1);
            Assert.Empty(run.CompileDiagnostics);
            Assert.Contains("global::System.Threading.Tasks.Task<global::Api.AssetsListResponse> ListAsync(", run.Sources["Api.ApiClient.g.cs"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Azures_x_ms_pageable_pages_by_next_link_its_items_in_value_unless_named_and_a_null_next_link_is_one_page()
    {
        string Paged(string pageable, string nextType = "string") => Head + "paths:\n  /vaults:\n    get:\n"
            + "      x-ms-pageable: " + pageable + "\n"
            + "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n"
            + "                type: object\n                properties: { value: { type: array, items: { type: string } }, vaults: { type: array, items: { type: integer } }, nextLink: { type: " + nextType + " }, '@odata.nextLink': { type: string } }\n";
        const string Pager = "public global::Scenario.ApiPager<global::Api.VaultsListResponse, ";
        const string Task = "global::System.Threading.Tasks.Task<global::Api.VaultsListResponse> ListAsync(";

        foreach ((string pageable, string item, string next) in new[]
        {
            ("{ nextLinkName: nextLink }", "string", "static page => page.Value, static page => page.NextLink,"),
            ("{ nextLinkName: '@odata.nextLink', itemName: vaults }", "long", "static page => page.Vaults, static page => page.OdataNextLink,"),
        })
        {
            GeneratorRun fits = Run(Paged(pageable));
            Assert.Empty(fits.Diagnostics);
            Assert.Empty(fits.CompileDiagnostics);
            string client = fits.Sources["Api.ApiClient.g.cs"];
            Assert.Contains(Pager + item + "> ListAsync(", client, StringComparison.Ordinal);
            Assert.Contains("global::Scenario.Runtime.Http.ApiPagination.NextLink(), " + next, client, StringComparison.Ordinal);
        }

        GeneratorRun single = Run(Paged("{ nextLinkName: null }"));
        Assert.Empty(single.Diagnostics);
        Assert.Contains(Task, single.Sources["Api.ApiClient.g.cs"], StringComparison.Ordinal);

        foreach ((string pageable, string nextType, string says) in new[]
        {
            ("{ nextLinkName: nextLink, itemName: items }", "string", "'itemName' names the page's array property, and 'items' is not one"),
            ("{ nextLinkName: nextLink }", "integer", "'nextLinkName' names the page's string property that holds the next page's link, and 'nextLink' is not one"),
            ("{ nextLinkName: { $ref: '#/x' } }", "string", "nextLinkName and itemName are property names"),
            ("true", "string", "x-ms-pageable is an object"),
        })
        {
            GeneratorRun run = Run(Paged(pageable, nextType));

            Diagnostic warning = Assert.Single(run.Diagnostics);
            Assert.Equal("SCENGEN014", warning.Id);
            Assert.Contains(says, warning.GetMessage(), StringComparison.Ordinal);
            Assert.Equal(6, warning.Location.GetLineSpan().StartLinePosition.Line + 1);
            Assert.Empty(run.CompileDiagnostics);
            Assert.Contains(Task, run.Sources["Api.ApiClient.g.cs"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_operation_of_the_readers_two_versions_reads_into_one_model()
    {
        const string swagger = """
            { "swagger": "2.0", "info": { "title": "T", "version": "1" }, "host": "api.test", "basePath": "/v1", "schemes": ["https"],
              "consumes": ["application/json"], "produces": ["application/json"],
              "securityDefinitions": { "key": { "type": "apiKey", "in": "header", "name": "X-Key" } }, "security": [ { "key": [] } ],
              "paths": { "/pets/{id}": { "put": { "parameters": [
                  { "name": "id", "in": "path", "required": true, "type": "integer", "format": "int64" },
                  { "name": "tags", "in": "query", "type": "array", "items": { "type": "string" }, "collectionFormat": "pipes" },
                  { "name": "body", "in": "body", "required": true, "schema": { "$ref": "#/definitions/Pet" } } ],
                "responses": { "200": { "description": "ok", "schema": { "$ref": "#/definitions/Pet" } }, "default": { "description": "error", "schema": { "$ref": "#/definitions/Error" } } } } } },
              "definitions": { "Pet": { "type": "object", "properties": { "name": { "type": "string", "x-nullable": true } } }, "Error": { "type": "object", "properties": { "message": { "type": "string" } } } } }
            """;

        GeneratorRun run = Run(swagger, "pets.openapi.json");

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileDiagnostics);
        string client = run.Sources["Pets.TClient.g.cs"];
        Assert.Contains("public static global::System.Uri DefaultBaseAddress { get; } = new global::System.Uri(\"https://api.test/v1\");", client, StringComparison.Ordinal);
        Assert.Contains("Task<global::Pets.Pet> UpdateAsync(long id, global::Pets.Pet body, global::Pets.PetsUpdateParams? query = null,", client, StringComparison.Ordinal);
        Assert.Contains("request.AddQuery(\"tags\", oTags, \"|\");", client, StringComparison.Ordinal);
        Assert.Contains("request.AddError(\"default\", global::Pets.PetsJsonContext.Default.Error);", client, StringComparison.Ordinal);
        Assert.Contains("global::Scenario.Runtime.Http.ApiKeyCredential.Resolve(options.Key, null, global::Scenario.Runtime.Http.ApiKeyLocation.Header, \"X-Key\")", client, StringComparison.Ordinal);
    }
}

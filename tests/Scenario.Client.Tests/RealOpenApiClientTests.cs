using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Scenario.Runtime;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>
/// Clients generated from real OpenAPI documents (tests/RealOpenApi: Swagger's Petstore in 3.0 YAML and 2.0 JSON, ReadMe's
/// 3.1 parameter-style document, 1Password Connect's file downloads, OpenAI's and Docker's streams), called against a server on 127.0.0.1: the requests on the wire are what the
/// documents describe (OpenAPI's style table: https://spec.openapis.org/oas/v3.1.0#style-examples).
/// </summary>
public class RealOpenApiClientTests
{
    private const string PetJson = """{"id":7,"name":"Rex","photoUrls":["https://pets.test/rex.png"],"status":"available","category":{"id":1,"name":"dogs"}}""";

    [Fact]
    public async Task Petstore_3_0_gets_a_pet_with_its_API_key_in_the_header_the_document_names()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, PetJson);
        using var client = new OpenApi.Petstore.SwaggerPetstoreClient(new OpenApi.Petstore.SwaggerPetstoreClientOptions { BaseAddress = server.BaseAddress, ApiKey = "special-key-1" });

        OpenApi.Petstore.Pet pet = await client.Pet.GetAsync(7);

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1/pet/7", request.RawTarget);
        Assert.Equal("special-key-1", request.Headers["api_key"]);
        Assert.Equal("Rex", pet.Name);
        Assert.True(pet.Status == OpenApi.Petstore.PetStatus.Available);
        Assert.Equal(new Uri("http://petstore.swagger.io/v2"), OpenApi.Petstore.SwaggerPetstoreClient.DefaultBaseAddress);
    }

    [Fact]
    public async Task Petstore_3_0_adds_a_pet_as_JSON_with_the_OAuth_token_the_callback_gives()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, PetJson);
        using var client = new OpenApi.Petstore.SwaggerPetstoreClient(new OpenApi.Petstore.SwaggerPetstoreClientOptions
        {
            BaseAddress = server.BaseAddress,
            PetstoreAuthTokenProvider = _ => new ValueTask<string>("oauth-token-1"),
        });

        await client.Pet.CreateAsync(new OpenApi.Petstore.Pet { Name = "Rex", PhotoUrls = new[] { "https://pets.test/rex.png" } });

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/pet", request.RawTarget);
        Assert.Equal("Bearer oauth-token-1", request.Headers["Authorization"]);
        Assert.Equal("""{"name":"Rex","photoUrls":["https://pets.test/rex.png"]}""", request.Body);
    }

    [Fact]
    public async Task Petstore_3_0_finds_pets_by_status_as_an_exploded_form_query()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(200, "[" + PetJson + "]");
        using var client = new OpenApi.Petstore.SwaggerPetstoreClient(new OpenApi.Petstore.SwaggerPetstoreClientOptions
        {
            BaseAddress = server.BaseAddress,
            PetstoreAuthTokenProvider = _ => new ValueTask<string>("oauth-token-1"),
        });

        IReadOnlyList<OpenApi.Petstore.Pet> pets = await client.Pet.FindByStatus.ListAsync(new OpenEnum<OpenApi.Petstore.PetFindByStatusListStatusItem>[] { OpenApi.Petstore.PetFindByStatusListStatusItem.Available, OpenApi.Petstore.PetFindByStatusListStatusItem.Sold });

        Assert.Equal("/v1/pet/findByStatus?status=available&status=sold", Assert.Single(server.Requests).RawTarget);
        Assert.Equal(7, Assert.Single(pets).Id);
    }

    [Fact]
    public async Task Petstore_2_0_logs_in_with_two_required_query_parameters_and_reads_text()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, "\"logged in user session:1\"");
        });
        using var client = new OpenApi.Petstore2.SwaggerPetstoreClient(new OpenApi.Petstore2.SwaggerPetstoreClientOptions { BaseAddress = server.BaseAddress });

        string session = await client.User.Login.ListAsync("ann", "p@ss word");

        Assert.Equal("/v1/user/login?username=ann&password=p%40ss%20word", Assert.Single(server.Requests).RawTarget);
        Assert.Equal("logged in user session:1", session);
        // 2.0: the first of schemes (only "http" here), host and basePath.
        Assert.Equal(new Uri("http://petstore.swagger.io/v2"), OpenApi.Petstore2.SwaggerPetstoreClient.DefaultBaseAddress);
    }

    [Fact]
    public async Task Parameter_styles_of_the_path_are_OpenAPIs_table()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Respond(context, 200, "{}"));
        using var client = new OpenApi.Styles.StylesClient(new OpenApi.Styles.StylesClientOptions { BaseAddress = server.BaseAddress });
        string[] array = { "blue", "black", "brown" };

        await client.Anything.Path.Simple.GetAsync("blue", array, new OpenApi.Styles.AnythingPathSimpleGetObject { Name = "R", Description = "100" });
        await client.Anything.Path.Simple.PathsSimpleExplodedAsync("blue", array, new OpenApi.Styles.AnythingPathSimplePathsSimpleExplodedObject { Name = "R", Description = "100" });
        await client.Anything.Path.Label.GetAsync("blue", array, new OpenApi.Styles.AnythingPathLabelGetObject { Name = "R", Description = "100" });
        await client.Anything.Path.Label.PathsLabelExplodedAsync("blue", array, new OpenApi.Styles.AnythingPathLabelPathsLabelExplodedObject { Name = "R", Description = "100" });
        await client.Anything.Path.Matrix.GetAsync("blue", array, new OpenApi.Styles.AnythingPathMatrixGetObject { Name = "R", Description = "100" });
        await client.Anything.Path.Matrix.PathsMatrixExplodedAsync("blue", array, new OpenApi.Styles.AnythingPathMatrixPathsMatrixExplodedObject { Name = "R", Description = "100" });

        Assert.Equal(
            new[]
            {
                "/v1/anything/path/simple/blue/blue,black,brown/name,R,description,100",
                "/v1/anything/path/simple/blue/blue,black,brown/name=R,description=100",
                "/v1/anything/path/label/.blue/.blue,black,brown/.name,R,description,100",
                "/v1/anything/path/label/.blue/.blue.black.brown/.name=R.description=100",
                "/v1/anything/path/matrix/;primitive=blue/;array=blue,black,brown/;object=name,R,description,100",
                "/v1/anything/path/matrix/;primitive=blue/;array=blue;array=black;array=brown/;name=R;description=100",
            },
            server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task Parameter_styles_of_the_query_are_OpenAPIs_table()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Respond(context, 200, "{}"));
        using var client = new OpenApi.Styles.StylesClient(new OpenApi.Styles.StylesClientOptions { BaseAddress = server.BaseAddress });
        string[] array = { "blue", "black", "brown" };

        await client.Anything.Query.Form.ListAsync(new OpenApi.Styles.AnythingQueryFormListParams { Primitive = "blue", Array = array, Object = new OpenApi.Styles.AnythingQueryFormListObject { Name = "R", Description = "100" } });
        await client.Anything.Query.Form.CreateAsync(new OpenApi.Styles.AnythingQueryFormCreateParams { Primitive = "blue", Array = array, Object = new OpenApi.Styles.AnythingQueryFormCreateObject { Name = "R", Description = "100" } });
        await client.Anything.Query.SpaceDelimited.ListAsync(new OpenApi.Styles.AnythingQuerySpaceDelimitedListParams { Array = array });
        await client.Anything.Query.PipeDelimited.ListAsync(new OpenApi.Styles.AnythingQueryPipeDelimitedListParams { Array = array });
        await client.Anything.Query.DeepObject.ListAsync(new OpenApi.Styles.AnythingQueryDeepObjectListParams { Object = new OpenApi.Styles.AnythingQueryDeepObjectListObject { Name = "R", Description = "100" } });

        Assert.Equal(
            new[]
            {
                "/v1/anything/query/form?primitive=blue&array=blue,black,brown&object=name,R,description,100",
                "/v1/anything/query/form?primitive=blue&array=blue&array=black&array=brown&name=R&description=100",
                "/v1/anything/query/spaceDelimited?array=blue%20black%20brown",
                "/v1/anything/query/pipeDelimited?array=blue%7Cblack%7Cbrown",
                "/v1/anything/query/deepObject?object%5Bname%5D=R&object%5Bdescription%5D=100",
            },
            server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task Parameter_styles_of_headers_and_cookies_are_OpenAPIs_table()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Respond(context, 200, "{}"));
        using var client = new OpenApi.Styles.StylesClient(new OpenApi.Styles.StylesClientOptions { BaseAddress = server.BaseAddress });
        string[] array = { "blue", "black", "brown" };

        await client.Anything.Headers.Simple.ListAsync(new OpenApi.Styles.AnythingHeadersSimpleListParams { Primitive = "blue", Array = array, Object = new OpenApi.Styles.AnythingHeadersSimpleListObject { Name = "R", Description = "100" } });
        await client.Anything.Headers.Simple.CreateAsync(new OpenApi.Styles.AnythingHeadersSimpleCreateParams { Primitive = "blue", Array = array, Object = new OpenApi.Styles.AnythingHeadersSimpleCreateObject { Name = "R", Description = "100" } });
        await client.Cookies.FormNonExplodedAsync(new OpenApi.Styles.CookiesFormNonExplodedParams { Primitive = "blue", Array = array, Object = new OpenApi.Styles.CookiesFormNonExplodedObject { Name = "R", Description = "100" } });
        await client.Cookies.FormExplodedAsync(new OpenApi.Styles.CookiesFormExplodedParams { Primitive = "blue", Array = array, Object = new OpenApi.Styles.CookiesFormExplodedObject { Name = "R", Description = "100" } });

        RecordedRequest[] requests = server.Requests.ToArray();
        Assert.Equal("blue", requests[0].Headers["primitive"]);
        Assert.Equal("blue,black,brown", requests[0].Headers["array"]);
        Assert.Equal("name,R,description,100", requests[0].Headers["object"]);
        Assert.Equal("name=R,description=100", requests[1].Headers["object"]);
        Assert.Equal("primitive=blue; array=blue,black,brown; object=name,R,description,100", requests[2].Headers["Cookie"]);
        Assert.Equal("primitive=blue; array=blue; array=black; array=brown; name=R; description=100", requests[3].Headers["Cookie"]);
    }
    [Fact]
    public async Task OnePassword_Connect_downloads_a_files_content_as_a_stream_with_its_bearer_token()
    {
        // 1Password Connect's GET …/files/{fileUuid}/content answers application/octet-stream (format: binary) with a
        // Content-Disposition, as its description's example header says.
        byte[] pem = System.Text.Encoding.ASCII.GetBytes("-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.Headers.ContentDisposition = "attachment; filename=\"privkey.pem\"";
            context.Response.ContentLength = pem.Length;
            await context.Response.Body.WriteAsync(pem);
        });
        using var client = new OpenApi.OnePassword.OnePasswordClient(new OpenApi.OnePassword.OnePasswordClientOptions { BaseAddress = server.BaseAddress, ConnectToken = "connect-token-1" });

        using ApiFileResponse file = await client.Vaults.Items.Files.Content.ListAsync("v1", "i2", "f3");
        using var copy = new System.IO.MemoryStream();
        await file.CopyToAsync(copy);

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1/vaults/v1/items/i2/files/f3/content", request.RawTarget);
        Assert.Equal("Bearer connect-token-1", request.Headers["Authorization"]);
        Assert.Equal("application/octet-stream", request.Headers["Accept"]);
        Assert.Equal(pem, copy.ToArray());
        Assert.Equal("privkey.pem", file.FileName);
        Assert.Equal(pem.Length, file.ContentLength);
    }

    [Fact]
    public async Task OnePassword_Connect_reads_a_missing_files_404_as_its_documented_error()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(404, """{"status":404,"message":"file f3 not found"}""");
        using var client = new OpenApi.OnePassword.OnePasswordClient(new OpenApi.OnePassword.OnePasswordClientOptions { BaseAddress = server.BaseAddress, ConnectToken = "connect-token-1" });

        ApiNotFoundException missing = await Assert.ThrowsAsync<ApiNotFoundException>(() => client.Vaults.Items.Files.Content.ListAsync("v1", "i2", "f3"));

        Assert.True(missing.TryGetBody(out OpenApi.OnePassword.ErrorResponse? error));
        Assert.Equal("file f3 not found", error.Message);
        Assert.Equal(404, error.Status);
    }
    [Fact]
    public async Task OpenAI_streams_a_chat_completion_as_server_sent_events_beside_the_JSON_method()
    {
        // OpenAI's POST /chat/completions answers application/json or text/event-stream (the body's "stream" asks); the
        // chunks below are the shape OpenAI's API reference shows, ended by data: [DONE].
        static string Chunk(string delta, string? finish) =>
            "data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini\",\"system_fingerprint\":\"fp_44709d6fcb\","
            + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + (finish is null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "text/event-stream";
            foreach (string chunk in new[] { Chunk("{\"role\":\"assistant\",\"content\":\"\"}", null), Chunk("{\"content\":\"Hello\"}", null), Chunk("{\"content\":\"!\"}", null), Chunk("{}", "stop"), "data: [DONE]\n\n" })
            {
                await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, chunk);
                await context.Response.Body.FlushAsync();
            }
        });
        using var client = new OpenApi.OpenAI.OpenAIClient(new OpenApi.OpenAI.OpenAIClientOptions { BaseAddress = server.BaseAddress, ApiKeyAuthToken = "sk-test-123456" });
        OpenApi.OpenAI.CreateChatCompletionRequest request = System.Text.Json.JsonSerializer.Deserialize(
            """{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello"}],"stream":true}""",
            OpenApi.OpenAI.OpenaiJsonContext.Default.CreateChatCompletionRequest)!;

        var text = new System.Text.StringBuilder();
        var finishes = new List<string>();
        await foreach (OpenApi.OpenAI.CreateChatCompletionStreamResponse chunk in client.Chat.Completions.CreateStreamAsync(request))
        {
            text.Append(chunk.Choices[0].Delta.Content);
            finishes.Add(chunk.Choices[0].FinishReason?.ToString() ?? "-");
        }

        RecordedRequest sent = Assert.Single(server.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/v1/chat/completions", sent.RawTarget);
        Assert.Equal("Bearer sk-test-123456", sent.Headers["Authorization"]);
        Assert.Equal("text/event-stream", sent.Headers["Accept"]);
        Assert.Contains("\"stream\":true", sent.Body, StringComparison.Ordinal);
        Assert.Equal("Hello!", text.ToString());
        Assert.Equal(new[] { "-", "-", "-", "stop" }, finishes);
    }

    [Fact]
    public async Task Docker_streams_its_events_as_JSON_lines()
    {
        // Docker Engine's GET /events produces application/jsonl (and x-ndjson, json-seq): one EventMessage per line, as
        // the Engine API reference's example shows.
        const string Line = """{"Type":"container","Action":"create","Actor":{"ID":"ede54ee1afda366ab42f824e8a5ffd195155d853ceaec74a927f249ea270c743","Attributes":{"image":"alpine:latest","name":"my-container"}},"scope":"local","time":1461943101,"timeNano":1461943101381709551}""";
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/jsonl";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, Line + "\n" + Line.Replace("create", "start", StringComparison.Ordinal) + "\n");
        });
        using var client = new OpenApi.Docker.DockerClient(new OpenApi.Docker.DockerClientOptions { BaseAddress = server.BaseAddress });

        var events = new List<OpenApi.Docker.EventMessage>();
        await foreach (OpenApi.Docker.EventMessage message in client.Events.ListAsync(new OpenApi.Docker.EventsListParams { Since = "1461943100" }))
        {
            events.Add(message);
        }

        RecordedRequest sent = Assert.Single(server.Requests);
        Assert.Equal("/v1/events?since=1461943100", sent.RawTarget);
        Assert.Equal(new[] { "create", "start" }, events.Select(e => e.Action));
        Assert.True(events[0].Type == OpenApi.Docker.EventMessageType.Container);
        Assert.Equal("my-container", events[0].Actor!.Attributes!["name"]);
        Assert.Equal(1461943101381709551, events[1].TimeNano);
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Wire;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>
/// Request bodies beyond JSON (Schemas/wire.openapi.yaml): a multipart form of fields and files, a file as the whole
/// body, a URL-encoded form, and Swagger's Petstore 2.0 image upload, read by a server on 127.0.0.1 as ASP.NET Core
/// reads forms; a file from a stream that seeks is sent again by a retry, one from a stream that does not is sent once.
/// </summary>
public class UploadTests
{
    private static readonly byte[] Png = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF };

    /// <summary>What a server read of a form: its fields, and its files with their names, types and bytes.</summary>
    private sealed record ReadForm(IFormCollection Fields, (string Name, string FileName, string ContentType, byte[] Bytes)[] Files)
    {
        public string this[string name] => Fields[name].ToString();

        public (string Name, string FileName, string ContentType, byte[] Bytes) File(string name) => Files.Single(f => f.Name == name);
    }

    /// <summary>A server that reads each request's form as ASP.NET Core reads forms and keeps it, answering 200 with a Petstore ApiResponse.</summary>
    private static async Task<(LoopbackServer Server, System.Collections.Concurrent.ConcurrentQueue<ReadForm> Forms)> FormServer()
    {
        var forms = new System.Collections.Concurrent.ConcurrentQueue<ReadForm>();
        LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Request.Body.Position = 0;
            IFormCollection form = await context.Request.ReadFormAsync();
            var files = new System.Collections.Generic.List<(string, string, string, byte[])>();
            foreach (IFormFile file in form.Files)
            {
                using var copy = new MemoryStream();
                await file.CopyToAsync(copy);
                files.Add((file.Name, file.FileName, file.ContentType, copy.ToArray()));
            }

            forms.Enqueue(new ReadForm(form, files.ToArray()));
            await LoopbackServer.Respond(context, 200, """{"code":200,"type":"ok","message":"stored"}""");
        });
        return (server, forms);
    }

    [Fact]
    public async Task A_multipart_form_sends_its_fields_as_text_and_its_files_as_named_parts()
    {
        (LoopbackServer server, var forms) = await FormServer();
        await using LoopbackServer owned = server;
        using WireClient client = Clients.Wire(server.BaseAddress);

        await client.Files.CreateAsync(new FilesCreateForm
        {
            File = ApiFile.FromBytes(Png, "lamp.png", "image/png"),
            Purpose = "thumbnail",
            Count = 3,
            Kind = Kind.Large,
            Labels = new[] { "a", "b" },
            Extras = new[] { ApiFile.FromStream(new MemoryStream(Encoding.UTF8.GetBytes("first")), "one.txt", "text/plain"), ApiFile.FromBytes(Encoding.UTF8.GetBytes("second")) },
        });

        ReadForm form = Assert.Single(forms);
        Assert.StartsWith("multipart/form-data; boundary=", Assert.Single(server.Requests).Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("thumbnail", form["purpose"]);
        Assert.Equal("3", form["count"]);
        Assert.Equal("large", form["kind"]);
        Assert.Equal("""["a","b"]""", form["labels"]);
        Assert.Equal(("lamp.png", "image/png"), (form.File("file").FileName, form.File("file").ContentType));
        Assert.Equal(Png, form.File("file").Bytes);
        var extras = form.Files.Where(f => f.Name == "extras").ToArray();
        Assert.Equal(new[] { "first", "second" }, extras.Select(f => Encoding.UTF8.GetString(f.Bytes)));
        Assert.Equal(("one.txt", "text/plain"), (extras[0].FileName, extras[0].ContentType));
        Assert.Equal(("extras", "application/octet-stream"), (extras[1].FileName, extras[1].ContentType));
    }

    [Fact]
    public async Task A_required_field_left_null_is_refused_before_anything_is_sent()
    {
        (LoopbackServer server, var unused) = await FormServer();
        await using LoopbackServer owned = server;
        using WireClient client = Clients.Wire(server.BaseAddress);

        ArgumentException missing = await Assert.ThrowsAsync<ArgumentException>(() => client.Files.CreateAsync(new FilesCreateForm { Purpose = "thumbnail" }));

        Assert.Contains("File is required", missing.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_file_as_the_whole_body_is_streamed_from_its_path_with_the_operations_media_type()
    {
        string path = Path.Combine(Path.GetTempPath(), "scenario-upload-" + Guid.NewGuid().ToString("N") + ".png");
        await File.WriteAllBytesAsync(path, Png);
        try
        {
            await using LoopbackServer server = await LoopbackServer.RespondingAsync(204, string.Empty);
            using WireClient client = Clients.Wire(server.BaseAddress);

            await client.Items.Photo.UpdateAsync(7, ApiFile.FromPath(path));

            RecordedRequest request = Assert.Single(server.Requests);
            Assert.Equal(("PUT", "/v1/items/7/photo"), (request.Method, request.RawTarget));
            Assert.Equal("image/png", request.Headers["Content-Type"]);
            Assert.Equal(Png.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers["Content-Length"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_file_from_a_stream_that_seeks_is_sent_again_by_a_retry_and_one_that_does_not_is_sent_once(bool seeks)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, number) =>
            LoopbackServer.Respond(context, number == 1 ? 503 : 204, number == 1 ? """{"message":"busy"}""" : string.Empty, ("retry-after-ms", "10")));
        WireClientOptions options = new() { BaseAddress = server.BaseAddress, Token = "token_abcdef", MaxRetries = 2 };
        using var client = new WireClient(options);
        var data = new MemoryStream(Encoding.UTF8.GetBytes("0123456789abcdef"));
        data.Position = 4;
        ApiFile file = ApiFile.FromStream(seeks ? data : new ForwardOnly(data), "data.bin");

        if (seeks)
        {
            await client.Items.Photo.UpdateAsync(7, file);
            Assert.Equal(new[] { "456789abcdef", "456789abcdef" }, server.Requests.Select(r => r.Body));
        }
        else
        {
            ApiServerException busy = await Assert.ThrowsAsync<ApiServerException>(() => client.Items.Photo.UpdateAsync(7, file));
            Assert.Contains("not retried, as its body can be sent once only", busy.Message, StringComparison.Ordinal);
            Assert.Equal("busy", busy.ErrorMessage);
            Assert.Single(server.Requests);
        }
    }

    [Fact]
    public async Task A_url_encoded_form_sends_its_fields_as_pairs()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(204, string.Empty);
        using WireClient client = Clients.Wire(server.BaseAddress);

        await client.Sessions.CreateAsync(new SessionsCreateForm { User = "ann lee&co", Remember = true });

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("application/x-www-form-urlencoded", request.Headers["Content-Type"]);
        Assert.Equal("user=ann+lee%26co&remember=true", request.Body);
    }

    [Fact]
    public async Task Petstore_2_0_uploads_a_pets_image_as_its_formData_parameters_say()
    {
        (LoopbackServer server, var forms) = await FormServer();
        await using LoopbackServer owned = server;
        using var client = new OpenApi.Petstore2.SwaggerPetstoreClient(new OpenApi.Petstore2.SwaggerPetstoreClientOptions { BaseAddress = server.BaseAddress, PetstoreAuthTokenProvider = _ => new ValueTask<string>("oauth-token-1") });

        await client.Pet.UploadImage.CreateAsync(7, new OpenApi.Petstore2.PetUploadImageCreateForm { AdditionalMetadata = "front", File = ApiFile.FromBytes(Png, "rex.png", "image/png") });

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/pet/7/uploadImage"), (request.Method, request.RawTarget));
        ReadForm form = Assert.Single(forms);
        Assert.Equal("front", form["additionalMetadata"]);
        Assert.Equal(Png, form.File("file").Bytes);
        Assert.Equal("rex.png", form.File("file").FileName);
    }

    /// <summary>A stream that does not seek (a network stream, a pipe).</summary>
    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

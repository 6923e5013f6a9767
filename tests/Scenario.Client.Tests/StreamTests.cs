using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Wire;
using Xunit;

namespace Scenario.Client.Tests;

/// <summary>
/// Streamed responses (Schemas/wire.openapi.yaml: server-sent events alone, JSON lines alone, and a completion answered
/// whole as JSON or streamed as events) read as they arrive from servers on 127.0.0.1 that send events one by one,
/// trickle them byte by byte, send a malformed one or an error event, stall, drop the connection, or send one too large.
/// </summary>
public class StreamTests
{
    private static WireClient Client(Uri baseAddress, TimeSpan? timeout = null, long maxBody = 1024 * 1024) => Clients.Wire(baseAddress, timeout, maxBody);

    private static string Item(int n) => $$"""{"id":"i{{n}}","name":"item {{n}}","size":{{n}}}""";

    private static async Task WriteAsync(HttpContext context, string text)
    {
        await context.Response.WriteAsync(text);
        await context.Response.Body.FlushAsync();
    }

    [Fact]
    public async Task Server_sent_events_arrive_one_by_one_each_before_the_server_sends_the_next()
    {
        var received = new SemaphoreSlim(0);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "text/event-stream";
            for (int i = 1; i <= 3; i++)
            {
                await WriteAsync(context, ": keep-alive\n\ndata: " + Item(i) + "\n\n");
                Assert.True(await received.WaitAsync(TimeSpan.FromSeconds(10)), "the client did not read event " + i + " before the next was sent");
            }
        });
        using WireClient client = Client(server.BaseAddress);

        var names = new List<string>();
        await foreach (Item item in client.Items.Events.ListAsync())
        {
            names.Add(item.Name);
            received.Release();
        }

        Assert.Equal(new[] { "item 1", "item 2", "item 3" }, names);
        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("/v1/items/events", request.RawTarget);
        Assert.Equal("text/event-stream", request.Headers["Accept"]);
        Assert.Equal("Bearer token_abcdef", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task The_raw_twin_gives_each_events_type_id_and_reconnection_time_as_the_specification_reads_them()
    {
        // Field syntax per the HTML standard's event stream interpretation: a space after the colon is dropped, data lines
        // are joined with LF, CR LF and CR end lines, an id with NUL is ignored, a non-numeric retry is ignored, an event
        // without data is not dispatched, and the id and retry carry over to later events.
        string stream = "\uFEFFretry: 1500\r\nid: 7\r\nevent: update\r\ndata: {\"id\":\"i1\",\r\ndata:\"name\":\"one\"}\r\n\r\n"
            + "event: ignored\n\n"
            + "id: bad\0id\rretry: soon\rdata:" + Item(2) + "\r\r"
            + "unknown: field\nid\ndata: " + Item(3) + "\n\n"
            + "data: " + Item(4);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "text/event-stream; charset=utf-8";
            await WriteAsync(context, stream);
        });
        using WireClient client = Client(server.BaseAddress);

        var events = new List<ApiEvent<Item>>();
        await foreach (ApiEvent<Item> item in client.WithRawResponse.Items.Events.ListAsync())
        {
            events.Add(item);
        }

        Assert.Equal(3, events.Count);
        Assert.Equal(("update", "7", TimeSpan.FromMilliseconds(1500), "one"), (events[0].EventType, events[0].Id, events[0].Retry, events[0].Data.Name));
        Assert.Equal(("message", "7", TimeSpan.FromMilliseconds(1500), "item 2"), (events[1].EventType, events[1].Id, events[1].Retry, events[1].Data.Name));
        Assert.Equal(("message", (string?)null, "item 3"), (events[2].EventType, events[2].Id, events[2].Data.Name));
    }

    [Fact]
    public async Task Events_trickled_byte_by_byte_with_line_ends_and_characters_split_are_read_whole()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("\uFEFFdata: {\"id\":\"i1\",\"name\":\"lampe à huile 🪔\"}\r\n\r\ndata: " + Item(2) + "\r\n\r\n");
        await using RawServer server = RawServer.Start(async (_, stream, _) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"));
            foreach (byte b in bytes)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("1\r\n").Concat(new[] { b }).Concat(Encoding.ASCII.GetBytes("\r\n")).ToArray());
                await stream.FlushAsync();
            }

            await stream.WriteAsync(Encoding.ASCII.GetBytes("0\r\n\r\n"));
            return false;
        });
        using WireClient client = Client(server.BaseAddress);

        var names = new List<string>();
        await foreach (Item item in client.Items.Events.ListAsync())
        {
            names.Add(item.Name);
        }

        Assert.Equal(new[] { "lampe à huile 🪔", "item 2" }, names);
    }

    [Fact]
    public async Task Json_lines_are_read_line_by_line_skipping_blank_ones()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/x-ndjson";
            await WriteAsync(context, Item(1) + "\n\n" + Item(2) + "\r\n\u001E" + Item(3));
        });
        using WireClient client = Client(server.BaseAddress);

        var names = new List<string>();
        await foreach (Item item in client.Items.Changes.ListAsync())
        {
            names.Add(item.Name);
        }

        Assert.Equal(new[] { "item 1", "item 2", "item 3" }, names);
        Assert.Equal("application/x-ndjson, application/jsonl", Assert.Single(server.Requests).Headers["Accept"]);
    }

    [Fact]
    public async Task An_operation_answered_whole_or_streamed_has_a_method_for_each_and_DONE_ends_the_stream()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, number) =>
        {
            if (number == 1)
            {
                await LoopbackServer.Respond(context, 200, """{"text":"Hello there"}""");
                return;
            }

            context.Response.ContentType = "text/event-stream";
            await WriteAsync(context, "data: {\"delta\":\"Hello\"}\n\ndata: {\"delta\":\" there\",\"done\":true}\n\ndata: [DONE]\n\ndata: not read\n\n");
        });
        using WireClient client = Client(server.BaseAddress);

        Completion whole = await client.Completions.CreateAsync(new CompletionsCreateRequest { Prompt = "Hi" });
        var text = new StringBuilder();
        await foreach (CompletionChunk chunk in client.Completions.CreateStreamAsync(new CompletionsCreateRequest { Prompt = "Hi", Stream = true }))
        {
            text.Append(chunk.Delta);
        }

        Assert.Equal("Hello there", whole.Text);
        Assert.Equal("Hello there", text.ToString());
        RecordedRequest[] requests = server.Requests.ToArray();
        Assert.Equal("application/json", requests[0].Headers["Accept"]);
        Assert.Equal("text/event-stream", requests[1].Headers["Accept"]);
        Assert.Equal("""{"prompt":"Hi","stream":true}""", requests[1].Body);
    }

    [Fact]
    public async Task An_error_event_ends_the_sequence_with_its_message_after_the_events_before_it()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "text/event-stream";
            await WriteAsync(context, "data: " + Item(1) + "\n\nevent: error\ndata: {\"error\":{\"message\":\"overloaded, token_abcdef\"}}\n\ndata: " + Item(2) + "\n\n");
        });
        using WireClient client = Client(server.BaseAddress);

        var names = new List<string>();
        ApiEventStreamException error = await Assert.ThrowsAsync<ApiEventStreamException>(async () =>
        {
            await foreach (Item item in client.Items.Events.ListAsync())
            {
                names.Add(item.Name);
            }
        });

        Assert.Equal(new[] { "item 1" }, names);
        Assert.Equal("error", error.EventType);
        Assert.Equal("overloaded, [redacted]", error.ErrorMessage);
        Assert.Contains("overloaded, [redacted]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token_abcdef", error.EventData, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_event_is_an_invalid_response_naming_it_after_the_good_ones()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "text/event-stream";
            await WriteAsync(context, "data: " + Item(1) + "\n\ndata: {\"id\":\"i2\",\"name\":\n\n");
        });
        using WireClient client = Client(server.BaseAddress);

        int count = 0;
        ApiInvalidResponseException invalid = await Assert.ThrowsAsync<ApiInvalidResponseException>(async () =>
        {
            await foreach (Item item in client.Items.Events.ListAsync())
            {
                count++;
            }
        });

        Assert.Equal(1, count);
        Assert.Contains("Event 2 of the stream is not a valid Item", invalid.Message, StringComparison.Ordinal);
        Assert.Equal("{\"id\":\"i2\",\"name\":", invalid.ResponseBody);
    }

    [Fact]
    public async Task A_stream_that_stalls_ends_with_a_timeout_and_one_that_breaks_with_a_connection_exception()
    {
        foreach (bool stall in new[] { true, false })
        {
            await using RawServer server = RawServer.Start(async (_, stream, socket) =>
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: 10000\r\n\r\ndata: " + Item(1) + "\n\ndata: {\"id\""));
                await stream.FlushAsync();
                if (stall)
                {
                    await Task.Delay(TimeSpan.FromSeconds(20));
                }
                else
                {
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                }

                return false;
            });
            using WireClient client = Client(server.BaseAddress, timeout: TimeSpan.FromMilliseconds(700));

            int count = 0;
            var clock = Stopwatch.StartNew();
            Exception failure = await Assert.ThrowsAnyAsync<ApiException>(async () =>
            {
                await foreach (Item item in client.Items.Events.ListAsync())
                {
                    count++;
                }
            });

            Assert.Equal(1, count);
            Assert.IsType(stall ? typeof(ApiTimeoutException) : typeof(ApiConnectionException), failure);
            Assert.InRange(clock.Elapsed.TotalSeconds, 0, 10);
        }
    }

    [Fact]
    public async Task Cancelling_the_enumeration_stops_it_at_once()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "text/event-stream";
            await WriteAsync(context, "data: " + Item(1) + "\n\n");
            await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
        });
        using WireClient client = Client(server.BaseAddress);
        using var cancel = new CancellationTokenSource();

        int count = 0;
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Item item in client.Items.Events.ListAsync().WithCancellation(cancel.Token))
            {
                count++;
                cancel.CancelAfter(TimeSpan.FromMilliseconds(100));
            }
        });

        Assert.Equal(1, count);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 5);
    }

    [Fact]
    public async Task Events_already_received_are_not_delivered_after_the_caller_cancels()
    {
        // Three events in one write: the reader has the second and third in its buffer when the caller cancels.
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "text/event-stream";
            await WriteAsync(context, "data: " + Item(1) + "\n\ndata: " + Item(2) + "\n\ndata: " + Item(3) + "\n\n");
            await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
        });
        using WireClient client = Client(server.BaseAddress);
        using var cancel = new CancellationTokenSource();

        int count = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Item item in client.Items.Events.ListAsync().WithCancellation(cancel.Token))
            {
                count++;
                cancel.Cancel();
            }
        });

        Assert.Equal(1, count);
    }

    [Fact]
    public async Task An_event_past_the_body_limit_is_refused_with_memory_bounded()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "text/event-stream";
            await WriteAsync(context, "data: " + Item(1) + "\n\n");
            string line = "data: " + new string('x', 1000) + "\n";
            for (int i = 0; i < 200; i++)
            {
                await context.Response.WriteAsync(line);
            }
        });
        using WireClient client = Client(server.BaseAddress, maxBody: 64 * 1024);

        int count = 0;
        ApiResponseTooLargeException tooLarge = await Assert.ThrowsAsync<ApiResponseTooLargeException>(async () =>
        {
            await foreach (Item item in client.Items.Events.ListAsync())
            {
                count++;
            }
        });

        Assert.Equal(1, count);
        Assert.Equal(64 * 1024, tooLarge.Limit);
    }

    [Fact]
    public async Task An_error_status_before_the_stream_is_the_typed_exception_with_its_documented_body()
    {
        await using LoopbackServer server = await LoopbackServer.RespondingAsync(429, """{"code":"busy","message":"too many streams"}""");
        using WireClient client = Client(server.BaseAddress);

        ApiRateLimitException busy = await Assert.ThrowsAsync<ApiRateLimitException>(async () =>
        {
            await foreach (Item item in client.Items.Events.ListAsync())
            {
            }
        });

        Assert.True(busy.TryGetBody(out Error? error));
        Assert.Equal("busy", error.Code);
    }
}

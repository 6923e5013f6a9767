using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Feed;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Scenario.Benchmarks.Transfers;

/// <summary>
/// The process's memory while the generated client uploads a large file (<c>ApiFile.FromPath</c>, multipart) to Kestrel
/// on 127.0.0.1 in this process and downloads one (<c>ApiFileResponse.Content</c> copied to nowhere): its working set and
/// managed heap sampled every millisecond, their peaks against the idle process's. Beside them, the same transfers
/// buffered whole (a byte array posted, <c>GetByteArrayAsync</c>), which shows what the sampling sees when a body is
/// held. Run by <c>--transfer-memory MB</c>, in the process's own collector settings (not the pinned gen-0 budget of
/// the timing runs), so it is the memory an app would see; writes transfer-memory.csv for chart.py.
/// </summary>
internal static class TransferMemory
{
    private const int Chunk = 64 * 1024;

    public static async Task<int> RunAsync(int megabytes, string resultsDirectory, TextWriter output)
    {
        long size = megabytes * 1024L * 1024L;
        string path = Path.Combine(Path.GetTempPath(), "scenario-transfer-" + Guid.NewGuid().ToString("N") + ".bin");
        byte[] block = new byte[Chunk];
        new Random(1).NextBytes(block);
        await using (FileStream file = File.Create(path))
        {
            for (long written = 0; written < size; written += Chunk)
            {
                await file.WriteAsync(block.AsMemory(0, (int)Math.Min(Chunk, size - written)));
            }
        }

        long received = 0;
        try
        {
            await using FeedServer server = await FeedServer.StartAsync(app =>
            {
                app.MapPost("/v1/files", async context =>
                {
                    byte[] buffer = ArrayPool<byte>.Shared.Rent(Chunk);
                    int read;
                    while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
                    {
                        Interlocked.Add(ref received, read);
                    }

                    ArrayPool<byte>.Shared.Return(buffer);
                    context.Response.StatusCode = 204;
                });
                app.MapGet("/v1/files/{fileId}", async context =>
                {
                    long length = context.Request.RouteValues["fileId"] as string == "warm" ? Chunk : size;
                    context.Response.ContentType = "application/octet-stream";
                    context.Response.ContentLength = length;
                    for (long sent = 0; sent < length; sent += Chunk)
                    {
                        await context.Response.Body.WriteAsync(block.AsMemory(0, (int)Math.Min(Chunk, length - sent)));
                    }
                });
            });
            using var client = new FeedClient(new FeedClientOptions { BaseAddress = server.BaseAddress, MaxRetries = 0, Timeout = TimeSpan.FromMinutes(10) });
            using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(10), MaxResponseContentBufferSize = int.MaxValue };

            // Every path once with a small body, so what is measured is the transfer, not the JIT or the first connection.
            await client.Files.CreateAsync(new FilesCreateForm { File = ApiFile.FromBytes(block, "warm.bin") });
            using (ApiFileResponse warm = await client.Files.GetAsync("warm"))
            {
                await warm.CopyToAsync(Stream.Null);
            }

            await http.PostAsync("files", new ByteArrayContent(block));
            await http.GetByteArrayAsync("files/warm");

            var rows = new List<string> { "Case,Bytes,IdleWorkingSetMiB,PeakWorkingSetAboveIdleMiB,PeakManagedHeapAboveIdleMiB,AllocatedMiB" };
            async Task Measure(string name, Func<Task<long>> transfer)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                long idleSet = Environment.WorkingSet, idleHeap = GC.GetTotalMemory(false), allocated = GC.GetTotalAllocatedBytes(true);
                long peakSet = idleSet, peakHeap = idleHeap;
                using var done = new CancellationTokenSource();
                var sampler = new Thread(() =>
                {
                    while (!done.IsCancellationRequested)
                    {
                        peakSet = Math.Max(peakSet, Environment.WorkingSet);
                        peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                        Thread.Sleep(1);
                    }
                }) { IsBackground = true };
                sampler.Start();
                Interlocked.Exchange(ref received, 0);
                var stopwatch = Stopwatch.StartNew();
                long bytes = await transfer();
                stopwatch.Stop();
                done.Cancel();
                sampler.Join();
                if (bytes < size)
                {
                    throw new InvalidOperationException($"{name}: {bytes} bytes went across, not {size}.");
                }

                const double MiB = 1024 * 1024;
                double allocatedMiB = (GC.GetTotalAllocatedBytes(true) - allocated) / MiB;
                rows.Add(string.Join(",", name, bytes.ToString(CultureInfo.InvariantCulture), F(idleSet / MiB), F((peakSet - idleSet) / MiB), F((peakHeap - idleHeap) / MiB), F(allocatedMiB)));
                output.WriteLine($"{name}: {bytes / MiB:0} MiB in {stopwatch.Elapsed.TotalSeconds:0.0} s; working set {idleSet / MiB:0.0} MiB idle, peak +{(peakSet - idleSet) / MiB:0.0} MiB; managed heap peak +{(peakHeap - idleHeap) / MiB:0.0} MiB; allocated {allocatedMiB:0.0} MiB");
            }

            await Measure("Upload_Generated_ApiFileFromPath", async () =>
            {
                await client.Files.CreateAsync(new FilesCreateForm { File = ApiFile.FromPath(path) });
                return Interlocked.Read(ref received);
            });
            await Measure("Download_Generated_ApiFileResponse", async () =>
            {
                using ApiFileResponse file = await client.Files.GetAsync("large");
                return await Count(file.Content);
            });
            await Measure("Upload_Buffered_ByteArrayContent", async () =>
            {
                using HttpResponseMessage response = await http.PostAsync("files", new ByteArrayContent(await File.ReadAllBytesAsync(path)));
                return Interlocked.Read(ref received);
            });
            await Measure("Download_Buffered_GetByteArrayAsync", async () => (await http.GetByteArrayAsync("files/large")).LongLength);

            Directory.CreateDirectory(resultsDirectory);
            await File.WriteAllLinesAsync(Path.Combine(resultsDirectory, "transfer-memory.csv"), rows);
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<long> Count(Stream stream)
    {
        byte[] buffer = new byte[Chunk];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}

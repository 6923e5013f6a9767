#if !NET
using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Scenario.Runtime;

/// <summary>The <see cref="HttpContent"/> reads that take a <see cref="CancellationToken"/>, which netstandard2.0 lacks.</summary>
internal static class HttpContentPolyfills
{
    extension(HttpContent content)
    {
        public Task<Stream> ReadAsStreamAsync(CancellationToken cancellationToken) => WithCancellation(content.ReadAsStreamAsync(), cancellationToken);

        public Task<string> ReadAsStringAsync(CancellationToken cancellationToken) => WithCancellation(content.ReadAsStringAsync(), cancellationToken);
    }

    /// <summary>
    /// <paramref name="task"/>'s result, or an <see cref="OperationCanceledException"/> as soon as <paramref name="cancellationToken"/>
    /// fires; a result that arrives after that is disposed.
    /// </summary>
    private static async Task<T> WithCancellation<T>(Task<T> task, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!task.IsCompleted && cancellationToken.CanBeCanceled)
        {
            var canceled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), canceled))
            {
                if (await Task.WhenAny(task, canceled.Task).ConfigureAwait(false) != task)
                {
                    _ = task.ContinueWith(
                        static finished =>
                        {
                            if (finished.Status == TaskStatus.RanToCompletion)
                            {
                                (finished.Result as IDisposable)?.Dispose();
                            }
                            else
                            {
                                _ = finished.Exception;
                            }
                        },
                        CancellationToken.None,
                        TaskContinuationOptions.ExecuteSynchronously,
                        TaskScheduler.Default);
                    throw new OperationCanceledException(cancellationToken);
                }
            }
        }

        return await task.ConfigureAwait(false);
    }
}
#endif

#if !NET
using System;
using System.Diagnostics;

namespace Scenario.Runtime;

/// <summary><c>Stopwatch.GetElapsedTime</c> and <c>Random.Shared</c>, which netstandard2.0 lacks.</summary>
internal static class TimePolyfills
{
    private static readonly double s_ticksPerTimestamp = (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency;

    extension(Stopwatch)
    {
        public static TimeSpan GetElapsedTime(long startingTimestamp) =>
            new((long)((Stopwatch.GetTimestamp() - startingTimestamp) * s_ticksPerTimestamp));
    }

    extension(Random)
    {
        /// <summary>A <see cref="Random"/> safe to use from any thread.</summary>
        public static Random Shared => SharedRandom.Instance;
    }

    /// <summary>One <see cref="Random"/> behind a lock: <see cref="Random"/> itself is not thread-safe.</summary>
    private sealed class SharedRandom : Random
    {
        public static readonly SharedRandom Instance = new();

        private readonly object _gate = new();

        public override int Next()
        {
            lock (_gate)
            {
                return base.Next();
            }
        }

        public override int Next(int maxValue)
        {
            lock (_gate)
            {
                return base.Next(maxValue);
            }
        }

        public override int Next(int minValue, int maxValue)
        {
            lock (_gate)
            {
                return base.Next(minValue, maxValue);
            }
        }

        public override double NextDouble()
        {
            lock (_gate)
            {
                return base.NextDouble();
            }
        }

        public override void NextBytes(byte[] buffer)
        {
            lock (_gate)
            {
                base.NextBytes(buffer);
            }
        }

        protected override double Sample()
        {
            lock (_gate)
            {
                return base.Sample();
            }
        }
    }
}
#endif

using System.Diagnostics;

namespace CivicGrid.Bench;

/// <summary>Times a piece of work run several times in a row: the median, the 95th percentile and the slowest, in milliseconds.</summary>
internal static class Repeated
{
    public sealed record Timings(double P50, double P95, double Max);

    public static Task<Timings> TimeAsync(int times, Func<Task> work) => TimeAsync(times, () => Task.CompletedTask, work);

    /// <summary>As above, with <paramref name="prepare"/> run before each time, untimed.</summary>
    public static async Task<Timings> TimeAsync(int times, Func<Task> prepare, Func<Task> work)
    {
        var samples = new List<double>(times);
        for (var i = 0; i < times; i++)
        {
            await prepare();
            var watch = Stopwatch.StartNew();
            await work();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        return new(samples[samples.Count / 2], samples[(int)Math.Ceiling(samples.Count * 0.95) - 1], samples[^1]);
    }
}

using System.Diagnostics;

namespace CivicGrid.Bench;

/// <summary>Times a piece of work run several times in a row: the median and the slowest, in milliseconds.</summary>
internal static class Repeated
{
    public static async Task<(double P50, double Max)> TimeAsync(int times, Func<Task> work)
    {
        var samples = new List<double>(times);
        for (var i = 0; i < times; i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        return (samples[samples.Count / 2], samples[^1]);
    }
}

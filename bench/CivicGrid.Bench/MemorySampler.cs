using System.Diagnostics;

namespace CivicGrid.Bench;

/// <summary>One reading of the server's resident set, at a moment of the run.</summary>
internal sealed record MemorySample(TimeSpan At, double Resident);

/// <summary>
/// Reads a process's resident set (VmRSS) at a fixed interval until stopped, and judges the curve after a warm-up:
/// flat when the last reading is within <see cref="FlatTolerance"/> of the level just after warm-up.
/// </summary>
internal sealed class MemorySampler(Func<ProcessMemory> read, TimeSpan interval)
{
    public const double FlatTolerance = 0.2;
    private readonly List<MemorySample> _samples = [];

    public IReadOnlyList<MemorySample> Samples => _samples;

    public async Task RunAsync(CancellationToken stop)
    {
        var watch = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(interval);
        _samples.Add(new MemorySample(watch.Elapsed, read().Resident));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                _samples.Add(new MemorySample(watch.Elapsed, read().Resident));
            }
        }
        catch (OperationCanceledException)
        {
        }
        _samples.Add(new MemorySample(watch.Elapsed, read().Resident));
    }

    /// <summary>The mean of the readings in the window of <paramref name="length"/> that starts at the end of warm-up.</summary>
    public double LevelAfter(TimeSpan warmUp, TimeSpan length)
    {
        var window = _samples.Where(s => s.At >= warmUp && s.At <= warmUp + length).ToList();
        return window.Count > 0 ? window.Average(s => s.Resident) : _samples[^1].Resident;
    }

    /// <summary>Least-squares slope of the readings after warm-up, in MB per minute.</summary>
    public double SlopePerMinute(TimeSpan warmUp)
    {
        var points = _samples.Where(s => s.At >= warmUp).Select(s => (X: s.At.TotalMinutes, Y: s.Resident)).ToList();
        if (points.Count < 2)
        {
            return 0;
        }
        var (meanX, meanY) = (points.Average(p => p.X), points.Average(p => p.Y));
        var spread = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return spread == 0 ? 0 : points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / spread;
    }
}

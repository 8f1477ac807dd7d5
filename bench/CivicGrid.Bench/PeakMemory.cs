namespace CivicGrid.Bench;

/// <summary>
/// The bench process's resident set while one step runs: the level before it (after a full collection) and the
/// highest level during it, from the kernel's high-water mark (reset before the step where the kernel allows) and
/// readings every 50 ms.
/// </summary>
internal static class PeakMemory
{
    /// <summary>Which garbage collector the process runs: the server one holds far more than is live (DOTNET_gcServer=0 for the workstation one).</summary>
    public static string Collector => System.Runtime.GCSettings.IsServerGC ? "server GC" : "workstation GC";

    public static async Task<(T Result, double BeforeMb, double PeakMb)> MeasureAsync<T>(Func<Task<T>> step)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var before = ProcessMemory.Of(Environment.ProcessId).Resident;
        var reset = ResetHighWaterMark();
        var sampler = new MemorySampler(() => ProcessMemory.Of(Environment.ProcessId), TimeSpan.FromMilliseconds(50));
        using var stop = new CancellationTokenSource();
        var sampling = sampler.RunAsync(stop.Token);
        var result = await step();
        await stop.CancelAsync();
        await sampling;
        var peak = sampler.Samples.Max(s => s.Resident);
        if (reset)
        {
            peak = Math.Max(peak, ProcessMemory.Of(Environment.ProcessId).Peak);
        }
        return (result, before, peak);
    }

    /// <summary>Writing 5 to clear_refs resets VmHWM to the current resident set (Linux 4.0 and later).</summary>
    private static bool ResetHighWaterMark()
    {
        try
        {
            File.WriteAllText($"/proc/{Environment.ProcessId}/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

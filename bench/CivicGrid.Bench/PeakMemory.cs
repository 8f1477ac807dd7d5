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

    /// <summary>
    /// The managed heap's highest reading (allocated bytes, garbage included) during the last step measured: what of
    /// the peak is the runtime's heap and what is native (the database engine, the runtime itself).
    /// </summary>
    public static double LastManagedPeakMb { get; private set; }

    public static async Task<(T Result, double BeforeMb, double PeakMb)> MeasureAsync<T>(Func<Task<T>> step)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var before = ProcessMemory.Of(Environment.ProcessId).Resident;
        var reset = ResetHighWaterMark();
        var managed = GC.GetTotalMemory(forceFullCollection: false);
        var sampler = new MemorySampler(() =>
        {
            managed = Math.Max(managed, GC.GetTotalMemory(forceFullCollection: false));
            return ProcessMemory.Of(Environment.ProcessId);
        }, TimeSpan.FromMilliseconds(50));
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
        LastManagedPeakMb = managed / 1024.0 / 1024.0;
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

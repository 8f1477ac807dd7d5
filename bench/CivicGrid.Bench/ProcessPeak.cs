using System.Diagnostics;

namespace CivicGrid.Bench;

/// <summary>
/// Another process's memory while it works: its resident set and the kernel's high-water mark (VmHWM, which catches a
/// peak between two readings) read every 50 ms from /proc, so the bench's own memory never counts.
/// </summary>
internal sealed class ProcessPeak(int processId) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _sampling;
    private ProcessMemory _highest = new(0, 0, 0, 0);

    /// <summary>The highest readings so far: resident set (with its anonymous and file parts at that moment) and VmHWM.</summary>
    public ProcessMemory Highest => _highest;

    public static ProcessPeak Start(int processId)
    {
        var peak = new ProcessPeak(processId);
        ResetHighWaterMark(processId);
        peak._sampling = peak.SampleAsync();
        return peak;
    }

    /// <summary>Writing 5 to clear_refs resets VmHWM to the current resident set (Linux 4.0 and later), so a long-lived server's earlier peaks do not count.</summary>
    private static void ResetHighWaterMark(int processId)
    {
        try
        {
            File.WriteAllText($"/proc/{processId}/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            do
            {
                Read();
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Read()
    {
        try
        {
            var now = ProcessMemory.Of(processId);
            _highest = now.Resident >= _highest.Resident
                ? now with { Peak = Math.Max(now.Peak, _highest.Peak) }
                : _highest with { Peak = Math.Max(now.Peak, _highest.Peak) };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or KeyNotFoundException)
        {
            // The process has exited between two readings: its last ones stand.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_sampling is not null)
        {
            await _sampling;
        }
        _stop.Dispose();
    }
}

/// <summary>The command line (src/CivicGrid.Cli's build beside the bench's) run as a process of its own on a bench database.</summary>
internal static class CommandLine
{
    public sealed record Run(int ExitCode, TimeSpan Elapsed, ProcessMemory Memory, string Output);

    /// <summary>Runs <c>civicgrid</c> with <paramref name="arguments"/>, its settings in its environment, and reads its memory throughout.</summary>
    public static async Task<Run> RunAsync(BenchDatabase database, IReadOnlyList<string> arguments)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("civicgrid-bench-cli-").FullName;
        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [Assembly(), .. arguments, "--data-dir", dataDirectory])
            {
                WorkingDirectory = dataDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var (key, value) in database.Settings)
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            ProcessMemory memory;
            string output;
            await using (var peak = ProcessPeak.Start(process.Id))
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                output = await stdout + await stderr;
                memory = peak.Highest;
            }
            return new Run(process.ExitCode, watch.Elapsed, memory, output);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static string Assembly()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var assembly = Path.Combine(CivicGrid.Testing.WebServerProcess.RepositoryRoot(), "src", "CivicGrid.Cli", "bin", output.Parent!.Name, output.Name, "civicgrid.dll");
        return File.Exists(assembly) ? assembly : throw new FileNotFoundException("Build the command line first (dotnet build CivicGrid.slnx).", assembly);
    }
}

using System.Globalization;

namespace CivicGrid.Bench;

/// <summary>
/// A process's resident set in MB as the kernel reports it: now (anonymous memory, i.e. heaps, and mapped files
/// apart) and its high-water mark since the process started.
/// </summary>
internal sealed record ProcessMemory(double Resident, double Anonymous, double Files, double Peak)
{
    public static ProcessMemory Of(int processId)
    {
        var fields = File.ReadLines($"/proc/{processId}/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[1].TrimEnd().EndsWith("kB", StringComparison.Ordinal))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1].Trim()[..^2], CultureInfo.InvariantCulture) / 1024);
        return new ProcessMemory(fields["VmRSS"], fields["RssAnon"], fields["RssFile"], fields["VmHWM"]);
    }

    public override string ToString() => $"RSS {Resident,6:N0} MB (heap {Anonymous:N0}, files {Files:N0}), peak {Peak,6:N0} MB";
}

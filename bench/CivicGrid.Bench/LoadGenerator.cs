using System.Diagnostics;
using System.Text.Json;

namespace CivicGrid.Bench;

/// <summary>What the load generator measured: requests per second, latency percentiles and failures.</summary>
internal sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Failures);

/// <summary>Runs autocannon (from bench/package.json) against a loopback URL at a fixed number of connections.</summary>
internal static class LoadGenerator
{
    public static Task<LoadResult> PostJsonAsync(string url, string body, string cookie, int connections, int seconds) =>
        RunAsync(url, cookie, connections, seconds, ["-m", "POST", "-H", "Content-Type=application/json", "-b", body]);

    public static Task<LoadResult> GetAsync(string url, string cookie, int connections, int seconds) =>
        RunAsync(url, cookie, connections, seconds, []);

    private static async Task<LoadResult> RunAsync(string url, string cookie, int connections, int seconds, string[] request)
    {
        var autocannon = await EnsureInstalledAsync();
        string[] arguments = [autocannon, "--json", "-c", connections.ToString(), "-d", seconds.ToString(), "-H", $"Cookie={cookie}", .. request, url];
        var start = new ProcessStartInfo("node", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var json = JsonDocument.Parse(output).RootElement;
        var latency = json.GetProperty("latency");
        var total = json.GetProperty("requests").GetProperty("total").GetInt64();
        var failures = json.GetProperty("non2xx").GetInt64() + json.GetProperty("errors").GetInt64() + json.GetProperty("timeouts").GetInt64();
        return new LoadResult((total - failures) / json.GetProperty("duration").GetDouble(), latency.GetProperty("p50").GetDouble(), latency.GetProperty("p99").GetDouble(), total, failures);
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        var bench = BenchPaths.Bench;
        var script = Path.Combine(bench, "node_modules", "autocannon", "autocannon.js");
        if (!File.Exists(script))
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--prefix", bench]))!;
            await npm.WaitForExitAsync();
        }
        return script;
    }
}

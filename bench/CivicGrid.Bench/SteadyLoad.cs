using System.Diagnostics;

namespace CivicGrid.Bench;

/// <summary>One request of a load: what it is called and how to send it; true when the server answered 2xx.</summary>
internal sealed record LoadRequest(string Name, Func<CancellationToken, Task<bool>> SendAsync);

/// <summary>What a steady load measured; latency counts from the moment each request was due, so a stall is not hidden.</summary>
internal sealed record SteadyLoadResult(long Requests, long Errors, TimeSpan Duration, double P50Ms, double P99Ms, double EarlyP99Ms,
    IReadOnlyDictionary<string, long> ErrorsByRequest, IReadOnlyDictionary<string, double> P99ByRequest)
{
    public double RatePerSecond => Requests / Duration.TotalSeconds;
}

/// <summary>
/// An open-loop load: request i is sent at i / rate seconds whatever the answers to earlier ones, cycling through a mix,
/// for a fixed duration. Bounded in count (rate × duration) and time (every request has a timeout). Latencies count
/// from the end of the warm-up, when the server's code is compiled and its caches are filled.
/// </summary>
internal static class SteadyLoad
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static async Task<SteadyLoadResult> RunAsync(IReadOnlyList<LoadRequest> mix, double ratePerSecond, TimeSpan duration, TimeSpan warmUp)
    {
        var count = (int)(ratePerSecond * duration.TotalSeconds);
        var latencies = new double[count];
        var failed = new bool[count];
        var sending = new List<Task>(count);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / ratePerSecond);
            var wait = due - watch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            sending.Add(SendAsync(mix[i % mix.Count], i, due, watch, latencies, failed));
        }
        await Task.WhenAll(sending).WaitAsync(RequestTimeout * 2);
        var elapsed = watch.Elapsed;
        var errors = Enumerable.Range(0, count).Where(i => failed[i]).GroupBy(i => mix[i % mix.Count].Name).ToDictionary(g => g.Key, g => (long)g.Count());
        var measured = latencies[Math.Min(count, (int)(ratePerSecond * warmUp.TotalSeconds))..];
        var byRequest = Enumerable.Range(count - measured.Length, measured.Length).GroupBy(i => mix[i % mix.Count].Name)
            .ToDictionary(g => g.Key, g => Percentile(g.Select(i => latencies[i]).ToArray(), 0.99));
        return new SteadyLoadResult(count, errors.Values.Sum(), elapsed, Percentile(measured, 0.50), Percentile(measured, 0.99),
            Percentile(measured[..(measured.Length / 5)], 0.99), errors, byRequest);
    }

    private static async Task SendAsync(LoadRequest request, int i, TimeSpan due, Stopwatch watch, double[] latencies, bool[] failed)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout);
        try
        {
            failed[i] = !await request.SendAsync(timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            failed[i] = true;
        }
        latencies[i] = (watch.Elapsed - due).TotalMilliseconds;
    }

    private static double Percentile(double[] values, double fraction)
    {
        if (values.Length == 0)
        {
            return 0;
        }
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
    }
}

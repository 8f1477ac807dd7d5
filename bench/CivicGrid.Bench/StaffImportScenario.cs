using System.Diagnostics;
using System.Globalization;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Imports;
using CivicGrid.Core.Demo;
using CivicGrid.Core.People;
using CivicGrid.Core.Territory;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// Opens 5,000 staff accounts from one file through the import pipeline (check, one-time password hashed at Identity's
/// work factor, audit entry per account) and, in the same run on the same database, imports as many residents through
/// the same pipeline: the time and the growth of the process's resident set during each.
/// </summary>
internal static class StaffImportScenario
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(20);

    public static async Task<IEnumerable<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        var rows = options.Quick ? 100 : 5_000;
        await using var database = await BenchDatabase.CreateAsync(kind, options);
        var district = new DemoDistrict(options.Scale, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
        var grids = district.Territory.Where(n => n.Level == TerritoryLevel.Grid).Select(n => n.Code).ToList();
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
            db.TerritoryNodes.AddRange(district.Territory);
            await db.SaveChangesAsync();
        }

        var residents = await MeasureAsync(database, ImportKind.Residents, Residents(rows, grids));
        var staff = await MeasureAsync(database, ImportKind.Staff, Staff(rows, grids));
        var hashes = options.Quick ? 50 : 1_000;
        var hashRate = await HashRateAsync(database, hashes);
        Console.WriteLine($"[{kind}] {rows:N0} residents: {residents.Seconds:F1} s, +{residents.PeakMb:N0} MB; {rows:N0} staff accounts: {staff.Seconds:F1} s, +{staff.PeakMb:N0} MB; password hashing alone: {hashRate:N0}/s");
        return
        [
            new ScenarioResult($"import {rows:N0} staff accounts", kind, rows / staff.Seconds, hashRate, "accounts/s", 0.8,
                $"{staff.Seconds:F0} s; the anchor hashes {hashes:N0} one-time passwords alone on every core (PBKDF2 at Identity's work factor), which each new account needs; {rows:N0} residents import in {residents.Seconds:F1} s"),
            new ScenarioResult($"import {rows:N0} staff accounts: peak memory", kind, staff.PeakMb, residents.PeakMb, "MB", 0,
                $"growth of the resident set over the level before the import; the anchor is the resident import of {rows:N0} rows") { MaxOurs = 100 },
        ];
    }

    /// <summary>One-time passwords hashed per second on every core, as the import hashes them: the floor of its time.</summary>
    private static async Task<double> HashRateAsync(BenchDatabase database, int count)
    {
        await using var scope = database.Scope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<StaffUser>>();
        var user = new StaffUser { UserName = "bench.hash", DisplayName = "测速", ScopeCode = "" };
        var watch = Stopwatch.StartNew();
        Parallel.For(0, count, i => hasher.HashPassword(user, $"Cg-bench-password-{i}"));
        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<(double Seconds, double PeakMb)> MeasureAsync(BenchDatabase database, ImportKind kind, TabularData data)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = ProcessMemory.Of(Environment.ProcessId).Resident;
        var sampler = new MemorySampler(() => ProcessMemory.Of(Environment.ProcessId), SampleEvery);
        using var stop = new CancellationTokenSource();
        var sampling = sampler.RunAsync(stop.Token);
        var watch = Stopwatch.StartNew();
        await using (var scope = database.Scope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<RunImportHandler>()
                .HandleAsync(new RunImport(kind, data, Commit: true, $"{kind}.csv"), null, CancellationToken.None);
            if (outcome.Value is not { Committed: true } report || report.Inserted != data.Rows.Count)
            {
                throw new InvalidOperationException($"{kind} did not import: {outcome.Value?.Errors.FirstOrDefault()}");
            }
        }
        var seconds = watch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampling;
        return (seconds, Math.Max(0, sampler.Samples.Max(s => s.Resident) - before));
    }

    /// <summary>Grid workers spread over the district's grids, each with a phone and an e-mail address.</summary>
    private static TabularData Staff(int rows, List<string> grids) => new(
        ["用户名", "姓名", "角色", "所属区划编码", "手机号", "电子邮箱"],
        [.. Enumerable.Range(0, rows).Select(i => new string?[]
        {
            $"grid.{i:D5}", $"网格员{i}", "网格员", grids[i % grids.Count],
            (13_900_000_000L + i).ToString(CultureInfo.InvariantCulture), $"grid.{i:D5}@example.org",
        })]);

    private static TabularData Residents(int rows, List<string> grids) => new(
        ["姓名", "身份证号", "居住类型", "网格编码"],
        [.. Enumerable.Range(0, rows).Select(i => new string?[]
        {
            $"居民{i}", IdNumber.Compose("330105", new DateOnly(1960, 1, 1).AddDays(i), 100, Gender.Male), "户籍", grids[i % grids.Count],
        })]);
}

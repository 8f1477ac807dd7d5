using System.Diagnostics;
using CivicGrid.App.Access;
using CivicGrid.Core.Territory;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CivicGrid.Fault.Tests;

/// <summary>
/// Sustained case intake from several accounts while the server is SIGKILLed at random moments and started again:
/// an acknowledged case is a stored case, exactly once, with its receipt on the timeline and its audit entry on the chain.
/// </summary>
public class IntakeKillTests(ITestOutputHelper output)
{
    /// <summary>Rounds of intake, each ended by a kill; the final check kills once more. Over both engines, 14 kills.</summary>
    public const int Rounds = 6;
    private static readonly TimeSpan FirstAnswerTimeout = TimeSpan.FromSeconds(30);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EveryAcknowledgedCaseSurvivesSigkillExactlyOnce(DatabaseKind kind)
    {
        var watch = Stopwatch.StartNew();
        await using var site = await FaultSite.StartAsync(kind);
        var submitters = await SubmittersAsync(site);
        var acknowledged = new List<AcknowledgedCase>();
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var run = Guid.NewGuid().ToString("N")[..6];

        for (var round = 1; round <= Rounds; round++)
        {
            await RunRoundAsync(site, submitters, $"FT{run}r{round}", acknowledged, TimeSpan.FromMilliseconds(random.Next(100, 1500)));
            await site.RestartAsync();
        }
        await site.KillAsync();

        var check = await IntakeCheck.RunAsync(site, $"FT{run}r", acknowledged);
        output.WriteLine($"{kind}: {site.Kills} kills (random seed {seed}), {submitters.Sum(s => s.Sent)} cases sent, {acknowledged.Count} acknowledged, " +
            $"{check.Lost} lost, {check.Duplicated} duplicated, {check.Stored - acknowledged.Count} stored but not acknowledged (cut off before the answer), " +
            $"{submitters.Sum(s => s.Refused)} refused; audit chain intact over {check.Audit.Checked} entries; {watch.Elapsed.TotalSeconds:F0} s");
        Assert.True(site.Kills > Rounds);
        Assert.True(acknowledged.Count >= Rounds, "Too few cases were acknowledged for the kills to prove anything.");
        Assert.Equal(0, submitters.Sum(s => s.Refused));
        Assert.Equal(0, check.Lost);
        Assert.Equal(0, check.Duplicated);
        Assert.Equal(0, check.WithoutReceipt);
        Assert.Equal(0, check.WithoutAudit);
        Assert.True(check.Audit.Intact, $"The audit chain breaks at entry {check.Audit.FirstBrokenId}.");
    }

    /// <summary>Residents and grid workers of the first grid, two sign-ins each, raising cases at its centre.</summary>
    private static async Task<List<CaseSubmitter>> SubmittersAsync(FaultSite site)
    {
        await using var harness = site.Harness();
        await using var scope = harness.Scope(new SystemJurisdiction("tests"));
        var grid = await scope.Db.TerritoryNodes.Where(n => n.Level == TerritoryLevel.Grid).OrderBy(n => n.Code).FirstAsync();
        var submitters = new List<CaseSubmitter>();
        foreach (var (userName, i) in new[] { "resident", "gridworker" }.SelectMany(u => new[] { u, u, u }).Select((u, i) => (u, i)))
        {
            submitters.Add(new CaseSubmitter(await site.SignInAsync(userName), $"{userName}{i}", grid.CentreLatitude!.Value, grid.CentreLongitude!.Value));
        }
        return submitters;
    }

    /// <summary>Lets every account submit until the first answer and a random moment after it, then kills the server under them.</summary>
    private static async Task RunRoundAsync(FaultSite site, List<CaseSubmitter> submitters, string round, List<AcknowledgedCase> acknowledged, TimeSpan killAfter)
    {
        using var stop = new CancellationTokenSource();
        int Count()
        {
            lock (acknowledged)
            {
                return acknowledged.Count;
            }
        }
        var before = Count();
        var running = submitters.Select(s => s.RunAsync(round, acknowledged, stop.Token)).ToList();
        var waited = Stopwatch.StartNew();
        while (Count() == before && waited.Elapsed < FirstAnswerTimeout)
        {
            await Task.Delay(10);
        }
        await Task.Delay(killAfter);
        await site.KillAsync();
        // Cancelled after the kill, so what was in flight was cut off by the kill, not by the test.
        await stop.CancelAsync();
        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(60));
    }
}

using System.Text.RegularExpressions;
using CivicGrid.App.Access;
using CivicGrid.App.Audit;
using CivicGrid.Core.Cases;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Fault.Tests;

/// <summary>What the database holds of a run's cases, read directly once the server is down.</summary>
internal sealed record IntakeCheck(int Stored, int Lost, int Duplicated, int WithoutReceipt, int WithoutAudit, AuditVerification Audit)
{
    public static Task<IntakeCheck> RunAsync(FaultSite site, string runPrefix, IReadOnlyList<AcknowledgedCase> acknowledged) =>
        RunAsync(site.Database, runPrefix, acknowledged);

    public static async Task<IntakeCheck> RunAsync(TestDatabase database, string runPrefix, IReadOnlyList<AcknowledgedCase> acknowledged)
    {
        var marker = new Regex($@"标记 ({Regex.Escape(runPrefix)}\S+) ", RegexOptions.None, TimeSpan.FromSeconds(1));
        await using var harness = AppHarness.For(database);
        await using var scope = harness.Scope(new SystemJurisdiction("tests"));
        var stored = await scope.Db.Cases.AsNoTracking().Where(c => c.Description.Contains(runPrefix))
            .Select(c => new { c.Id, c.Description, Receipts = c.Timeline.Count(t => t.Action == CaseAction.Receive) }).ToListAsync();
        var byId = stored.ToDictionary(c => c.Id, c => marker.Match(c.Description).Groups[1].Value);
        var created = (await scope.Db.AuditEntries.AsNoTracking().Where(e => e.Entity == nameof(Case) && e.Action == "create")
            .Select(e => e.EntityKey).ToListAsync()).ToHashSet();
        var audit = await scope.Get<AuditQueriesHandler>().HandleAsync(new VerifyAuditChain(), CancellationToken.None);
        return new IntakeCheck(
            stored.Count,
            acknowledged.Count(a => !byId.TryGetValue(a.Id, out var m) || m != a.Marker),
            byId.Values.GroupBy(m => m).Count(g => g.Count() > 1),
            stored.Count(c => c.Receipts != 1),
            stored.Count(c => !created.Contains(c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            audit);
    }
}

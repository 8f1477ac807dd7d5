using CivicGrid.App.Data;
using CivicGrid.App.Data.Replica;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.PublicServices.Enrolment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Targets;

/// <summary>A service's target list for one node, broken down one level (district → streets → communities → grids).</summary>
public sealed record GetServiceTargets(int ServiceId, string? NodeCode = null);

public sealed class GetServiceTargetsHandler(ReportingReads reads, TargetQueries queries)
{
    public async Task<Outcome<ServiceTargets>> HandleAsync(GetServiceTargets query, CancellationToken ct)
    {
        var db = await reads.DbAsync(ct);
        if (TargetScope.For(db.Jurisdiction, query.NodeCode) is not { } scope)
        {
            return Outcome<ServiceTargets>.Forbidden("无权查看该区域");
        }
        var service = await db.ServiceItems.AsNoTracking().Include(s => s.Rules).FirstOrDefaultAsync(s => s.Id == query.ServiceId, ct);
        if (service is null)
        {
            return Outcome<ServiceTargets>.NotFound();
        }
        var eligible = await queries.EligibleByRowAsync(db, service, scope, ct);
        var statuses = await db.ServiceEnrolments.AsNoTracking()
            .Where(e => e.ServiceItemId == service.Id && e.GridCode.StartsWith(scope.NodeCode))
            .GroupBy(e => new { Code = e.GridCode.Substring(0, scope.RowCodeLength), e.Status })
            .Select(g => new { g.Key.Code, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var names = await TerritoryNames.ChildrenAsync(db, scope, ct);
        var rows = names.Select(n => Row(n.Key, n.Value, eligible, statuses.Where(s => s.Code == n.Key).ToDictionary(s => s.Status, s => s.Count))).ToList();
        var total = new TargetCounts(scope.NodeCode, "合计", rows.Sum(r => r.Eligible), rows.Sum(r => r.Offered), rows.Sum(r => r.Waiting),
            rows.Sum(r => r.Enrolled), rows.Sum(r => r.Declined), rows.Sum(r => r.Missed));
        var nodeName = await db.PublicGeography().TerritoryNodes.Where(n => n.Code == scope.NodeCode).Select(n => n.Name).FirstOrDefaultAsync(ct);
        return Outcome<ServiceTargets>.Ok(new ServiceTargets(service.Id, service.Name, scope.NodeCode, nodeName ?? "全区", total, rows));
    }

    private static TargetCounts Row(string code, string name, IReadOnlyDictionary<string, (int Eligible, int Missed)> eligible, Dictionary<EnrolmentStatus, int> statuses)
    {
        var (all, missed) = eligible.GetValueOrDefault(code);
        int Of(EnrolmentStatus s) => statuses.GetValueOrDefault(s);
        return new TargetCounts(code, name, all, Of(EnrolmentStatus.Offered), Of(EnrolmentStatus.Waiting), Of(EnrolmentStatus.Enrolled), Of(EnrolmentStatus.Declined), missed);
    }
}

using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Visits;

/// <summary>
/// Reads what the plan needs, set-based, in three statements whatever the size of the subtree: the policy; the
/// households of attention (the policy's rule in SQL over the active residents, distinct households); and every
/// household with its last visit (one grouped join). The planning itself is the core's pass in memory.
/// </summary>
public sealed class VisitPlanReader(CivicGridDbContext db, RuleBook rules)
{
    public async Task<VisitPolicy> PolicyAsync(CancellationToken ct) =>
        await db.VisitPolicies.AsNoTracking().FirstOrDefaultAsync(ct) ?? VisitPolicy.Default();

    /// <summary>The households within <paramref name="scope"/> (a subtree of the caller's), each with whether it needs attention and its last visit.</summary>
    public async Task<List<PlannedHousehold>> HouseholdsAsync(VisitPolicy policy, string scope, CancellationToken ct)
    {
        var attention = await AttentionAsync(policy, scope, ct);
        var lastVisits = db.HouseholdVisits.GroupBy(v => v.HouseholdId).Select(g => new { HouseholdId = g.Key, Last = g.Max(v => v.VisitedOn) });
        var rows = await (
            from h in db.Households.AsNoTracking().Where(h => h.GridCode.StartsWith(scope))
            join l in lastVisits on h.Id equals l.HouseholdId into visited
            from l in visited.DefaultIfEmpty()
            select new { h.Id, h.GridCode, Last = l == null ? (DateOnly?)null : l.Last }).ToListAsync(ct);
        var planned = new List<PlannedHousehold>(rows.Count);
        foreach (var r in rows)
        {
            planned.Add(new PlannedHousehold(r.Id, r.GridCode, attention.Contains(r.Id), r.Last));
        }
        return planned;
    }

    /// <summary>The households with an active member the attention rule selects; none when the stored rule no longer checks (a tag removed).</summary>
    public async Task<HashSet<int>> AttentionAsync(VisitPolicy policy, string scope, CancellationToken ct)
    {
        var context = await rules.ContextAsync(ct);
        if (RuleBook.Check(policy.AttentionRule, context).Rule is not { } rule)
        {
            return [];
        }
        var where = rules.Sql(rule, context, "v");
        var within = scope.StartsWith(db.Jurisdiction.ScopeCode, StringComparison.Ordinal) ? scope : db.Jurisdiction.ScopeCode;
        var sql = $"""
            SELECT DISTINCT r."HouseholdId" FROM "Residents" r
            WHERE r."HouseholdId" IS NOT NULL AND r."DepartedOn" IS NULL AND {JurisdictionSql.GridCodeWithin("r")} AND ({where.WhereSql})
            """;
        var ids = await RawSql.QueryAsync(db, sql, [JurisdictionSql.Subtree(within), .. where.Parameters], r => r.GetInt32(0), ct);
        return [.. ids];
    }
}

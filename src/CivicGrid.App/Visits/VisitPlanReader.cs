using CivicGrid.App.Data;
using CivicGrid.App.Data.Replica;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Visits;

/// <summary>
/// Reads what the plan needs, set-based, in three statements whatever the size of the subtree: the policy; the
/// households of attention (the policy's rule in SQL over the active residents); and every household with its last
/// visit (an index seek each). The last two run at once, the rule on the request's context and the households on the
/// reports' (<see cref="ReportingReads"/>), as each is a scan of its own table. The planning itself is the core's pass
/// in memory.
/// </summary>
public sealed class VisitPlanReader(CivicGridDbContext db, RuleBook rules, ReportingReads reads)
{
    public async Task<VisitPolicy> PolicyAsync(CancellationToken ct) =>
        await db.VisitPolicies.AsNoTracking().FirstOrDefaultAsync(ct) ?? VisitPolicy.Default();

    /// <summary>The households within <paramref name="scope"/> (a subtree of the caller's), each with whether it needs attention and its last visit.</summary>
    public async Task<List<PlannedHousehold>> HouseholdsAsync(VisitPolicy policy, string scope, CancellationToken ct)
    {
        var attention = AttentionAsync(policy, scope, ct);
        var rows = await LastVisitsAsync(await reads.DbAsync(ct), scope, ct);
        var selected = await attention;
        var planned = new List<PlannedHousehold>(rows.Count);
        foreach (var (id, grid, last) in rows)
        {
            planned.Add(new PlannedHousehold(id, grid, selected.Contains(id), last));
        }
        return planned;
    }

    /// <summary>
    /// Each household's last visit as a correlated maximum, which the (household, visited on) index answers with one seek;
    /// a grouped join would first aggregate every visit of the district. Read row by row without the change tracker's
    /// materialiser: at district scale (half a million households) that took longer than the statement itself.
    /// </summary>
    private async Task<List<(int Id, string Grid, DateOnly? Last)>> LastVisitsAsync(CivicGridDbContext read, string scope, CancellationToken ct)
    {
        var sql = $"""
            SELECT h."Id", h."GridCode", (SELECT MAX(v."VisitedOn") FROM "HouseholdVisit" v WHERE v."HouseholdId" = h."Id")
            FROM "Households" h WHERE {JurisdictionSql.GridCodeWithin("h")}
            """;
        return await RawSql.QueryAsync(read, sql, [JurisdictionSql.Subtree(Within(scope))],
            r => (r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(2)), ct);
    }

    /// <summary>The subtree asked for when it lies within the caller's, else the caller's whole jurisdiction.</summary>
    private string Within(string scope) => scope.StartsWith(db.Jurisdiction.ScopeCode, StringComparison.Ordinal) ? scope : db.Jurisdiction.ScopeCode;

    /// <summary>
    /// The households with an active member the attention rule selects; none when the stored rule no longer checks (a tag
    /// removed). Not DISTINCT in SQL: PostgreSQL then walks the household index over every resident instead of scanning.
    /// </summary>
    public async Task<HashSet<int>> AttentionAsync(VisitPolicy policy, string scope, CancellationToken ct)
    {
        var context = await rules.ContextAsync(ct);
        if (RuleBook.Check(policy.AttentionRule, context).Rule is not { } rule)
        {
            return [];
        }
        var where = rules.Sql(rule, context, "v");
        var within = Within(scope);
        var sql = $"""
            SELECT r."HouseholdId" FROM "Residents" r
            WHERE r."HouseholdId" IS NOT NULL AND r."DepartedOn" IS NULL AND {JurisdictionSql.GridCodeWithin("r")} AND ({where.WhereSql})
            """;
        var ids = await RawSql.QueryAsync(db, sql, [JurisdictionSql.Subtree(within), .. where.Parameters], r => r.GetInt32(0), ct);
        return [.. ids];
    }
}

using CivicGrid.App.Data;
using CivicGrid.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Visits;

/// <summary>
/// Visit coverage (走访覆盖率) of a node and of each node one level below it: streets of the district, communities of a
/// street, grids of a community; a grid shows itself. The share of households whose last visit still counts in their cycle.
/// </summary>
public sealed record GetVisitCoverage(string? Code = null);

public sealed record VisitCoverageRow(string Code, string Name, VisitCoverage Coverage);

public sealed record VisitCoverageReport(DateOnly Today, VisitCoverageRow Total, IReadOnlyList<VisitCoverageRow> Rows);

public sealed class GetVisitCoverageHandler(CivicGridDbContext db, VisitPlanReader reader)
{
    public async Task<Outcome<VisitCoverageReport>> HandleAsync(GetVisitCoverage query, CancellationToken ct)
    {
        if (!VisitScope.May(db.Jurisdiction))
        {
            return Outcome<VisitCoverageReport>.Forbidden(VisitScope.Refusal);
        }
        if (VisitScope.Within(db.Jurisdiction, query.Code) is not { } scope)
        {
            return Outcome<VisitCoverageReport>.Invalid("code", "该区划不在您的管辖范围内");
        }
        var today = db.Clock.Today();
        var policy = await reader.PolicyAsync(ct);
        var households = await reader.HouseholdsAsync(policy, scope, ct);
        var items = households.Select(h => VisitPlanner.Item(policy, h, today)).ToList();
        var rowLength = RowLength(scope);
        var rows = VisitPlanner.Coverage(items, rowLength);
        var codes = rows.Select(r => r.Code).Append(scope).ToList();
        var names = await db.TerritoryNodes.AsNoTracking().Where(n => codes.Contains(n.Code)).ToDictionaryAsync(n => n.Code, n => n.Name, ct);
        var total = VisitPlanner.Coverage(items, 0) is [var all] ? all with { Code = scope } : new VisitCoverage(scope, 0, 0, 0, 0, 0, 0);
        return Outcome<VisitCoverageReport>.Ok(new VisitCoverageReport(today,
            new VisitCoverageRow(scope, names.GetValueOrDefault(scope, "全区"), total),
            rows.Select(r => new VisitCoverageRow(r.Code, names.GetValueOrDefault(r.Code, r.Code), r)).ToList()));
    }

    /// <summary>The code length of the level below the node: streets under the district, and so on; a grid is its own row.</summary>
    public static int RowLength(string scope) => scope.Length switch { 0 or 6 => 9, 9 => 12, _ => 15 };
}

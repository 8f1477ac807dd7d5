using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>The located open cases of a subtree for the dashboard map, newest first, at most <see cref="Limit"/>.</summary>
public sealed record OpenCasePoints(string? Scope = null)
{
    public const int Limit = 2000;
}

public sealed record CasePoint(int Id, double Latitude, double Longitude, string Status, string StatusName, bool Overdue);

public sealed class OpenCasePointsHandler(CivicGridDbContext db)
{
    private static readonly CaseStatus[] Finished = [CaseStatus.Closed, CaseStatus.Evaluated, CaseStatus.Rejected, CaseStatus.Merged];

    public async Task<Outcome<IReadOnlyList<CasePoint>>> HandleAsync(OpenCasePoints query, CancellationToken ct)
    {
        var resolved = IndicatorScope.Resolve(db.Jurisdiction, query.Scope, null, null, db.Clock);
        if (resolved.Value is not { } scope)
        {
            return new(resolved.Kind, null, resolved.Errors);
        }
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var code = scope.Code;
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.GridCode.StartsWith(code) && !Finished.Contains(c.Status) && c.Latitude != null && c.Longitude != null)
            .OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Take(OpenCasePoints.Limit)
            .Select(c => new { c.Id, c.Latitude, c.Longitude, c.Status, c.RespondBy, c.ResolveBy })
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<CasePoint>>.Ok(cases.ConvertAll(c => new CasePoint(
            c.Id, c.Latitude!.Value, c.Longitude!.Value, c.Status.ToString(), c.Status.ChineseName(),
            c.Status == CaseStatus.Received ? c.RespondBy < now : c.Status.IsInHand() && c.ResolveBy < now)));
    }
}

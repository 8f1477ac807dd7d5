using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Sweeps;

/// <summary>The visit history (走访记录), newest first: a runner's own, or for staff every visit in scope, optionally of one firm.</summary>
public sealed record ListVisits(int? EnterpriseId = null, int Page = 1, int PageSize = 20);

public sealed record VisitRow(int Id, DateTime At, int EnterpriseId, string Enterprise, int BuildingId, string Building, string Runner, string MetWhom, string? Note, int Needs, IReadOnlyList<string> Photos);

public sealed record VisitPage(IReadOnlyList<VisitRow> Items, int Total, int Page, int PageSize);

public sealed class ListVisitsHandler(CivicGridDbContext db)
{
    public async Task<Outcome<VisitPage>> HandleAsync(ListVisits query, CancellationToken ct)
    {
        var role = db.Jurisdiction.Role;
        if (!role.May(Permission.SeeEnterprises))
        {
            return Outcome<VisitPage>.Forbidden(SweepScope.Refusal);
        }
        var visits = db.EnterpriseVisits.AsNoTracking();
        if (!role.May(Permission.KeepEnterpriseLists))
        {
            var me = db.Jurisdiction.UserId ?? "~";
            visits = visits.Where(v => v.RunnerId == me);
        }
        if (query.EnterpriseId is { } firm)
        {
            visits = visits.Where(v => v.EnterpriseId == firm);
        }
        var size = Math.Clamp(query.PageSize, 1, 100);
        var page = Math.Max(1, query.Page);
        var total = await visits.CountAsync(ct);
        var items = await visits.OrderByDescending(v => v.At).ThenByDescending(v => v.Id).Skip((page - 1) * size).Take(size)
            .Select(v => new VisitRow(v.Id, v.At, v.EnterpriseId,
                db.Enterprises.Where(e => e.Id == v.EnterpriseId).Select(e => e.Name).FirstOrDefault() ?? "",
                v.BuildingId, db.Buildings.Where(b => b.Id == v.BuildingId).Select(b => b.Name).FirstOrDefault() ?? "",
                db.Users.Where(u => u.Id == v.RunnerId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                v.MetWhom, v.Note, db.Set<Core.Enterprises.Needs.EnterpriseNeed>().Count(n => n.VisitId == v.Id), v.Photos))
            .ToListAsync(ct);
        return Outcome<VisitPage>.Ok(new VisitPage(items, total, page, size));
    }
}

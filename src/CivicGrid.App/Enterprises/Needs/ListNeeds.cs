using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises.Needs;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Needs;

/// <summary>The enterprises' needs in the actor's jurisdiction (企业所需清单), newest first.</summary>
public sealed record ListNeeds(
    NeedStatus? Status = null, string? CategoryCode = null, int? BusinessCommunityId = null, int PageNumber = 1, int PageSize = 20);

public sealed class ListNeedsHandler(CivicGridDbContext db)
{
    public async Task<Page<NeedRow>> HandleAsync(ListNeeds query, CancellationToken ct)
    {
        // The needs' query filter keeps them to enterprises in the jurisdiction.
        var needs = db.EnterpriseNeeds.AsNoTracking();
        if (query.Status is { } status)
        {
            needs = needs.Where(n => n.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(query.CategoryCode))
        {
            needs = needs.Where(n => n.CategoryCode == query.CategoryCode);
        }
        if (query.BusinessCommunityId is { } community)
        {
            // A need lies in the building it names, else in its enterprise's office building.
            needs = needs.Where(n => db.Buildings.Any(b => b.BusinessCommunityId == community
                && b.Id == (n.BuildingId ?? db.Enterprises.Where(e => e.Id == n.EnterpriseId).Select(e => e.BuildingId).FirstOrDefault())));
        }
        var size = Page<NeedRow>.Clamp(query.PageSize);
        var number = Math.Max(1, query.PageNumber);
        var total = await needs.CountAsync(ct);
        var rows = await needs.OrderByDescending(n => n.RaisedAt).ThenByDescending(n => n.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<NeedRow>(rows.Select(NeedRow.From).ToList(), number, size, total);
    }
}

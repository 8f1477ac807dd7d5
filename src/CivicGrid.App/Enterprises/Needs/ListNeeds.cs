using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises.Needs;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Needs;

/// <summary>The enterprises' needs in the actor's jurisdiction (企业所需清单), newest first.</summary>
public sealed record ListNeeds(
    NeedStatus? Status = null, string? CategoryCode = null, int? BusinessCommunityId = null, int PageNumber = 1, int PageSize = 20);

/// <summary>A need on the list with the names a reader looks for.</summary>
public sealed record NeedListItem(NeedRow Need, string EnterpriseName, string CategoryName);

public sealed class ListNeedsHandler(CivicGridDbContext db)
{
    public async Task<Page<NeedListItem>> HandleAsync(ListNeeds query, CancellationToken ct)
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
        var size = Page<NeedListItem>.Clamp(query.PageSize);
        var number = Math.Max(1, query.PageNumber);
        var total = await needs.CountAsync(ct);
        var rows = await needs.OrderByDescending(n => n.RaisedAt).ThenByDescending(n => n.Id)
            .Skip((number - 1) * size).Take(size)
            .Join(db.Enterprises, n => n.EnterpriseId, e => e.Id, (n, e) => new { Need = n, e.Name })
            .Join(db.NeedCategories, x => x.Need.CategoryCode, c => c.Code, (x, c) => new { x.Need, x.Name, Category = c.Name })
            .ToListAsync(ct);
        var items = rows.OrderByDescending(r => r.Need.RaisedAt).ThenByDescending(r => r.Need.Id)
            .Select(r => new NeedListItem(NeedRow.From(r.Need), r.Name, r.Category)).ToList();
        return new Page<NeedListItem>(items, number, size, total);
    }
}

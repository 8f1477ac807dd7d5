using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises.Offers;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Offers;

/// <summary>What the community can offer (社区所能清单) within the actor's reach: district-wide offers and its business communities'.</summary>
public sealed record ListOffers(
    bool? Active = true, string? CategoryCode = null, OfferKind? Kind = null, int? BusinessCommunityId = null, int PageNumber = 1, int PageSize = 20);

public sealed class ListOffersHandler(CivicGridDbContext db)
{
    public async Task<Page<OfferRow>> HandleAsync(ListOffers query, CancellationToken ct)
    {
        var offers = OffersInScope.Of(db).AsNoTracking();
        if (query.Active is { } active)
        {
            offers = offers.Where(o => o.Active == active);
        }
        if (!string.IsNullOrWhiteSpace(query.CategoryCode))
        {
            offers = offers.Where(o => o.CategoryCodes.Contains(query.CategoryCode));
        }
        if (query.Kind is { } kind)
        {
            offers = offers.Where(o => o.Kind == kind);
        }
        if (query.BusinessCommunityId is { } community)
        {
            offers = offers.Where(o => o.BusinessCommunityId == community);
        }
        var size = Page<OfferRow>.Clamp(query.PageSize);
        var number = Math.Max(1, query.PageNumber);
        var total = await offers.CountAsync(ct);
        var rows = await offers.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<OfferRow>(rows.Select(OfferRow.From).ToList(), number, size, total);
    }
}

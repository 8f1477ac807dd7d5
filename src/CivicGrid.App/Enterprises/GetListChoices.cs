using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises;

/// <summary>What the lists' forms offer to pick from: need categories, wish themes and the business communities in reach.</summary>
public sealed record GetListChoices;

public sealed record ListChoice(string Code, string Name);

public sealed record ListChoices(IReadOnlyList<ListChoice> Categories, IReadOnlyList<ListChoice> WishThemes, IReadOnlyList<(int Id, string Name)> BusinessCommunities);

public sealed class GetListChoicesHandler(CivicGridDbContext db)
{
    public async Task<ListChoices> HandleAsync(GetListChoices query, CancellationToken ct)
    {
        var categories = await db.NeedCategories.AsNoTracking().OrderBy(c => c.Code).Select(c => new ListChoice(c.Code, c.Name)).ToListAsync(ct);
        var themes = await db.WishThemes.AsNoTracking().OrderBy(t => t.Code).Select(t => new ListChoice(t.Code, t.Name)).ToListAsync(ct);
        var communities = (await db.BusinessCommunities.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .ConvertAll(c => (c.Id, c.Name));
        return new ListChoices(categories, themes, communities);
    }
}

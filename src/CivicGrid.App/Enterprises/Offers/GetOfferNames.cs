using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Offers;

/// <summary>The names and providers of some offers in reach, for showing suggestions by name.</summary>
public sealed record GetOfferNames(IReadOnlyList<int> Ids);

public sealed class GetOfferNamesHandler(CivicGridDbContext db)
{
    public async Task<IReadOnlyDictionary<int, string>> HandleAsync(GetOfferNames query, CancellationToken ct) =>
        await OffersInScope.Of(db).AsNoTracking().Where(o => query.Ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => $"{o.Name}（{o.Provider}）", ct);
}

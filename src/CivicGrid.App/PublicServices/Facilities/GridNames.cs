using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Facilities;

internal static class GridNames
{
    /// <summary>Names of places are public, like the facilities in them, so they are read past the jurisdiction filter.</summary>
    public static async Task<Dictionary<string, string>> OfAsync(CivicGridDbContext db, IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        return await db.PublicGeography().TerritoryNodes.AsNoTracking().Where(n => wanted.Contains(n.Code))
            .ToDictionaryAsync(n => n.Code, n => n.Name, ct);
    }
}

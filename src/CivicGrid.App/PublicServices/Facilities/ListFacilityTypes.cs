using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Facilities;

/// <summary>The facility types in display order, with how many facilities each has.</summary>
public sealed record ListFacilityTypes;

public sealed class ListFacilityTypesHandler(CivicGridDbContext db)
{
    public async Task<List<FacilityTypeView>> HandleAsync(ListFacilityTypes query, CancellationToken ct)
    {
        var counts = await db.Facilities.GroupBy(f => f.TypeCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var types = await db.FacilityTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Code).ToListAsync(ct);
        return types.ConvertAll(t => new FacilityTypeView(t.Code, t.Name, t.HasPlaces, t.SortOrder, counts.GetValueOrDefault(t.Code)));
    }
}

using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Territory;

/// <summary>The buildings of a grid, with how many households each holds.</summary>
public sealed record ListBuildings(string GridCode);

/// <summary>The households of a building, in room order.</summary>
public sealed record ListHouseholds(int BuildingId);

public sealed class ListGridContentsHandler(CivicGridDbContext db)
{
    public async Task<List<BuildingRow>> HandleAsync(ListBuildings query, CancellationToken ct)
    {
        var counts = await db.Households.Where(h => h.GridCode == query.GridCode)
            .GroupBy(h => h.BuildingId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var buildings = await db.Buildings.AsNoTracking().Where(b => b.GridCode == query.GridCode).OrderBy(b => b.Code).ToListAsync(ct);
        return buildings.ConvertAll(b => new BuildingRow(b.Id, b.Code, b.Name, b.Address, b.IsOffice, counts.GetValueOrDefault(b.Id), b.Latitude, b.Longitude));
    }

    public Task<List<HouseholdRow>> HandleAsync(ListHouseholds query, CancellationToken ct) =>
        db.Households.AsNoTracking().Where(h => h.BuildingId == query.BuildingId).OrderBy(h => h.Code)
            .Select(h => new HouseholdRow(h.Id, h.Code, h.Address, h.Room, h.Members.Count,
                h.Members.Where(m => m.Relation == Core.People.HouseholdRelation.Head).Select(m => m.Name).FirstOrDefault()))
            .ToListAsync(ct);
}

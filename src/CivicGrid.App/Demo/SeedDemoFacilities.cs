using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Demo;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Facilities;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Demo;

/// <summary>
/// Places the demo district's facilities at its buildings: at district scale the reports' count of each type, in a
/// smaller district in proportion to its streets, at least one of each. Each offers the catalogue's services of its type.
/// </summary>
public sealed record SeedDemoFacilities(DemoScale Scale, int Seed = 20261123);

public sealed class SeedDemoFacilitiesHandler(CivicGridDbContext db)
{
    public async Task<int> HandleAsync(SeedDemoFacilities command, CancellationToken ct)
    {
        if (await db.Facilities.AnyAsync(ct))
        {
            return 0;
        }
        var plan = new DemoFacilityPlan(await SitesAsync(ct), command.Seed);
        var types = await db.FacilityTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, ct);
        var services = await db.ServiceItems.ToListAsync(ct);
        var coldSpots = Math.Max(1, (int)Math.Ceiling(command.Scale.Streets / 6.0));
        var facilities = new List<Facility>();
        foreach (var (seedType, districtCount, area) in FacilityType.Seed.Where(s => types.ContainsKey(s.Type.Code)))
        {
            var count = DemoFacilityPlan.CountFor(districtCount, command.Scale.Streets, DemoScale.District.Streets);
            var offered = ServicesOf(seedType.Code, services);
            facilities.AddRange(plan.Place(types[seedType.Code], count, area, coldSpots).Select(p => ToFacility(p, offered)));
        }
        db.Facilities.AddRange(facilities);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return facilities.Count;
    }

    private async Task<List<FacilitySite>> SitesAsync(CancellationToken ct)
    {
        var names = await db.SystemWork().TerritoryNodes.AsNoTracking()
            .Where(n => n.Level == TerritoryLevel.Community || n.Level == TerritoryLevel.Street)
            .ToDictionaryAsync(n => n.Code, n => n.Name, ct);
        var buildings = await db.SystemWork().Buildings.AsNoTracking().OrderBy(b => b.Code)
            .Select(b => new { b.GridCode, b.Address, b.Latitude, b.Longitude, b.IsOffice }).ToListAsync(ct);
        var community = TerritoryCode.LengthOf(TerritoryLevel.Community);
        var street = TerritoryCode.LengthOf(TerritoryLevel.Street);
        return buildings.ConvertAll(b => new FacilitySite(b.GridCode, b.Address, b.Latitude, b.Longitude, b.IsOffice,
            names.GetValueOrDefault(b.GridCode[..community], ""), names.GetValueOrDefault(b.GridCode[..street], "")));
    }

    /// <summary>The items whose starting catalogue entry names the type as a place that delivers them.</summary>
    private static List<ServiceItem> ServicesOf(string typeCode, List<ServiceItem> services)
    {
        var codes = StandardCatalogue.Entries.Where(e => e.FacilityTypes.Contains(typeCode)).Select(e => e.Code).ToHashSet();
        return services.Where(s => codes.Contains(s.Code)).ToList();
    }

    private static Facility ToFacility(PlannedFacility p, List<ServiceItem> services) => new()
    {
        Name = p.Name, TypeCode = p.TypeCode, GridCode = p.Site.GridCode, Address = p.Site.Address,
        Latitude = p.Site.Latitude, Longitude = p.Site.Longitude, FloorArea = p.FloorArea, Capacity = p.Capacity,
        OpeningHours = p.OpeningHours, Operator = p.Operator, Services = [.. services],
    };
}

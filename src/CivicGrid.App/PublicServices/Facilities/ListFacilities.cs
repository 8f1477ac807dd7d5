using CivicGrid.App.Data;
using CivicGrid.Core.PublicServices.Facilities;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Facilities;

/// <summary>
/// Facilities of a type under a node of the tree, found by name or address. Facilities are public information, so
/// every staff member sees all of them. Sorts: name, type, area (-area), capacity (-capacity), grid.
/// </summary>
public sealed record ListFacilities(
    string? Type = null, string? Under = null, string? Query = null, string Sort = "name", int PageNumber = 1, int PageSize = 20);

public sealed class ListFacilitiesHandler(CivicGridDbContext db)
{
    public async Task<Page<FacilityRow>> HandleAsync(ListFacilities query, CancellationToken ct)
    {
        var filtered = Filter(query);
        var total = await filtered.CountAsync(ct);
        var size = Page<FacilityRow>.Clamp(query.PageSize);
        var number = Math.Max(1, query.PageNumber);
        var rows = await Order(filtered, query.Sort).Skip((number - 1) * size).Take(size)
            .Select(f => new FacilityRow(f.Id, f.Name, f.TypeCode, f.Type!.Name, f.GridCode, "", f.Address,
                f.Latitude, f.Longitude, f.FloorArea, f.Capacity, f.OpeningHours))
            .ToListAsync(ct);
        var names = await GridNames.OfAsync(db, rows.Select(r => r.GridCode), ct);
        return new Page<FacilityRow>(rows.ConvertAll(r => r with { GridName = names.GetValueOrDefault(r.GridCode, r.GridCode) }), number, size, total);
    }

    private IQueryable<Facility> Filter(ListFacilities query)
    {
        var facilities = db.Facilities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            facilities = facilities.Where(f => f.TypeCode == query.Type);
        }
        if (!string.IsNullOrWhiteSpace(query.Under))
        {
            var under = query.Under.Trim();
            facilities = facilities.Where(f => f.GridCode.StartsWith(under));
        }
        if (!string.IsNullOrWhiteSpace(query.Query))
        {
            var text = query.Query.Trim();
            facilities = facilities.Where(f => f.Name.Contains(text) || f.Address.Contains(text));
        }
        return facilities;
    }

    private static IQueryable<Facility> Order(IQueryable<Facility> facilities, string sort) => sort switch
    {
        "type" => facilities.OrderBy(f => f.Type!.SortOrder).ThenBy(f => f.Name).ThenBy(f => f.Id),
        "area" => facilities.OrderBy(f => f.FloorArea).ThenBy(f => f.Id),
        "-area" => facilities.OrderByDescending(f => f.FloorArea).ThenBy(f => f.Id),
        "capacity" => facilities.OrderBy(f => f.Capacity).ThenBy(f => f.Id),
        "-capacity" => facilities.OrderByDescending(f => f.Capacity).ThenBy(f => f.Id),
        "grid" => facilities.OrderBy(f => f.GridCode).ThenBy(f => f.Name).ThenBy(f => f.Id),
        _ => facilities.OrderBy(f => f.Name).ThenBy(f => f.Id),
    };
}

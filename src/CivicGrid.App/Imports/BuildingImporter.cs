using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Imports;

/// <summary>Buildings, keyed by building code; office buildings may name their business community (商务社区), created when new.</summary>
public sealed class BuildingImporter(CivicGridDbContext db, BulkInsert bulk) : Importer<BuildingImporter.Row>
{
    public sealed record Row(string Code, string Name, string Address, string GridCode, double Latitude, double Longitude,
        int Floors, bool IsOffice, string? BusinessCommunity);

    private static readonly ImportColumn CodeColumn = new("code", "楼栋编号", true, "Building code");
    private static readonly ImportColumn NameColumn = new("name", "楼栋名称", true, "Name");
    private static readonly ImportColumn AddressColumn = new("address", "地址", true, "Address");
    private static readonly ImportColumn GridColumn = new("gridCode", "网格编码", true, "Grid code");
    private static readonly ImportColumn LatitudeColumn = new("latitude", "纬度", true, "Latitude");
    private static readonly ImportColumn LongitudeColumn = new("longitude", "经度", true, "Longitude");
    private static readonly ImportColumn FloorsColumn = new("floors", "层数", false, "Floors");
    private static readonly ImportColumn OfficeColumn = new("isOffice", "商务楼宇", false, "Office building");
    private static readonly ImportColumn CommunityColumn = new("businessCommunity", "商务社区", false, "Business community");

    public override ImportKind Kind => ImportKind.Buildings;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
        [CodeColumn, NameColumn, AddressColumn, GridColumn, LatitudeColumn, LongitudeColumn, FloorsColumn, OfficeColumn, CommunityColumn];

    protected override Row? Parse(ImportRow row)
    {
        var code = row.Text(CodeColumn, 40);
        var name = row.FreeText(NameColumn);
        var address = row.FreeText(AddressColumn, 200);
        var grid = row.Text(GridColumn, 15);
        if (grid is not null && !TerritoryCode.IsGrid(grid))
        {
            row.Error(GridColumn, "网格编码应为15位数字");
        }
        else if (grid is not null && code is not null && !code.StartsWith(grid + "-", StringComparison.Ordinal))
        {
            row.Error(CodeColumn, "楼栋编号应以“网格编码-”开头");
        }
        var lat = row.Decimal(LatitudeColumn, -90, 90);
        var lon = row.Decimal(LongitudeColumn, -180, 180);
        var floors = row.Integer(FloorsColumn, 1, 200) ?? 1;
        var office = row.YesNo(OfficeColumn) ?? false;
        var community = row.FreeText(CommunityColumn);
        if (community is not null && !office)
        {
            row.Error(CommunityColumn, "只有商务楼宇可以归属商务社区");
        }
        return code is null || name is null || address is null || grid is null || lat is null || lon is null
            ? null
            : new Row(code, name, address, grid, lat.Value, lon.Value, floors, office, community);
    }

    protected override async Task<ImportPlan> PlanAsync(IReadOnlyList<(int Row, Row Value)> rows, List<ImportError> errors, CancellationToken ct)
    {
        Chunks.RejectDuplicates(rows, r => r.Code, CodeColumn.Header, "楼栋编号", errors);
        var grids = await Chunks.GridsAsync(db, rows.Select(r => r.Value.GridCode), ct);
        var existing = await Chunks.LookupAsync(rows.Select(r => r.Value.Code),
            codes => db.SystemWork().Buildings.Include(b => b.BusinessCommunity).Where(b => codes.Contains(b.Code)).AsNoTracking().ToListAsync(ct), b => b.Code);
        var inserts = new List<Row>();
        var updates = new List<(int Id, Row Row)>();
        var unchanged = 0;
        foreach (var (number, row) in rows)
        {
            if (!grids.ContainsKey(row.GridCode))
            {
                errors.Add(new ImportError(number, GridColumn.Header, "网格不存在或不在您的管辖范围内"));
            }
            else if (!existing.TryGetValue(row.Code, out var current))
            {
                inserts.Add(row);
            }
            else if (!db.Jurisdiction.Covers(current.GridCode))
            {
                errors.Add(new ImportError(number, CodeColumn.Header, "该楼栋在您管辖范围以外，不能修改"));
            }
            else if (current.Name == row.Name && current.Address == row.Address && current.GridCode == row.GridCode
                && current.Latitude.Equals(row.Latitude) && current.Longitude.Equals(row.Longitude) && current.Floors == row.Floors
                && current.IsOffice == row.IsOffice && current.BusinessCommunity?.Name == row.BusinessCommunity)
            {
                unchanged++;
            }
            else
            {
                updates.Add((current.Id, row));
            }
        }
        return new ImportPlan(rows.Count, inserts.Count, updates.Count, unchanged, (progress, token) => ApplyAsync(inserts, updates, progress, token));
    }

    private async Task ApplyAsync(List<Row> inserts, List<(int Id, Row Row)> updates, IProgress<int>? progress, CancellationToken ct)
    {
        var communities = await BusinessCommunitiesAsync(inserts.Concat(updates.Select(u => u.Row)), ct);
        var nextId = await bulk.NextIdAsync<Building>(ct);
        await bulk.WriteAsync(inserts.Select((r, i) => Apply(new Building { Id = nextId + i, Code = r.Code, Name = r.Name, Address = r.Address, GridCode = r.GridCode }, r, communities)), ct);
        progress?.Report(inserts.Count);
        foreach (var chunk in updates.Chunk(500))
        {
            var ids = chunk.Select(u => u.Id).ToList();
            var tracked = await db.SystemWork().Buildings.Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
            foreach (var (id, row) in chunk)
            {
                Apply(tracked[id], row, communities);
            }
            await db.SaveChangesAsync(ct);
            progress?.Report(chunk.Length);
        }
    }

    private static Building Apply(Building b, Row r, Dictionary<string, int> communities)
    {
        b.Name = r.Name;
        b.Address = r.Address;
        b.GridCode = r.GridCode;
        b.Latitude = r.Latitude;
        b.Longitude = r.Longitude;
        b.Floors = r.Floors;
        b.IsOffice = r.IsOffice;
        b.BusinessCommunityId = r.BusinessCommunity is null ? null : communities[r.BusinessCommunity];
        return b;
    }

    /// <summary>Ids of the named business communities, creating those not yet known in the street of their first building.</summary>
    private async Task<Dictionary<string, int>> BusinessCommunitiesAsync(IEnumerable<Row> rows, CancellationToken ct)
    {
        var wanted = rows.Where(r => r.BusinessCommunity is not null).GroupBy(r => r.BusinessCommunity!)
            .ToDictionary(g => g.Key, g => g.First().GridCode[..TerritoryCode.LengthOf(TerritoryLevel.Street)]);
        var names = wanted.Keys.ToList();
        var known = await db.SystemWork().BusinessCommunities.Where(c => names.Contains(c.Name)).ToListAsync(ct);
        foreach (var (name, street) in wanted.Where(w => known.All(k => k.Name != w.Key)))
        {
            var community = new BusinessCommunity { Name = name, StreetCode = street };
            db.BusinessCommunities.Add(community);
            known.Add(community);
        }
        await db.SaveChangesAsync(ct);
        return known.ToDictionary(c => c.Name, c => c.Id);
    }
}

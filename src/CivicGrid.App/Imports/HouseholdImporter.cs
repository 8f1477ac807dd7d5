using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Imports;

/// <summary>Households, keyed by household code (by default the building code and the room).</summary>
public sealed class HouseholdImporter(CivicGridDbContext db, BulkInsert bulk) : Importer<HouseholdImporter.Row>
{
    public sealed record Row(string? Code, string BuildingCode, string Room)
    {
        public string Key => Code ?? Household.CodeFor(BuildingCode, Room);
    }

    private static readonly ImportColumn CodeColumn = new("code", "户编号", false, "Household code");
    private static readonly ImportColumn BuildingColumn = new("buildingCode", "楼栋编号", true, "Building code");
    private static readonly ImportColumn RoomColumn = new("room", "房号", true, "Room");

    public override ImportKind Kind => ImportKind.Households;

    public override IReadOnlyList<ImportColumn> Columns { get; } = [CodeColumn, BuildingColumn, RoomColumn];

    protected override Row? Parse(ImportRow row)
    {
        var code = row.Text(CodeColumn, 60);
        var building = row.Text(BuildingColumn, 40);
        var room = row.FreeText(RoomColumn, 40);
        return building is null || room is null ? null : new Row(code, building, room);
    }

    protected override async Task<ImportPlan> PlanAsync(IReadOnlyList<(int Row, Row Value)> rows, List<ImportError> errors, CancellationToken ct)
    {
        Chunks.RejectDuplicates(rows, r => r.Key, CodeColumn.Header, "户编号", errors);
        var buildings = await Chunks.LookupAsync(rows.Select(r => r.Value.BuildingCode),
            codes => db.Buildings.Where(b => codes.Contains(b.Code)).Select(b => new { b.Code, b.Id, b.GridCode, b.Address }).ToListAsync(ct), b => b.Code);
        var existing = await Chunks.LookupAsync(rows.Select(r => r.Value.Key),
            codes => db.SystemWork().Households.Where(h => codes.Contains(h.Code)).AsNoTracking().ToListAsync(ct), h => h.Code);
        var inserts = new List<Household>();
        var updates = new List<Household>();
        var unchanged = 0;
        foreach (var (number, row) in rows)
        {
            if (!buildings.TryGetValue(row.BuildingCode, out var building))
            {
                errors.Add(new ImportError(number, BuildingColumn.Header, "楼栋不存在或不在您的管辖范围内"));
                continue;
            }
            var wanted = new Household
            {
                Code = row.Key, BuildingId = building.Id, GridCode = building.GridCode, Room = row.Room, Address = building.Address + row.Room,
            };
            if (!existing.TryGetValue(row.Key, out var current))
            {
                inserts.Add(wanted);
            }
            else if (!db.Jurisdiction.Covers(current.GridCode))
            {
                errors.Add(new ImportError(number, CodeColumn.Header, "该户在您管辖范围以外，不能修改"));
            }
            else if (current.BuildingId == wanted.BuildingId && current.Room == wanted.Room && current.Address == wanted.Address)
            {
                unchanged++;
            }
            else
            {
                wanted.Id = current.Id;
                updates.Add(wanted);
            }
        }
        return new ImportPlan(rows.Count, inserts.Count, updates.Count, unchanged, async (progress, token) =>
        {
            var nextId = await bulk.NextIdAsync<Household>(token);
            await bulk.WriteAsync(inserts.Select((h, i) => { h.Id = nextId + i; return h; }), token);
            progress?.Report(inserts.Count);
            foreach (var chunk in updates.Chunk(500))
            {
                db.Households.UpdateRange(chunk);
                await db.SaveChangesAsync(token);
                progress?.Report(chunk.Length);
            }
        });
    }
}

using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Imports;

/// <summary>Enterprises, keyed by unified social credit code.</summary>
public sealed class EnterpriseImporter(CivicGridDbContext db, BulkInsert bulk) : Importer<EnterpriseImporter.Row>
{
    public sealed record Row(string Name, string CreditCode, string? BuildingCode, int? Floor, string Industry, int EmployeeCount,
        bool IsKeyTaxSource, string RegisteredAddress, string? OfficeAddress, string? GridCode);

    private static readonly ImportColumn NameColumn = new("name", "企业名称", true, "Name");
    private static readonly ImportColumn CodeColumn = new("creditCode", "统一社会信用代码", true, "Credit code");
    private static readonly ImportColumn BuildingColumn = new("buildingCode", "楼栋编号", false, "Building code");
    private static readonly ImportColumn FloorColumn = new("floor", "楼层", false, "Floor");
    private static readonly ImportColumn IndustryColumn = new("industry", "行业", true, "Industry");
    private static readonly ImportColumn EmployeesColumn = new("employeeCount", "员工人数", true, "Employees");
    private static readonly ImportColumn KeyTaxColumn = new("keyTaxSource", "重点税源", false, "Key tax source");
    private static readonly ImportColumn RegisteredColumn = new("registeredAddress", "注册地址", true, "Registered address");
    private static readonly ImportColumn OfficeColumn = new("officeAddress", "办公地址", false, "Office address");
    private static readonly ImportColumn GridColumn = new("gridCode", "网格编码", false, "Grid code");

    public override ImportKind Kind => ImportKind.Enterprises;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
        [NameColumn, CodeColumn, BuildingColumn, FloorColumn, IndustryColumn, EmployeesColumn, KeyTaxColumn, RegisteredColumn, OfficeColumn, GridColumn];

    protected override Row? Parse(ImportRow row)
    {
        var name = row.FreeText(NameColumn);
        var codeText = row.Text(CodeColumn, 40);
        string? code = null;
        if (codeText is not null && !CreditCode.TryNormalise(codeText, out code, out var reason))
        {
            row.Error(CodeColumn, reason);
            code = null;
        }
        var building = row.Text(BuildingColumn, 40);
        var floor = row.Integer(FloorColumn, -5, 200);
        var industry = row.PlainText(IndustryColumn, 40);
        var employees = row.Integer(EmployeesColumn, 0, 1_000_000);
        var keyTax = row.YesNo(KeyTaxColumn) ?? false;
        var registered = row.FreeText(RegisteredColumn, 240);
        var office = row.FreeText(OfficeColumn, 240);
        var grid = row.Text(GridColumn, 15);
        if (grid is not null && !TerritoryCode.IsGrid(grid))
        {
            row.Error(GridColumn, "网格编码应为15位数字");
        }
        if (building is null && grid is null && !row.HasErrors)
        {
            row.Error(GridColumn, "楼栋编号和网格编码至少填写一项");
        }
        return name is null || code is null || industry is null || employees is null || registered is null
            ? null
            : new Row(name, code, building, floor, industry, employees.Value, keyTax, registered, office, grid);
    }

    protected override async Task<ImportPlan> PlanAsync(IReadOnlyList<(int Row, Row Value)> rows, List<ImportError> errors, CancellationToken ct)
    {
        Chunks.RejectDuplicates(rows, r => r.CreditCode, CodeColumn.Header, "统一社会信用代码", errors);
        var buildings = await Chunks.LookupAsync(rows.Select(r => r.Value.BuildingCode).OfType<string>(),
            codes => db.Buildings.Where(b => codes.Contains(b.Code)).Select(b => new { b.Code, b.Id, b.GridCode, b.Address }).ToListAsync(ct), b => b.Code);
        var grids = await Chunks.GridsAsync(db, rows.Select(r => r.Value.GridCode).OfType<string>(), ct);
        var existing = await Chunks.LookupAsync(rows.Select(r => r.Value.CreditCode),
            codes => db.SystemWork().Enterprises.Where(e => codes.Contains(e.CreditCode)).AsNoTracking().ToListAsync(ct), e => e.CreditCode);
        var inserts = new List<Enterprise>();
        var updates = new List<Enterprise>();
        var unchanged = 0;
        var buildingsByCode = buildings.ToDictionary(b => b.Key, b => (b.Value.Id, b.Value.GridCode, b.Value.Address));
        foreach (var (number, row) in rows)
        {
            var wanted = Resolve(number, row, buildingsByCode, grids, errors);
            if (wanted is null)
            {
                continue;
            }
            if (!existing.TryGetValue(row.CreditCode, out var current))
            {
                inserts.Add(wanted);
            }
            else if (!db.Jurisdiction.Covers(current.GridCode))
            {
                errors.Add(new ImportError(number, CodeColumn.Header, "该企业在您管辖范围以外，不能修改"));
            }
            else if (Same(current, wanted))
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
            var nextId = await bulk.NextIdAsync<Enterprise>(token);
            await bulk.WriteAsync(inserts.Select((e, i) => { e.Id = nextId + i; return e; }), token);
            progress?.Report(inserts.Count);
            foreach (var chunk in updates.Chunk(500))
            {
                db.Enterprises.UpdateRange(chunk);
                await db.SaveChangesAsync(token);
                progress?.Report(chunk.Length);
            }
        });
    }

    private static Enterprise? Resolve(int number, Row row, Dictionary<string, (int Id, string GridCode, string Address)> buildings,
        Dictionary<string, string> grids, List<ImportError> errors)
    {
        (int Id, string GridCode, string Address)? building = null;
        if (row.BuildingCode is not null)
        {
            if (!buildings.TryGetValue(row.BuildingCode, out var found))
            {
                errors.Add(new ImportError(number, BuildingColumn.Header, "楼栋不存在或不在您的管辖范围内"));
                return null;
            }
            building = found;
        }
        else if (row.GridCode is null || !grids.ContainsKey(row.GridCode))
        {
            errors.Add(new ImportError(number, GridColumn.Header, "网格不存在或不在您的管辖范围内"));
            return null;
        }
        var office = row.OfficeAddress ?? (building is { } b ? b.Address + (row.Floor is { } f ? $"{f}层" : "") : row.RegisteredAddress);
        return new Enterprise
        {
            Name = row.Name, CreditCode = row.CreditCode, BuildingId = building?.Id, GridCode = building?.GridCode ?? row.GridCode!,
            Floor = row.Floor, Industry = row.Industry, EmployeeCount = row.EmployeeCount, IsKeyTaxSource = row.IsKeyTaxSource,
            RegisteredAddress = row.RegisteredAddress, OfficeAddress = office,
        };
    }

    private static bool Same(Enterprise a, Enterprise b) =>
        a.Name == b.Name && a.BuildingId == b.BuildingId && a.GridCode == b.GridCode && a.Floor == b.Floor && a.Industry == b.Industry
        && a.EmployeeCount == b.EmployeeCount && a.IsKeyTaxSource == b.IsKeyTaxSource && a.RegisteredAddress == b.RegisteredAddress
        && a.OfficeAddress == b.OfficeAddress;
}

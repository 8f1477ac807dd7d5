using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Geography;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Facilities;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Facilities;

/// <summary>What a facility's fields are checked against: its type, its grid, the district's box and the named services.</summary>
internal sealed record FacilityChecks(FacilityType? Type, bool GridExists, GeoRect? District, IReadOnlyList<ServiceItem> KnownServices)
{
    public static async Task<FacilityChecks> LoadAsync(CivicGridDbContext db, SaveFacility c, CancellationToken ct)
    {
        var type = c.TypeCode is null ? null : await db.FacilityTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Code == c.TypeCode, ct);
        var grid = c.GridCode?.Trim();
        var gridExists = TerritoryCode.IsGrid(grid)
            && await db.PublicGeography().TerritoryNodes.AnyAsync(n => n.Code == grid && n.Level == TerritoryLevel.Grid, ct);
        var codes = RequestedCodes(c);
        var services = await db.ServiceItems.Where(s => codes.Contains(s.Code)).ToListAsync(ct);
        return new FacilityChecks(type, gridExists, await DistrictBounds.LoadAsync(db, ct), services);
    }

    public FieldErrors Validate(SaveFacility c, string scopeCode)
    {
        var errors = new FieldErrors();
        Check(errors, nameof(c.Name), Text(c.Name, 100, "阵地名称", required: true));
        Check(errors, nameof(c.TypeCode), Type is null ? "请选择有效的阵地类型" : null);
        Check(errors, nameof(c.GridCode), GridError(c.GridCode?.Trim(), scopeCode));
        Check(errors, nameof(c.Address), Text(c.Address, 240, "地址", required: true));
        Check(errors, nameof(c.Latitude), c.Latitude is { } lat && (District is not { } d || (lat >= d.South && lat <= d.North)) ? null : "纬度应在本区范围内");
        Check(errors, nameof(c.Longitude), c.Longitude is { } lon && (District is not { } e || (lon >= e.West && lon <= e.East)) ? null : "经度应在本区范围内");
        Check(errors, nameof(c.FloorArea), c.FloorArea is { } area && area > 0 && double.IsFinite(area) ? null : "面积应大于 0 平方米");
        Check(errors, nameof(c.Capacity), CapacityError(c.Capacity));
        Check(errors, nameof(c.OpeningHours), Text(c.OpeningHours, 100, "开放时间", required: false));
        Check(errors, nameof(c.Operator), Text(c.Operator, 100, "运营单位", required: false));
        // A JSON list may hold null; it is named, not skipped.
        var unknown = RequestedCodes(c).Where(code => KnownServices.All(s => s.Code != code)).ToList();
        Check(errors, nameof(c.Services), (c.Services ?? []).Any(s => s is null) ? "服务事项列表不能含有空值（null）"
            : unknown.Count > 0 ? $"未知服务事项：{string.Join("、", unknown)}" : null);
        return errors;
    }

    private static List<string> RequestedCodes(SaveFacility c) =>
        (c.Services ?? []).Select(s => s?.Trim() ?? "").Where(s => s.Length > 0).Distinct().ToList();

    private static void Check(FieldErrors errors, string field, string? reason)
    {
        if (reason is not null)
        {
            errors[field] = [reason];
        }
    }

    private string? GridError(string? grid, string scopeCode) =>
        !GridExists ? "请填写本区实有网格的 15 位编码"
        : !TerritoryCode.IsWithin(grid!, scopeCode) ? "该网格不在您的管辖范围内"
        : null;

    private string? CapacityError(int? capacity) => Type switch
    {
        null => null,
        { HasPlaces: true } when capacity is null or < 1 => $"“{Type.Name}”须填写床位或托位数，至少为 1",
        { HasPlaces: false } when capacity is not null => $"“{Type.Name}”没有床位或托位，名额数应留空",
        _ => null,
    };

    private static string? Text(string? value, int max, string label, bool required) =>
        string.IsNullOrWhiteSpace(value) ? (required ? $"{label}不能为空" : null)
        : value.Trim().Length > max ? $"{label}不能超过{max}个字" : null;
}

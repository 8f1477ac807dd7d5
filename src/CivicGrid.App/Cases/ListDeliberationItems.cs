using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>The whole deliberation list for its admin page, retired items included, optionally searched by code, name or category.</summary>
public sealed record ListDeliberationItems(string? Q = null);

/// <summary>An item with the department it goes to; <see cref="DepartmentRetired"/> flags an item pointing at a retired department.</summary>
public sealed record DeliberationItemRow(
    string Code, string Category, string Name, string Description, string DefaultHandling, string HandlingName, string? DepartmentCode,
    string? DepartmentName, bool DepartmentRetired, int ResponseHours, int ResolveDays, bool MayDeliberate, bool Public, bool Active);

public sealed class ListDeliberationItemsHandler(CivicGridDbContext db)
{
    public async Task<IReadOnlyList<DeliberationItemRow>> HandleAsync(ListDeliberationItems query, CancellationToken ct)
    {
        var items = db.DeliberationItems.AsNoTracking();
        if (query.Q?.Trim() is { Length: > 0 } q)
        {
            items = items.Where(i => i.Code.Contains(q) || i.Name.Contains(q) || i.Category.Contains(q));
        }
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        return (await items.OrderBy(i => i.Code).ToListAsync(ct)).ConvertAll(i =>
        {
            var department = i.DepartmentCode is { } code ? departments.GetValueOrDefault(code) : null;
            return new DeliberationItemRow(i.Code, i.Category, i.Name, i.Description, i.DefaultHandling.ToString(), HandlingName(i.DefaultHandling),
                i.DepartmentCode, department?.Name, department?.RetiredAt is not null, i.ResponseDeadline.Amount, i.ResolveDeadline.Amount,
                i.MayDeliberate, i.Public, i.Active);
        });
    }

    public static string HandlingName(DefaultHandling handling) => handling switch
    {
        DefaultHandling.Grid => "网格",
        DefaultHandling.Community => "社区",
        DefaultHandling.Street => "街道",
        _ => "职能部门",
    };
}

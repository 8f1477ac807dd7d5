using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases.Departments;

/// <summary>Every department with what hangs on it: open cases, handler accounts and the items that go to it.</summary>
public sealed record ListDepartments;

public sealed record DepartmentSummary(string Code, string Name, DateTime? RetiredAt, int OpenCases, int Handlers, int Items)
{
    public bool Retired => RetiredAt is not null;
}

public sealed class ListDepartmentsHandler(CivicGridDbContext db)
{
    public async Task<IReadOnlyList<DepartmentSummary>> HandleAsync(ListDepartments query, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);
        var cases = await OpenCasesAsync(ct);
        var handlers = await db.Users.Where(u => u.Role == StaffRole.DepartmentHandler && u.DepartmentCode != null)
            .GroupBy(u => u.DepartmentCode!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var items = await db.DeliberationItems.Where(i => i.DefaultHandling == DefaultHandling.Department && i.DepartmentCode != null)
            .GroupBy(i => i.DepartmentCode!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return departments.ConvertAll(d => new DepartmentSummary(
            d.Code, d.Name, d.RetiredAt, cases.GetValueOrDefault(d.Code), handlers.GetValueOrDefault(d.Code), items.GetValueOrDefault(d.Code)));
    }

    private Task<Dictionary<string, int>> OpenCasesAsync(CancellationToken ct) =>
        db.Cases.Where(c => c.DepartmentCode != null && CaseNames.Open.Contains(c.Status))
            .GroupBy(c => c.DepartmentCode!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}

using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases.Departments;

/// <summary>One department's page: its open cases (to dispatch elsewhere once it is retired), items and handlers.</summary>
public sealed record GetDepartment(string Code);

public sealed record DepartmentCase(int Id, string ItemCode, string ItemName, string GridCode, string Status, string StatusName, DateTime ReceivedAt);

public sealed record DepartmentItem(string Code, string Name, bool Active);

public sealed record DepartmentDetail(
    string Code, string Name, DateTime? RetiredAt, IReadOnlyList<DepartmentCase> OpenCases, IReadOnlyList<DepartmentItem> Items, int Handlers)
{
    public bool Retired => RetiredAt is not null;
}

public sealed class GetDepartmentHandler(CivicGridDbContext db, CaseReference reference)
{
    /// <summary>At most this many open cases are listed; the count on the department list is exact.</summary>
    public const int CaseLimit = 500;

    public async Task<DepartmentDetail?> HandleAsync(GetDepartment query, CancellationToken ct)
    {
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == query.Code, ct);
        if (department is null)
        {
            return null;
        }
        var snapshot = await reference.GetAsync(db, ct);
        var cases = await db.Cases.AsNoTracking().Where(c => c.DepartmentCode == department.Code && CaseNames.Open.Contains(c.Status))
            .OrderBy(c => c.ReceivedAt).Take(CaseLimit)
            .Select(c => new { c.Id, c.ItemCode, c.GridCode, c.Status, c.ReceivedAt }).ToListAsync(ct);
        var items = await db.DeliberationItems.AsNoTracking()
            .Where(i => i.DefaultHandling == DefaultHandling.Department && i.DepartmentCode == department.Code).OrderBy(i => i.Code)
            .Select(i => new DepartmentItem(i.Code, i.Name, i.Active)).ToListAsync(ct);
        var handlers = await db.Users.CountAsync(u => u.Role == StaffRole.DepartmentHandler && u.DepartmentCode == department.Code, ct);
        return new DepartmentDetail(department.Code, department.Name, department.RetiredAt,
            cases.ConvertAll(c => new DepartmentCase(c.Id, c.ItemCode, snapshot.Items.GetValueOrDefault(c.ItemCode)?.Name ?? c.ItemCode, c.GridCode,
                c.Status.ToString(), c.Status.ChineseName(), c.ReceivedAt)),
            items, handlers);
    }
}

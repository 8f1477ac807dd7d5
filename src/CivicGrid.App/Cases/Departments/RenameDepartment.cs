using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases.Departments;

/// <summary>Renames a department; its code, and so its cases, items and handlers, stay as they are.</summary>
public sealed record RenameDepartment(string Code, string? Name);

public sealed class RenameDepartmentHandler(CivicGridDbContext db, CaseReference reference)
{
    public async Task<Outcome<string>> HandleAsync(RenameDepartment command, CancellationToken ct)
    {
        if (!DepartmentChecks.IsDistrictAdmin(db))
        {
            return Outcome<string>.Forbidden(DepartmentChecks.NotAdmin);
        }
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Code == command.Code, ct);
        if (department is null)
        {
            return Outcome<string>.Invalid("Code", "部门不存在");
        }
        var (name, problem) = DepartmentChecks.Name(command.Name);
        if (problem is not null)
        {
            return Outcome<string>.Invalid("Name", problem);
        }
        if (await db.Departments.AnyAsync(d => d.Name == name && d.Code != department.Code, ct))
        {
            return Outcome<string>.Invalid("Name", $"已有名为“{name}”的部门");
        }
        department.Name = name;
        await db.SaveChangesAsync(ct);
        reference.Invalidate();
        return Outcome<string>.Ok(department.Code);
    }
}

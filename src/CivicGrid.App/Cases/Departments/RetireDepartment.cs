using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases.Departments;

/// <summary>
/// Retires a department (撤销): it takes no new dispatch, the items pointing at it are flagged, and its open cases are
/// listed on its page for dispatch elsewhere. Nothing is deleted, so its history keeps its name.
/// </summary>
public sealed record RetireDepartment(string Code);

/// <summary>Puts a retired department back into service (恢复).</summary>
public sealed record ReinstateDepartment(string Code);

public sealed class RetireDepartmentHandler(CivicGridDbContext db, CaseReference reference)
{
    public Task<Outcome<string>> HandleAsync(RetireDepartment command, CancellationToken ct) =>
        SetAsync(command.Code, retire: true, ct);

    public Task<Outcome<string>> HandleAsync(ReinstateDepartment command, CancellationToken ct) =>
        SetAsync(command.Code, retire: false, ct);

    private async Task<Outcome<string>> SetAsync(string code, bool retire, CancellationToken ct)
    {
        if (!DepartmentChecks.IsDistrictAdmin(db))
        {
            return Outcome<string>.Forbidden(DepartmentChecks.NotAdmin);
        }
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Code == code, ct);
        if (department is null)
        {
            return Outcome<string>.Invalid("Code", "部门不存在");
        }
        if ((department.RetiredAt is not null) == retire)
        {
            return Outcome<string>.Invalid("Code", retire ? "该部门已撤销" : "该部门未撤销");
        }
        department.RetiredAt = retire ? db.Clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(ct);
        reference.Invalidate();
        return Outcome<string>.Ok(department.Code);
    }
}

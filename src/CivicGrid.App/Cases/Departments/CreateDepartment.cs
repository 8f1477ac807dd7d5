using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases.Departments;

/// <summary>Adds a functional department (职能部门) that cases may be dispatched to.</summary>
public sealed record CreateDepartment(string? Code, string? Name);

public sealed class CreateDepartmentHandler(CivicGridDbContext db, CaseReference reference)
{
    public async Task<Outcome<string>> HandleAsync(CreateDepartment command, CancellationToken ct)
    {
        if (!DepartmentChecks.IsDistrictAdmin(db))
        {
            return Outcome<string>.Forbidden(DepartmentChecks.NotAdmin);
        }
        var (code, codeProblem) = DepartmentChecks.Code(command.Code);
        var (name, nameProblem) = DepartmentChecks.Name(command.Name);
        var errors = new FieldErrors();
        if (codeProblem is not null)
        {
            errors["Code"] = [codeProblem];
        }
        else if (await db.Departments.AnyAsync(d => d.Code == code, ct))
        {
            errors["Code"] = [$"部门代码“{code}”已被使用"];
        }
        if (nameProblem is not null)
        {
            errors["Name"] = [nameProblem];
        }
        else if (await db.Departments.AnyAsync(d => d.Name == name, ct))
        {
            errors["Name"] = [$"已有名为“{name}”的部门"];
        }
        if (errors.Count > 0)
        {
            return Outcome<string>.Invalid(errors);
        }
        db.Departments.Add(new Department { Code = code, Name = name });
        await db.SaveChangesAsync(ct);
        reference.Invalidate();
        return Outcome<string>.Ok(code);
    }
}

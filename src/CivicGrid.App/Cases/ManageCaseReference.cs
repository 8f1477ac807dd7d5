using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>Adds or renames a public holiday, or a weekend day declared a working day.</summary>
public sealed record SaveHoliday(DateOnly Date, string Name, bool IsWorkday);

public sealed record DeleteHoliday(DateOnly Date);

/// <summary>Adds (no id) or renames a think-tank group.</summary>
public sealed record SaveThinkTankGroup(int? Id, string Name, string? Description);

public sealed record DeleteThinkTankGroup(int Id);

/// <summary>
/// Changes an item of the deliberation list: level, department, deadlines, deliberation, in use or not, and (when given)
/// its name, category and description.
/// </summary>
/// <remarks>The numbers and flags are nullable because a JSON body may leave them out: a missing one is named, never taken as 0 or false.</remarks>
public sealed record UpdateDeliberationItem(
    string Code, DefaultHandling DefaultHandling, string? DepartmentCode, int? ResponseHours, int? ResolveDays, bool? MayDeliberate, bool? Active)
{
    public string? Name { get; init; }
    public string? Category { get; init; }
    public string? Description { get; init; }
}

/// <summary>Adds an item to the deliberation list; its code becomes its Open311 service code and never changes.</summary>
public sealed record AddDeliberationItem(
    string? Code, string? Category, string? Name, string? Description, DefaultHandling DefaultHandling, string? DepartmentCode,
    int? ResponseHours, int? ResolveDays, bool? MayDeliberate, bool? Public);

/// <summary>Retires an item (no new cases of it; its cases keep it) or puts it back in use.</summary>
public sealed record SetDeliberationItemActive(string Code, bool Active);

/// <summary>
/// The district admin's edits of the reference data the case loop runs on. Each edit drops the cached copy here;
/// other instances pick it up within <see cref="CaseReference.MaxAge"/>.
/// </summary>
public sealed class ManageCaseReferenceHandler(CivicGridDbContext db, CaseReference reference)
{
    public Task<Outcome<string>> HandleAsync(SaveHoliday command, CancellationToken ct) => AdminAsync(async () =>
    {
        if (string.IsNullOrWhiteSpace(command.Name) || command.Name.Length > 50)
        {
            return Outcome<string>.Invalid("Name", "请填写 1 到 50 字的名称");
        }
        var day = await db.PublicHolidays.FirstOrDefaultAsync(h => h.Date == command.Date, ct);
        if (day is null)
        {
            db.PublicHolidays.Add(day = new PublicHoliday { Date = command.Date, Name = command.Name.Trim() });
        }
        day.Name = command.Name.Trim();
        day.IsWorkday = command.IsWorkday;
        return await SavedAsync(command.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ct);
    });

    public Task<Outcome<string>> HandleAsync(DeleteHoliday command, CancellationToken ct) => AdminAsync(async () =>
    {
        var day = await db.PublicHolidays.FirstOrDefaultAsync(h => h.Date == command.Date, ct);
        if (day is null)
        {
            return Outcome<string>.NotFound();
        }
        db.PublicHolidays.Remove(day);
        return await SavedAsync(command.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ct);
    });

    public Task<Outcome<string>> HandleAsync(SaveThinkTankGroup command, CancellationToken ct) => AdminAsync(async () =>
    {
        var name = command.Name?.Trim() ?? "";
        if (name.Length is 0 or > 50)
        {
            return Outcome<string>.Invalid("Name", "请填写 1 到 50 字的名称");
        }
        if (await db.ThinkTankGroups.AnyAsync(g => g.Name == name && g.Id != command.Id, ct))
        {
            return Outcome<string>.Invalid("Name", "已有同名的智囊团");
        }
        var group = command.Id is { } id ? await db.ThinkTankGroups.FirstOrDefaultAsync(g => g.Id == id, ct) : new ThinkTankGroup { Name = name };
        if (group is null)
        {
            return Outcome<string>.NotFound();
        }
        if (command.Id is null)
        {
            db.ThinkTankGroups.Add(group);
        }
        group.Name = name;
        group.Description = command.Description?.Trim() ?? "";
        return await SavedAsync(name, ct);
    });

    public Task<Outcome<string>> HandleAsync(DeleteThinkTankGroup command, CancellationToken ct) => AdminAsync(async () =>
    {
        var group = await db.ThinkTankGroups.FirstOrDefaultAsync(g => g.Id == command.Id, ct);
        if (group is null)
        {
            return Outcome<string>.NotFound();
        }
        if (await db.Set<DeliberationParticipant>().AnyAsync(p => p.GroupId == command.Id, ct))
        {
            return Outcome<string>.Invalid("Id", "已有议事参会人员属于该智囊团，不能删除");
        }
        db.ThinkTankGroups.Remove(group);
        return await SavedAsync(group.Name, ct);
    });

    public Task<Outcome<string>> HandleAsync(UpdateDeliberationItem command, CancellationToken ct) => AdminAsync(async () =>
    {
        var item = await db.DeliberationItems.FirstOrDefaultAsync(i => i.Code == command.Code, ct);
        if (item is null)
        {
            return Outcome<string>.NotFound();
        }
        var errors = await ItemErrorsAsync(command.DefaultHandling, command.DepartmentCode, command.ResponseHours, command.ResolveDays, ct);
        CheckTexts(errors, command.Category ?? item.Category, command.Name ?? item.Name, command.Description ?? item.Description);
        if (command.MayDeliberate is null)
        {
            errors[nameof(command.MayDeliberate)] = ["请指明是否可提交议事（mayDeliberate）"];
        }
        if (command.Active is null)
        {
            errors[nameof(command.Active)] = ["请指明是否启用（active）"];
        }
        if (command.Name is { } name && await db.DeliberationItems.AnyAsync(i => i.Name == name.Trim() && i.Code != item.Code, ct))
        {
            errors["Name"] = [$"已有名为“{name.Trim()}”的事项"];
        }
        if (errors.Count > 0)
        {
            return Outcome<string>.Invalid(errors);
        }
        item.Name = command.Name?.Trim() ?? item.Name;
        item.Category = command.Category?.Trim() ?? item.Category;
        item.Description = command.Description?.Trim() ?? item.Description;
        Handle(item, command.DefaultHandling, command.DepartmentCode, command.ResponseHours!.Value, command.ResolveDays!.Value);
        item.MayDeliberate = command.MayDeliberate!.Value;
        item.Active = command.Active!.Value;
        return await SavedAsync(item.Code, ct);
    });

    public Task<Outcome<string>> HandleAsync(AddDeliberationItem command, CancellationToken ct) => AdminAsync(async () =>
    {
        var code = command.Code?.Trim() ?? "";
        var errors = await ItemErrorsAsync(command.DefaultHandling, command.DepartmentCode, command.ResponseHours, command.ResolveDays, ct);
        CheckTexts(errors, command.Category, command.Name, command.Description);
        if (code.Length is < 2 or > 10 || !code.All(char.IsAsciiLetterOrDigit))
        {
            errors["Code"] = ["事项代码应为 2 到 10 位字母或数字"];
        }
        else if (await db.DeliberationItems.AnyAsync(i => i.Code == code, ct))
        {
            errors["Code"] = [$"事项代码“{code}”已被使用"];
        }
        var name = command.Name?.Trim() ?? "";
        if (name.Length > 0 && await db.DeliberationItems.AnyAsync(i => i.Name == name, ct))
        {
            errors["Name"] = [$"已有名为“{name}”的事项"];
        }
        if (errors.Count > 0)
        {
            return Outcome<string>.Invalid(errors);
        }
        var item = new DeliberationItem
        {
            Code = code, Category = command.Category!.Trim(), Name = name, Description = command.Description?.Trim() ?? "",
            MayDeliberate = command.MayDeliberate ?? false, Public = command.Public ?? true,
        };
        Handle(item, command.DefaultHandling, command.DepartmentCode, command.ResponseHours!.Value, command.ResolveDays!.Value);
        db.DeliberationItems.Add(item);
        return await SavedAsync(code, ct);
    });

    public Task<Outcome<string>> HandleAsync(SetDeliberationItemActive command, CancellationToken ct) => AdminAsync(async () =>
    {
        var item = await db.DeliberationItems.FirstOrDefaultAsync(i => i.Code == command.Code, ct);
        if (item is null)
        {
            return Outcome<string>.NotFound();
        }
        item.Active = command.Active;
        return await SavedAsync(item.Code, ct);
    });

    private static void Handle(DeliberationItem item, DefaultHandling handling, string? departmentCode, int responseHours, int resolveDays)
    {
        item.DefaultHandling = handling;
        item.DepartmentCode = handling == DefaultHandling.Department ? departmentCode : null;
        item.ResponseDeadline = Deadline.Hours(responseHours);
        item.ResolveDeadline = Deadline.Days(resolveDays);
    }

    /// <summary>The handling's checks, shared by adding and editing: a department in service, deadlines in range.</summary>
    private async Task<FieldErrors> ItemErrorsAsync(DefaultHandling handling, string? departmentCode, int? responseHours, int? resolveDays, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(handling))
        {
            errors["DefaultHandling"] = ["默认处置层级应为 Grid、Community、Street 或 Department"];
        }
        else if (handling == DefaultHandling.Department)
        {
            var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == departmentCode, ct);
            if (department is null)
            {
                errors["DepartmentCode"] = ["由职能部门办理的事项须指定存在的部门"];
            }
            else if (department.RetiredAt is not null)
            {
                errors["DepartmentCode"] = ["该部门已撤销，请选择其他部门"];
            }
        }
        if (responseHours is not (>= 1 and <= 72))
        {
            errors["ResponseHours"] = ["响应时限应在 1 到 72 个工作小时之间"];
        }
        if (resolveDays is not (>= 1 and <= 60))
        {
            errors["ResolveDays"] = ["办结时限应在 1 到 60 个工作日之间"];
        }
        return errors;
    }

    private static void CheckTexts(FieldErrors errors, string? category, string? name, string? description)
    {
        if (string.IsNullOrWhiteSpace(category) || category.Trim().Length > 50)
        {
            errors["Category"] = ["请填写 1 到 50 字的类别"];
        }
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            errors["Name"] = ["请填写 1 到 100 字的事项名称"];
        }
        if (description?.Trim().Length > 500)
        {
            errors["Description"] = ["说明不能超过 500 字"];
        }
    }

    private async Task<Outcome<string>> SavedAsync(string key, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        reference.Invalidate();
        return Outcome<string>.Ok(key);
    }

    private Task<Outcome<string>> AdminAsync(Func<Task<Outcome<string>>> work) =>
        db.Jurisdiction.Role.May(Permission.AdministerDistrict) && db.Jurisdiction.ScopeCode.Length <= 6
            ? work()
            : Task.FromResult(Outcome<string>.Forbidden("只有区管理员可以修改议事清单、节假日和智囊团"));
}

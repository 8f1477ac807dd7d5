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

/// <summary>Changes how an item of the deliberation list is handled: level, department, deadlines, deliberation, in use or not.</summary>
/// <remarks>The numbers and flags are nullable because a JSON body may leave them out: a missing one is named, never taken as 0 or false.</remarks>
public sealed record UpdateDeliberationItem(
    string Code, DefaultHandling DefaultHandling, string? DepartmentCode, int? ResponseHours, int? ResolveDays, bool? MayDeliberate, bool? Active);

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
        var errors = new Dictionary<string, string[]>();
        if (command.DefaultHandling == DefaultHandling.Department && !await db.Departments.AnyAsync(d => d.Code == command.DepartmentCode, ct))
        {
            errors[nameof(command.DepartmentCode)] = ["由职能部门办理的事项须指定存在的部门"];
        }
        if (command.ResponseHours is not (>= 1 and <= 72))
        {
            errors[nameof(command.ResponseHours)] = ["响应时限应在 1 到 72 个工作小时之间"];
        }
        if (command.ResolveDays is not (>= 1 and <= 60))
        {
            errors[nameof(command.ResolveDays)] = ["办结时限应在 1 到 60 个工作日之间"];
        }
        if (command.MayDeliberate is null)
        {
            errors[nameof(command.MayDeliberate)] = ["请指明是否可提交议事（mayDeliberate）"];
        }
        if (command.Active is null)
        {
            errors[nameof(command.Active)] = ["请指明是否启用（active）"];
        }
        if (errors.Count > 0)
        {
            return Outcome<string>.Invalid(errors);
        }
        item.DefaultHandling = command.DefaultHandling;
        item.DepartmentCode = command.DefaultHandling == DefaultHandling.Department ? command.DepartmentCode : null;
        item.ResponseDeadline = Deadline.Hours(command.ResponseHours!.Value);
        item.ResolveDeadline = Deadline.Days(command.ResolveDays!.Value);
        item.MayDeliberate = command.MayDeliberate!.Value;
        item.Active = command.Active!.Value;
        return await SavedAsync(item.Code, ct);
    });

    private async Task<Outcome<string>> SavedAsync(string key, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        reference.Invalidate();
        return Outcome<string>.Ok(key);
    }

    private Task<Outcome<string>> AdminAsync(Func<Task<Outcome<string>>> work) =>
        db.Jurisdiction.Role == StaffRole.DistrictAdmin && db.Jurisdiction.ScopeCode.Length <= 6
            ? work()
            : Task.FromResult(Outcome<string>.Forbidden("只有区管理员可以修改议事清单、节假日和智囊团"));
}

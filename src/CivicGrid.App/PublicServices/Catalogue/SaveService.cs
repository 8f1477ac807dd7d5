using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.Access;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.LifeEvents;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Catalogue;

/// <summary>
/// Creates or edits a catalogue item. A changed rule becomes a new version; <see cref="Publish"/> makes the newest
/// version the one residents are measured against. Facilities are linked by type: every facility of a chosen type offers it.
/// </summary>
public sealed record SaveService(
    int? Id, string Code, string Name, string Description, ServiceTheme? Theme, DeliveryMode? Mode, bool LimitedPlaces,
    LifeEventKinds OpenedBy, string RuleText, IReadOnlyList<string> FacilityTypes, bool Publish);

public sealed class SaveServiceHandler(CivicGridDbContext db, RuleBook rules)
{
    public async Task<Outcome<int>> HandleAsync(SaveService command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return Outcome<int>.Forbidden("只有区管理员可以维护服务目录");
        }
        // A JSON body may leave out any field; absent text is empty text, so validation names it instead of failing.
        command = command with
        {
            Code = command.Code ?? "", Name = command.Name ?? "", Description = command.Description ?? "",
            RuleText = command.RuleText ?? "", FacilityTypes = command.FacilityTypes ?? [],
        };
        var item = command.Id is { } id
            ? await db.ServiceItems.Include(s => s.Rules).Include(s => s.Facilities).FirstOrDefaultAsync(s => s.Id == id, ct)
            : new ServiceItem { Code = "", Name = "", Description = "" };
        if (item is null)
        {
            return Outcome<int>.NotFound();
        }
        var context = await rules.ContextAsync(ct);
        var check = RuleBook.CheckDraft(command.RuleText, context);
        var errors = await ValidateAsync(command, item, check, ct);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        Apply(command, item);
        AddRuleVersion(item, check.Canonical!, command.Publish);
        await LinkFacilitiesAsync(item, command.FacilityTypes, ct);
        if (item.Id == 0)
        {
            db.ServiceItems.Add(item);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(item.Id);
    }

    private async Task<FieldErrors> ValidateAsync(SaveService c, ServiceItem item, RuleCheck check, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = c.Code.Trim();
        if (code.Length is 0 or > 20)
        {
            errors[nameof(c.Code)] = ["编码必填，最多20个字符"];
        }
        else if (await db.ServiceItems.AnyAsync(s => s.Code == code && s.Id != item.Id, ct))
        {
            errors[nameof(c.Code)] = [$"编码“{code}”已被其他服务使用"];
        }
        if (c.Name.Trim().Length is 0 or > 100)
        {
            errors[nameof(c.Name)] = ["名称必填，最多100个字符"];
        }
        if (c.Description.Length > 1000)
        {
            errors[nameof(c.Description)] = ["说明最多1000个字符"];
        }
        // Left out of a JSON body they are null: named, never taken as the first theme or mode.
        if (c.Theme is not { } theme || !Enum.IsDefined(theme))
        {
            errors[nameof(c.Theme)] = [c.Theme is null ? "请选择服务主题" : "未知的服务主题"];
        }
        if (c.Mode is not { } mode || !Enum.IsDefined(mode))
        {
            errors[nameof(c.Mode)] = [c.Mode is null ? "请选择提供方式" : "未知的提供方式"];
        }
        if ((c.OpenedBy & ~Enum.GetValues<LifeEventKinds>().Aggregate((a, b) => a | b)) != 0)
        {
            errors[nameof(c.OpenedBy)] = ["未知的人生事件"];
        }
        if (check.Errors.Count > 0)
        {
            errors[nameof(c.RuleText)] = check.Errors.Select(e => e.Describe(c.RuleText)).ToArray();
        }
        var known = await db.FacilityTypes.Select(t => t.Code).ToListAsync(ct);
        var unknown = c.FacilityTypes.Except(known).ToList();
        if (unknown.Count > 0)
        {
            errors[nameof(c.FacilityTypes)] = [$"未知的阵地类型：{string.Join("、", unknown)}"];
        }
        return errors;
    }

    private static void Apply(SaveService c, ServiceItem item)
    {
        item.Code = c.Code.Trim();
        item.Name = c.Name.Trim();
        item.Description = c.Description.Trim();
        item.Theme = c.Theme!.Value;
        item.Mode = c.Mode!.Value;
        item.LimitedPlaces = c.LimitedPlaces;
        item.OpenedBy = c.OpenedBy;
    }

    private void AddRuleVersion(ServiceItem item, string canonical, bool publish)
    {
        var latest = item.Rules.MaxBy(r => r.Version);
        var at = db.Clock.GetUtcNow().UtcDateTime;
        if (latest is null || latest.Text != canonical)
        {
            latest = new EligibilityRule { Version = (latest?.Version ?? 0) + 1, Text = canonical, Author = db.Jurisdiction.ActorName, CreatedAt = at };
            item.Rules.Add(latest);
        }
        if (publish)
        {
            latest.PublishedAt ??= at;
            item.PublishedRuleVersion = latest.Version;
        }
    }

    private async Task LinkFacilitiesAsync(ServiceItem item, IReadOnlyList<string> types, CancellationToken ct)
    {
        var keep = item.Facilities.Where(f => types.Contains(f.TypeCode)).ToList();
        var linked = keep.Select(f => f.Id).ToHashSet();
        var added = await db.Facilities.Where(f => types.Contains(f.TypeCode) && !linked.Contains(f.Id)).ToListAsync(ct);
        item.Facilities.RemoveAll(f => !types.Contains(f.TypeCode));
        item.Facilities.AddRange(added);
    }
}

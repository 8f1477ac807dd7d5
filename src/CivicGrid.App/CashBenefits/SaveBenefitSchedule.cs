using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.Access;
using CivicGrid.Core.CashBenefits;
using CivicGrid.Core.PublicServices.Rules;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.CashBenefits;

/// <summary>A tier as typed: the rule and the amount in yuan ("100", "150.50").</summary>
public sealed record TierInput(string? Rule, string? Amount);

/// <summary>Saves a new version of a cash service's benefit (待遇标准); earlier versions are kept.</summary>
public sealed record SaveBenefitSchedule(
    string? ServiceCode, IReadOnlyList<TierInput?>? Tiers, BenefitPeriod? Period, BenefitStart? Start,
    string? EffectiveFrom, int? ArrearsMonths, bool? StopsOnMoveOut);

public sealed class SaveBenefitScheduleHandler(CivicGridDbContext db, RuleBook rules)
{
    public const string Refusal = "只有区级民政审批人员可以设置现金待遇标准";

    public async Task<Outcome<ScheduleView>> HandleAsync(SaveBenefitSchedule command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.ApproveCashBenefits))
        {
            return Outcome<ScheduleView>.Forbidden(Refusal);
        }
        var service = await db.ServiceItems.AsNoTracking().FirstOrDefaultAsync(s => s.Code == command.ServiceCode, ct);
        if (service is null)
        {
            return Outcome<ScheduleView>.Invalid("serviceCode", $"服务“{command.ServiceCode}”不存在");
        }
        var context = await rules.ContextAsync(ct);
        var errors = new FieldErrors();
        var schedule = Read(command, context, errors);
        if (schedule is not null)
        {
            foreach (var reason in ScheduleCheck.Check(schedule, context.TagIds, context.Today))
            {
                errors.Add("tiers", reason);
            }
        }
        if (schedule is null || errors.Count > 0)
        {
            return Outcome<ScheduleView>.Invalid(errors);
        }
        var version = 1 + (await db.BenefitSchedules.Where(s => s.ServiceItemId == service.Id).MaxAsync(s => (int?)s.Version, ct) ?? 0);
        var stored = new StoredSchedule
        {
            ServiceItemId = service.Id, Version = version, TiersJson = StoredSchedule.Tiers(schedule.Tiers), Period = schedule.Period,
            Start = schedule.Start, EffectiveFrom = schedule.EffectiveFrom.Index, ArrearsMonths = schedule.ArrearsMonths,
            StopsOnMoveOut = schedule.StopsOnMoveOut, Author = db.Jurisdiction.ActorName, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.BenefitSchedules.Add(stored);
        await db.SaveChangesAsync(ct);
        return Outcome<ScheduleView>.Ok(GetBenefitScheduleHandler.View(service.Code, stored));
    }

    /// <summary>The schedule as typed, tier rules in canonical form; null when a field cannot be read at all.</summary>
    private static BenefitSchedule? Read(SaveBenefitSchedule c, RuleContext context, FieldErrors errors)
    {
        var tiers = new List<BenefitTier>();
        var input = c.Tiers ?? [];
        for (var i = 0; i < input.Count; i++)
        {
            var amount = Fen.Zero;
            if (input[i] is not { } tier || !Fen.TryParseYuan(tier.Amount, out amount, out var reason))
            {
                errors.Add($"tiers[{i}].amount", $"第 {i + 1} 档：{(input[i] is null ? "不能为空" : Reason(input[i]!))}");
                continue;
            }
            var check = RuleBook.CheckDraft(tier.Rule ?? "", context);
            tiers.Add(new BenefitTier(check.Canonical ?? tier.Rule ?? "", amount));
        }
        if (c.Period is not { } period || !Enum.IsDefined(period))
        {
            errors.Add("period", "请选择发放周期（按月、按季或一次性）");
        }
        if (c.Start is not { } start || !Enum.IsDefined(start))
        {
            errors.Add("start", "请选择起发规则");
        }
        if (!BenefitMonth.TryParse(c.EffectiveFrom, out var from))
        {
            errors.Add("effectiveFrom", "生效月份应写作 yyyy-MM，例如 2027-01");
        }
        if (c.ArrearsMonths is null)
        {
            errors.Add("arrearsMonths", "请填写补发月数（0 表示不补发）");
        }
        return errors.Count > 0 ? null
            : new BenefitSchedule(0, tiers, c.Period!.Value, c.Start!.Value, from, c.ArrearsMonths!.Value, c.StopsOnMoveOut ?? true);

        static string Reason(TierInput t) => Fen.TryParseYuan(t.Amount, out _, out var r) ? "" : r;
    }
}

public sealed record GetBenefitSchedule(string ServiceCode);

public sealed class GetBenefitScheduleHandler(CivicGridDbContext db)
{
    /// <summary>Every version of the service's schedule, newest first.</summary>
    public async Task<IReadOnlyList<ScheduleView>> HandleAsync(GetBenefitSchedule query, CancellationToken ct)
    {
        var service = await db.ServiceItems.AsNoTracking().FirstOrDefaultAsync(s => s.Code == query.ServiceCode, ct);
        if (service is null)
        {
            return [];
        }
        var versions = await db.BenefitSchedules.AsNoTracking().Where(s => s.ServiceItemId == service.Id).OrderByDescending(s => s.Version).ToListAsync(ct);
        return versions.Select(v => View(service.Code, v)).ToList();
    }

    internal static ScheduleView View(string code, StoredSchedule s)
    {
        var schedule = s.ToSchedule();
        return new ScheduleView(code, s.Version, schedule.Tiers.Select(t => new TierView(t.Rule, t.Amount.Value, t.Amount.Plain())).ToList(),
            s.Period, s.Start, schedule.EffectiveFrom.ToString(), s.ArrearsMonths, s.StopsOnMoveOut, s.Author, s.CreatedAt);
    }
}

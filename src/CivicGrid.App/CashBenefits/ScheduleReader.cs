using CivicGrid.App.Data;
using CivicGrid.Core.CashBenefits;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Rules;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.CashBenefits;

/// <summary>A cash service with its rule and the schedule in force, compiled to rates; or why there is none.</summary>
internal sealed record ScheduleInForce(ServiceItem Service, StoredSchedule Stored, CompiledSchedule Compiled);

internal static class ScheduleReader
{
    public static async Task<(ScheduleInForce? Found, string? Refusal)> ReadAsync(CivicGridDbContext db, string serviceCode, RuleContext context, CancellationToken ct)
    {
        var service = await db.ServiceItems.Include(s => s.Rules).AsNoTracking().FirstOrDefaultAsync(s => s.Code == serviceCode, ct);
        if (service?.PublishedRule is not { } rule)
        {
            return (null, $"服务“{serviceCode}”不存在或尚未发布资格规则");
        }
        var stored = await db.BenefitSchedules.AsNoTracking().Where(s => s.ServiceItemId == service.Id)
            .OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        if (stored is null)
        {
            return (null, $"“{service.Name}”尚未设置待遇标准");
        }
        var schedule = stored.ToSchedule();
        var serviceRule = RuleParser.Parse(rule.Text, context.TagIds).Rule;
        var tiers = schedule.Tiers.Select(t => RuleParser.Parse(t.Rule, context.TagIds).Rule).ToList();
        if (serviceRule is null || tiers.Any(t => t is null))
        {
            return (null, $"“{service.Name}”的规则引用了已不存在的标签，请先修改待遇标准");
        }
        return (new ScheduleInForce(service, stored, new CompiledSchedule(schedule, serviceRule, tiers!, context.TagIds)), null);
    }
}

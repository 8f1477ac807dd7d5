using CivicGrid.App.Data;
using CivicGrid.Core.People;
using CivicGrid.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Visits;

/// <summary>Which part of the plan to list: what is due by Sunday (overdue included), only the overdue, or every household.</summary>
public enum VisitPlanView
{
    ThisWeek,
    Overdue,
    All,
}

/// <summary>
/// The visit plan of a subtree (入户走访计划): for a grid worker their grid, for officials any node of theirs; each
/// household's cycle, last visit and next due day, the most urgent first, a page at a time, searched by address or room.
/// </summary>
public sealed record GetVisitPlan(string? Code = null, VisitPlanView? View = null, string? Search = null, int Page = 1, int PageSize = 20);

public sealed record VisitPlanRow(
    int HouseholdId, string GridCode, string Address, string? Head, bool Attention, int EveryMonths, DateOnly? LastVisit, DateOnly DueOn, VisitStatus Status)
{
    /// <summary>Days past the due day; 0 when not overdue.</summary>
    public int DaysOverdue(DateOnly today) => Status == VisitStatus.Overdue ? today.DayNumber - DueOn.DayNumber : 0;
}

public sealed record VisitPlan(DateOnly Today, string Code, VisitPlanView View, VisitCoverage Summary, Page<VisitPlanRow> Rows);

public sealed class GetVisitPlanHandler(CivicGridDbContext db, VisitPlanReader reader)
{
    public const int MaxSearchLength = 50;

    public async Task<Outcome<VisitPlan>> HandleAsync(GetVisitPlan query, CancellationToken ct)
    {
        if (!VisitScope.May(db.Jurisdiction))
        {
            return Outcome<VisitPlan>.Forbidden(VisitScope.Refusal);
        }
        if (VisitScope.Within(db.Jurisdiction, query.Code) is not { } scope)
        {
            return Outcome<VisitPlan>.Invalid("code", "该区划不在您的管辖范围内");
        }
        if (query.Search?.Trim().Length > MaxSearchLength)
        {
            return Outcome<VisitPlan>.Invalid("search", $"搜索内容不超过 {MaxSearchLength} 字");
        }
        var view = query.View is { } v && Enum.IsDefined(v) ? v : VisitPlanView.ThisWeek;
        var today = db.Clock.Today();
        var policy = await reader.PolicyAsync(ct);
        var items = VisitPlanner.Plan(policy, await reader.HouseholdsAsync(policy, scope, ct), today);
        var summary = VisitPlanner.Coverage(items, 0) is [var all] ? all with { Code = scope } : new VisitCoverage(scope, 0, 0, 0, 0, 0, 0);
        IEnumerable<VisitPlanItem> listed = view switch
        {
            VisitPlanView.Overdue => items.Where(i => i.Status == VisitStatus.Overdue),
            VisitPlanView.ThisWeek => items.Where(i => i.Status != VisitStatus.NotDue),
            _ => items,
        };
        if (query.Search?.Trim() is { Length: > 0 } text)
        {
            var matching = await db.Households.AsNoTracking().Where(h => h.GridCode.StartsWith(scope) && h.Address.Contains(text)).Select(h => h.Id).ToListAsync(ct);
            var set = matching.ToHashSet();
            listed = listed.Where(i => set.Contains(i.HouseholdId));
        }
        var size = Page<VisitPlanRow>.Clamp(query.PageSize);
        var number = Math.Max(1, query.Page);
        var chosen = listed.ToList();
        var page = chosen.Skip((number - 1) * size).Take(size).ToList();
        var rows = await RowsAsync(page, ct);
        return Outcome<VisitPlan>.Ok(new VisitPlan(today, scope, view, summary, new Page<VisitPlanRow>(rows, number, size, chosen.Count)));
    }

    /// <summary>Addresses and heads for one page only.</summary>
    private async Task<List<VisitPlanRow>> RowsAsync(List<VisitPlanItem> page, CancellationToken ct)
    {
        var ids = page.Select(i => i.HouseholdId).ToList();
        var addresses = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Address, ct);
        var heads = (await db.Residents.AsNoTracking()
            .Where(r => r.HouseholdId != null && ids.Contains(r.HouseholdId.Value) && r.DepartedOn == null && r.Relation == HouseholdRelation.Head)
            .Select(r => new { Household = r.HouseholdId!.Value, r.Name }).ToListAsync(ct))
            .GroupBy(r => r.Household).ToDictionary(g => g.Key, g => g.First().Name);
        return page.Select(i => new VisitPlanRow(i.HouseholdId, i.GridCode, addresses.GetValueOrDefault(i.HouseholdId, ""), heads.GetValueOrDefault(i.HouseholdId),
            i.Attention, i.EveryMonths, i.LastVisit, i.DueOn, i.Status)).ToList();
    }
}

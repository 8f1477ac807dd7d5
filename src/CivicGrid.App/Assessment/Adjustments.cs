using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Assessment;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Assessment;

/// <summary>The bonuses and penalties recorded under a scheme, newest month first (optionally one month), and the units they may be for.</summary>
public sealed record ListAdjustments(int SchemeId, string? Month = null, int? Page = null, int PageSize = 50);

/// <summary>One adjustment; <paramref name="InPublishedReview"/> when a published review of its month or quarter has counted it.</summary>
public sealed record AdjustmentRow(int Id, DateOnly PeriodStart, string UnitCode, string UnitName, decimal Points, string Reason, string? Evidence,
    string RecordedBy, DateTime RecordedAt, bool InPublishedReview);

public sealed record AssessedUnit(string Code, string Name);

public sealed record AdjustmentsView(int SchemeId, string SchemeName, AssessedLevel Level, Page<AdjustmentRow> Adjustments, IReadOnlyList<AssessedUnit> Units);

/// <summary>Takes back an adjustment recorded by mistake. A published review keeps the copy it counted; a correction run leaves it out.</summary>
public sealed record WithdrawAdjustment(int AdjustmentId);

public sealed class ListAdjustmentsHandler(CivicGridDbContext db)
{
    public async Task<Outcome<AdjustmentsView>> HandleAsync(ListAdjustments query, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return Outcome<AdjustmentsView>.Forbidden("只有区管理员可以查看和记录加减分");
        }
        if (await db.AssessmentSchemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == query.SchemeId, ct) is not { } scheme)
        {
            return Outcome<AdjustmentsView>.NotFound();
        }
        DateOnly? month = null;
        if (!string.IsNullOrWhiteSpace(query.Month))
        {
            if (!DateOnly.TryParseExact(query.Month.Trim() + "-01", "yyyy-MM-dd", out var first))
            {
                return Outcome<AdjustmentsView>.Invalid("month", "月份应写成 2026-10 这样的格式");
            }
            month = first;
        }
        var units = await db.TerritoryNodes.AsNoTracking().Where(n => n.Level == AssessmentFigures.UnitLevel(scheme.Level)).OrderBy(n => n.Code)
            .Select(n => new AssessedUnit(n.Code, n.Name)).ToListAsync(ct);
        var rows = db.AssessmentAdjustments.AsNoTracking().Where(a => a.SchemeId == scheme.Id && (month == null || a.PeriodStart == month));
        var size = Page<AdjustmentRow>.Clamp(query.PageSize);
        var number = Math.Max(1, query.Page ?? 1);
        var total = await rows.CountAsync(ct);
        var found = await rows.OrderByDescending(a => a.PeriodStart).ThenByDescending(a => a.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var published = await PublishedPeriodsAsync(scheme.Id, ct);
        var names = units.ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal);
        var items = found.ConvertAll(a => new AdjustmentRow(a.Id, a.PeriodStart, a.UnitCode, names.GetValueOrDefault(a.UnitCode, a.UnitCode), a.Points, a.Reason,
            a.Evidence, a.RecordedBy, a.RecordedAt, published.Exists(p => p.First <= a.PeriodStart && a.PeriodStart <= p.Last)));
        return Outcome<AdjustmentsView>.Ok(new AdjustmentsView(scheme.Id, scheme.Name, scheme.Level, new Page<AdjustmentRow>(items, number, size, total), units));
    }

    private async Task<List<(DateOnly First, DateOnly Last)>> PublishedPeriodsAsync(int schemeId, CancellationToken ct)
    {
        var periods = await (from r in db.AssessmentReviews.AsNoTracking()
                             join v in db.AssessmentSchemeVersions.AsNoTracking() on r.SchemeVersionId equals v.Id
                             where v.SchemeId == schemeId && r.Status == ReviewStatus.Published
                             select new { r.PeriodKind, r.PeriodStart }).Distinct().ToListAsync(ct);
        return periods.ConvertAll(p => AssessmentReview.Days(p.PeriodKind, p.PeriodStart));
    }
}

public sealed class WithdrawAdjustmentHandler(CivicGridDbContext db)
{
    public async Task<Outcome<int>> HandleAsync(WithdrawAdjustment command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return Outcome<int>.Forbidden("只有区管理员可以撤回加减分");
        }
        if (await db.AssessmentAdjustments.FirstOrDefaultAsync(a => a.Id == command.AdjustmentId, ct) is not { } adjustment)
        {
            return Outcome<int>.NotFound();
        }
        db.AssessmentAdjustments.Remove(adjustment);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(adjustment.SchemeId);
    }
}

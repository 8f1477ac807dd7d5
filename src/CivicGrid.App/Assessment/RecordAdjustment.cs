using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Assessment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Assessment;

/// <summary>
/// Records a bonus or penalty by hand (加减分) for a unit under a scheme in a month, with its reason and evidence; the next
/// run of that month, and of its quarter, counts it. A published review is never changed: a correction run picks it up.
/// </summary>
public sealed record RecordAdjustment(int SchemeId, DateOnly PeriodStart, string? UnitCode, decimal Points, string? Reason, string? Evidence);

public sealed class RecordAdjustmentHandler(CivicGridDbContext db)
{
    public async Task<Outcome<int>> HandleAsync(RecordAdjustment command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return Outcome<int>.Forbidden("只有区管理员可以记录加减分");
        }
        if (await db.AssessmentSchemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.SchemeId, ct) is not { } scheme)
        {
            return Outcome<int>.NotFound();
        }
        var errors = new FieldErrors();
        var unit = command.UnitCode?.Trim() ?? "";
        if (!await db.TerritoryNodes.AnyAsync(n => n.Code == unit && n.Level == AssessmentFigures.UnitLevel(scheme.Level), ct))
        {
            errors.Add("unitCode", "请选择本方案考核的单位");
        }
        if (AssessmentReview.PeriodRefusal(ReviewPeriodKind.Monthly, command.PeriodStart, db.Clock.Today()) is { } period)
        {
            errors.Add("periodStart", period);
        }
        if (command.Reason?.Length > 500 || command.Evidence?.Length > 500)
        {
            errors.Add(command.Reason?.Length > 500 ? "reason" : "evidence", "理由和证明材料各不超过 500 字");
        }
        var adjustment = new Adjustment(unit, command.Points, command.Reason?.Trim() ?? "", string.IsNullOrWhiteSpace(command.Evidence) ? null : command.Evidence.Trim());
        foreach (var reason in SchemeCheck.AdjustmentRefusals(adjustment))
        {
            errors.Add(reason.Contains("理由", StringComparison.Ordinal) ? "reason" : "points", reason);
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var row = new ScoreAdjustment
        {
            SchemeId = command.SchemeId, PeriodStart = command.PeriodStart, UnitCode = unit, Points = adjustment.Points, Reason = adjustment.Reason,
            Evidence = adjustment.Evidence, RecordedBy = db.Jurisdiction.ActorName, RecordedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.AssessmentAdjustments.Add(row);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(row.Id);
    }
}

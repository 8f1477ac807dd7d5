using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices;
using CivicGrid.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Visits;

/// <summary>What a need found on the visit becomes: nothing, a case in the loop, or a visit task to deliver a service.</summary>
public enum FoundNeedKind
{
    None,
    Case,
    Service,
}

/// <summary>
/// A grid worker's visit to a household of their grid: the day, whom they met (a member, or no one home), the situation,
/// and in the same step a need found, as a case (an item of the deliberation list and a description) or as a visit
/// task for a service of the catalogue.
/// </summary>
public sealed record RecordHouseholdVisit(int HouseholdId, DateOnly? VisitedOn, int? MetResidentId, bool NoOneHome, string? Situation)
{
    public FoundNeedKind Need { get; init; }
    public string? CaseItemCode { get; init; }
    public string? NeedDescription { get; init; }
    public int? ServiceItemId { get; init; }
}

public sealed record RecordedHouseholdVisit(int Id, int? CaseId, int? VisitTaskId);

/// <summary>
/// Everything about the visit is checked before anything is stored. A case goes through the loop's own submission
/// (source: visit), which checks it and commits it in its intake; the visit naming it is saved right after, in one
/// transaction with its visit task when the need was a service. A refused case leaves nothing behind.
/// </summary>
public sealed class RecordHouseholdVisitHandler(CivicGridDbContext db, SubmitCaseHandler submit)
{
    public async Task<Outcome<RecordedHouseholdVisit>> HandleAsync(RecordHouseholdVisit command, CancellationToken ct)
    {
        var who = db.Jurisdiction;
        if (!VisitScope.May(who))
        {
            return Outcome<RecordedHouseholdVisit>.Forbidden(VisitScope.Refusal);
        }
        var household = await db.Households.AsNoTracking().Where(h => h.Id == command.HouseholdId)
            .Select(h => new { h.Id, h.GridCode, h.Address }).FirstOrDefaultAsync(ct);
        var members = household is null ? [] : await db.Residents.AsNoTracking()
            .Where(r => r.HouseholdId == household.Id && r.DepartedOn == null).Select(r => new { r.Id, r.Relation }).ToListAsync(ct);
        var visited = household is null ? null : new VisitedHousehold(household.Id, household.GridCode, members.Select(m => m.Id).ToList());
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var request = new HouseholdVisitRequest(command.HouseholdId, command.VisitedOn, command.MetResidentId, command.NoOneHome, command.Situation);
        var (visit, refusal) = HouseholdVisit.Record(request, visited, who.ScopeCode, who.ActorName, db.Clock.Today(), now);
        if (visit is null)
        {
            return Outcome<RecordedHouseholdVisit>.Invalid(refusal!.Field, refusal.Reason);
        }
        if (await NeedProblemAsync(command, ct) is { } problem)
        {
            return Outcome<RecordedHouseholdVisit>.Invalid(problem.Field, problem.Reason);
        }
        if (command.Need == FoundNeedKind.Service && members.Count == 0)
        {
            return Outcome<RecordedHouseholdVisit>.Invalid("serviceItemId", "该户没有在册成员，不能转为服务");
        }
        if (command.Need == FoundNeedKind.Case)
        {
            var submitted = await submit.HandleAsync(new SubmitCase(command.CaseItemCode!, command.NeedDescription ?? "", null, null, household!.Address), ct);
            if (submitted.Value is not { } c)
            {
                return new(submitted.Kind, null, Prefixed(submitted.Errors));
            }
            visit.CaseId = c.Id;
        }
        var task = command.Need == FoundNeedKind.Service ? Task(command, visit, members.OrderBy(m => m.Relation).Select(m => m.Id).First(), now) : null;
        await SaveAsync(visit, task, ct);
        return Outcome<RecordedHouseholdVisit>.Ok(new RecordedHouseholdVisit(visit.Id, visit.CaseId, task?.Id));
    }

    private async Task SaveAsync(HouseholdVisit visit, VisitTask? task, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (task is not null)
        {
            db.VisitTasks.Add(task);
            await db.SaveChangesAsync(ct);
            visit.VisitTaskId = task.Id;
        }
        db.HouseholdVisits.Add(visit);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The task for a service, owed to the member met or else the head of the household.</summary>
    private static VisitTask Task(RecordHouseholdVisit command, HouseholdVisit visit, int firstMember, DateTime now)
    {
        var reason = (command.NeedDescription ?? "").Trim();
        return new VisitTask
        {
            GridCode = visit.GridCode, ResidentId = visit.MetResidentId ?? firstMember, ServiceItemId = command.ServiceItemId,
            Reason = "入户走访发现需求：" + (reason.Length > 180 ? reason[..180] : reason), CreatedAt = now,
        };
    }

    private async Task<VisitRefusal?> NeedProblemAsync(RecordHouseholdVisit command, CancellationToken ct)
    {
        switch (command.Need)
        {
            case FoundNeedKind.None:
                return command.CaseItemCode is { Length: > 0 } || command.ServiceItemId is not null || !string.IsNullOrWhiteSpace(command.NeedDescription)
                    ? new("need", "填写了需求，请选择转为诉求或服务") : null;
            case FoundNeedKind.Case:
                return string.IsNullOrWhiteSpace(command.CaseItemCode) ? new("caseItemCode", "请从议事清单中选择诉求事项") : null;
            case FoundNeedKind.Service:
                if (command.ServiceItemId is not { } service || !await db.ServiceItems.AnyAsync(s => s.Id == service, ct))
                {
                    return new("serviceItemId", "请选择服务项目");
                }
                return string.IsNullOrWhiteSpace(command.NeedDescription) || command.NeedDescription.Trim().Length > 180
                    ? new("needDescription", "请用 1 到 180 字写明需要的服务") : null;
            default:
                return new("need", "需求的处理方式无效");
        }
    }

    /// <summary>The case's refusals, named as fields of the visit's need.</summary>
    private static FieldErrors Prefixed(IReadOnlyDictionary<string, string[]> errors)
    {
        var named = new FieldErrors();
        foreach (var (field, reasons) in errors)
        {
            named[field switch { "ItemCode" => "caseItemCode", "Description" => "needDescription", "" => "", _ => "need" }] = reasons;
        }
        return named;
    }
}

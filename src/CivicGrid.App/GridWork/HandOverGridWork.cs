using CivicGrid.App.Data.Writes;
using CivicGrid.App.Access;
using CivicGrid.App.Audit;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.GridWork;

/// <summary>
/// Hands a grid's work from a grid worker who leaves, or moves to <paramref name="NewGridCode"/>, to a successor (工作移交).
/// Cases, visit tasks and offers belong to the grid, not to a person, so the successor takes the grid over: every
/// open case of it gets a "移交" entry on its timeline, plan tasks written in the leaver's name are renamed, and the
/// leaver either moves to the new grid or is stood down. All of it commits together.
/// </summary>
public sealed record HandOverGridWork(string? From, string? To, string? NewGridCode = null);

/// <summary>What a handover would move, shown before it is confirmed.</summary>
public sealed record PreviewHandover(string? From, string? To, string? NewGridCode = null);

/// <summary>
/// The open items of the grid. <see cref="SuccessorLeaves"/> names the successor's present grid when taking this one
/// leaves that grid with no active grid worker.
/// </summary>
public sealed record HandoverCounts(
    string GridCode, string GridName, string FromName, string ToName, int Cases, int VisitTasks, int Offers, int PlanTasks, string? SuccessorLeaves);

public sealed class HandOverGridWorkHandler(CivicGridDbContext db, CaseReference reference)
{
    public async Task<Outcome<HandoverCounts>> HandleAsync(PreviewHandover command, CancellationToken ct)
    {
        var checkedPair = await CheckAsync(command.From, command.To, command.NewGridCode, ct);
        return checkedPair.Kind == OutcomeKind.Ok ? Outcome<HandoverCounts>.Ok(await CountAsync(checkedPair.Value!, ct)) : Refused(checkedPair);
    }

    public async Task<Outcome<HandoverCounts>> HandleAsync(HandOverGridWork command, CancellationToken ct)
    {
        var checkedPair = await CheckAsync(command.From, command.To, command.NewGridCode, ct);
        if (checkedPair.Kind != OutcomeKind.Ok)
        {
            return Refused(checkedPair);
        }
        var pair = checkedPair.Value!;
        var counts = await CountAsync(pair, ct);
        var note = $"移交：{Label(pair.From)} → {Label(pair.To)}";
        var moved = await RecordOnCasesAsync(pair.Grid.Code, note, ct);
        var tasks = await RenamePlanTasksAsync(pair, ct);
        pair.To.ScopeCode = pair.Grid.Code;
        pair.To.SecurityStamp = Guid.NewGuid().ToString("N");
        if (pair.NewGrid is { } newGrid)
        {
            pair.From.ScopeCode = newGrid.Code;
            pair.From.SecurityStamp = Guid.NewGuid().ToString("N");
        }
        else
        {
            GridWorkers.StandDown(pair.From, db.Clock.GetUtcNow().UtcDateTime);
        }
        AuditTrail.Record(db, "handover", "StaffUser", pair.From.UserName!,
            $"to={pair.To.UserName},grid={pair.Grid.Code},cases={moved},visits={counts.VisitTasks},offers={counts.Offers},tasks={tasks}");
        try
        {
            // One save: the timeline entries, the accounts and the audit entries commit together.
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (CaseWriter.IsConflict(e))
        {
            return Outcome<HandoverCounts>.Invalid("From", "网格内有诉求刚被他人处理，请刷新后重试");
        }
        return Outcome<HandoverCounts>.Ok(counts with { Cases = moved, PlanTasks = tasks });
    }

    private sealed record Pair(StaffUser From, StaffUser To, TerritoryNode Grid, TerritoryNode? NewGrid);

    private static Outcome<HandoverCounts> Refused(Outcome<Pair> refusal) => new(refusal.Kind, null, refusal.Errors);

    private static string Label(StaffUser user) => $"{user.DisplayName}（{user.UserName}）";

    private async Task<int> RecordOnCasesAsync(string gridCode, string note, CancellationToken ct)
    {
        var snapshot = await reference.GetAsync(db, ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var actor = db.Jurisdiction.ActorLabel();
        var cases = await db.Cases.Where(c => c.GridCode == gridCode && CaseNames.Open.Contains(c.Status)).ToListAsync(ct);
        foreach (var c in cases)
        {
            if (c.Apply(new CaseCommand(CaseAction.HandOver, actor, note), snapshot.Rules(c, now)) is { } refusal)
            {
                throw new InvalidOperationException($"Case {c.Id}: {refusal}");
            }
        }
        return cases.Count;
    }

    /// <summary>Plan tasks name a person in free text; those in the leaver's name on the grid's open cases pass to the successor.</summary>
    private async Task<int> RenamePlanTasksAsync(Pair pair, CancellationToken ct)
    {
        var tasks = await PlanTasksOf(pair).ToListAsync(ct);
        tasks.ForEach(t => t.Owner = pair.To.DisplayName);
        return tasks.Count;
    }

    private IQueryable<PlanTask> PlanTasksOf(Pair pair)
    {
        var names = new[] { pair.From.DisplayName, pair.From.UserName! };
        var openCases = db.Cases.Where(c => c.GridCode == pair.Grid.Code && CaseNames.Open.Contains(c.Status)).Select(c => c.Id);
        return db.PlanTasks.Where(t => t.DoneAt == null && names.Contains(t.Owner) && openCases.Contains(t.CaseId));
    }

    private async Task<HandoverCounts> CountAsync(Pair pair, CancellationToken ct)
    {
        var grid = pair.Grid.Code;
        var cases = await db.Cases.CountAsync(c => c.GridCode == grid && CaseNames.Open.Contains(c.Status), ct);
        var visits = await db.VisitTasks.CountAsync(t => t.GridCode == grid && t.DoneAt == null, ct);
        var offers = await db.ServiceEnrolments.CountAsync(e => e.GridCode == grid && e.Status == EnrolmentStatus.Offered, ct);
        var tasks = await PlanTasksOf(pair).CountAsync(ct);
        string? leaves = null;
        if (pair.To.ScopeCode != grid)
        {
            var others = (await GridWorkers.UnderAsync(db, pair.To.ScopeCode, ct))
                .Count(w => w.Active && w.GridCode == pair.To.ScopeCode && w.UserName != pair.To.UserName);
            leaves = others == 0 ? pair.To.ScopeCode : null;
        }
        return new HandoverCounts(grid, pair.Grid.Name, Label(pair.From), Label(pair.To), cases, visits, offers, tasks, leaves);
    }

    /// <summary>Who hands to whom, checked against the caller's subtree; every refusal names its field in Chinese.</summary>
    private async Task<Outcome<Pair>> CheckAsync(string? fromName, string? toName, string? newGridCode, CancellationToken ct)
    {
        var who = db.Jurisdiction;
        if (!who.Role.MayAdminister())
        {
            return Outcome<Pair>.Forbidden("只有区管理员、街道干部和社区工作者可以办理网格工作移交");
        }
        var from = await db.Users.FirstOrDefaultAsync(u => u.UserName == fromName, ct);
        var to = await db.Users.FirstOrDefaultAsync(u => u.UserName == toName, ct);
        var errors = new FieldErrors();
        if (from is null || !who.Covers(from.ScopeCode) || from.Role != StaffRole.GridWorker)
        {
            errors["From"] = ["请选择本辖区内要移交工作的网格员"];
        }
        if (to is null || !who.Covers(to.ScopeCode))
        {
            errors["To"] = ["请选择本辖区内的接任者"];
        }
        else if (to.Role != StaffRole.GridWorker)
        {
            errors["To"] = ["接任者必须是网格员账号"];
        }
        else if (!GridWorkers.IsActive(to, db.Clock.GetUtcNow()))
        {
            errors["To"] = ["接任者账号已锁定或停用，不能接任"];
        }
        else if (from is not null && from.Id == to.Id)
        {
            errors["To"] = ["接任者不能是移交人本人"];
        }
        var grid = from is null ? null : await GridAsync(from.ScopeCode, ct);
        if (from is not null && !errors.ContainsKey("From") && grid is null)
        {
            errors["From"] = ["该网格员的管辖范围不是一个网格，无法移交"];
        }
        TerritoryNode? newGrid = null;
        if (!string.IsNullOrWhiteSpace(newGridCode))
        {
            newGrid = await GridAsync(newGridCode.Trim(), ct);
            if (newGrid is null || !who.Covers(newGrid.Code))
            {
                errors["NewGridCode"] = ["调往的网格不存在或不在本辖区内"];
            }
            else if (newGrid.Code == from?.ScopeCode)
            {
                errors["NewGridCode"] = ["调往的网格与原网格相同"];
            }
        }
        return errors.Count > 0 ? Outcome<Pair>.Invalid(errors) : Outcome<Pair>.Ok(new Pair(from!, to!, grid!, newGrid));
    }

    private Task<TerritoryNode?> GridAsync(string code, CancellationToken ct) =>
        db.TerritoryNodes.AsNoTracking().FirstOrDefaultAsync(n => n.Code == code && n.Level == TerritoryLevel.Grid, ct);
}

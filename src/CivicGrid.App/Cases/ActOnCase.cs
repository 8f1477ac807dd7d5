using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>
/// Moves a case one step along its loop: accept, dispatch, resolve, verify, rate, escalate and the rest. The state
/// machine decides whether the move is legal, <see cref="CasePermissions"/> whether this account may make it.
/// </summary>
/// <param name="Move">The move with what it needs; its actor is replaced by the acting account's label.</param>
public sealed record ActOnCase(int CaseId, CaseCommand Move);

public sealed record CaseMoved(int Id, string Status, string StatusName, string Level);

public sealed class ActOnCaseHandler(CivicGridDbContext db, CaseReference reference)
{
    public async Task<Outcome<CaseMoved>> HandleAsync(ActOnCase command, CancellationToken ct)
    {
        // The timeline says who resolved the case, which a verification is judged against.
        var c = await db.Cases.Include(x => x.Timeline).FirstOrDefaultAsync(x => x.Id == command.CaseId, ct);
        if (c is null)
        {
            return Outcome<CaseMoved>.NotFound();
        }
        var move = command.Move with
        {
            Actor = db.Jurisdiction.ActorLabel(),
            Note = Masked(command.Move.Note),
            PublicNote = Masked(command.Move.PublicNote),
        };
        if (move.Action is CaseAction.Receive or CaseAction.Remind || !db.Jurisdiction.May(move.Action, c))
        {
            return Outcome<CaseMoved>.Forbidden($"您无权对该诉求执行“{move.Action.ChineseName()}”");
        }
        if (move.Note?.Length > 2000)
        {
            return Outcome<CaseMoved>.Invalid("Note", "说明不能超过 2000 字");
        }
        if (move.PublicNote is not null && !CasePermissions.MayWritePublicNote(db.Jurisdiction.Role))
        {
            return Outcome<CaseMoved>.Invalid("PublicNote", "只有办理人员可以填写公开答复");
        }
        if (move.PublicNote?.Length > 500)
        {
            return Outcome<CaseMoved>.Invalid("PublicNote", "公开答复不能超过 500 字");
        }
        var snapshot = await reference.GetAsync(db, ct);
        if (await ReferenceProblemAsync(move, c, snapshot, ct) is { } problem)
        {
            return Outcome<CaseMoved>.Invalid(problem.Field, problem.Reason);
        }
        var openTasks = move.Action == CaseAction.Resolve ? await db.PlanTasks.CountAsync(t => t.CaseId == c.Id && t.DoneAt == null, ct) : 0;
        var refusal = c.Apply(move, snapshot.Rules(c, db.Clock.GetUtcNow().UtcDateTime) with { OpenPlanTasks = openTasks });
        if (refusal is not null)
        {
            return Outcome<CaseMoved>.Invalid("Action", refusal);
        }
        try
        {
            await CaseWriter.SaveAsync(db, c, c.Timeline[^1], ct);
        }
        catch (Exception e) when (CaseWriter.IsConflict(e))
        {
            return Outcome<CaseMoved>.Invalid("Action", "该诉求刚被他人处理，请刷新后重试");
        }
        return Outcome<CaseMoved>.Ok(new CaseMoved(c.Id, c.Status.ToString(), c.Status.ChineseName(), c.Level.ChineseName()));
    }

    /// <summary>Trimmed, empty as null, phone and ID numbers masked: notes are shown to everyone who follows the case.</summary>
    private static string? Masked(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Core.People.PersonalDataMask.InText(text.Trim());

    /// <summary>Checks what the command points at: the department, the deliberation day, the case to merge into, the evidence.</summary>
    private async Task<(string Field, string Reason)?> ReferenceProblemAsync(CaseCommand command, Case c, CaseReferenceSnapshot snapshot, CancellationToken ct)
    {
        if (command.Action == CaseAction.Dispatch && command.DepartmentCode is { } department && !snapshot.Departments.ContainsKey(department))
        {
            return ("DepartmentCode", "承办部门不存在");
        }
        if (command.Action == CaseAction.Dispatch && snapshot.IsRetired(command.DepartmentCode))
        {
            return ("DepartmentCode", "该部门已撤销，请选择其他承办部门");
        }
        if (command.Action == CaseAction.PutOnAgenda && command.DeliberationDayId is { } dayId)
        {
            var day = await db.DeliberationDays.AsNoTracking().FirstOrDefaultAsync(d => d.Id == dayId, ct);
            if (day is null || !c.GridCode.StartsWith(day.HostCode, StringComparison.Ordinal) || day.IsHeld)
            {
                return ("DeliberationDayId", "议事日不存在、已召开，或不在该诉求所在的社区或街道");
            }
        }
        if (command.Action == CaseAction.Merge && command.MergeInto is { } target && target != c.Id
            && !await db.Cases.AnyAsync(x => x.Id == target && x.ItemCode == c.ItemCode && x.Status != CaseStatus.Merged, ct))
        {
            return ("MergeInto", "要合并到的诉求不存在，或事项不同");
        }
        if (command.Attachments.Count > 0)
        {
            var ids = command.Attachments.Distinct().ToList();
            var actor = db.Jurisdiction.ActorName;
            var found = await db.CaseAttachments.Where(a => ids.Contains(a.Id) && a.UploadedBy == actor && (a.CaseId == null || a.CaseId == c.Id)).ToListAsync(ct);
            if (found.Count != ids.Count)
            {
                return ("Attachments", "附件不存在，请重新上传");
            }
            found.ForEach(a => a.CaseId = c.Id);
        }
        return null;
    }
}

using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>
/// One pass of the deadline watch (超期督办): reminds owners of deadlines about to pass, escalates cases that missed
/// theirs one level up, and presses departments that are late. Each deadline is acted on once; when several instances
/// sweep at the same moment, the case's version lets exactly one of them record the move.
/// </summary>
public sealed record SweepDeadlines(int BatchSize = 500);

public sealed record SweepResult(int Reminded, int Pressed, int Escalated, int Conflicts);

public sealed class SweepDeadlinesHandler(CivicGridDbContext db, CaseReference reference)
{
    /// <summary>How far ahead a deadline counts as due soon.</summary>
    public static readonly TimeSpan ReminderWindow = TimeSpan.FromHours(4);

    public async Task<SweepResult> HandleAsync(SweepDeadlines command, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var soon = now + ReminderWindow;
        var ids = await db.Cases.AsNoTracking()
            .Where(c => (c.Status == CaseStatus.Received && c.RespondBy <= now && c.OverdueFor != c.RespondBy)
                || (CaseNames.InHand.Contains(c.Status)
                    && c.ResolveBy <= soon && (c.OverdueFor == null || c.OverdueFor != c.ResolveBy) && (c.RemindedFor == null || c.RemindedFor != c.ResolveBy || c.ResolveBy <= now)))
            .OrderBy(c => c.Id).Select(c => c.Id).Take(command.BatchSize).ToListAsync(ct);
        var counts = new Dictionary<CaseAction, int>();
        var conflicts = 0;
        foreach (var id in ids)
        {
            try
            {
                if (await SweepOneAsync(id, now, ct) is { } action)
                {
                    counts[action] = counts.GetValueOrDefault(action) + 1;
                }
            }
            catch (Exception e) when (CaseWriter.IsConflict(e))
            {
                conflicts++;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return new SweepResult(counts.GetValueOrDefault(CaseAction.Remind), counts.GetValueOrDefault(CaseAction.Press), counts.GetValueOrDefault(CaseAction.Escalate), conflicts);
    }

    private async Task<CaseAction?> SweepOneAsync(int id, DateTime now, CancellationToken ct)
    {
        var c = await db.Cases.FirstAsync(x => x.Id == id, ct);
        if (Decide(c, now) is not { } command)
        {
            return null;
        }
        var snapshot = await reference.GetAsync(db, ct);
        if (c.Apply(command, snapshot.Rules(c.ItemCode, now)) is not null)
        {
            return null;
        }
        await CaseWriter.SaveAsync(db, c, c.Timeline[^1], ct);
        return command.Action;
    }

    /// <summary>What the deadline asks for now, judged again on the freshly read case in case another instance got there first.</summary>
    public static CaseCommand? Decide(Case c, DateTime now)
    {
        if (c.CurrentDeadline is not { } due)
        {
            return null;
        }
        if (due <= now && c.OverdueFor != due)
        {
            var escalate = c.Status != CaseStatus.Dispatched && c.Level != HandlingLevel.District;
            var note = c.Status == CaseStatus.Received ? "超过响应时限未受理" : "超过办理时限未办结";
            return escalate
                ? new CaseCommand(CaseAction.Escalate, Case.SystemActor, $"{note}，自动升级至{c.Level.Next()!.Value.ChineseName()}")
                : new CaseCommand(CaseAction.Press, Case.SystemActor, $"{note}，系统督办");
        }
        var remind = c.Status != CaseStatus.Received && due > now && due - now <= ReminderWindow && c.RemindedFor != due;
        return remind ? new CaseCommand(CaseAction.Remind, Case.SystemActor, "办理时限将至，请抓紧办理") : null;
    }
}

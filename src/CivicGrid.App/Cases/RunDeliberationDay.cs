using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>Someone taking part; with a credit code, as the representative of that enterprise of the jurisdiction.</summary>
public sealed record AddParticipant(int DayId, string Name, int? GroupId, string? EnterpriseCreditCode = null);

/// <summary>An option for one agenda case; with <see cref="IsConsensus"/> it is the decision reached without a vote.</summary>
public sealed record AddOption(int DayId, int? CaseId, string Text, bool IsConsensus = false);

public sealed record RecordVotes(int DayId, int OptionId, int? Votes, bool Chosen);

public sealed record RecordMinutes(int DayId, string Minutes, bool Held);

public sealed record AddPlanTask(int DayId, int? CaseId, string Title, string Owner, DateOnly? DueDate);

public sealed record CompletePlanTask(int DayId, int TaskId);

/// <summary>
/// Runs a deliberation day: who took part, the options for each agenda case and their votes or consensus, the minutes,
/// and the plan (方案) of tasks with owners and due dates. Only staff of the hosting community or street may record these.
/// </summary>
public sealed class RunDeliberationDayHandler(CivicGridDbContext db)
{
    public Task<Outcome<int>> HandleAsync(AddParticipant command, CancellationToken ct) => WithDayAsync(command.DayId, async day =>
    {
        if (string.IsNullOrWhiteSpace(command.Name) || command.Name.Length > 50)
        {
            return Outcome<int>.Invalid("Name", "请填写 1 到 50 字的姓名");
        }
        if (command.GroupId is { } group && !await db.ThinkTankGroups.AnyAsync(g => g.Id == group, ct))
        {
            return Outcome<int>.Invalid("GroupId", "智囊团不存在");
        }
        int? enterprise = null;
        if (!string.IsNullOrWhiteSpace(command.EnterpriseCreditCode))
        {
            if (!CreditCode.TryNormalise(command.EnterpriseCreditCode, out var code, out var reason))
            {
                return Outcome<int>.Invalid("EnterpriseCreditCode", reason);
            }
            enterprise = await db.Enterprises.Where(e => e.CreditCode == code).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
            if (enterprise is null)
            {
                return Outcome<int>.Invalid("EnterpriseCreditCode", "找不到该企业，或不在您的管辖范围内");
            }
        }
        var participant = new DeliberationParticipant { DeliberationDayId = day.Id, Name = command.Name.Trim(), GroupId = command.GroupId, EnterpriseId = enterprise };
        db.Add(participant);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(participant.Id);
    });

    public Task<Outcome<int>> HandleAsync(AddOption command, CancellationToken ct) => WithDayAsync(command.DayId, async day =>
    {
        if (string.IsNullOrWhiteSpace(command.Text) || command.Text.Length > 1000)
        {
            return Outcome<int>.Invalid("Text", "请填写 1 到 1000 字的方案内容");
        }
        if (command.CaseId is not { } caseId)
        {
            return Outcome<int>.Invalid("CaseId", "请指明议程上的诉求（caseId）");
        }
        if (!await OnAgendaAsync(day.Id, caseId, ct))
        {
            return Outcome<int>.Invalid("CaseId", "该诉求不在本次议事日的议程上");
        }
        var option = new DeliberationOption { DeliberationDayId = day.Id, CaseId = caseId, Text = command.Text.Trim(), IsConsensus = command.IsConsensus, Chosen = command.IsConsensus };
        db.DeliberationOptions.Add(option);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(option.Id);
    });

    public Task<Outcome<int>> HandleAsync(RecordVotes command, CancellationToken ct) => WithDayAsync(command.DayId, async day =>
    {
        var option = await db.DeliberationOptions.FirstOrDefaultAsync(o => o.Id == command.OptionId && o.DeliberationDayId == day.Id, ct);
        if (option is null)
        {
            return Outcome<int>.NotFound();
        }
        if (command.Votes is not { } votes)
        {
            return Outcome<int>.Invalid("Votes", "请填写票数");
        }
        if (votes is < 0 or > 10_000)
        {
            return Outcome<int>.Invalid("Votes", "票数应在 0 到 10000 之间");
        }
        option.Votes = votes;
        if (command.Chosen)
        {
            // One chosen option per case: choosing this one sets the others aside.
            await db.DeliberationOptions.Where(o => o.DeliberationDayId == day.Id && o.CaseId == option.CaseId && o.Id != option.Id)
                .ForEachAsync(o => o.Chosen = false, ct);
        }
        option.Chosen = command.Chosen;
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(option.Id);
    });

    public Task<Outcome<int>> HandleAsync(RecordMinutes command, CancellationToken ct) => WithDayAsync(command.DayId, async day =>
    {
        if (command.Minutes is null)
        {
            // A body without minutes would clear them; clearing is an empty text, asked for in so many words.
            return Outcome<int>.Invalid("Minutes", "缺少会议纪要（minutes）；要清空纪要请提交空文本");
        }
        if (command.Minutes.Length > 8000)
        {
            return Outcome<int>.Invalid("Minutes", "会议纪要不能超过 8000 字");
        }
        if (command.Held && string.IsNullOrWhiteSpace(command.Minutes))
        {
            return Outcome<int>.Invalid("Minutes", "标记为已召开前请填写会议纪要");
        }
        if (command.Held && day.MarkHeld(db.Clock.GetUtcNow().UtcDateTime) is { } early)
        {
            return Outcome<int>.Invalid("Held", early);
        }
        day.HeldAt = command.Held ? day.HeldAt : null;
        day.Minutes = command.Minutes.Trim();
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(day.Id);
    });

    public Task<Outcome<int>> HandleAsync(AddPlanTask command, CancellationToken ct) => WithDayAsync(command.DayId, async day =>
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(command.Title) || command.Title.Length > 200)
        {
            errors["Title"] = ["请填写 1 到 200 字的任务内容"];
        }
        if (string.IsNullOrWhiteSpace(command.Owner) || command.Owner.Length > 100)
        {
            errors["Owner"] = ["请填写责任人"];
        }
        if (command.DueDate is not { } due)
        {
            errors["DueDate"] = ["请填写完成期限"];
        }
        else if (due < db.Clock.Today())
        {
            errors["DueDate"] = ["完成期限不能早于今天"];
        }
        if (command.CaseId is not { } caseId)
        {
            errors["CaseId"] = ["请指明议程上的诉求（caseId）"];
        }
        else if (!await OnAgendaAsync(day.Id, caseId, ct))
        {
            errors["CaseId"] = ["该诉求不在本次议事日的议程上"];
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var task = new PlanTask { DeliberationDayId = day.Id, CaseId = command.CaseId!.Value, Title = command.Title.Trim(), Owner = command.Owner.Trim(), DueDate = command.DueDate!.Value };
        db.PlanTasks.Add(task);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(task.Id);
    });

    public Task<Outcome<int>> HandleAsync(CompletePlanTask command, CancellationToken ct) => WithDayAsync(command.DayId, async day =>
    {
        var task = await db.PlanTasks.FirstOrDefaultAsync(t => t.Id == command.TaskId && t.DeliberationDayId == day.Id, ct);
        if (task is null)
        {
            return Outcome<int>.NotFound();
        }
        task.DoneAt ??= db.Clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(task.Id);
    });

    private Task<bool> OnAgendaAsync(int dayId, int caseId, CancellationToken ct) =>
        db.Cases.AnyAsync(c => c.Id == caseId && c.DeliberationDayId == dayId, ct);

    private async Task<Outcome<int>> WithDayAsync(int dayId, Func<DeliberationDay, Task<Outcome<int>>> work)
    {
        var day = await db.DeliberationDays.FirstOrDefaultAsync(d => d.Id == dayId);
        if (day is null)
        {
            return Outcome<int>.NotFound();
        }
        var who = db.Jurisdiction;
        if (!who.Role.MayAdminister() || !day.HostCode.StartsWith(who.ScopeCode, StringComparison.Ordinal))
        {
            return Outcome<int>.Forbidden("只有主办社区或街道的工作人员可以记录议事过程");
        }
        return await work(day);
    }
}

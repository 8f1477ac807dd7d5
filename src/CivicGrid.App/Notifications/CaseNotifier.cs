using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Notifications;

/// <summary>
/// Tells the people a move concerns: the staff who now own the case, the department it went to, and the resident who
/// raised it; and every webhook subscriber. Messages join the same save as the move.
/// </summary>
public static class CaseNotifier
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task QueueAsync(CivicGridDbContext db, Case c, CaseEvent move, CancellationToken ct)
    {
        var now = move.At;
        var title = $"诉求 #{c.Id} {move.Action.ChineseName()}";
        var body = string.IsNullOrWhiteSpace(move.Note) ? $"当前状态：{c.Status.ChineseName()}" : $"{move.Note}（当前状态：{c.Status.ChineseName()}）";
        foreach (var userId in await StaffToTellAsync(db, c, move.Action, ct))
        {
            db.InboxMessages.Add(new InboxMessage { UserId = userId, Title = title, Body = body, Link = $"cases/{c.Id}", CreatedAt = now });
        }
        if (TellsResident(move.Action))
        {
            await TellResidentAsync(db, c, title, body, now, ct);
        }
        var hooks = await db.WebhookSubscriptions.AsNoTracking().Where(w => w.Active).Select(w => w.Id).ToListAsync(ct);
        var payload = JsonSerializer.Serialize(new
        {
            @event = $"case.{move.Action.ToString().ToLowerInvariant()}",
            caseId = c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            itemCode = c.ItemCode,
            status = c.Status.ToString(),
            level = c.Level.ToString(),
            at = new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)).ToOffset(WorkingCalendar.ChinaOffset),
            note = move.Note,
        }, Json);
        foreach (var hook in hooks)
        {
            db.OutboxMessages.Add(new OutboxMessage { Kind = OutboxKind.Webhook, Target = hook.ToString(System.Globalization.CultureInfo.InvariantCulture), Subject = title, Body = payload, CreatedAt = now, NextAttemptAt = now });
        }
    }

    private static bool TellsResident(CaseAction action) =>
        action is CaseAction.Accept or CaseAction.Reject or CaseAction.Resolve or CaseAction.Close or CaseAction.Reopen or CaseAction.PutOnAgenda or CaseAction.Dispatch;

    private static async Task<List<string>> StaffToTellAsync(CivicGridDbContext db, Case c, CaseAction action, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking();
        if (action is CaseAction.Dispatch || (action is CaseAction.Press or CaseAction.Remind && c.Status == CaseStatus.Dispatched))
        {
            return await users.Where(u => u.Role == StaffRole.DepartmentHandler && u.DepartmentCode == c.DepartmentCode).Select(u => u.Id).ToListAsync(ct);
        }
        if (action is CaseAction.Receive or CaseAction.Escalate or CaseAction.Press or CaseAction.Remind or CaseAction.Return
            or CaseAction.RequestExtension or CaseAction.Resolve or CaseAction.Reopen or CaseAction.Rate)
        {
            var owner = c.OwnerCode;
            return await users.Where(u => u.ScopeCode == owner && u.Role != StaffRole.Resident && u.Role != StaffRole.CivicSupervisor && u.Role != StaffRole.DepartmentHandler)
                .Select(u => u.Id).ToListAsync(ct);
        }
        return [];
    }

    private static async Task TellResidentAsync(CivicGridDbContext db, Case c, string title, string body, DateTime now, CancellationToken ct)
    {
        var email = c.ContactEmail;
        if (c.SubmitterId is { } submitter && c.Source != CaseSource.Visit)
        {
            db.InboxMessages.Add(new InboxMessage { UserId = submitter, Title = title, Body = body, Link = $"cases/{c.Id}", CreatedAt = now });
            email ??= await db.Users.AsNoTracking().Where(u => u.Id == submitter).Select(u => u.Email).FirstOrDefaultAsync(ct);
        }
        if (!string.IsNullOrWhiteSpace(email))
        {
            db.OutboxMessages.Add(new OutboxMessage { Kind = OutboxKind.Email, Target = email, Subject = $"【CivicGrid】{title}", Body = EmailBody(c, title, body), CreatedAt = now, NextAttemptAt = now });
        }
    }

    /// <summary>Plain text in Chinese; the link is a path, as the notifier does not know the address the site is served at.</summary>
    private static string EmailBody(Case c, string title, string body) => string.Join("\r\n",
        "您好：",
        "",
        $"您反映的诉求有新进展：{title}。",
        body,
        "",
        $"查看详情：/cases/{c.Id}",
        "",
        "此邮件由 CivicGrid 系统自动发送，请勿直接回复。");
}

using System.Globalization;
using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;

namespace CivicGrid.App.Notifications;

/// <summary>
/// Tells the people a move concerns: the staff who now own the case, the department it went to, and the resident who
/// raised it; and every webhook subscriber. The messages are INSERT … SELECT statements queued into the move's own
/// batch, so finding the recipients costs no extra round trip and the messages commit with the move.
/// </summary>
public static class CaseNotifier
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Inbox = "INSERT INTO \"InboxMessages\" (\"UserId\", \"Title\", \"Body\", \"Link\", \"CreatedAt\") ";
    private const string Outbox = "INSERT INTO \"OutboxMessages\" (\"Kind\", \"Target\", \"Subject\", \"Body\", \"CreatedAt\", \"NextAttemptAt\", \"Attempts\") ";

    /// <summary>The staff who settle cases at a node: every territorial role, not residents, supervisors or departments.</summary>
    private static readonly string TerritorialRoles = string.Join(", ",
        new[] { StaffRole.GridWorker, StaffRole.CommunityStaff, StaffRole.StreetOfficial, StaffRole.DistrictAdmin }.Select(r => ((int)r).ToString(CultureInfo.InvariantCulture)));

    public static void Queue(SqlBatch batch, Case c, CaseEvent move)
    {
        var now = move.At;
        var title = $"诉求 #{c.Id} {move.Action.ChineseName()}";
        var body = string.IsNullOrWhiteSpace(move.Note) ? $"当前状态：{c.Status.ChineseName()}" : $"{move.Note}（当前状态：{c.Status.ChineseName()}）";
        var link = $"cases/{c.Id}";
        TellStaff(batch, c, move.Action, title, body, link, now);
        if (TellsResident(move.Action))
        {
            TellResident(batch, c, title, body, link, now);
        }
        batch.Add(Outbox + "SELECT {0}, CAST(\"Id\" AS VARCHAR(20)), {1}, {2}, {3}, {3}, 0 FROM \"WebhookSubscriptions\" WHERE \"Active\" = {4}",
            (int)OutboxKind.Webhook, title, Payload(c, move), now, true);
    }

    private static bool TellsResident(CaseAction action) =>
        action is CaseAction.Accept or CaseAction.Reject or CaseAction.Resolve or CaseAction.Close or CaseAction.Reopen or CaseAction.PutOnAgenda or CaseAction.Dispatch;

    private static void TellStaff(SqlBatch batch, Case c, CaseAction action, string title, string body, string link, DateTime now)
    {
        if (action is CaseAction.Dispatch || (action is CaseAction.Press or CaseAction.Remind && c.Status == CaseStatus.Dispatched))
        {
            batch.Add(Inbox + "SELECT \"Id\", {0}, {1}, {2}, {3} FROM \"AspNetUsers\" WHERE \"Role\" = {4} AND \"DepartmentCode\" = {5}",
                title, body, link, now, (int)StaffRole.DepartmentHandler, c.DepartmentCode ?? "");
        }
        else if (action is CaseAction.Receive or CaseAction.Escalate or CaseAction.Press or CaseAction.Remind or CaseAction.Return
            or CaseAction.RequestExtension or CaseAction.Resolve or CaseAction.Reopen or CaseAction.Rate)
        {
            batch.Add(Inbox + $"SELECT \"Id\", {{0}}, {{1}}, {{2}}, {{3}} FROM \"AspNetUsers\" WHERE \"ScopeCode\" = {{4}} AND \"Role\" IN ({TerritorialRoles})",
                title, body, link, now, c.OwnerCode);
        }
    }

    private static void TellResident(SqlBatch batch, Case c, string title, string body, string link, DateTime now)
    {
        var subject = $"【CivicGrid】{title}";
        var mail = EmailBody(c, title, body);
        var hasAccount = c.SubmitterId is not null && c.Source != CaseSource.Visit;
        if (hasAccount)
        {
            batch.Add(Inbox + "VALUES ({0}, {1}, {2}, {3}, {4})", c.SubmitterId!, title, body, link, now);
        }
        if (!string.IsNullOrWhiteSpace(c.ContactEmail))
        {
            batch.Add(Outbox + "VALUES ({0}, {1}, {2}, {3}, {4}, {4}, 0)", (int)OutboxKind.Email, c.ContactEmail, subject, mail, now);
        }
        else if (hasAccount)
        {
            batch.Add(Outbox + "SELECT {0}, \"Email\", {1}, {2}, {3}, {3}, 0 FROM \"AspNetUsers\" WHERE \"Id\" = {4} AND \"Email\" IS NOT NULL AND \"Email\" <> ''",
                (int)OutboxKind.Email, subject, mail, now, c.SubmitterId!);
        }
    }

    private static string Payload(Case c, CaseEvent move) => JsonSerializer.Serialize(new
    {
        @event = $"case.{move.Action.ToString().ToLowerInvariant()}",
        caseId = c.Id.ToString(CultureInfo.InvariantCulture),
        itemCode = c.ItemCode,
        status = c.Status.ToString(),
        level = c.Level.ToString(),
        at = new DateTimeOffset(DateTime.SpecifyKind(move.At, DateTimeKind.Utc)).ToOffset(WorkingCalendar.ChinaOffset),
        note = move.Note,
    }, Json);

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

using System.Globalization;
using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;

namespace CivicGrid.App.Notifications;

/// <summary>
/// Tells the people a move concerns, as <see cref="CaseAudience"/> decides: the grid's workers, the staff who own the
/// case, the department it is with, the resident who raised it; and every webhook subscriber. The messages are INSERT … SELECT statements queued into the move's own
/// batch, so finding the recipients costs no extra round trip and the messages commit with the move.
/// </summary>
public static class CaseNotifier
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Inbox = "INSERT INTO \"InboxMessages\" (\"UserId\", \"Title\", \"Body\", \"Link\", \"CreatedAt\") ";
    private const string Outbox = "INSERT INTO \"OutboxMessages\" (\"Kind\", \"Target\", \"Subject\", \"Body\", \"CreatedAt\", \"NextAttemptAt\", \"Attempts\") ";

    /// <summary>The staff who settle cases at a node: every territorial role, not residents, supervisors or departments.</summary>
    private static readonly string TerritorialRoles = string.Join(", ",
        Enum.GetValues<StaffRole>().Where(r => r.ManagesPeople()).Select(r => ((int)r).ToString(CultureInfo.InvariantCulture)));

    /// <param name="actorId">The account that made the move, which is not told of it; null for the system.</param>
    public static void Queue(SqlBatch batch, Case c, CaseEvent move, string? actorId)
    {
        var now = move.At;
        var title = $"诉求 #{c.Id} {move.Action.ChineseName()}";
        var body = string.IsNullOrWhiteSpace(move.Note) ? $"当前状态：{c.Status.ChineseName()}" : $"{move.Note}（当前状态：{c.Status.ChineseName()}）";
        var link = $"cases/{c.Id}";
        var audience = CaseAudience.Of(move.Action, c.Status);
        TellStaff(batch, c, audience, new Message(title, body, link, now), actorId ?? "");
        if (audience.HasFlag(Audience.Resident) && (actorId is null || c.SubmitterId != actorId))
        {
            TellResident(batch, c, title, body, link, now);
        }
        if (audience.HasFlag(Audience.Resident) && c.Source != CaseSource.Visit)
        {
            TellFollowers(batch, c, title, now, actorId ?? "");
        }
        batch.Add(Outbox + "SELECT {0}, CAST(\"Id\" AS VARCHAR(20)), {1}, {2}, {3}, {3}, 0 FROM \"WebhookSubscriptions\" WHERE \"Active\" = {4}",
            (int)OutboxKind.Webhook, title, Payload(c, move), now, true);
    }

    private sealed record Message(string Title, string Body, string Link, DateTime At);

    /// <summary>One statement for all the staff told, so an account that is both grid worker and owner gets one message.</summary>
    private static void TellStaff(SqlBatch batch, Case c, Audience audience, Message m, string actorId)
    {
        var who = new List<string>();
        if (audience.HasFlag(Audience.GridWorkers))
        {
            who.Add("(\"Role\" = {9} AND \"ScopeCode\" = {5})");
        }
        if (audience.HasFlag(Audience.Owners))
        {
            who.Add($"(\"Role\" IN ({TerritorialRoles}) AND \"ScopeCode\" = {{6}})");
        }
        if (audience.HasFlag(Audience.Supervisors))
        {
            who.Add($"(\"Role\" IN ({TerritorialRoles}) AND \"ScopeCode\" = {{7}})");
        }
        if (audience.HasFlag(Audience.Department) && c.DepartmentCode is not null)
        {
            who.Add("(\"Role\" = {10} AND \"DepartmentCode\" = {8})");
        }
        if (who.Count == 0)
        {
            return;
        }
        var owner = c.OwnerCode;
        var supervisor = c.Level == HandlingLevel.Grid ? HandlingLevel.Community.OwnerCode(c.GridCode) : owner;
        batch.Add(Inbox + $"SELECT \"Id\", {{0}}, {{1}}, {{2}}, {{3}} FROM \"AspNetUsers\" WHERE \"Id\" <> {{4}} AND ({string.Join(" OR ", who)})",
            m.Title, m.Body, m.Link, m.At, actorId, c.GridCode, owner, supervisor, c.DepartmentCode ?? "", (int)StaffRole.GridWorker, (int)StaffRole.DepartmentHandler);
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

    /// <summary>
    /// The residents following the case (CaseFollowers), told of the same moves as the one who raised it: its state only,
    /// never the staff's note, which is not public; the link leads to the case's public page.
    /// </summary>
    private static void TellFollowers(SqlBatch batch, Case c, string title, DateTime now, string actorId)
    {
        var body = $"您关注的诉求有新进展，当前状态：{c.Status.ChineseName()}";
        var link = $"community/cases/{c.Id}";
        const string followers = "FROM \"AspNetUsers\" u WHERE u.\"Id\" IN (SELECT f.\"UserId\" FROM \"CaseFollowers\" f WHERE f.\"CaseId\" = {4}) AND u.\"Id\" <> {5}";
        batch.Add(Inbox + "SELECT u.\"Id\", {0}, {1}, {2}, {3} " + followers, title, body, link, now, c.Id, actorId);
        var mail = string.Join("\r\n", "您好：", "", $"您关注的诉求有新进展：{title}。", body, "", $"查看详情：/{link}", "", "此邮件由 CivicGrid 系统自动发送，请勿直接回复。");
        batch.Add(Outbox + "SELECT {0}, u.\"Email\", {1}, {2}, {3}, {3}, 0 " + followers + " AND u.\"Email\" IS NOT NULL AND u.\"Email\" <> ''",
            (int)OutboxKind.Email, $"【CivicGrid】{title}", mail, now, c.Id, actorId);
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

using CivicGrid.App.Data;
using CivicGrid.App.Notifications;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;
using CivicGrid.App.Reports;

namespace CivicGrid.App.Projects.Reports;

/// <summary>
/// The reports on schedule (定期报告): once a day the system looks at the last complete day, week and month, and for each
/// not yet issued it builds the report and tells its readers in their inbox, with its headline figures and a link to it.
/// The project office reads all three; each service group's cadres read their group's weekly report. Reports are not
/// stored: the link regenerates the same figures from the timelines, so the inbox message is the record of issue.
/// </summary>
public sealed record IssueScheduledReports;

public sealed record IssuedReports(IReadOnlyList<string> Issued, int Messages);

public sealed class IssueScheduledReportsHandler(CivicGridDbContext db, PortfolioReader reader, TimeProvider clock)
{
    public async Task<IssuedReports> HandleAsync(IssueScheduledReports command, CancellationToken ct)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        PortfolioSnapshot? snapshot = null;
        var issued = new List<string>();
        var messages = 0;
        foreach (var kind in Enum.GetValues<ReportKind>())
        {
            var period = GetProjectReportHandler.ParsePeriod(kind, null, today)!.Value;
            var link = Link(kind, period, null);
            if (await db.InboxMessages.AnyAsync(m => m.UserId == SystemReader && m.Link == link, ct))
            {
                continue;
            }
            snapshot ??= await reader.ReadAsync(ct);
            var office = await db.Users.Where(u => u.Role == StaffRole.ProjectOffice && u.DisabledAt == null).Select(u => u.Id).ToListAsync(ct);
            var report = Build(snapshot, kind, period, null);
            messages += Tell(office, report, link, now);
            if (kind == ReportKind.Weekly)
            {
                messages += await TellGroupsAsync(snapshot, period, now, ct);
            }
            // The system's own copy, read already: the record that this period's report was issued.
            db.InboxMessages.Add(new InboxMessage { UserId = SystemReader, Title = Title(report), Body = Headline(report), Link = link, CreatedAt = now, ReadAt = now });
            issued.Add($"{kind} {report.Period}");
        }
        await db.SaveChangesAsync(ct);
        return new IssuedReports(issued, messages);
    }

    /// <summary>The inbox owner of the record of each issued report; no account has this id.</summary>
    public const string SystemReader = "system:project-reports";

    private async Task<int> TellGroupsAsync(PortfolioSnapshot snapshot, DateOnly monday, DateTime now, CancellationToken ct)
    {
        var cadres = await db.Users.Where(u => u.Role == StaffRole.ProjectCadre && u.DisabledAt == null && u.ServiceGroupId != null)
            .Select(u => new { u.Id, Group = u.ServiceGroupId!.Value }).ToListAsync(ct);
        return cadres.GroupBy(c => c.Group).Where(g => snapshot.Groups.ContainsKey(g.Key))
            .Sum(g => Tell(g.Select(c => c.Id).ToList(), Build(snapshot, ReportKind.Weekly, monday, g.Key), Link(ReportKind.Weekly, monday, g.Key), now));
    }

    private int Tell(IReadOnlyList<string> accounts, ReportDocument report, string link, DateTime now)
    {
        db.InboxMessages.AddRange(accounts.Select(id => new InboxMessage { UserId = id, Title = Title(report), Body = Headline(report), Link = link, CreatedAt = now }));
        return accounts.Count;
    }

    private static ReportDocument Build(PortfolioSnapshot s, ReportKind kind, DateOnly period, int? group) => kind switch
    {
        ReportKind.Daily => ProjectReports.Daily(s, period),
        ReportKind.Weekly => ProjectReports.Weekly(s, period, group),
        _ => ProjectReports.Monthly(s, period),
    };

    public static string Link(ReportKind kind, DateOnly period, int? group) =>
        $"projects/reports?kind={kind.ToString().ToLowerInvariant()}&period={(kind == ReportKind.Monthly ? period.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : period.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))}"
        + (group is { } g ? $"&group={g}" : "");

    private static string Title(ReportDocument report) => $"{report.Title}（{report.Period}）已生成";

    /// <summary>The report's summary figures in one line.</summary>
    private static string Headline(ReportDocument report) =>
        report.Section("概况")?.Table is { } t ? string.Join("，", t.Rows.Select(r => $"{r[0]} {r[1]}")) : "";
}

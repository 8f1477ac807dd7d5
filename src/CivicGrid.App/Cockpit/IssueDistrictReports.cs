using System.Globalization;
using CivicGrid.App.Data;
using CivicGrid.App.Notifications;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cockpit;

/// <summary>
/// The monthly report on schedule: at the first pass after a month ends, district administrators are told in their
/// inbox with the district's headline figures, street officials with their street's, each with a link to the cockpit
/// of that month, where the report is downloaded. Reports are not stored; the system's own read copy records the issue.
/// </summary>
public sealed record IssueDistrictReports;

public sealed class IssueDistrictReportsHandler(CivicGridDbContext db, GetCockpitHandler cockpit, TimeProvider clock)
{
    /// <summary>The inbox owner of the record of each issued month; no account has this id.</summary>
    public const string SystemReader = "system:district-reports";

    /// <returns>The month issued now, or null when it was issued before.</returns>
    public async Task<string?> HandleAsync(IssueDistrictReports command, CancellationToken ct)
    {
        // Asked first, so that the passes after the month's issue (each hour, each node's start) skip the district's cockpit.
        var month = cockpit.LastCompleteMonth();
        if (await db.InboxMessages.AnyAsync(m => m.UserId == SystemReader && m.Link == Link(month), ct)
            || (await cockpit.HandleAsync(new GetCockpit(Month: month), ct)).Value is not { } view)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var readers = await db.Users.Where(u => u.DisabledAt == null && (u.Role == StaffRole.DistrictAdmin || u.Role == StaffRole.StreetOfficial))
            .Select(u => new { u.Id, u.Role }).ToListAsync(ct);
        var title = $"{DistrictMonthlyReport.Title}（{view.Month}）已生成";
        foreach (var reader in readers)
        {
            db.InboxMessages.Add(new InboxMessage
            {
                UserId = reader.Id, Title = title, Link = Link(view.Month), CreatedAt = now,
                Body = reader.Role == StaffRole.DistrictAdmin ? Headline(view) : "请查看本街道的指标、排名与热点，并下载月报",
            });
        }
        db.InboxMessages.Add(new InboxMessage { UserId = SystemReader, Title = title, Body = Headline(view), Link = Link(view.Month), CreatedAt = now, ReadAt = now });
        await db.SaveChangesAsync(ct);
        return view.Month;
    }

    public static string Link(string month) => $"cockpit?month={month}";

    /// <summary>The month's figures in one line.</summary>
    private static string Headline(CockpitView view) => string.Join("，", view.Figures.Select(f => f.IsRate
        ? string.Create(CultureInfo.InvariantCulture, $"{f.Name} {(f.Current is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—")}")
        : string.Create(CultureInfo.InvariantCulture, $"{f.Name} {f.Current:N0}")));
}

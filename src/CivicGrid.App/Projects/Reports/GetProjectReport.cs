using CivicGrid.App.Data;
using CivicGrid.Core.Projects;
using CivicGrid.App.Reports;

namespace CivicGrid.App.Projects.Reports;

/// <summary>
/// A report on demand (生成报告), over the projects the caller sees: <paramref name="Period"/> is the day (yyyy-MM-dd), any
/// day of the week, or the month (yyyy-MM); absent, the last complete period. A weekly report may name one service group.
/// </summary>
public sealed record GetProjectReport(ReportKind Kind, string? Period = null, int? GroupId = null);

public sealed class GetProjectReportHandler(PortfolioReader reader, TimeProvider clock)
{
    public async Task<Outcome<ReportDocument>> HandleAsync(GetProjectReport query, CancellationToken ct)
    {
        var who = reader.Jurisdiction;
        if (!who.Role.MaySee())
        {
            return Outcome<ReportDocument>.Forbidden("当前角色无权查看重大项目报告");
        }
        if (ParsePeriod(query.Kind, query.Period, clock.Today()) is not { } day)
        {
            return Outcome<ReportDocument>.Invalid("period", query.Kind == ReportKind.Monthly ? "月份格式应为 yyyy-MM，且不晚于本月" : "日期格式应为 yyyy-MM-dd，且不晚于今天");
        }
        var snapshot = await reader.ReadAsync(ct);
        if (query.GroupId is { } g && !snapshot.Groups.ContainsKey(g))
        {
            return Outcome<ReportDocument>.Invalid("groupId", "没有该专项服务组");
        }
        return Outcome<ReportDocument>.Ok(query.Kind switch
        {
            ReportKind.Daily => ProjectReports.Daily(snapshot, day),
            ReportKind.Weekly => ProjectReports.Weekly(snapshot, day, query.GroupId ?? who.ServiceGroupId),
            _ => ProjectReports.Monthly(snapshot, day),
        });
    }

    /// <summary>The period's first day; by default the last complete one (yesterday, last week, last month).</summary>
    public static DateOnly? ParsePeriod(ReportKind kind, string? text, DateOnly today)
    {
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        DateOnly day;
        if (string.IsNullOrWhiteSpace(text))
        {
            day = kind switch
            {
                ReportKind.Daily => today.AddDays(-1),
                ReportKind.Weekly => Monday(today).AddDays(-7),
                _ => new DateOnly(today.Year, today.Month, 1).AddMonths(-1),
            };
        }
        else if (kind == ReportKind.Monthly && DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", ci, System.Globalization.DateTimeStyles.None, out var m))
        {
            day = m;
        }
        else if (kind != ReportKind.Monthly && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", ci, System.Globalization.DateTimeStyles.None, out var d))
        {
            day = kind == ReportKind.Weekly ? Monday(d) : d;
        }
        else
        {
            return null;
        }
        return day > today || day.Year < 2000 ? null : day;
    }

    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}

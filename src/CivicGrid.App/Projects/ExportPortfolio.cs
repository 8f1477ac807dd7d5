using CivicGrid.App.Data.Replica;
using CivicGrid.App.Exports;
using CivicGrid.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Projects;

/// <summary>
/// The portfolio in the columns the projects import reads, so an exported file comes back in unchanged; the contact's
/// phone stays out (the list shows it masked, and a masked number is no number to import). Filters as on screen, on
/// the reporting reads.
/// </summary>
public sealed class ExportPortfolioHandler(ReportingReads reads)
{
    public async Task HandleAsync(Stream output, ExportFormat format, ListProjects query, CancellationToken ct)
    {
        var db = await reads.DbAsync(ct);
        var groups = await db.ServiceGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var later = ProjectNames.Stages.Skip(1).ToList();
        string[] headers = ["项目编号", "项目名称", "投资主体", "产业领域", "所在社区", "纬度", "经度", "计划总投资（万元）", "专项服务组", "联系人", "签约日期",
            .. later.SelectMany(s => new[] { $"{s.ChineseName()}计划日期", $"{s.ChineseName()}实际日期" })];
        await ExportWriter.WriteAsync(output, format, headers, new ListProjectsHandler(db).StreamAsync(query), p =>
            [p.Code, p.Name, p.Investor, p.Sector, p.CommunityCode, p.Latitude, p.Longitude, p.PlannedInvestment.InTenThousandYuan,
             p.ServiceGroupId is { } g ? groups.GetValueOrDefault(g) : null, p.ContactName, Day(p.Gate(ProjectStage.Signed).ReachedOn),
             .. later.SelectMany(s => new object?[] { Day(p.Gate(s).PlannedOn), Day(p.Gate(s).ReachedOn) })], ct);
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

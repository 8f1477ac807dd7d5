using CivicGrid.App.Data;
using CivicGrid.Core.Projects;
using CivicGrid.App.Reports;

namespace CivicGrid.App.Projects.Reports;

/// <summary>The five rates table (五率表) of the projects the caller sees, grouped by group, street, sector or month, as of a day (default today).</summary>
public sealed record GetProjectRates(string? By = null, string? Day = null);

public sealed record RatesTable(string By, string Day, IReadOnlyList<string> Columns, IReadOnlyList<RatesRow> Rows, ReportTable Table, ReportTable ThreeRates);

public sealed class GetProjectRatesHandler(PortfolioReader reader, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<RatesGrouping, string> Groupings = new Dictionary<RatesGrouping, string>
    {
        [RatesGrouping.Group] = "服务组", [RatesGrouping.Street] = "街道", [RatesGrouping.Sector] = "行业", [RatesGrouping.Month] = "月份",
    };

    public async Task<Outcome<RatesTable>> HandleAsync(GetProjectRates query, CancellationToken ct)
    {
        if (!reader.Jurisdiction.Role.MaySee())
        {
            return Outcome<RatesTable>.Forbidden("当前角色无权查看重大项目");
        }
        var grouping = RatesGrouping.Group;
        if (!string.IsNullOrWhiteSpace(query.By) && (!Enum.TryParse(query.By, ignoreCase: true, out grouping) || !Enum.IsDefined(grouping)))
        {
            return Outcome<RatesTable>.Invalid("by", "分组方式应为 group、street、sector 或 month");
        }
        var today = clock.Today();
        var day = today;
        if (!string.IsNullOrWhiteSpace(query.Day) && (!DateOnly.TryParseExact(query.Day.Trim(), "yyyy-MM-dd", out day) || day > today))
        {
            return Outcome<RatesTable>.Invalid("day", "日期格式应为 yyyy-MM-dd，且不晚于今天");
        }
        var snapshot = await reader.ReadAsync(ct);
        var rows = ProjectRates.By(snapshot, grouping, day);
        var first = Groupings[grouping];
        var three = new ReportTable(["服务组", .. BlockerTables.ThreeRateColumns],
            [.. snapshot.Projects.GroupBy(p => snapshot.GroupName(p.ServiceGroupId)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var ids = g.Select(p => p.Id).ToHashSet();
                return BlockerTables.ThreeRates(g.Key, snapshot.Blockers.Where(b => ids.Contains(b.ProjectId)));
            }), BlockerTables.ThreeRates(ProjectRates.Total, snapshot.Blockers)]);
        return Outcome<RatesTable>.Ok(new RatesTable(grouping.ToString().ToLowerInvariant(), day.ToString("yyyy-MM-dd"),
            ProjectRates.Columns(first), rows, ProjectRates.Table(first, rows), three));
    }
}

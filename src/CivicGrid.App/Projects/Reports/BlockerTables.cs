using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Projects;
using CivicGrid.App.Reports;

namespace CivicGrid.App.Projects.Reports;

/// <summary>The blocker tables and charts the three reports share.</summary>
public static class BlockerTables
{
    public static ReportTable List(PortfolioSnapshot s, IEnumerable<BlockerFacts> blockers, DateTime at) => new(
        ["诉求编号", "项目", "服务组", "类型", "承办部门", "登记时间", "办结时限", "状态", "超期天数", "督办次数"],
        [.. blockers.OrderBy(b => b.Times.LoggedAt).Select(b => (IReadOnlyList<object?>)
        [
            b.CaseId, s.Project(b.ProjectId).Name, s.GroupName(s.Project(b.ProjectId).ServiceGroupId), b.Type.ChineseName(),
            b.DepartmentCode is { } d ? s.Departments.GetValueOrDefault(d, d) : "", DistrictTime.Format(b.Times.LoggedAt),
            b.Times.ResolveBy is { } by ? DistrictTime.Format(by) : "", b.Status.ChineseName(),
            b.Times.IsOverdueAt(at) ? (int)(at - b.Times.ResolveBy!.Value).TotalDays : null, b.PressCount,
        ])]);

    /// <summary>Per type: opened and closed in [from, to), open and overdue at <paramref name="to"/>.</summary>
    public static (ReportTable Table, BarChart Chart) ByType(IReadOnlyList<BlockerFacts> blockers, DateTime from, DateTime to)
    {
        var types = Enum.GetValues<BlockerType>();
        var rows = types.Select(t => blockers.Where(b => b.Type == t).ToList()).Select(list => new[]
        {
            list.Count(b => b.Times.LoggedAt >= from && b.Times.LoggedAt < to), list.Count(b => b.Times.IsClosedWithin(from, to)),
            list.Count(b => b.Times.IsOpenAt(to)), list.Count(b => b.Times.IsOverdueAt(to)),
        }).ToList();
        string[] names = ["新增", "办结", "在办", "超期"];
        var table = new ReportTable(["类型", .. names], [.. types.Select((t, i) => (IReadOnlyList<object?>)[t.ChineseName(), .. rows[i].Cast<object?>()])]);
        var chart = new BarChart([.. types.Select(t => t.ChineseName())],
            [.. names.Select((n, k) => new BarSeries(n, [.. rows.Select(r => (double)r[k])]))], "件");
        return (table, chart);
    }

    /// <summary>Open blockers at <paramref name="at"/> by type and age band.</summary>
    public static ReportTable ByAge(IReadOnlyList<BlockerFacts> blockers, DateTime at)
    {
        var open = blockers.Where(b => b.Times.IsOpenAt(at)).ToList();
        return new(["类型", .. BlockerAge.Bands, "合计", "其中超期"],
            [.. Enum.GetValues<BlockerType>().Select(t => open.Where(b => b.Type == t).ToList()).Select((list, i) => (IReadOnlyList<object?>)
            [
                ((BlockerType)i).ChineseName(), .. BlockerAge.Bands.Select(band => (object?)list.Count(b => BlockerAge.Band(b.Times.AgeInDays(at)) == band)),
                list.Count, list.Count(b => b.Times.IsOverdueAt(at)),
            ])]);
    }

    /// <summary>The 三率 of the blockers' cases, summed by the case indicators' own counts.</summary>
    public static IReadOnlyList<object?> ThreeRates(string name, IEnumerable<BlockerFacts> blockers)
    {
        var counts = blockers.Aggregate(IndicatorCounts.Zero, (sum, b) => sum + b.Counts);
        var rates = counts.Rates();
        return [name, counts.Received, ProjectRates.Percent(rates.ResponseRate), ProjectRates.Percent(rates.ResolutionRate),
            ProjectRates.Percent(rates.SatisfactionRate), ProjectRates.Percent(rates.OnTimeClosureRate)];
    }

    public static readonly IReadOnlyList<string> ThreeRateColumns = ["堵点件数", "响应率(%)", "解决率(%)", "满意率(%)", "按期结案率(%)"];
}

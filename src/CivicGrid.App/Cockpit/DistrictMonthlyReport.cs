using System.Globalization;
using CivicGrid.App.Data;
using CivicGrid.App.Reports;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Cockpit;

namespace CivicGrid.App.Cockpit;

/// <summary>
/// The district's monthly report (城区治理月报) of a subtree: the cockpit's figures of a complete month as a
/// <see cref="ReportDocument"/>, which the workbook and the PDF render alike, so the report says what the cockpit said.
/// </summary>
public static class DistrictMonthlyReport
{
    public const string Title = "城区治理月报";

    public static ReportDocument Of(CockpitView view, DateTime generatedAt) => new(Title, view.Month,
        new ReportLine("{0} · 生成于 {1}", view.ScopeName, DistrictTime.Format(generatedAt)),
    [
        new ReportSection("关键指标", new ReportTable(["指标", "本月", "上月", "环比"], [.. view.Figures.Select(Row)])),
        new ReportSection("诉求量月度趋势", new ReportTable(["月份", "诉求数", "响应率", "解决率", "满意率"], [.. view.Trend.Select(m => Rated(m.Code, m.Counts.Received, m.Rates))]),
            new BarChart([.. view.Trend.Select(m => m.Code)], [new BarSeries("诉求数", [.. view.Trend.Select(m => (double)m.Counts.Received)])], "件")),
        new ReportSection("各区域综合得分", new ReportTable(["排名", "区域", "诉求数", "响应率", "解决率", "满意率", "综合得分", "星级", "颜色"],
                [.. view.Areas.Select(a => (IReadOnlyList<object?>)[a.Rank, a.Name, a.Received, Percent(a.Rates.ResponseRate), Percent(a.Rates.ResolutionRate), Percent(a.Rates.SatisfactionRate), a.Score, a.Stars, ColourName(a.Colour)])]),
            new BarChart([.. view.Areas.Where(a => a.Score is not null).Select(a => a.Name)], [new BarSeries("综合得分", [.. view.Areas.Where(a => a.Score is not null).Select(a => a.Score!.Value)])], "分"),
            Note: view.RatedBy is null ? "综合得分为响应率、解决率、满意率的平均数（百分制）；绿色 ≥ {0}，黄色 ≥ {1}，其余为红色" : "综合得分、星级与颜色来自已发布的考核“{2}”",
            NoteArguments: [CaseLoopScore.Green, CaseLoopScore.Yellow, view.RatedBy?.SchemeName ?? ""]),
        new ReportSection("红榜", Listed(view.Best)),
        new ReportSection("黑榜", Listed(view.Worst)),
        new ReportSection("聚集热点", new ReportTable(["事项", "网格", "件数", "首件", "末件", "主动处置任务"],
            [.. view.Hotspots.Select(h => (IReadOnlyList<object?>)[h.ItemName, h.GridName, h.CaseCount, Day(h.FirstAt), Day(h.LastAt), h.TaskCaseId is { } id ? $"#{id}" : ""])]),
            Note: "生成报告时近 30 天的热点，共 {0} 个，已派发主动处置任务 {1} 个", NoteArguments: [view.HotspotCount, view.OpenTasks]),
        new ReportSection("上升趋势", new ReportTable(["网格", "事项", "近期", "此前平均"],
            [.. view.Rising.Select(t => (IReadOnlyList<object?>)[t.GridName, t.ItemName, t.Current, Math.Round(t.Baseline, 1)])])),
    ]);

    private static IReadOnlyList<object?> Row(KeyFigure f) => f.IsRate
        ? [f.Name, Percent(f.Current), Percent(f.Previous), f.Change is { } c ? string.Create(CultureInfo.InvariantCulture, $"{c * 100:+0.0;-0.0;0.0} 个百分点") : ""]
        : [f.Name, f.Current, f.Previous, f.Change is { } share ? string.Create(CultureInfo.InvariantCulture, $"{share * 100:+0.0;-0.0;0.0}%") : ""];

    private static IReadOnlyList<object?> Rated(string label, long received, Indicators rates) =>
        [label, received, Percent(rates.ResponseRate), Percent(rates.ResolutionRate), Percent(rates.SatisfactionRate)];

    private static ReportTable Listed(IReadOnlyList<CockpitArea> areas) =>
        new(["排名", "区域", "综合得分"], [.. areas.Select(a => (IReadOnlyList<object?>)[a.Rank, a.Name, a.Score])]);

    private static double? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : null;

    private static string ColourName(AreaColour colour) => colour switch
    {
        AreaColour.Green => "绿",
        AreaColour.Yellow => "黄",
        AreaColour.Red => "红",
        _ => "无",
    };

    private static string Day(DateTime utc) => DistrictTime.ToDistrictTime(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The monthly report of a subtree for a complete month (the last one when empty), made anew from the figures.</summary>
public sealed record GetDistrictReport(string? Scope = null, string? Month = null);

public sealed class GetDistrictReportHandler(GetCockpitHandler cockpit, TimeProvider clock)
{
    public async Task<Outcome<ReportDocument>> HandleAsync(GetDistrictReport query, CancellationToken ct)
    {
        var view = await cockpit.HandleAsync(new GetCockpit(query.Scope, query.Month), ct);
        return view.Value is { } v
            ? Outcome<ReportDocument>.Ok(DistrictMonthlyReport.Of(v, clock.GetUtcNow().UtcDateTime))
            : new(view.Kind, default, view.Errors);
    }
}

namespace CivicGrid.Core.Assessment;

/// <summary>
/// The indicator library (指标库): every figure an assessment scheme may name. A scheme naming a key not here is
/// refused. The keys are stable: schemes store them.
/// </summary>
public static class IndicatorCatalogue
{
    public static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        new("cases.responseRate", "响应率", IndicatorKind.Rate, true, "诉求"),
        new("cases.resolutionRate", "解决率", IndicatorKind.Rate, true, "诉求"),
        new("cases.satisfactionRate", "满意率", IndicatorKind.Rate, true, "诉求"),
        new("cases.onTimeClosureRate", "按期结案率", IndicatorKind.Rate, true, "诉求"),
        new("cases.reworkRate", "返工率", IndicatorKind.Rate, false, "诉求"),
        new("cases.extensionRate", "延期率", IndicatorKind.Rate, false, "诉求"),
        new("services.enjoymentRate", "享受率", IndicatorKind.Rate, true, "服务"),
        new("services.missed", "应享未享人数", IndicatorKind.Count, false, "服务"),
        new("visits.coverage", "走访覆盖率", IndicatorKind.Rate, true, "走访"),
        new("visits.overdue", "逾期未访户数", IndicatorKind.Count, false, "走访"),
        new("deliberation.daysHeld", "议事日召开次数", IndicatorKind.Count, true, "议事"),
        new("deliberation.tasksDoneRate", "议事任务完成率", IndicatorKind.Rate, true, "议事"),
        new("enterprises.needsResolvedRate", "企业诉求办结率", IndicatorKind.Rate, true, "企业"),
        new("projects.onScheduleRate", "项目按期率", IndicatorKind.Rate, true, "项目"),
    ];

    private static readonly Dictionary<string, IndicatorDefinition> ByKey = All.ToDictionary(i => i.Key, StringComparer.Ordinal);

    public static IndicatorDefinition? Find(string key) => ByKey.GetValueOrDefault(key);
}

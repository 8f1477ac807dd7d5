using System.Globalization;

namespace CivicGrid.Core.Assessment;

/// <summary>A scheme's mistake: the field it is in and a Chinese reason.</summary>
public sealed record SchemeRefusal(string Field, string Reason);

/// <summary>Checks a scheme before it is saved: every mistake is reported, and a scheme with any is not saved.</summary>
public static class SchemeCheck
{
    public static IReadOnlyList<SchemeRefusal> Refusals(AssessmentScheme scheme)
    {
        var refusals = new List<SchemeRefusal>();
        if (string.IsNullOrWhiteSpace(scheme.Name) || scheme.Name.Length > 100)
        {
            refusals.Add(new("name", "请填写方案名称（不超过 100 字）"));
        }
        refusals.AddRange(ItemRefusals(scheme.Items));
        refusals.AddRange(StarRefusals(scheme.StarMinimums));
        refusals.AddRange(ColourRefusals(scheme.Colours));
        if (scheme.HonourListSize is < 0 or > 50 || scheme.BlackListSize is < 0 or > 50)
        {
            refusals.Add(new("lists", "红榜、黑榜的名额应在 0 到 50 之间"));
        }
        return refusals;
    }

    private static IEnumerable<SchemeRefusal> ItemRefusals(IReadOnlyList<SchemeItem> items)
    {
        if (items.Count == 0)
        {
            yield return new("items", "方案至少需要一项指标");
            yield break;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (ItemRefusal(items[i], $"第{i + 1}项指标", seen) is { } reason)
            {
                yield return new($"items[{i}]", reason);
            }
        }
        var total = items.Sum(i => i.Weight);
        if (total != AssessmentScheme.TotalWeight)
        {
            yield return new("items", $"各指标权重合计为 {Number(total)}，应为 {Number(AssessmentScheme.TotalWeight)}");
        }
    }

    private static string? ItemRefusal(SchemeItem item, string label, HashSet<string> seen)
    {
        if (IndicatorCatalogue.Find(item.IndicatorKey) is not { } indicator)
        {
            return $"{label}“{item.IndicatorKey}”不在指标库中";
        }
        if (!seen.Add(item.IndicatorKey))
        {
            return $"{label}“{indicator.Name}”重复";
        }
        if (item.Weight <= 0)
        {
            return $"{label}“{indicator.Name}”的权重应大于 0";
        }
        if (indicator.Kind == IndicatorKind.Rate && (item.Floor is < 0 or > 1 || item.Target is < 0 or > 1))
        {
            return $"{label}“{indicator.Name}”是比率，零分值和满分值应在 0 到 1 之间";
        }
        if (item.Floor < 0 || item.Target < 0)
        {
            return $"{label}“{indicator.Name}”的零分值和满分值不能为负数";
        }
        if (indicator.HigherIsBetter ? item.Target <= item.Floor : item.Target >= item.Floor)
        {
            return indicator.HigherIsBetter
                ? $"{label}“{indicator.Name}”越高越好，满分值应高于零分值"
                : $"{label}“{indicator.Name}”越低越好，满分值应低于零分值";
        }
        return null;
    }

    private static IEnumerable<SchemeRefusal> StarRefusals(IReadOnlyList<decimal> minimums)
    {
        if (minimums.Count != 4)
        {
            yield return new("stars", "请为二星到五星各填一条分数线（共 4 条）");
            yield break;
        }
        for (var i = 0; i < 4; i++)
        {
            if (minimums[i] <= 0 || minimums[i] > AssessmentScheme.TotalWeight + AssessmentScheme.MaxAdjustment)
            {
                yield return new("stars", $"{i + 2}星的分数线应大于 0 且不超过 {Number(AssessmentScheme.TotalWeight + AssessmentScheme.MaxAdjustment)}");
            }
            else if (i > 0 && minimums[i] <= minimums[i - 1])
            {
                yield return new("stars", $"星级分数线须逐级升高：{i + 2}星（{Number(minimums[i])}）不高于{i + 1}星（{Number(minimums[i - 1])}）");
            }
        }
    }

    private static IEnumerable<SchemeRefusal> ColourRefusals(IReadOnlyList<ColourBand> colours)
    {
        if (colours.Count != 3 || colours.Select(c => c.Colour).Distinct().Count() != 3)
        {
            yield return new("colours", "红、黄、绿三种颜色各需一条分数线");
            yield break;
        }
        foreach (var same in colours.GroupBy(c => c.MinScore).Where(g => g.Count() > 1))
        {
            yield return new("colours", $"{string.Join("、", same.Select(c => ColourName(c.Colour)))}的分数线相同（{Number(same.Key)}），无法区分");
        }
        if (colours.Min(c => c.MinScore) != 0)
        {
            yield return new("colours", "最低一档颜色的分数线应为 0，否则部分得分没有颜色");
        }
    }

    public static IReadOnlyList<string> AdjustmentRefusals(Adjustment adjustment)
    {
        var refusals = new List<string>();
        if (adjustment.Points == 0 || Math.Abs(adjustment.Points) > AssessmentScheme.MaxAdjustment)
        {
            refusals.Add($"加减分应在 -{Number(AssessmentScheme.MaxAdjustment)} 到 {Number(AssessmentScheme.MaxAdjustment)} 之间且不为 0");
        }
        if (string.IsNullOrWhiteSpace(adjustment.Reason) || adjustment.Reason.Trim().Length < 4)
        {
            refusals.Add("加分或减分必须写明理由（至少 4 个字）");
        }
        return refusals;
    }

    public static string ColourName(RatingColour colour) => colour switch
    {
        RatingColour.Red => "红色",
        RatingColour.Yellow => "黄色",
        _ => "绿色",
    };

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

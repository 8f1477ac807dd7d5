using CivicGrid.Core.PublicServices.Rules;

namespace CivicGrid.Core.CashBenefits;

/// <summary>
/// Checks a benefit schedule before it is saved: every tier's rule parses, every amount is above nothing and below the
/// ceiling, no two tiers select the same person (<see cref="TierOverlap"/>), arrears are within bounds. All reasons are
/// returned at once, in Chinese, each naming its tier.
/// </summary>
public static class ScheduleCheck
{
    public static IReadOnlyList<string> Check(BenefitSchedule schedule, IReadOnlyDictionary<string, int> tagIds, DateOnly today)
    {
        var errors = new List<string>();
        if (schedule.Tiers.Count == 0)
        {
            errors.Add("至少要有一档待遇");
        }
        if (schedule.Tiers.Count > BenefitSchedule.MaxTiers)
        {
            errors.Add($"待遇最多 {BenefitSchedule.MaxTiers} 档（现有 {schedule.Tiers.Count} 档）");
        }
        var rules = new List<CheckedRule?>();
        for (var i = 0; i < schedule.Tiers.Count; i++)
        {
            rules.Add(CheckTier(i + 1, schedule.Tiers[i], tagIds, errors));
        }
        if (schedule.ArrearsMonths is < 0 or > BenefitSchedule.MaxArrearsMonths)
        {
            errors.Add($"补发月数应在 0 到 {BenefitSchedule.MaxArrearsMonths} 之间");
        }
        if (errors.Count == 0 && TierOverlap.Find(rules.OfType<CheckedRule>().ToList(), new RuleContext(today, tagIds)) is { } overlap)
        {
            errors.Add($"第 {overlap.First + 1} 档与第 {overlap.Second + 1} 档重叠：{overlap.Example}同时符合两档，每人只能属于一档");
        }
        return errors;
    }

    private static CheckedRule? CheckTier(int number, BenefitTier tier, IReadOnlyDictionary<string, int> tagIds, List<string> errors)
    {
        if (tier.Amount.Value < 0)
        {
            errors.Add($"第 {number} 档金额不能为负数（{tier.Amount.Plain()} 元）");
        }
        else if (tier.Amount.Value == 0)
        {
            errors.Add($"第 {number} 档金额应大于 0");
        }
        else if (tier.Amount > Fen.Ceiling)
        {
            errors.Add($"第 {number} 档金额超过上限 {Fen.Ceiling}");
        }
        var parsed = RuleParser.Parse(tier.Rule, tagIds, draft: true);
        if (!parsed.Succeeded)
        {
            errors.AddRange(parsed.Errors.Select(e => $"第 {number} 档规则：{e.Message}"));
            return null;
        }
        return parsed.Rule;
    }
}

namespace CivicGrid.Core.Visits;

/// <summary>
/// How often grid workers visit each household (入户走访频次), as data the district edits: households with someone the
/// attention rule selects (written in the eligibility rule language over the household's active members) every
/// <see cref="AttentionEveryMonths"/>, the others every <see cref="OthersEveryMonths"/>. One row; a household never
/// visited is due one cycle after <see cref="Since"/>.
/// </summary>
public sealed class VisitPolicy
{
    public const int MaxMonths = 36;
    public const int MaxRuleLength = 500;

    /// <summary>
    /// Someone over 80 living alone, a disabled or incapacitated member, or a household in hardship (低保). The age comes
    /// before lives_alone: in SQL the household count then runs only for the old, not for every resident.
    /// </summary>
    public const string DefaultAttentionRule = "(age >= 80 and lives_alone) or has_tag('残疾') or has_tag('失能') or has_tag('低保')";

    public int Id { get; set; }
    public string AttentionRule { get; set; } = DefaultAttentionRule;
    public int AttentionEveryMonths { get; set; } = 1;
    public int OthersEveryMonths { get; set; } = 12;
    /// <summary>When the plan started: the day from which a household never visited counts its first cycle.</summary>
    public DateOnly Since { get; set; } = new(2026, 1, 1);
    public string? UpdatedBy { get; set; }
    public DateTime? UpdatedAt { get; set; }

    public static VisitPolicy Default() => new() { Id = 1 };

    public int EveryMonths(bool attention) => attention ? AttentionEveryMonths : OthersEveryMonths;

    public DateOnly DueOn(bool attention, DateOnly? lastVisit) => VisitCycle.DueOn(EveryMonths(attention), lastVisit, Since);

    public bool Covers(bool attention, DateOnly? lastVisit, DateOnly today) => VisitCycle.Covers(EveryMonths(attention), lastVisit, today);

    /// <summary>The cycles' refusals, by field; the rule itself is checked by the rule language against today's tags.</summary>
    public static Dictionary<string, string> CheckCycles(int? attentionEveryMonths, int? othersEveryMonths, DateOnly? since, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (attentionEveryMonths is not (>= 1 and <= MaxMonths))
        {
            errors["attentionEveryMonths"] = $"重点户走访周期应为 1 至 {MaxMonths} 个月";
        }
        if (othersEveryMonths is not (>= 1 and <= MaxMonths))
        {
            errors["othersEveryMonths"] = $"一般户走访周期应为 1 至 {MaxMonths} 个月";
        }
        else if (attentionEveryMonths is >= 1 and <= MaxMonths && othersEveryMonths < attentionEveryMonths)
        {
            errors["othersEveryMonths"] = "一般户的走访周期不能短于重点户";
        }
        if (since is null)
        {
            errors["since"] = "请填写计划起始日期";
        }
        else if (since > today)
        {
            errors["since"] = "计划起始日期不能晚于今天";
        }
        return errors;
    }
}

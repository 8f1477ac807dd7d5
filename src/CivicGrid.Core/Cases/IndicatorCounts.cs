namespace CivicGrid.Core.Cases;

/// <summary>
/// What one case, or many summed, contributes to the indicators. Each case belongs to the month it was received
/// in; its counts change as it moves, and the roll-up applies the difference. docs/INDICATORS.md defines each one.
/// </summary>
public readonly record struct IndicatorCounts(
    long Received, long RespondedOnTime, long Accepted, long Due, long Resolved, long Closed, long ClosedOnTime,
    long Reworked, long Extended, long Rated, long Satisfied, long BasicallySatisfied)
{
    public static IndicatorCounts Zero => default;

    public static IndicatorCounts Of(Case c) => Of(CaseIndicatorFacts.Of(c));

    /// <summary>The same counts from the columns they read, which a report may project alone instead of whole cases.</summary>
    public static IndicatorCounts Of(CaseIndicatorFacts c)
    {
        if (c.Status == CaseStatus.Merged)
        {
            return Zero;
        }
        var resolved = c.Status is CaseStatus.Resolved or CaseStatus.Verified or CaseStatus.Closed or CaseStatus.Evaluated;
        var closed = c.Status is CaseStatus.Closed or CaseStatus.Evaluated;
        var accepted = c.AcceptedAt is not null;
        return new(
            Received: 1,
            RespondedOnTime: c.RespondedAt is { } r && r <= c.RespondBy && !c.ResponseMissed ? 1 : 0,
            Accepted: accepted ? 1 : 0,
            Due: accepted && (resolved || c.OverdueFor is not null && c.ResolveBy <= c.OverdueFor) ? 1 : 0,
            Resolved: resolved ? 1 : 0,
            Closed: closed ? 1 : 0,
            ClosedOnTime: closed && c.ClosedAt <= c.ResolveBy ? 1 : 0,
            Reworked: resolved && c.ReworkCount > 0 ? 1 : 0,
            Extended: c.ExtensionCount > 0 ? 1 : 0,
            Rated: c.Rating is null ? 0 : 1,
            Satisfied: c.Rating == CaseRating.Satisfied ? 1 : 0,
            BasicallySatisfied: c.Rating == CaseRating.BasicallySatisfied ? 1 : 0);
    }

    public static IndicatorCounts operator +(IndicatorCounts a, IndicatorCounts b) => new(
        a.Received + b.Received, a.RespondedOnTime + b.RespondedOnTime, a.Accepted + b.Accepted, a.Due + b.Due,
        a.Resolved + b.Resolved, a.Closed + b.Closed, a.ClosedOnTime + b.ClosedOnTime, a.Reworked + b.Reworked,
        a.Extended + b.Extended, a.Rated + b.Rated, a.Satisfied + b.Satisfied, a.BasicallySatisfied + b.BasicallySatisfied);

    public static IndicatorCounts operator -(IndicatorCounts a, IndicatorCounts b) => a + b.Negate();

    public IndicatorCounts Negate() => new(-Received, -RespondedOnTime, -Accepted, -Due, -Resolved, -Closed, -ClosedOnTime,
        -Reworked, -Extended, -Rated, -Satisfied, -BasicallySatisfied);

    public bool IsZero => this == Zero;

    public Indicators Rates() => new(
        ResponseRate: Ratio(RespondedOnTime, Received),
        ResolutionRate: Ratio(Resolved, Due),
        SatisfactionRate: Rated == 0 ? null : (Satisfied + 0.5 * BasicallySatisfied) / Rated,
        AcceptanceRate: Ratio(Accepted, Received),
        ClosureRate: Ratio(Closed, Accepted),
        OnTimeClosureRate: Ratio(ClosedOnTime, Closed),
        ReworkRate: Ratio(Reworked, Resolved),
        ExtensionRate: Ratio(Extended, Accepted));

    private static double? Ratio(long part, long whole) => whole == 0 ? null : (double)part / whole;
}

/// <summary>The rates officials are judged by (三率 and the city-management rates); null where the denominator is zero.</summary>
public sealed record Indicators(
    double? ResponseRate, double? ResolutionRate, double? SatisfactionRate, double? AcceptanceRate,
    double? ClosureRate, double? OnTimeClosureRate, double? ReworkRate, double? ExtensionRate)
{
    /// <summary>Each indicator's Chinese name, in the order shown on the dashboard and in exports.</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> Names =
    [
        ("responseRate", "响应率"), ("resolutionRate", "解决率"), ("satisfactionRate", "满意率"), ("acceptanceRate", "立案率"),
        ("closureRate", "结案率"), ("onTimeClosureRate", "按期结案率"), ("reworkRate", "返工率"), ("extensionRate", "延期率"),
    ];

    /// <summary>What each indicator counts, as staff read it beside the figure; the formulas of <see cref="IndicatorCounts.Rates"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Definitions = new Dictionary<string, string>
    {
        ["responseRate"] = "按时响应（在响应时限内立案或不予立案，且此前未超时）的诉求数 ÷ 诉求数",
        ["resolutionRate"] = "办结数 ÷ 应办结数（已办结的，加上超过办结时限并已被督办或升级的）",
        ["satisfactionRate"] = "（满意数 + 0.5 × 基本满意数）÷ 评价数",
        ["acceptanceRate"] = "立案数 ÷ 诉求数",
        ["closureRate"] = "结案数 ÷ 立案数",
        ["onTimeClosureRate"] = "在办结时限（含批准的延期）内结案的数 ÷ 结案数",
        ["reworkRate"] = "核查不通过后返工、现已办结的数 ÷ 办结数",
        ["extensionRate"] = "批准过延期的数 ÷ 立案数",
    };

    public IReadOnlyList<double?> Values => [ResponseRate, ResolutionRate, SatisfactionRate, AcceptanceRate, ClosureRate, OnTimeClosureRate, ReworkRate, ExtensionRate];
}

/// <summary>What the indicators read of a case (<see cref="IndicatorCounts.Of(CaseIndicatorFacts)"/>).</summary>
public sealed record CaseIndicatorFacts(
    CaseStatus Status, DateTime RespondBy, DateTime? RespondedAt, bool ResponseMissed, DateTime? AcceptedAt, DateTime? ResolveBy,
    DateTime? OverdueFor, DateTime? ClosedAt, int ReworkCount, int ExtensionCount, CaseRating? Rating)
{
    public static CaseIndicatorFacts Of(Case c) => new(
        c.Status, c.RespondBy, c.RespondedAt, c.ResponseMissed, c.AcceptedAt, c.ResolveBy, c.OverdueFor, c.ClosedAt, c.ReworkCount, c.ExtensionCount, c.Rating);
}

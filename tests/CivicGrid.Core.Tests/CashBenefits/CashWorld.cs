using CivicGrid.Core.CashBenefits;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Rules;

namespace CivicGrid.Core.Tests.CashBenefits;

/// <summary>The old-age allowance of the issue: 80–89 100 元, 90–99 200 元, 100+ 500 元 a month, from the month after the birthday.</summary>
internal static class CashWorld
{
    public static readonly IReadOnlyDictionary<string, int> TagIds = new Dictionary<string, int> { ["残疾"] = 1, ["一级"] = 2, ["低保"] = 3 };
    public static readonly DateOnly Today = new(2026, 12, 6);
    public static readonly BenefitMonth Start = BenefitMonth.Of(2025, 1);

    public static readonly BenefitTier[] AgeTiers =
    [
        new("age >= 80 and age < 90", Fen.Yuan(100)),
        new("age >= 90 and age < 100", Fen.Yuan(200)),
        new("age >= 100", Fen.Yuan(500)),
    ];

    public static BenefitSchedule Schedule(BenefitPeriod period = BenefitPeriod.Monthly, int arrears = 36, bool stopsOnMoveOut = true) =>
        new(1, AgeTiers, period, BenefitStart.MonthAfterQualifying, Start, arrears, stopsOnMoveOut);

    public static CompiledSchedule Compile(BenefitSchedule schedule) =>
        new(schedule, Parse("age >= 80 and residence = '户籍'"), schedule.Tiers.Select(t => Parse(t.Rule)).ToList(), TagIds);

    public static CheckedRule Parse(string text) => RuleParser.Parse(text, TagIds).Rule ?? throw new ArgumentException(text);

    public static ResidentFacts Person(DateOnly born, ResidenceType residence = ResidenceType.Registered) =>
        new(1, born.DayNumber, Gender.Female, residence, HouseholdRelation.Head, born.DayNumber, "330105001001001", 0, 0, 1, born.DayNumber, born.DayNumber);

    /// <summary>The oracle, from dates alone: the rate of a month judged on its eve.</summary>
    public static Fen? ExpectedRate(DateOnly born, BenefitMonth month)
    {
        var age = Age.On(born, month.FirstDay.AddDays(-1));
        return age switch { >= 100 => Fen.Yuan(500), >= 90 => Fen.Yuan(200), >= 80 => Fen.Yuan(100), _ => null };
    }
}

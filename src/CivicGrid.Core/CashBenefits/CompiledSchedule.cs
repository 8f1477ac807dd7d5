using CivicGrid.Core.PublicServices.Rules;

namespace CivicGrid.Core.CashBenefits;

/// <summary>
/// A schedule's tiers and its service's rule, compiled per evaluation date as months are asked for: the rate of a
/// month is the first tier that holds, when the service's rule holds too.
/// </summary>
public sealed class CompiledSchedule(BenefitSchedule schedule, CheckedRule serviceRule, IReadOnlyList<CheckedRule> tiers, IReadOnlyDictionary<string, int> tagIds)
{
    private readonly Dictionary<int, (ResidentPredicate Service, ResidentPredicate[] Tiers)> _byMonth = [];

    public BenefitSchedule Schedule => schedule;

    public Fen? Rate(BenefitMonth month, in ResidentFacts facts)
    {
        var (service, compiled) = For(month);
        if (!service(facts))
        {
            return null;
        }
        for (var i = 0; i < compiled.Length; i++)
        {
            if (compiled[i](facts))
            {
                return schedule.Tiers[i].Amount;
            }
        }
        return null;
    }

    /// <summary>The rates of one person, for <see cref="EntitlementCalculator"/>.</summary>
    public MonthlyRate RatesOf(ResidentFacts facts) => month => Rate(month, facts);

    private (ResidentPredicate, ResidentPredicate[]) For(BenefitMonth month)
    {
        if (!_byMonth.TryGetValue(month.Index, out var compiled))
        {
            var context = new RuleContext(schedule.EvaluationDate(month), tagIds);
            compiled = (RuleCompiler.Compile(serviceRule, context).Matches, tiers.Select(t => RuleCompiler.Compile(t, context).Matches).ToArray());
            _byMonth[month.Index] = compiled;
        }
        return compiled;
    }
}

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

    /// <summary>Whether a rate depends on the household, so its members must be read with each person.</summary>
    public bool ReadsHousehold => serviceRule.ReadsHousehold || tiers.Any(t => t.ReadsHousehold);

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

    /// <summary>
    /// The residents some tier holds for in a month from <paramref name="first"/> to <paramref name="last"/>, as SQL over
    /// "Residents" r: the calculator's candidates, so only they are read. It selects exactly those
    /// <see cref="Rate"/> gives an amount in one of the months; false when the range is empty.
    /// </summary>
    public RuleSql CandidatesSql(BenefitMonth first, BenefitMonth last, SqlDialect dialect)
    {
        var none = dialect == SqlDialect.Postgres ? "FALSE" : "0";
        if (tiers.Count == 0)
        {
            return new RuleSql(none, []);
        }
        var months = new List<string>();
        var parameters = new List<(string Name, object Value)>();
        for (var (m, k) = (first, 0); m <= last; m = m.Next, k++)
        {
            var context = new RuleContext(schedule.EvaluationDate(m), tagIds);
            var service = RuleSqlTranslator.Translate(serviceRule, context, dialect, $"m{k}s_");
            var anyTier = tiers.Select((t, i) => RuleSqlTranslator.Translate(t, context, dialect, $"m{k}t{i}_")).ToList();
            months.Add($"({service.WhereSql} AND ({string.Join(" OR ", anyTier.Select(t => t.WhereSql))}))");
            parameters.AddRange(service.Parameters);
            parameters.AddRange(anyTier.SelectMany(t => t.Parameters));
        }
        return new RuleSql(months.Count == 0 ? none : $"({string.Join(" OR ", months)})", parameters);
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

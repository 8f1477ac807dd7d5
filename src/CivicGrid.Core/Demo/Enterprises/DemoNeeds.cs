using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Enterprises.Offers;

namespace CivicGrid.Core.Demo.Enterprises;

/// <summary>
/// A year of enterprises' needs (企业所需), each played through <see cref="EnterpriseNeed.Apply"/> so it is a need the
/// system could have produced and the offers' capacity is exactly what the needs hold: older needs are mostly resolved
/// and rated, recent ones raised or matched, a few withdrawn. Loans granted on the credit lines add up to the reports'
/// 80 million yuan for 24 entrepreneurs at district scale (in proportion to the business communities elsewhere).
/// </summary>
internal sealed class DemoNeeds(
    IReadOnlyList<(Enterprise Enterprise, int CommunityId)> enterprises, IReadOnlyDictionary<string, NeedCategory> categories,
    IReadOnlyList<CommunityOffer> offers, Random random, DateTime nowUtc)
{
    private const string Staff = "商务社区工作人员";
    private readonly ILookup<int, CommunityOffer> _offersOf = offers.ToLookup(o => o.BusinessCommunityId ?? 0);
    private readonly Queue<Money> _loans = Loans(offers.Count(o => o.Kind == OfferKind.CreditLine), random);

    /// <summary>The reports' 80 million yuan for 30 communities, split into loans of uneven size.</summary>
    private static Queue<Money> Loans(int lines, Random random)
    {
        var count = lines == 0 ? 0 : Math.Max(1, (int)Math.Round(lines * 0.8));
        var totalWan = 8_000L * lines / 30;
        var weights = Enumerable.Range(0, count).Select(_ => 0.5 + random.NextDouble()).ToList();
        var parts = weights.Select(w => (long)(totalWan * w / weights.Sum())).ToList();
        if (count > 0)
        {
            parts[^1] += totalWan - parts.Sum();
        }
        return new Queue<Money>(parts.Select(Money.TenThousandYuan));
    }

    public List<EnterpriseNeed> Play(int count, int firstId)
    {
        var raised = Enumerable.Range(0, count).Select(_ => nowUtc.AddDays(-random.NextDouble() * 365)).Order().ToList();
        var needs = new List<EnterpriseNeed>(count);
        foreach (var at in raised)
        {
            var need = PlayOne(at);
            need.Id = firstId + needs.Count;
            need.Timeline.ForEach(e => e.NeedId = need.Id);
            needs.Add(need);
        }
        return needs;
    }

    private EnterpriseNeed PlayOne(DateTime raisedAt)
    {
        var (enterprise, community) = enterprises[random.Next(enterprises.Count)];
        var category = categories[DemoNeedTexts.Category(random)];
        var fate = Fate((nowUtc - raisedAt).TotalDays);
        var line = _offersOf[community].FirstOrDefault(o => o.Kind == OfferKind.CreditLine);
        var loan = category.TakesAmount && fate == NeedStatus.Resolved && _loans.Count > 0 && line is not null && line.CreditLeft >= _loans.Peek()
            && line.Ineligible(enterprise.EmployeeCount, enterprise.Industry) is null ? _loans.Dequeue() : (Money?)null;
        var amount = category.TakesAmount ? loan ?? Money.TenThousandYuan(random.Next(5, 31) * 10) : (Money?)null;
        var source = (NeedSource)(random.Next(10) switch { < 6 => 0, < 9 => 1, _ => 2 });
        var request = new NeedRequest(enterprise.Id, category.Code, DemoNeedTexts.Ask(category.Code, random), source) { Amount = amount };
        var need = EnterpriseNeed.Raise(request, category, Actor(source), raisedAt).Need!;
        if (fate == NeedStatus.Withdrawn)
        {
            need.Apply(new NeedCommand(NeedAction.Withdraw, "企业联系人", "企业已自行解决"), new NeedContext(After(raisedAt, 5)));
        }
        else if (fate != NeedStatus.Raised && Match(need, enterprise, community, loan is not null || (fate == NeedStatus.Matched && random.Next(10) < 3), raisedAt) is { } offer)
        {
            if (fate == NeedStatus.Resolved)
            {
                Resolve(need, offer, loan);
            }
        }
        return need;
    }

    private NeedStatus Fate(double ageDays)
    {
        var roll = random.NextDouble();
        return ageDays switch
        {
            < 7 => roll < 0.75 ? NeedStatus.Raised : NeedStatus.Matched,
            < 45 => roll < 0.15 ? NeedStatus.Raised : roll < 0.5 ? NeedStatus.Matched : roll < 0.53 ? NeedStatus.Withdrawn : NeedStatus.Resolved,
            _ => roll < 0.03 ? NeedStatus.Raised : roll < 0.07 ? NeedStatus.Matched : roll < 0.11 ? NeedStatus.Withdrawn : NeedStatus.Resolved,
        };
    }

    /// <summary>
    /// Matches the need to the first of its community's offers that takes it, a credit line first when asked to: the
    /// loans to grant, and a few holds still open, so the lines' use adds up to the loans granted plus what is held.
    /// </summary>
    private CommunityOffer? Match(EnterpriseNeed need, Enterprise enterprise, int community, bool onLine, DateTime raisedAt)
    {
        var at = After(raisedAt, 10);
        var candidates = _offersOf[community].Where(o => o.Serves(need.CategoryCode))
            .OrderBy(o => o.Kind == OfferKind.CreditLine == onLine ? 0 : 1).ThenBy(_ => random.Next());
        foreach (var offer in candidates)
        {
            if (need.Apply(new NeedCommand(NeedAction.Match, Staff), new NeedContext(at, offer, enterprise)) is null)
            {
                return offer;
            }
        }
        return null;
    }

    private void Resolve(EnterpriseNeed need, CommunityOffer offer, Money? loan)
    {
        var roll = random.Next(100);
        var outcome = loan is not null || roll < 76 ? NeedOutcome.Met : roll < 94 ? NeedOutcome.PartlyMet : NeedOutcome.NotMet;
        var granted = offer.CreditLine is null || outcome == NeedOutcome.NotMet ? (Money?)null : loan ?? need.HeldAmount;
        var at = After(need.MatchedAt!.Value, 40);
        var note = outcome == NeedOutcome.NotMet ? "资源不符合企业实际需要" : DemoNeedTexts.Result(random);
        need.Apply(new NeedCommand(NeedAction.RecordOutcome, Staff, note) { Outcome = outcome, Granted = granted }, new NeedContext(at, offer));
        if (random.Next(100) < 80 && (nowUtc - at).TotalHours > 12)
        {
            need.Apply(new NeedCommand(NeedAction.Rate, "企业联系人") { Rating = Rating(outcome) }, new NeedContext(After(at, 7)));
        }
    }

    private NeedRating Rating(NeedOutcome outcome)
    {
        var roll = random.Next(100);
        var (satisfied, basically) = outcome switch { NeedOutcome.Met => (88, 98), NeedOutcome.PartlyMet => (50, 90), _ => (10, 50) };
        return roll < satisfied ? NeedRating.Satisfied : roll < basically ? NeedRating.BasicallySatisfied : NeedRating.Unsatisfied;
    }

    /// <summary>A moment up to <paramref name="maxDays"/> after <paramref name="from"/>, and before now.</summary>
    private DateTime After(DateTime from, double maxDays) =>
        from.AddDays(random.NextDouble() * Math.Min(maxDays, Math.Max(0, (nowUtc - from).TotalDays * 0.9)));

    private static string Actor(NeedSource source) => source switch
    {
        NeedSource.Enterprise => "企业联系人",
        NeedSource.Visit => "助跑员",
        _ => Staff,
    };
}

using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Matching;
using CivicGrid.Core.Enterprises.Offers;
using CivicGrid.Core.Geography;
using FsCheck.Xunit;

namespace CivicGrid.Core.Tests.Enterprises;

/// <summary>Random small districts: a few categories, buildings and industries, offers of every kind, needs competing for them.</summary>
public class NeedMatchingProperties
{
    private static readonly string[] Categories = ["financing", "space", "hiring", "policy"];
    private static readonly string[] Industries = ["信息技术", "餐饮", "金融"];

    [Property(MaxTest = 300)]
    public void ABatchNeverHoldsMoreThanAnOfferHasAndExplainsEverySuggestion(int seed)
    {
        var (needs, offers) = World(new Random(seed));
        var batch = NeedMatching.Suggest(needs, offers);
        var needById = needs.ToDictionary(n => n.NeedId);
        var offerById = offers.ToDictionary(o => o.OfferId);

        Assert.Equal(needs.Select(n => n.NeedId).Order(), batch.Suggestions.Select(s => s.NeedId).Concat(batch.Unmatched).Order());
        foreach (var s in batch.Suggestions)
        {
            AssertSound(s, needById[s.NeedId], offerById[s.OfferId]);
        }
        foreach (var group in batch.Suggestions.GroupBy(s => s.OfferId))
        {
            var offer = offerById[group.Key];
            Assert.True(offer.PlacesLeft is not { } places || group.Sum(s => s.Places) <= places, $"offer {offer.OfferId} over its places");
            Assert.True(offer.CreditLeft is not { } credit || group.Sum(s => s.Amount.Fen) <= credit.Fen, $"offer {offer.OfferId} over its line");
        }
        // Not empty for nothing: an unmatched need finds no offer with room even in what the batch left.
        var left = offers.Select(o => o with
        {
            PlacesLeft = o.PlacesLeft - batch.Suggestions.Where(s => s.OfferId == o.OfferId).Sum(s => s.Places),
            CreditLeft = o.CreditLeft - new Money(batch.Suggestions.Where(s => s.OfferId == o.OfferId).Sum(s => s.Amount.Fen)),
        }).ToList();
        Assert.All(batch.Unmatched, id => Assert.Empty(NeedMatching.Rank(needById[id], left)));
    }

    [Property(MaxTest = 300)]
    public void EachRankedOfferHasRoomForTheNeedBestFirst(int seed)
    {
        var random = new Random(seed);
        var (needs, offers) = World(random);
        var need = needs[random.Next(needs.Count)];

        var ranked = NeedMatching.Rank(need, offers, top: 50);

        Assert.All(ranked, s => AssertSound(s, need, offers.Single(o => o.OfferId == s.OfferId)));
        Assert.Equal(ranked.Select(s => s.Score).OrderDescending(), ranked.Select(s => s.Score));
    }

    private static void AssertSound(MatchSuggestion s, MatchNeed need, MatchOffer offer)
    {
        Assert.Contains(need.CategoryCode, offer.CategoryCodes);
        Assert.NotEmpty(s.Reasons);
        Assert.All(s.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
        Assert.Equal(s.Reasons.Sum(r => r.Points), s.Score);
        Assert.True(offer.PlacesLeft is not { } places || s.Places <= places);
        Assert.True(offer.CreditLeft is not { } credit || s.Amount <= credit);
        Assert.Null(OfferEligibility.Refusal(offer.MinEmployees, offer.MaxEmployees, offer.Industries, need.Employees, need.Industry));
    }

    private static (List<MatchNeed>, List<MatchOffer>) World(Random random)
    {
        var offers = Enumerable.Range(1, random.Next(1, 30)).Select(id => Offer(random, id)).ToList();
        var start = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var needs = Enumerable.Range(1, random.Next(1, 60)).Select(id =>
        {
            var category = Categories[random.Next(Categories.Length)];
            var amount = category == "financing" && random.Next(5) > 0 ? Money.TenThousandYuan(random.Next(1, 800)) : (Money?)null;
            var building = random.Next(1, 7);
            return new MatchNeed(id, category, category, random.Next(1, 600), Industries[random.Next(Industries.Length)],
                random.Next(4) == 0 ? null : building, building % 3, random.Next(4) == 0 ? null : Near(random),
                random.Next(1, 4), amount, start.AddMinutes(random.Next(0, 1000)));
        }).ToList();
        return (needs, offers);
    }

    private static MatchOffer Offer(Random random, int id)
    {
        var kind = (OfferKind)random.Next(5);
        var categories = Categories.Where(_ => random.Next(3) == 0).DefaultIfEmpty(Categories[random.Next(Categories.Length)]).ToList();
        var building = random.Next(3) == 0 ? (int?)null : random.Next(1, 7);
        return new MatchOffer(id, categories, building, building % 3 ?? (random.Next(2) == 0 ? null : random.Next(3)),
            random.Next(3) == 0 ? null : Near(random),
            random.Next(3) == 0 ? null : random.Next(-1, 6),
            kind == OfferKind.CreditLine ? Money.TenThousandYuan(random.Next(0, 2_000)) : null,
            random.Next(4) == 0 ? random.Next(1, 100) : null, random.Next(4) == 0 ? random.Next(50, 500) : null,
            random.Next(4) == 0 ? [Industries[random.Next(Industries.Length)]] : null);
    }

    private static GeoPoint Near(Random random) => new(30.28 + random.NextDouble() * 0.05, 120.12 + random.NextDouble() * 0.06);
}

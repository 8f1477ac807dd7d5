using System.Text.Json;
using CivicGrid.Core.CashBenefits;

namespace CivicGrid.App.CashBenefits;

/// <summary>One saved version of a cash service's benefit schedule (待遇标准); the highest version is the one in force.</summary>
public sealed class StoredSchedule
{
    public int Id { get; set; }
    public int ServiceItemId { get; set; }
    public int Version { get; set; }
    /// <summary>The tiers as JSON: rule text (canonical) and amount in fen, in order.</summary>
    public required string TiersJson { get; set; }
    public BenefitPeriod Period { get; set; }
    public BenefitStart Start { get; set; }
    public int EffectiveFrom { get; set; }
    public int ArrearsMonths { get; set; }
    public bool StopsOnMoveOut { get; set; }
    public required string Author { get; set; }
    public DateTime CreatedAt { get; set; }

    private sealed record TierJson(string Rule, long AmountFen);

    public BenefitSchedule ToSchedule() => new(
        Version, (JsonSerializer.Deserialize<List<TierJson>>(TiersJson) ?? []).Select(t => new BenefitTier(t.Rule, new Fen(t.AmountFen))).ToList(),
        Period, Start, new BenefitMonth(EffectiveFrom), ArrearsMonths, StopsOnMoveOut);

    public static string Tiers(IEnumerable<BenefitTier> tiers) =>
        JsonSerializer.Serialize(tiers.Select(t => new TierJson(t.Rule, t.Amount.Value)).ToList());
}

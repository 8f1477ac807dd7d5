namespace CivicGrid.Core.Enterprises.Offers;

/// <summary>
/// One item of what the community and its partners can offer (社区所能): a service, a space, a partner bank's credit
/// line, a training or a benefit card, with the need categories it serves, where it is, whom it is for and how much of
/// it is left. Capacity is taken and given back only through <see cref="Needs.EnterpriseNeed.Apply"/>, so what is taken
/// always equals what the open matches hold.
/// </summary>
public sealed class CommunityOffer
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public OfferKind Kind { get; set; }
    /// <summary>Who provides it: the business community, a partner bank, a training school.</summary>
    public required string Provider { get; set; }
    public string Description { get; set; } = "";
    /// <summary>The codes of the need categories (<see cref="Needs.NeedCategory"/>) it serves.</summary>
    public List<string> CategoryCodes { get; set; } = [];
    /// <summary>The business community that keeps it; null for an offer open to the whole district.</summary>
    public int? BusinessCommunityId { get; set; }
    public int? BuildingId { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>How many places, seats or cards there are; null when not limited (a consultation, a credit line).</summary>
    public int? Places { get; set; }
    /// <summary>Places held by open matches and outcomes, counted even when places are not limited (how many firms it served).</summary>
    public int PlacesTaken { get; private set; }
    /// <summary>The amount of a credit line; null for other kinds.</summary>
    public Money? CreditLine { get; set; }
    public Money CreditTaken { get; private set; }
    /// <summary>Eligibility by size: the fewest and most employees an enterprise may have; null is no bound.</summary>
    public int? MinEmployees { get; set; }
    public int? MaxEmployees { get; set; }
    /// <summary>The industries it is meant for; empty when it is open to every industry.</summary>
    public List<string> Industries { get; set; } = [];
    public bool Active { get; set; } = true;
    /// <summary>Raised whenever capacity is taken or given back; two matches on the last place cannot both succeed.</summary>
    public int Version { get; private set; }

    public int? PlacesLeft => Places - PlacesTaken;

    public Money? CreditLeft => CreditLine - CreditTaken;

    public bool Serves(string categoryCode) => CategoryCodes.Contains(categoryCode);

    /// <summary>Why an enterprise of this size and industry may not use the offer, or null when it may.</summary>
    public string? Ineligible(int employees, string industry) => OfferEligibility.Refusal(MinEmployees, MaxEmployees, Industries, employees, industry);

    /// <summary>Why <paramref name="places"/> places and <paramref name="amount"/> cannot be taken now, or null when they can.</summary>
    public string? CannotTake(int places, Money amount)
    {
        if (!Active)
        {
            return $"“{Name}”已停用";
        }
        if (PlacesLeft is { } left && places > left)
        {
            return $"“{Name}”剩余名额 {left} 个，不足本需求所需的 {places} 个";
        }
        if (amount.IsPositive && CreditLeft is not { } credit)
        {
            return $"“{Name}”不是信贷额度，不能放款";
        }
        return CreditLeft is { } remainder && amount > remainder ? $"“{Name}”剩余额度 {remainder}，不足 {amount}" : null;
    }

    /// <summary>Changes the places or the line; refused when it would fall below what is already taken.</summary>
    public FieldRefusal? Resize(int? places, Money? creditLine)
    {
        if (places < PlacesTaken)
        {
            return new("places", $"名额不能少于已占用的 {PlacesTaken} 个");
        }
        if (creditLine < CreditTaken)
        {
            return new("creditLine", $"额度不能低于已使用的 {CreditTaken}");
        }
        if (CreditTaken.IsPositive && creditLine is null)
        {
            return new("creditLine", "已有放款的额度不能取消");
        }
        Places = places;
        CreditLine = creditLine;
        Version++;
        return null;
    }

    internal void Take(int places, Money amount)
    {
        PlacesTaken += places;
        CreditTaken += amount;
        Version++;
    }

    internal void GiveBack(int places, Money amount)
    {
        PlacesTaken -= places;
        CreditTaken -= amount;
        Version++;
    }
}

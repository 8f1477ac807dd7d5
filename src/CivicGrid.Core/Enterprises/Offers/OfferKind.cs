namespace CivicGrid.Core.Enterprises.Offers;

/// <summary>What a community offer is (资源类型).</summary>
public enum OfferKind
{
    Service,
    Space,
    /// <summary>A partner bank's credit line: an amount in yuan, drawn down by loans.</summary>
    CreditLine,
    Training,
    /// <summary>A card bundling benefits across a business district (共富卡).</summary>
    BenefitCard,
}

public static class OfferKinds
{
    public static string ChineseName(this OfferKind kind) => kind switch
    {
        OfferKind.Service => "服务",
        OfferKind.Space => "场地",
        OfferKind.CreditLine => "信贷额度",
        OfferKind.Training => "培训",
        _ => "共富卡",
    };
}

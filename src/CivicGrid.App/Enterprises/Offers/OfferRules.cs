using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Offers;

namespace CivicGrid.App.Enterprises.Offers;

/// <summary>How an offer's fields are checked and filled, the same whether it comes from the form, the API or a file.</summary>
public static class OfferRules
{
    /// <summary>Each broken rule as the field it concerns and the reason.</summary>
    public static IEnumerable<(string Field, string Reason)> Numbers(OfferKind? kind, int? places, Money? creditLine, int? minEmployees, int? maxEmployees)
    {
        if (places < 0)
        {
            yield return ("places", "名额不能为负数");
        }
        if (kind == OfferKind.CreditLine && creditLine is not { IsPositive: true })
        {
            yield return ("creditLine", "信贷额度须填写大于零的金额");
        }
        if (kind is not OfferKind.CreditLine && creditLine is not null)
        {
            yield return ("creditLine", "只有信贷额度类资源填写额度");
        }
        if (minEmployees < 0 || maxEmployees < 0 || minEmployees > maxEmployees)
        {
            yield return ("maxEmployees", "企业人数范围不正确");
        }
    }

    /// <summary>Copies the command's fields onto the offer; places and the line change only through <see cref="CommunityOffer.Resize"/>.</summary>
    public static void Fill(CommunityOffer offer, SaveOffer c)
    {
        offer.Name = c.Name!.Trim();
        offer.Provider = c.Provider!.Trim();
        offer.Kind = c.Kind!.Value;
        offer.Description = c.Description?.Trim() ?? "";
        offer.CategoryCodes = c.CategoryCodes!.Distinct().ToList();
        (offer.BusinessCommunityId, offer.BuildingId, offer.Latitude, offer.Longitude) = (c.BusinessCommunityId, c.BuildingId, c.Latitude, c.Longitude);
        (offer.MinEmployees, offer.MaxEmployees) = (c.MinEmployees, c.MaxEmployees);
        offer.Industries = c.Industries?.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct().ToList() ?? [];
        offer.Active = c.Active;
    }
}

using CivicGrid.App.Data;
using CivicGrid.App.Enterprises.Offers;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Offers;

namespace CivicGrid.Web.Enterprises.Offers;

/// <summary>An offer as the form or API sends it; a credit line in 万元.</summary>
public sealed record OfferRequest(
    string? Name, string? Provider, string? Kind, IReadOnlyList<string>? CategoryCodes, string? Description = null,
    int? BusinessCommunityId = null, int? Places = null, decimal? CreditLineWan = null, int? MinEmployees = null, int? MaxEmployees = null,
    bool Active = true)
{
    public async Task<Outcome<OfferRow>> SendAsync(int? id, SaveOfferHandler handler, CancellationToken ct)
    {
        var kind = EnumText.Parse<OfferKind>(Kind);
        if (!Money.TryFromTenThousandYuan(CreditLineWan, out var line, out var reason))
        {
            return Outcome<OfferRow>.Invalid("creditLineWan", reason);
        }
        return await handler.HandleAsync(new SaveOffer(id, Name, Provider, kind, CategoryCodes, Description, BusinessCommunityId,
            Places: Places, CreditLine: line, MinEmployees: MinEmployees, MaxEmployees: MaxEmployees, Active: Active), ct);
    }
}

using CivicGrid.Core.Enterprises.Offers;
using CivicGrid.Core.Geography;

namespace CivicGrid.Core.Enterprises.Matching;

/// <summary>
/// An active offer as matching sees it: the categories it serves, where it is (no place: open to the whole district),
/// what is left of it (no places left figure: not limited; a credit left figure: it is a credit line) and whom it is for.
/// </summary>
public sealed record MatchOffer(
    int OfferId, IReadOnlyList<string> CategoryCodes, int? BuildingId, int? BusinessCommunityId, GeoPoint? Location,
    int? PlacesLeft, Money? CreditLeft, int? MinEmployees = null, int? MaxEmployees = null, IReadOnlyList<string>? Industries = null)
{
    public IReadOnlyList<string> Industries { get; init; } = Industries ?? [];

    public static MatchOffer From(CommunityOffer offer) => new(
        offer.Id, offer.CategoryCodes, offer.BuildingId, offer.BusinessCommunityId,
        offer is { Latitude: { } lat, Longitude: { } lon } ? new GeoPoint(lat, lon) : null,
        offer.PlacesLeft, offer.CreditLeft, offer.MinEmployees, offer.MaxEmployees, offer.Industries);
}

using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Offers;

namespace CivicGrid.App.Enterprises.Offers;

/// <summary>An offer as lists and saves return it, with what is left of it.</summary>
public sealed record OfferRow(
    int Id, string Name, OfferKind Kind, string Provider, string Description, IReadOnlyList<string> CategoryCodes,
    int? BusinessCommunityId, int? BuildingId, double? Latitude, double? Longitude, int? Places, int PlacesTaken, int? PlacesLeft,
    Money? CreditLine, Money CreditTaken, Money? CreditLeft, int? MinEmployees, int? MaxEmployees, IReadOnlyList<string> Industries,
    bool Active, int Version)
{
    public static OfferRow From(CommunityOffer o) => new(
        o.Id, o.Name, o.Kind, o.Provider, o.Description, o.CategoryCodes, o.BusinessCommunityId, o.BuildingId, o.Latitude, o.Longitude,
        o.Places, o.PlacesTaken, o.PlacesLeft, o.CreditLine, o.CreditTaken, o.CreditLeft, o.MinEmployees, o.MaxEmployees, o.Industries,
        o.Active, o.Version);
}

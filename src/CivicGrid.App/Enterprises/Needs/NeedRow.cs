using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;

namespace CivicGrid.App.Enterprises.Needs;

/// <summary>A need as lists and moves return it.</summary>
public sealed record NeedRow(
    int Id, int EnterpriseId, string CategoryCode, string Description, NeedSource Source, NeedStatus Status,
    Money? RequestedAmount, int Quantity, int? OfferId, int HeldPlaces, Money HeldAmount, NeedOutcome? Outcome,
    Money? GrantedAmount, NeedRating? Rating, DateTime RaisedAt, int Version)
{
    public static NeedRow From(EnterpriseNeed n) => new(
        n.Id, n.EnterpriseId, n.CategoryCode, n.Description, n.Source, n.Status, n.RequestedAmount, n.Quantity, n.OfferId,
        n.HeldPlaces, n.HeldAmount, n.Outcome, n.GrantedAmount, n.Rating, n.RaisedAt, n.Version);
}

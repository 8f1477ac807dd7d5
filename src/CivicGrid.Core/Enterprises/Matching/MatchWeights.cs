namespace CivicGrid.Core.Enterprises.Matching;

/// <summary>
/// The points each factor gives, as data (docs/ENTERPRISES.md explains them). With the defaults a score runs from 40
/// (category only, far away, last place) to 100. Place counts most after the category: the same building beats the
/// same business community, which beats anything reached by distance.
/// </summary>
public sealed record MatchWeights
{
    public int Category { get; init; } = 40;
    public int SameBuilding { get; init; } = 30;
    public int SameBusinessCommunity { get; init; } = 20;
    /// <summary>The most distance gives, at 0 m, falling linearly to nothing at <see cref="NearbyMetres"/>.</summary>
    public int Nearby { get; init; } = 15;
    public double NearbyMetres { get; init; } = 3000;
    /// <summary>An offer with no place, open to the whole district (a bank's line, an online consultation).</summary>
    public int DistrictWide { get; init; } = 10;
    /// <summary>The most room gives: full when the offer could take <see cref="RoomComfort"/> more needs like this one after it.</summary>
    public int Room { get; init; } = 10;
    public int RoomComfort { get; init; } = 5;
    /// <summary>For an offer aimed at the enterprise's size (a line for small firms), against one open to all sizes.</summary>
    public int Size { get; init; } = 10;
    /// <summary>For an offer aimed at the enterprise's industry, against one open to all industries.</summary>
    public int Industry { get; init; } = 10;

    public static readonly MatchWeights Default = new();
}

namespace CivicGrid.Core.Geography;

/// <summary>
/// Where a case is, as the public may know it (模糊位置): the point snapped to a lattice of 1/2000 degree, about 55 m
/// north–south and 48 m east–west at Hangzhou's latitude. Every case within one cell lands on its corner, so a point on
/// the public map names a block of buildings, not a doorway.
/// </summary>
public static class CoarseLocation
{
    /// <summary>Cells per degree.</summary>
    public const double CellsPerDegree = 2000;

    public static GeoPoint Snap(double latitude, double longitude) =>
        new(Math.Round(Math.Floor(latitude * CellsPerDegree) / CellsPerDegree, 4), Math.Round(Math.Floor(longitude * CellsPerDegree) / CellsPerDegree, 4));
}

namespace CivicGrid.Core.Geography;

/// <summary>A closed ring of [longitude, latitude] positions, as GeoJSON writes a polygon's outer boundary.</summary>
public sealed record GeoRing(double[][] Positions)
{
    /// <summary>Whether the point lies inside, by counting edge crossings of a ray running east.</summary>
    public bool Contains(GeoPoint point)
    {
        var inside = false;
        var p = Positions;
        for (int i = 0, j = p.Length - 1; i < p.Length; j = i++)
        {
            var (xi, yi, xj, yj) = (p[i][0], p[i][1], p[j][0], p[j][1]);
            if ((yi > point.Latitude) != (yj > point.Latitude)
                && point.Longitude < (xj - xi) * (point.Latitude - yi) / (yj - yi) + xi)
            {
                inside = !inside;
            }
        }
        return inside;
    }
}

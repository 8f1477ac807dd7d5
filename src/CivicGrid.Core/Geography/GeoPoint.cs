namespace CivicGrid.Core.Geography;

/// <summary>A WGS 84 position.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>The mean radius of the WGS 84 ellipsoid, (2a + b) / 3, as spherical distances use it.</summary>
    public const double EarthRadiusMetres = 6_371_008.8;

    public double DistanceMetresTo(GeoPoint other)
    {
        var dLat = ToRadians(other.Latitude - Latitude);
        var dLon = ToRadians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
            + Math.Cos(ToRadians(Latitude)) * Math.Cos(ToRadians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}

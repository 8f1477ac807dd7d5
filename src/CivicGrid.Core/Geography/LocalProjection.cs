namespace CivicGrid.Core.Geography;

/// <summary>
/// Flat metres around a reference point (x east, y north), the equirectangular projection on the sphere of
/// <see cref="GeoPoint.EarthRadiusMetres"/>. North–south lengths are exact; east–west lengths take cos(latitude) at the
/// reference, so at Δφ radians north or south of it they are off by about tan φ₀ · Δφ: 0.05 % five kilometres from
/// 30° N, under half a metre over a 15-minute walk. The chord against the great circle differs by less than a
/// micrometre at walking distances. Good for a district; not for a province.
/// </summary>
public readonly struct LocalProjection
{
    private const double RadiansPerDegree = Math.PI / 180;
    private readonly double _referenceLatitude;
    private readonly double _referenceLongitude;
    private readonly double _metresPerDegreeEast;
    private readonly double _metresPerDegreeNorth;

    public LocalProjection(double referenceLatitude, double referenceLongitude)
    {
        _referenceLatitude = referenceLatitude;
        _referenceLongitude = referenceLongitude;
        _metresPerDegreeNorth = GeoPoint.EarthRadiusMetres * RadiansPerDegree;
        _metresPerDegreeEast = _metresPerDegreeNorth * Math.Cos(referenceLatitude * RadiansPerDegree);
    }

    public double MetresPerDegreeNorth => _metresPerDegreeNorth;
    public double MetresPerDegreeEast => _metresPerDegreeEast;

    public double X(double longitude) => (longitude - _referenceLongitude) * _metresPerDegreeEast;
    public double Y(double latitude) => (latitude - _referenceLatitude) * _metresPerDegreeNorth;

    /// <summary>The inverse of <see cref="Y"/>: the latitude <paramref name="y"/> metres north of the reference.</summary>
    public double Latitude(double y) => _referenceLatitude + y / _metresPerDegreeNorth;

    /// <summary>The inverse of <see cref="X"/>: the longitude <paramref name="x"/> metres east of the reference.</summary>
    public double Longitude(double x) => _referenceLongitude + x / _metresPerDegreeEast;

    /// <summary>The projection centred on a bounding box, which keeps the east–west error smallest over it.</summary>
    public static LocalProjection Centred(GeoRect box) => new(box.Centre.Latitude, box.Centre.Longitude);
}

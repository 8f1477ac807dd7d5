namespace CivicGrid.Core.Geography;

/// <summary>Grows a rectangle around positions one at a time, refusing positions that are not finite.</summary>
public struct BoundingBox
{
    private double _south, _west, _north, _east;

    public static BoundingBox Empty => new() { _south = double.MaxValue, _west = double.MaxValue, _north = double.MinValue, _east = double.MinValue };

    public readonly bool IsEmpty => _south > _north;

    public void Add(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || !double.IsFinite(longitude) || Math.Abs(latitude) > 90 || Math.Abs(longitude) > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), $"({latitude}, {longitude}) is not a WGS 84 position.");
        }
        _south = Math.Min(_south, latitude);
        _north = Math.Max(_north, latitude);
        _west = Math.Min(_west, longitude);
        _east = Math.Max(_east, longitude);
    }

    public readonly GeoRect ToRect() => IsEmpty ? new GeoRect(0, 0, 0, 0) : new GeoRect(_south, _west, _north, _east);
}

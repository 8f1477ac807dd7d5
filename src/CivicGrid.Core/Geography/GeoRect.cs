namespace CivicGrid.Core.Geography;

/// <summary>An axis-aligned rectangle in degrees, used to lay out and subdivide demo boundaries.</summary>
public readonly record struct GeoRect(double South, double West, double North, double East)
{
    public GeoPoint Centre => new((South + North) / 2, (West + East) / 2);

    public bool Contains(GeoPoint p) =>
        p.Latitude >= South && p.Latitude <= North && p.Longitude >= West && p.Longitude <= East;

    /// <summary>Splits the rectangle into <paramref name="count"/> cells that cover it exactly, row by row.</summary>
    public IReadOnlyList<GeoRect> Subdivide(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var columns = (int)Math.Ceiling(Math.Sqrt(count));
        var rows = (int)Math.Ceiling(count / (double)columns);
        var cells = new List<GeoRect>(count);
        var rowHeight = (North - South) / rows;
        for (var row = 0; row < rows; row++)
        {
            var inRow = Math.Min(columns, count - row * columns);
            var width = (East - West) / inRow;
            var north = North - row * rowHeight;
            for (var col = 0; col < inRow; col++)
            {
                cells.Add(new GeoRect(north - rowHeight, West + col * width, north, West + (col + 1) * width));
            }
        }
        return cells;
    }

    /// <summary>The closed ring of the rectangle as [longitude, latitude] pairs, counter-clockwise as GeoJSON asks.</summary>
    public double[][] Ring() =>
    [
        [West, South], [East, South], [East, North], [West, North], [West, South],
    ];
}

namespace CivicGrid.Core.PublicServices.Coverage;

/// <summary>The rectangle around the households, in flat metres, cut into small square cells that every facility type shares.</summary>
internal readonly record struct RasterGeometry(double OriginX, double OriginY, double CellSize, int Columns, int Rows)
{
    /// <summary>Caps the cell count for a spread-out input; wider cells stay correct, only slower.</summary>
    private const int MaxCellsAcross = 512;

    public int CellCount => Columns * Rows;

    public static RasterGeometry Covering(double minX, double minY, double maxX, double maxY, double cellSize)
    {
        var size = Math.Max(cellSize, Math.Max(maxX - minX, maxY - minY) / MaxCellsAcross);
        return new RasterGeometry(minX, minY, size, (int)Math.Floor((maxX - minX) / size) + 1, (int)Math.Floor((maxY - minY) / size) + 1);
    }

    public int CellOf(double x, double y)
    {
        var column = (int)Math.Clamp(Math.Floor((x - OriginX) / CellSize), 0, Columns - 1);
        var row = (int)Math.Clamp(Math.Floor((y - OriginY) / CellSize), 0, Rows - 1);
        return row * Columns + column;
    }

    /// <summary>The cell's south-west corner.</summary>
    public (double X, double Y) Corner(int cell) => (OriginX + cell % Columns * CellSize, OriginY + cell / Columns * CellSize);
}

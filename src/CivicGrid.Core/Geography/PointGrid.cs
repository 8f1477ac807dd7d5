namespace CivicGrid.Core.Geography;

/// <summary>
/// A uniform spatial hash of points in flat metres: the plane is cut into square cells no smaller than the search
/// radius and the points are stored cell by cell, so every point within the radius of a position lies in the 3 × 3
/// cells around it, and each of those three rows of cells is one contiguous run of the arrays.
/// </summary>
public sealed class PointGrid
{
    /// <summary>Caps the cell count, so that one stray point far away widens the cells instead of exhausting memory.</summary>
    private const int MaxCellsAcross = 512;

    private readonly double _originX, _originY, _cellSize;
    private readonly int _columns, _rows;
    private readonly int[] _cellStart;
    private readonly double[] _x, _y;
    private readonly int[] _index;

    public PointGrid(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double radius)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(radius);
        ArgumentOutOfRangeException.ThrowIfNotEqual(ys.Length, xs.Length);
        Radius = radius;
        var (minX, maxX) = Extent(xs);
        var (minY, maxY) = Extent(ys);
        _originX = minX;
        _originY = minY;
        _cellSize = Math.Max(radius, Math.Max(maxX - minX, maxY - minY) / MaxCellsAcross);
        _columns = (int)Math.Floor((maxX - minX) / _cellSize) + 1;
        _rows = (int)Math.Floor((maxY - minY) / _cellSize) + 1;
        (_cellStart, _index) = Bucket(xs, ys);
        _x = new double[xs.Length];
        _y = new double[ys.Length];
        for (var i = 0; i < _index.Length; i++)
        {
            _x[i] = xs[_index[i]];
            _y[i] = ys[_index[i]];
        }
    }

    /// <summary>The largest radius a search may use.</summary>
    public double Radius { get; }

    public int Count => _x.Length;

    /// <summary>Adds to <paramref name="into"/> every point within <paramref name="radius"/> of (x, y), by input index.</summary>
    public void Within(double x, double y, double radius, List<Neighbour> into)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(radius, Radius);
        var limit = radius * radius;
        var (column, row) = (Column(x), Row(y));
        var (first, last) = (Math.Max(column - 1, 0), Math.Min(column + 1, _columns - 1));
        for (var r = Math.Max(row - 1, 0); r <= Math.Min(row + 1, _rows - 1); r++)
        {
            var end = _cellStart[r * _columns + last + 1];
            for (var i = _cellStart[r * _columns + first]; i < end; i++)
            {
                var dx = _x[i] - x;
                var dy = _y[i] - y;
                var squared = dx * dx + dy * dy;
                if (squared <= limit)
                {
                    into.Add(new Neighbour(_index[i], squared));
                }
            }
        }
    }

    // Clamped to one cell beyond the edge, so a far position yields an empty 3 × 3 block without overflowing an int.
    private int Column(double x) => (int)Math.Clamp(Math.Floor((x - _originX) / _cellSize), -2, _columns + 1);
    private int Row(double y) => (int)Math.Clamp(Math.Floor((y - _originY) / _cellSize), -2, _rows + 1);

    private (int[] CellStart, int[] Index) Bucket(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        var cells = new int[xs.Length];
        var start = new int[_columns * _rows + 1];
        for (var i = 0; i < xs.Length; i++)
        {
            cells[i] = Row(ys[i]) * _columns + Column(xs[i]);
            start[cells[i] + 1]++;
        }
        for (var c = 0; c < _columns * _rows; c++)
        {
            start[c + 1] += start[c];
        }
        var next = start[..^1];
        var index = new int[xs.Length];
        for (var i = 0; i < xs.Length; i++)
        {
            index[next[cells[i]]++] = i;
        }
        return (start, index);
    }

    private static (double Min, double Max) Extent(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return (0, 0);
        }
        var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentOutOfRangeException(nameof(values), "Coordinates must be finite.");
            }
            (min, max) = (Math.Min(min, v), Math.Max(max, v));
        }
        return (min, max);
    }
}

/// <summary>A point found near a position: its index in the input and its squared distance in square metres.</summary>
public readonly record struct Neighbour(int Index, double DistanceSquared);

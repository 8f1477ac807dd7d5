using CivicGrid.Core.Geography;

namespace CivicGrid.Core.PublicServices.Coverage;

/// <summary>
/// One facility type's bands over the <see cref="RasterGeometry"/>: for each cell, the band every position in it
/// shares when the nearest facility's distance cannot cross a band limit inside the cell, and otherwise the few
/// facilities that can be nearest to some position in it, nearest first.
/// </summary>
/// <remarks>
/// For a cell, the nearest distance from any position in it lies between the least distance from the cell to a
/// facility and the least distance from a facility to the cell's far corner. When both bounds, widened by a
/// micrometre for rounding, fall in one band, the cell is settled. Otherwise only the facilities whose distance to the
/// cell does not exceed the upper bound (nor the reach) can be nearest, and a household scans just those.
/// </remarks>
internal sealed class BandRaster
{
    private const byte Unsettled = byte.MaxValue;
    private const double Slack = 1e-6;

    private readonly byte[] _settled;
    private readonly int[] _start;
    private readonly double[] _x, _y;

    private BandRaster(byte[] settled, int[] start, double[] x, double[] y) => (_settled, _start, _x, _y) = (settled, start, x, y);

    public CoverageBand Band(int cell, double x, double y, CoverageBands bands)
    {
        var settled = _settled[cell];
        if (settled != Unsettled)
        {
            return (CoverageBand)settled;
        }
        var nearEnough = bands.SquaredLimits[0];
        var best = double.PositiveInfinity;
        for (var i = _start[cell]; i < _start[cell + 1] && best > nearEnough; i++)
        {
            var dx = _x[i] - x;
            var dy = _y[i] - y;
            best = Math.Min(best, dx * dx + dy * dy);
        }
        return bands.OfSquared(best);
    }

    public static BandRaster Build(RasterGeometry geometry, double[] xs, double[] ys, CoverageBands bands)
    {
        var halfDiagonal = geometry.CellSize * Math.Sqrt(0.5);
        var facilities = new PointGrid(xs, ys, bands.Reach + halfDiagonal);
        var settled = new byte[geometry.CellCount];
        var start = new int[geometry.CellCount + 1];
        var (candidateX, candidateY) = (new List<double>(), new List<double>());
        var nearby = new List<Neighbour>();
        var candidates = new List<(double Least, int Index)>();
        for (var cell = 0; cell < geometry.CellCount; cell++)
        {
            var (x0, y0) = geometry.Corner(cell);
            nearby.Clear();
            facilities.Within(x0 + geometry.CellSize / 2, y0 + geometry.CellSize / 2, facilities.Radius, nearby);
            settled[cell] = Settle(nearby, xs, ys, x0, y0, geometry.CellSize, bands, candidates);
            foreach (var (_, index) in candidates)
            {
                candidateX.Add(xs[index]);
                candidateY.Add(ys[index]);
            }
            start[cell + 1] = candidateX.Count;
        }
        return new BandRaster(settled, start, [.. candidateX], [.. candidateY]);
    }

    /// <summary>The cell's band if settled; if not, fills <paramref name="candidates"/> with the facilities that may be nearest.</summary>
    private static byte Settle(List<Neighbour> nearby, double[] xs, double[] ys, double x0, double y0, double size, CoverageBands bands,
        List<(double Least, int Index)> candidates)
    {
        candidates.Clear();
        var (lower, upper) = (double.PositiveInfinity, double.PositiveInfinity);
        foreach (var n in nearby)
        {
            lower = Math.Min(lower, Least(xs[n.Index], ys[n.Index], x0, y0, size));
            upper = Math.Min(upper, Most(xs[n.Index], ys[n.Index], x0, y0, size));
        }
        var (low, high) = (bands.Of(Math.Max(0, lower - Slack)), bands.Of(upper + Slack));
        if (low == high)
        {
            return (byte)low;
        }
        var limit = Math.Min(upper, bands.Reach) + Slack;
        foreach (var n in nearby)
        {
            var least = Least(xs[n.Index], ys[n.Index], x0, y0, size);
            if (least <= limit)
            {
                candidates.Add((least, n.Index));
            }
        }
        candidates.Sort();
        return Unsettled;
    }

    /// <summary>The distance from a point to the nearest position of the square cell.</summary>
    private static double Least(double x, double y, double x0, double y0, double size)
    {
        var dx = Math.Max(0, Math.Max(x0 - x, x - (x0 + size)));
        var dy = Math.Max(0, Math.Max(y0 - y, y - (y0 + size)));
        return Math.Sqrt(dx * dx + dy * dy);
    }

    /// <summary>The distance from a point to the farthest corner of the square cell.</summary>
    private static double Most(double x, double y, double x0, double y0, double size)
    {
        var dx = Math.Max(Math.Abs(x - x0), Math.Abs(x - (x0 + size)));
        var dy = Math.Max(Math.Abs(y - y0), Math.Abs(y - (y0 + size)));
        return Math.Sqrt(dx * dx + dy * dy);
    }
}

using CivicGrid.Core.Geography;

namespace CivicGrid.Core.Hotspots;

/// <summary>
/// Finds hotspots by density, item by item (DBSCAN over flat metres): a case is a core when at least
/// <see cref="HotspotRule.MinCases"/> cases of its item (itself included) lie within the radius; cores within the
/// radius of each other form one hotspot, with the cases around them. A string of cases along a street thus makes one
/// hotspot, not many overlapping ones. Cases received in the window ending at <c>asOf</c> only; order of the input
/// does not matter. Linear in the cases for a bounded density, through <see cref="PointGrid"/>.
/// </summary>
public static class HotspotFinder
{
    public static IReadOnlyList<Hotspot> Find(IEnumerable<LocatedCase> cases, HotspotRule rule, DateTime asOf)
    {
        var since = asOf.AddDays(-rule.WindowDays);
        var recent = cases.Where(c => c.ReceivedAt > since && c.ReceivedAt <= asOf && double.IsFinite(c.Latitude) && double.IsFinite(c.Longitude));
        // Items are independent, so they are clustered on all cores; the order of the result stays the items' order.
        return [.. recent.GroupBy(c => c.ItemCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .AsParallel().AsOrdered().SelectMany(g => OfOneItem([.. g.OrderBy(c => c.Id)], rule).ToList())];
    }

    private static IEnumerable<Hotspot> OfOneItem(LocatedCase[] cases, HotspotRule rule)
    {
        if (cases.Length < rule.MinCases)
        {
            return [];
        }
        var projection = new LocalProjection(cases.Average(c => c.Latitude), cases.Average(c => c.Longitude));
        var xs = cases.Select(c => projection.X(c.Longitude)).ToArray();
        var ys = cases.Select(c => projection.Y(c.Latitude)).ToArray();
        var grid = new PointGrid(xs, ys, rule.RadiusMetres);
        var neighbours = new List<int>[cases.Length];
        var found = new List<Neighbour>();
        for (var i = 0; i < cases.Length; i++)
        {
            found.Clear();
            grid.Within(xs[i], ys[i], rule.RadiusMetres, found);
            neighbours[i] = found.ConvertAll(n => n.Index);
        }
        return Clusters(neighbours, rule.MinCases).Select(members => Describe(cases, members, xs, ys, projection));
    }

    /// <summary>Connected cores and the cases within reach of them; each case joins the first cluster that reaches it.</summary>
    private static IEnumerable<List<int>> Clusters(List<int>[] neighbours, int minCases)
    {
        var cluster = new int[neighbours.Length];
        var next = 0;
        for (var seed = 0; seed < neighbours.Length; seed++)
        {
            if (cluster[seed] != 0 || neighbours[seed].Count < minCases)
            {
                continue;
            }
            next++;
            var members = new List<int>();
            var queue = new Queue<int>([seed]);
            cluster[seed] = next;
            while (queue.TryDequeue(out var core))
            {
                members.Add(core);
                if (neighbours[core].Count < minCases)
                {
                    continue;
                }
                foreach (var n in neighbours[core].Where(n => cluster[n] == 0))
                {
                    cluster[n] = next;
                    queue.Enqueue(n);
                }
            }
            members.Sort();
            yield return members;
        }
    }

    private static Hotspot Describe(LocatedCase[] cases, List<int> members, double[] xs, double[] ys, LocalProjection projection)
    {
        var (cx, cy) = (members.Average(i => xs[i]), members.Average(i => ys[i]));
        var spread = members.Max(i => Math.Sqrt((xs[i] - cx) * (xs[i] - cx) + (ys[i] - cy) * (ys[i] - cy)));
        var grid = members.GroupBy(i => cases[i].GridCode, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var latitude = projection.Latitude(cy);
        var longitude = projection.Longitude(cx);
        return new Hotspot(cases[members[0]].ItemCode, members.ConvertAll(i => cases[i].Id), latitude, longitude, spread,
            members.Min(i => cases[i].ReceivedAt), members.Max(i => cases[i].ReceivedAt), grid);
    }
}

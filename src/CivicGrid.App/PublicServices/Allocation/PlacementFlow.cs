using System.Diagnostics;
using Google.OrTools.Graph;

namespace CivicGrid.App.PublicServices.Allocation;

/// <summary>
/// Solves an allocation as a minimum-cost flow: source → each applicant (capacity 1) → each linked facility
/// (capacity 1, cost the walk in metres) → sink (capacity the free places), and applicant → "unplaced" → sink with the
/// applicant's <see cref="PriorityPenalties">penalty</see>, so every applicant's unit of flow ends somewhere.
/// </summary>
internal static class PlacementFlow
{
    public static AllocationResult Solve(IReadOnlyList<Applicant> applicants, IReadOnlyList<FacilityPlaces> facilities, AllocationLinks links)
    {
        var (n, m) = (applicants.Count, facilities.Count);
        var (source, unplaced, sink) = (0, n + m + 1, n + m + 2);
        var places = facilities.Sum(f => (long)f.FreePlaces);
        var penalties = PriorityPenalties.For(applicants, places, links.LongestPossibleWalk, sink + 1);
        var watch = Stopwatch.StartNew();
        using var flow = new MinCostFlow();
        for (var a = 0; a < n; a++)
        {
            flow.AddArcWithCapacityAndUnitCost(source, 1 + a, 1, 0);
        }
        var firstLink = n;
        for (var a = 0; a < n; a++)
        {
            for (var link = links.First(a); link < links.End(a); link++)
            {
                flow.AddArcWithCapacityAndUnitCost(1 + a, 1 + n + links.Facility(link), 1, links.WalkingMetres(link));
            }
        }
        var firstUnplaced = firstLink + links.Count;
        for (var a = 0; a < n; a++)
        {
            flow.AddArcWithCapacityAndUnitCost(1 + a, unplaced, 1, penalties.Of(a));
        }
        flow.AddArcWithCapacityAndUnitCost(unplaced, sink, n, 0);
        for (var f = 0; f < m; f++)
        {
            flow.AddArcWithCapacityAndUnitCost(1 + n + f, sink, facilities[f].FreePlaces, 0);
        }
        flow.SetNodeSupply(source, n);
        flow.SetNodeSupply(sink, -n);
        var status = flow.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"The allocation network was not solved: {status}.");
        }
        var assignments = new Dictionary<int, int?>(n);
        long walking = 0;
        for (var a = 0; a < n; a++)
        {
            int? placedAt = null;
            if (flow.Flow(firstUnplaced + a) == 0)
            {
                for (var link = links.First(a); link < links.End(a) && placedAt is null; link++)
                {
                    if (flow.Flow(firstLink + link) > 0)
                    {
                        placedAt = facilities[links.Facility(link)].Id;
                        walking += links.WalkingMetres(link);
                    }
                }
            }
            assignments.Add(applicants[a].Id, placedAt);
        }
        var cost = flow.OptimalCost();
        return new AllocationResult(assignments, walking, cost, watch.Elapsed) { Links = links.Count };
    }
}

using System.Diagnostics;

namespace CivicGrid.App.PublicServices.Allocation;

/// <summary>
/// The baseline: applicants in waiting order, each sent to the nearest facility within the longest walk that still
/// has a free place. Its total cost is counted as the optimisers count theirs, to say how much they save.
/// </summary>
public static class GreedyAllocator
{
    public static AllocationResult Allocate(IReadOnlyList<Applicant> applicants, IReadOnlyList<FacilityPlaces> facilities, AllocationOptions options)
    {
        Inputs.Check(applicants, facilities);
        var links = AllocationLinks.Build(applicants, facilities, options, int.MaxValue);
        var watch = Stopwatch.StartNew();
        var free = facilities.Select(f => f.FreePlaces).ToArray();
        var assignments = applicants.ToDictionary(a => a.Id, _ => (int?)null);
        long walking = 0;
        foreach (var a in Enumerable.Range(0, applicants.Count).OrderBy(a => applicants[a].Rank).ThenBy(a => applicants[a].Id))
        {
            for (var link = links.First(a); link < links.End(a); link++)
            {
                if (free[links.Facility(link)] > 0)
                {
                    free[links.Facility(link)]--;
                    assignments[applicants[a].Id] = facilities[links.Facility(link)].Id;
                    walking += links.WalkingMetres(link);
                    break;
                }
            }
        }
        var elapsed = watch.Elapsed;
        var places = facilities.Sum(f => (long)f.FreePlaces);
        var penalties = PriorityPenalties.For(applicants, places, links.LongestPossibleWalk, applicants.Count + facilities.Count + 3);
        return new AllocationResult(assignments, walking, penalties.Cost(applicants, assignments, walking), elapsed) { Links = links.Count };
    }
}

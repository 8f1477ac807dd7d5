using CivicGrid.Core.PublicServices.Enrolment;

namespace CivicGrid.App.PublicServices.Allocation;

/// <summary>
/// What leaving each applicant unplaced costs, so that one minimum-cost allocation follows the waiting order first
/// and shortens walks only after that.
/// </summary>
/// <remarks>
/// Applicants are ranked by <see cref="WaitingRank"/>; equal ranks share a level. The lowest level weighs 1 and
/// each higher one 1 more; the penalty is the weight times <see cref="Step"/> = min(applicants, places) × the
/// longest possible walk + 1. The bound relied on: at most min(applicants, places) applicants are placed, each
/// walking at most the longest walk, so the walking of any two allocations differs by less than one step. The sets
/// of applicants that can be placed together form a matroid (a transversal one), so an allocation that leaves a
/// higher-priority applicant unplaced where swapping them in for a lower one is possible weighs at least one step
/// more in penalties, which no saving in walking pays for; among allocations equal in penalties, the shortest total
/// walk wins, which is how distance decides among equals.
/// </remarks>
public sealed class PriorityPenalties
{
    /// <summary>Headroom for the solver, which multiplies every cost by the number of nodes plus one while it works.</summary>
    private const int SolverHeadroom = 4;

    private readonly long[] _penalty;

    private PriorityPenalties(long[] penalty, long step) => (_penalty, Step) = (penalty, step);

    public long Step { get; }

    public long Of(int applicant) => _penalty[applicant];

    /// <summary>The penalties for these applicants, checked to stay exact in 64-bit costs on a network of <paramref name="nodes"/> nodes.</summary>
    public static PriorityPenalties For(IReadOnlyList<Applicant> applicants, long places, long longestWalk, int nodes)
    {
        var step = checked(Math.Min(applicants.Count, places) * longestWalk + 1);
        var weight = Weights(applicants);
        var highest = weight.DefaultIfEmpty(0).Max();
        if (highest > 0 && step > long.MaxValue / SolverHeadroom / (nodes + 1L) / highest)
        {
            throw new InvalidOperationException(
                $"{applicants.Count} applicants in {highest} priority levels need penalties beyond 64-bit costs; allocate in smaller batches.");
        }
        return new PriorityPenalties(weight.Select(w => w * step).ToArray(), step);
    }

    /// <summary>The objective: walking metres of those placed plus the penalties of those left unplaced.</summary>
    public long Cost(IReadOnlyList<Applicant> applicants, IReadOnlyDictionary<int, int?> assignments, long walkingMetres)
    {
        var cost = walkingMetres;
        for (var a = 0; a < applicants.Count; a++)
        {
            if (assignments[applicants[a].Id] is null)
            {
                cost += _penalty[a];
            }
        }
        return cost;
    }

    private static long[] Weights(IReadOnlyList<Applicant> applicants)
    {
        var order = Enumerable.Range(0, applicants.Count).OrderByDescending(a => applicants[a].Rank).ToArray();
        var weight = new long[applicants.Count];
        for (var i = 0; i < order.Length; i++)
        {
            var sameAsPrevious = i > 0 && applicants[order[i]].Rank == applicants[order[i - 1]].Rank;
            weight[order[i]] = i == 0 ? 1 : weight[order[i - 1]] + (sameAsPrevious ? 0 : 1);
        }
        return weight;
    }
}

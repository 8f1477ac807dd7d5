namespace CivicGrid.App.PublicServices.Allocation;

/// <summary>
/// Where each applicant goes: applicant id to facility id, or null when left on the list. The total cost is the
/// objective the allocation minimised, walking metres plus the penalties of those left unplaced
/// (<see cref="PriorityPenalties"/>), so allocators can be compared on it.
/// </summary>
public sealed record AllocationResult(IReadOnlyDictionary<int, int?> Assignments, long TotalWalkingMetres, long TotalCost, TimeSpan SolveTime)
{
    public int Placed => Assignments.Values.Count(f => f is not null);

    /// <summary>How many applicant–facility links the solver was given.</summary>
    public int Links { get; init; }
}

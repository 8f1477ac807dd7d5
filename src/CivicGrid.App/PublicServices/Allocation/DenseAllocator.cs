namespace CivicGrid.App.PublicServices.Allocation;

/// <summary>
/// The same allocation as <see cref="PlaceAllocator"/> with every applicant linked to every facility within the longest
/// walk, not only the nearest few: the exact optimum the sparse network is measured against, at a larger network's cost.
/// </summary>
public static class DenseAllocator
{
    public static AllocationResult Allocate(IReadOnlyList<Applicant> applicants, IReadOnlyList<FacilityPlaces> facilities, AllocationOptions options)
    {
        Inputs.Check(applicants, facilities);
        var links = AllocationLinks.Build(applicants, facilities, options, int.MaxValue);
        return PlacementFlow.Solve(applicants, facilities, links);
    }
}

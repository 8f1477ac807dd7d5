namespace CivicGrid.App.PublicServices.Allocation;

/// <summary>
/// Allocates free places to applicants on a waiting list: the waiting order first (see <see cref="PriorityPenalties"/>),
/// then the least walking in total, each applicant offered the <see cref="AllocationOptions.NearestFacilities"/>
/// nearest facilities with free places within the longest walk.
/// </summary>
public static class PlaceAllocator
{
    public static AllocationResult Allocate(IReadOnlyList<Applicant> applicants, IReadOnlyList<FacilityPlaces> facilities, AllocationOptions options)
    {
        Inputs.Check(applicants, facilities);
        var links = AllocationLinks.Build(applicants, facilities, options, options.NearestFacilities);
        return PlacementFlow.Solve(applicants, facilities, links);
    }
}

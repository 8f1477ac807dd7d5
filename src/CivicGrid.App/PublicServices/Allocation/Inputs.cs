namespace CivicGrid.App.PublicServices.Allocation;

internal static class Inputs
{
    public static void Check(IReadOnlyList<Applicant> applicants, IReadOnlyList<FacilityPlaces> facilities)
    {
        Unique(applicants.Select(a => a.Id), "applicant");
        Unique(facilities.Select(f => f.Id), "facility");
    }

    private static void Unique(IEnumerable<int> ids, string what)
    {
        var seen = new HashSet<int>();
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                throw new ArgumentException($"The {what} id {id} appears twice.");
            }
        }
    }
}

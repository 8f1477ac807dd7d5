using CivicGrid.Core.Geography;

namespace CivicGrid.App.PublicServices.Allocation;

/// <summary>
/// The facilities with free places each applicant may be sent to, nearest first, with the walk to each in whole
/// metres: every facility within the longest walk, or only the nearest few of them.
/// </summary>
internal sealed class AllocationLinks
{
    private readonly int[] _start;
    private readonly int[] _facility;
    private readonly int[] _walkingMetres;

    private AllocationLinks(int[] start, int[] facility, int[] walkingMetres, long longestPossibleWalk)
    {
        (_start, _facility, _walkingMetres) = (start, facility, walkingMetres);
        LongestPossibleWalk = longestPossibleWalk;
    }

    public int Count => _facility.Length;

    /// <summary>
    /// The longest walk any link could have in these inputs: the longest walk allowed, or the walk across the
    /// rectangle around every applicant and facility if that is shorter. Sparse and dense links share it.
    /// </summary>
    public long LongestPossibleWalk { get; }

    /// <summary>The first link of the applicant; its links run to the first link of the next.</summary>
    public int First(int applicant) => _start[applicant];
    public int End(int applicant) => _start[applicant + 1];
    public int Facility(int link) => _facility[link];
    public int WalkingMetres(int link) => _walkingMetres[link];

    public static AllocationLinks Build(IReadOnlyList<Applicant> applicants, IReadOnlyList<FacilityPlaces> facilities, AllocationOptions options, int perApplicant)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perApplicant);
        if (!(options.MaxWalkingMetres > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The longest walk must be positive.");
        }
        var box = Box(applicants, facilities);
        var projection = LocalProjection.Centred(box);
        var detour = options.Walking.DetourFactor;
        var reach = options.MaxWalkingMetres / detour;
        var open = Enumerable.Range(0, facilities.Count).Where(f => facilities[f].FreePlaces > 0).ToArray();
        var grid = new PointGrid(open.Select(f => projection.X(facilities[f].Lon)).ToArray(), open.Select(f => projection.Y(facilities[f].Lat)).ToArray(), reach);
        var start = new int[applicants.Count + 1];
        var (linkedFacility, linkedMetres) = (new List<int>(), new List<int>());
        var nearby = new List<Neighbour>();
        for (var a = 0; a < applicants.Count; a++)
        {
            nearby.Clear();
            grid.Within(projection.X(applicants[a].Lon), projection.Y(applicants[a].Lat), reach, nearby);
            nearby.Sort();
            for (var n = 0; n < Math.Min(perApplicant, nearby.Count); n++)
            {
                linkedFacility.Add(open[nearby[n].Index]);
                linkedMetres.Add((int)Math.Round(Math.Sqrt(nearby[n].DistanceSquared) * detour));
            }
            start[a + 1] = linkedFacility.Count;
        }
        var across = Math.Ceiling(Diagonal(box, projection) * detour);
        return new AllocationLinks(start, [.. linkedFacility], [.. linkedMetres], (long)Math.Min(Math.Ceiling(options.MaxWalkingMetres), across));
    }

    private static GeoRect Box(IReadOnlyList<Applicant> applicants, IReadOnlyList<FacilityPlaces> facilities)
    {
        var box = BoundingBox.Empty;
        foreach (var applicant in applicants)
        {
            box.Add(applicant.Lat, applicant.Lon);
        }
        foreach (var facility in facilities)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(facility.FreePlaces);
            box.Add(facility.Lat, facility.Lon);
        }
        return box.ToRect();
    }

    private static double Diagonal(GeoRect box, LocalProjection projection) =>
        Math.Sqrt(Math.Pow(projection.X(box.East) - projection.X(box.West), 2) + Math.Pow(projection.Y(box.North) - projection.Y(box.South), 2));
}

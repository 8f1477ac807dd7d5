using CivicGrid.App.PublicServices.Allocation;
using CivicGrid.Core.Geography;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CivicGrid.App.Tests.PublicServices;

public class AllocationTests
{
    private const double Latitude = 30.32, Longitude = 120.14;
    private static readonly LocalProjection Here = new(Latitude, Longitude);
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    private static Applicant ApplicantAt(int id, double metresEast, int points = 0, DateTimeOffset? appliedAt = null) =>
        new(id, Latitude, Longitude + metresEast / Here.MetresPerDegreeEast, points, appliedAt ?? Monday);

    private static FacilityPlaces FacilityAt(int id, double metresEast, int places) =>
        new(id, Latitude, Longitude + metresEast / Here.MetresPerDegreeEast, places);

    [Fact]
    public void EachApplicantGoesToTheNearestFacilityWhenPlacesAllowIt()
    {
        var result = PlaceAllocator.Allocate([ApplicantAt(1, 100), ApplicantAt(2, 1_900)], [FacilityAt(10, 0, 1), FacilityAt(20, 2_000, 1)], AllocationOptions.Default);
        Assert.Equal(10, result.Assignments[1]);
        Assert.Equal(20, result.Assignments[2]);
        Assert.Equal(250, result.TotalWalkingMetres);
        Assert.Equal(250, result.TotalCost);
    }

    [Fact]
    public void MorePointsTakeTheLastPlaceFromANearerApplicant()
    {
        var result = PlaceAllocator.Allocate([ApplicantAt(1, 10, points: 2), ApplicantAt(2, 1_500, points: 3)], [FacilityAt(10, 0, 1)], AllocationOptions.Default);
        Assert.Equal(10, result.Assignments[2]);
        Assert.Null(result.Assignments[1]);
    }

    [Fact]
    public void AmongEqualPointsTheEarlierApplicationGoesFirst()
    {
        var result = PlaceAllocator.Allocate([ApplicantAt(1, 10, 4, Monday), ApplicantAt(2, 1_500, 4, Monday.AddDays(-1))], [FacilityAt(10, 0, 1)], AllocationOptions.Default);
        Assert.Equal(10, result.Assignments[2]);
        Assert.Null(result.Assignments[1]);
    }

    [Fact]
    public void AmongEqualApplicantsTheNearerGoesFirst()
    {
        var result = PlaceAllocator.Allocate([ApplicantAt(1, 1_500, 4), ApplicantAt(2, 10, 4)], [FacilityAt(10, 0, 1)], AllocationOptions.Default);
        Assert.Equal(10, result.Assignments[2]);
        Assert.Null(result.Assignments[1]);
    }

    [Fact]
    public void AHigherPriorityApplicantMovesAnotherToAFartherPlaceRatherThanGoUnplaced()
    {
        // Applicant 1 can reach both facilities, applicant 2 only the first: both are placed, 1 walking farther.
        var options = AllocationOptions.Default with { MaxWalkingMetres = 1_000 };
        var result = PlaceAllocator.Allocate([ApplicantAt(1, 0, points: 1), ApplicantAt(2, -600, points: 5)], [FacilityAt(10, -100, 1), FacilityAt(20, 700, 1)], options);
        Assert.Equal(10, result.Assignments[2]);
        Assert.Equal(20, result.Assignments[1]);
    }

    [Fact]
    public void NoOneIsSentBeyondTheLongestWalk()
    {
        var options = AllocationOptions.Default with { MaxWalkingMetres = 1_000 };
        var result = PlaceAllocator.Allocate([ApplicantAt(1, 0), ApplicantAt(2, 820)], [FacilityAt(10, 0, 0), FacilityAt(20, 1_600, 5)], options);
        Assert.Null(result.Assignments[1]);
        Assert.Equal(20, result.Assignments[2]);
        Assert.Equal(975, result.TotalWalkingMetres);
    }

    [Fact]
    public void OnlyTheNearestFewFacilitiesAreOffered()
    {
        var options = AllocationOptions.Default with { NearestFacilities = 1 };
        var result = PlaceAllocator.Allocate([ApplicantAt(1, 0, points: 9), ApplicantAt(2, 50)], [FacilityAt(10, 20, 1), FacilityAt(20, 600, 1)], options);
        Assert.Equal(10, result.Assignments[1]);
        Assert.Null(result.Assignments[2]);
        Assert.Equal(20, DenseAllocator.Allocate([ApplicantAt(1, 0, points: 9), ApplicantAt(2, 50)], [FacilityAt(10, 20, 1), FacilityAt(20, 600, 1)], options).Assignments[2]);
    }

    [Fact]
    public void RepeatedIdsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => PlaceAllocator.Allocate([ApplicantAt(1, 0), ApplicantAt(1, 5)], [FacilityAt(10, 0, 1)], AllocationOptions.Default));
        Assert.Throws<ArgumentException>(() => GreedyAllocator.Allocate([ApplicantAt(1, 0)], [FacilityAt(10, 0, 1), FacilityAt(10, 5, 1)], AllocationOptions.Default));
    }

    [Fact]
    public void NothingToAllocateIsAnEmptyResult()
    {
        var result = PlaceAllocator.Allocate([], [], AllocationOptions.Default);
        Assert.Empty(result.Assignments);
        Assert.Equal(0, result.TotalCost);
    }

    [Fact]
    public void PenaltiesThatWouldOverflowTheSolverAreRefused()
    {
        var applicants = Enumerable.Range(0, 5_000).Select(i => ApplicantAt(i, 0, appliedAt: Monday.AddMinutes(-i))).ToList();
        Assert.Throws<InvalidOperationException>(() => PriorityPenalties.For(applicants, 5_000, 50_000_000, 1_000_000));
    }

    [Property(MaxTest = 150)]
    public Property NoFacilityIsFilledBeyondItsFreePlaces(int seed)
    {
        var (applicants, facilities) = Instance(seed);
        var result = PlaceAllocator.Allocate(applicants, facilities, AllocationOptions.Default);
        var used = result.Assignments.Values.OfType<int>().CountBy(f => f).ToDictionary();
        return (facilities.All(f => used.GetValueOrDefault(f.Id) <= f.FreePlaces)
            && result.Assignments.Count == applicants.Count
            && applicants.All(a => result.Assignments.ContainsKey(a.Id))).ToProperty();
    }

    [Property(MaxTest = 150)]
    public Property NoUnplacedApplicantGoesBeforeAPlacedOneTheyCouldReplace(int seed)
    {
        var (applicants, facilities) = Instance(seed);
        var options = AllocationOptions.Default with { NearestFacilities = 1 + Math.Abs(seed % 6) };
        var result = PlaceAllocator.Allocate(applicants, facilities, options);
        var links = AllocationLinks.Build(applicants, facilities, options, options.NearestFacilities);
        var used = result.Assignments.Values.OfType<int>().CountBy(f => f).ToDictionary();
        var violations =
            from a in Enumerable.Range(0, applicants.Count)
            where result.Assignments[applicants[a].Id] is null
            from link in Enumerable.Range(links.First(a), links.End(a) - links.First(a))
            let facility = facilities[links.Facility(link)]
            where used.GetValueOrDefault(facility.Id) < facility.FreePlaces
                || applicants.Any(p => result.Assignments[p.Id] == facility.Id && applicants[a].Rank < p.Rank)
            select (applicants[a].Id, facility.Id);
        return (!violations.Any()).Label(string.Join("; ", violations));
    }

    [Property(MaxTest = 100)]
    public Property EveryoneIsPlacedWhenPlacesSufficeAndAreWithinReach(int seed)
    {
        var (applicants, facilities) = Instance(seed);
        var plenty = facilities.Count == 0 ? [new FacilityPlaces(1, Latitude, Longitude, applicants.Count)] : facilities.Select(f => f with { FreePlaces = applicants.Count }).ToList();
        var options = AllocationOptions.Default with { MaxWalkingMetres = 100_000 };
        var result = PlaceAllocator.Allocate(applicants, plenty, options);
        return (result.Placed == applicants.Count).ToProperty();
    }

    [Property(MaxTest = 100)]
    public Property TheSparseNetworkFindsTheDenseOptimumWhenItOffersEveryFacility(int seed)
    {
        var (applicants, facilities) = Instance(seed);
        var sparse = PlaceAllocator.Allocate(applicants, facilities, AllocationOptions.Default);
        var dense = DenseAllocator.Allocate(applicants, facilities, AllocationOptions.Default);
        return (sparse.TotalCost == dense.TotalCost && sparse.TotalWalkingMetres == dense.TotalWalkingMetres)
            .Label($"sparse {sparse.TotalCost}, dense {dense.TotalCost}");
    }

    [Property(MaxTest = 100)]
    public Property FewerLinksNeverBeatTheDenseOptimumAndGreedyNeverBeatsIt(int seed)
    {
        var (applicants, facilities) = Instance(seed, maxFacilities: 40);
        var options = AllocationOptions.Default with { NearestFacilities = 4 };
        var dense = DenseAllocator.Allocate(applicants, facilities, options);
        var sparse = PlaceAllocator.Allocate(applicants, facilities, options);
        var greedy = GreedyAllocator.Allocate(applicants, facilities, options);
        return (dense.TotalCost <= sparse.TotalCost && dense.TotalCost <= greedy.TotalCost)
            .Label($"dense {dense.TotalCost}, sparse {sparse.TotalCost}, greedy {greedy.TotalCost}");
    }

    [Property(MaxTest = 100)]
    public Property TheReportedCostIsTheWalkingPlusThePenaltiesOfThoseLeftOut(int seed)
    {
        var (applicants, facilities) = Instance(seed);
        var result = PlaceAllocator.Allocate(applicants, facilities, AllocationOptions.Default);
        var links = AllocationLinks.Build(applicants, facilities, AllocationOptions.Default, 1);
        var penalties = PriorityPenalties.For(applicants, facilities.Sum(f => (long)f.FreePlaces), links.LongestPossibleWalk, applicants.Count + facilities.Count + 3);
        return (penalties.Cost(applicants, result.Assignments, result.TotalWalkingMetres) == result.TotalCost).ToProperty();
    }

    /// <summary>A random waiting list over about 3 km, with shared application dates so that equal ranks occur.</summary>
    private static (List<Applicant> Applicants, List<FacilityPlaces> Facilities) Instance(int seed, int maxFacilities = 12)
    {
        var random = new Random(seed);
        double Near(double centre) => centre + (random.NextDouble() - 0.5) * 0.03;
        var applicants = Enumerable.Range(0, random.Next(0, 60))
            .Select(i => new Applicant(100 + i, Near(Latitude), Near(Longitude), random.Next(0, 12), Monday.AddDays(-random.Next(0, 5))))
            .ToList();
        var facilities = Enumerable.Range(0, random.Next(0, maxFacilities + 1))
            .Select(i => new FacilityPlaces(10 + i, Near(Latitude), Near(Longitude), random.Next(0, 6)))
            .ToList();
        return (applicants, facilities);
    }
}

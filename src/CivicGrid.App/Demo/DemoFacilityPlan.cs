using CivicGrid.Core.Geography;
using CivicGrid.Core.PublicServices.Facilities;

namespace CivicGrid.App.Demo;

/// <summary>A building a demo facility may stand in, with the names of its community and street.</summary>
public sealed record FacilitySite(string GridCode, string Address, double Latitude, double Longitude, bool IsOffice, string Community, string Street);

/// <summary>One demo facility before it is stored.</summary>
public sealed record PlannedFacility(
    string TypeCode, string Name, FacilitySite Site, double FloorArea, int? Capacity, string OpeningHours, string Operator);

/// <summary>
/// Chooses where the demo district's facilities stand. Each type leaves a few areas without any of its kind, about a
/// kilometre and more across, as real districts have, so the coverage pages have gaps to show. Deterministic per seed.
/// </summary>
public sealed class DemoFacilityPlan(IReadOnlyList<FacilitySite> sites, int seed)
{
    private const double ColdSpotMetres = 1_000;

    /// <summary>How many facilities of a type a demo district of <paramref name="streets"/> streets has.</summary>
    public static int CountFor(int districtCount, int streets, int districtStreets) =>
        Math.Max(1, (int)Math.Round(districtCount * streets / (double)districtStreets, MidpointRounding.AwayFromZero));

    public IEnumerable<PlannedFacility> Place(FacilityType type, int count, int typicalArea, int coldSpots)
    {
        var random = new Random(unchecked(seed + (type.SortOrder * 7_919)));
        var candidates = Candidates(type, random, coldSpots);
        var perCommunity = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var pick = random.Next(candidates.Count);
            var site = candidates[pick];
            if (candidates.Count > 1)
            {
                candidates.RemoveAt(pick);
            }
            var n = perCommunity[site.Community] = perCommunity.GetValueOrDefault(site.Community) + 1;
            yield return new PlannedFacility(type.Code, DemoFacilityNames.Name(site.Community, type.Name, n), site,
                Math.Round(typicalArea * (0.6 + (0.8 * random.NextDouble()))), Capacity(type, random),
                DemoFacilityNames.OpeningHours(type.Code), DemoFacilityNames.Operator(type.Code, site, random));
        }
    }

    /// <summary>The sites outside the type's cold spots; office buildings first for types that belong in them.</summary>
    private List<FacilitySite> Candidates(FacilityType type, Random random, int coldSpots)
    {
        var centres = Enumerable.Range(0, coldSpots).Select(_ => sites[random.Next(sites.Count)])
            .Select(s => (Centre: new GeoPoint(s.Latitude, s.Longitude), Radius: ColdSpotMetres + (random.NextDouble() * 300))).ToList();
        var open = sites.Where(s => centres.TrueForAll(c => c.Centre.DistanceMetresTo(new GeoPoint(s.Latitude, s.Longitude)) > c.Radius)).ToList();
        if (open.Count == 0)
        {
            open = [.. sites];
        }
        var wantsOffice = DemoFacilityNames.InOfficeBuildings(type.Code);
        var preferred = open.Where(s => s.IsOffice == wantsOffice).ToList();
        return preferred.Count > 0 ? preferred : open;
    }

    private static int? Capacity(FacilityType type, Random random) => !type.HasPlaces ? null : type.Code switch
    {
        "childcare" => random.Next(20, 81),
        "elderly" => random.Next(10, 41),
        _ => random.Next(10, 51),
    };
}

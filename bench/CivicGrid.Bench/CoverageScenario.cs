using System.Diagnostics;
using CivicGrid.Core.PublicServices.Coverage;

namespace CivicGrid.Bench;

/// <summary>
/// The 15-minute coverage of every household for every facility type of a district-sized synthetic district, by our
/// kernel in memory, against PostGIS answering the same question in the same run: for each household and type, the
/// distance to the nearest facility of that type within the 15-minute reach (<c>ST_DWithin</c> on geography over a
/// GiST index, then the least <c>ST_Distance</c> per household and type), turned into the same bands.
/// </summary>
internal static class CoverageScenario
{
    public static async Task<ScenarioResult> RunAsync(BenchOptions options)
    {
        var (householdCount, gridCount) = options.Quick ? (20_000, 60) : (500_000, 1_500);
        var district = SyntheticDistrict.Create(gridCount);
        var households = district.Households(householdCount);
        var facilities = district.Facilities();
        var types = SyntheticDistrict.FacilityTypes.Length;
        Console.WriteLine($"coverage: {households.Length:N0} households in {gridCount:N0} grids over {SyntheticDistrict.AreaSquareKilometres:F0} km², {facilities.Length:N0} facilities of {types} types");

        var ours = WalkingCoverage.Compute(facilities, households, types, gridCount);
        var times = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            ours = WalkingCoverage.Compute(facilities, households, types, gridCount);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine($"coverage: ours {median:F0} ms (median of 5, fastest {times[0]:F0} ms)");
        PrintShares(ours.Grids);

        var anchor = await PostgisCoverage.RunAsync(options, facilities, households, types);
        var note = anchor is null
            ? $"{households.Length:N0} households × {types} types; anchor unavailable (no PostgreSQL with PostGIS)"
            : $"{households.Length:N0} households × {types} types; {Agreement(ours.Bands, anchor)}";
        Console.WriteLine($"coverage: {note}");
        return new ScenarioResult("coverage, 15-minute bands", anchor is null ? "memory" : "postgis", median, anchor?.Milliseconds ?? 0, "ms", 1, note) { MaxOurs = 500 };
    }

    private static void PrintShares(GridCoverage grids)
    {
        for (var type = 0; type < grids.TypeCount; type++)
        {
            var shares = new[] { CoverageBand.WithinFive, CoverageBand.WithinTen, CoverageBand.WithinFifteen }.Select(b => grids.DistrictShareWithin(type, b) ?? 0);
            Console.WriteLine($"  {SyntheticDistrict.FacilityTypes[type].Name,-22} within 5 / 10 / 15 min: {string.Join(" / ", shares.Select(s => $"{s:P1}"))}");
        }
    }

    /// <summary>How many bands differ from PostGIS's, and how close to a band limit PostGIS put the farthest of those.</summary>
    private static string Agreement(byte[] ours, PostgisCoverage.Answer theirs)
    {
        var limits = new[] { 5.0, 10, 15 }.Select(WalkingModel.Default.StraightLineMetres).ToArray();
        var differing = Enumerable.Range(0, ours.Length).Where(i => ours[i] != theirs.Bands[i]).ToList();
        var widest = differing.Select(i => limits.Min(l => Math.Abs(Math.Min(theirs.Distances[i], limits[^1]) - l))).DefaultIfEmpty(0).Max();
        return $"{differing.Count:N0} of {ours.Length:N0} bands differ from PostGIS's, each within {widest:F2} m of a band limit";
    }
}

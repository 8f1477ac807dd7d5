using System.Text.Json;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Cases;

/// <summary>
/// The roll-ups, moved by the difference on every save, must always equal the counts recomputed from the cases: the grid
/// roll-up key by key, the street roll-up as the grid one summed by street.
/// </summary>
public class IndicatorRollUpTests
{
    private static readonly string[] Items = ["0101", "0202", "0401", "0502", "0503"];
    private static readonly string[] Ratings = ["Satisfied", "BasicallySatisfied", "Unsatisfied"];
    /// <summary>Moves along the loop, preferred most of the time so that the walk reaches closing and rating.</summary>
    private static readonly string[] Onward = ["Accept", "Handle", "Dispatch", "Resolve", "Verify", "Close", "Rate", "Evaluate"];

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task RollUpEqualsTheCasesRecountedAfterRandomMoves(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var community = grids[0].Code[..12];
        var local = grids.Where(g => g.Code.StartsWith(community, StringComparison.Ordinal)).ToList();
        var actors = await ActorsAsync(site, community, local[0].Code);
        var signedIn = site.Clock.GetUtcNow();
        var random = new Random(20261123);
        var ids = new List<int>();
        for (var step = 0; step < 120; step++)
        {
            // Halfway, into the next month and past many deadlines.
            site.Clock.Advance(step == 60 ? TimeSpan.FromDays(9) : TimeSpan.FromMinutes(random.Next(0, 90)));
            if (site.Clock.GetUtcNow() - signedIn > TimeSpan.FromHours(7))
            {
                // A sign-in lasts 8 hours on the fake clock too.
                (actors, signedIn) = (await ActorsAsync(site, community, local[0].Code), site.Clock.GetUtcNow());
            }
            if (ids.Count < 4 || random.Next(8) == 0)
            {
                ids.Add(await CivicGridFactory.SubmitCaseAsync(actors[0], local[random.Next(local.Count)], Items[random.Next(Items.Length)], $"第 {step} 步提交的诉求"));
                continue;
            }
            await MoveAsync(actors[random.Next(actors.Length)], ids[random.Next(ids.Count)], ids, random);
        }

        var (recounted, rolledUp, streets) = await site.AsSystemAsync(CompareAsync);
        Assert.Equal(recounted, rolledUp);
        Assert.Equal(Regrouped(recounted, k => $"{k[0]} {k[1][..9]} {k[2]} {k[3]}"), streets);
        var whole = recounted.Values.Aggregate(IndicatorCounts.Zero, (sum, c) => sum + c);
        var report = JsonDocument.Parse(await actors[0].GetStringAsync("/api/indicators")).RootElement;
        Assert.Equal(whole, CountsOf(report.GetProperty("totals")));
        var categories = DeliberationList.Items().ToDictionary(i => i.Code, i => i.Category);
        Assert.Equal(Regrouped(recounted, k => k[0]), Listed(report, "trend"));
        Assert.Equal(Regrouped(recounted, k => k[1]), Listed(report, "children"));
        Assert.Equal(Regrouped(recounted, k => categories[k[2]]), Listed(report, "byCategory"));
        Assert.Equal(Regrouped(recounted, k => k[3]), Listed(report, "byDepartment"));
        Assert.True(Listed(report, "children").Count > 1 && Listed(report, "byCategory").Count > 1 && Listed(report, "byDepartment").ContainsKey("CG"),
            "the walk should spread over several grids and categories and dispatch to a department");
        Assert.True(whole.Closed > 0 && whole.Accepted > whole.Closed && recounted.Keys.Any(k => k.StartsWith("2026-12", StringComparison.Ordinal)),
            $"the walk should close some cases, leave some open and reach a second month: {whole}");

        // The district's report is read from the street roll-up.
        var district = await site.CreateClientAsync(StaffRole.DistrictAdmin, community[..6]);
        var wide = JsonDocument.Parse(await district.GetStringAsync("/api/indicators")).RootElement;
        Assert.Equal(whole, CountsOf(wide.GetProperty("totals")));
        Assert.Equal(Regrouped(recounted, k => k[0]), Listed(wide, "trend"));
        Assert.Equal(Regrouped(recounted, k => k[1][..9]), Listed(wide, "children"));
        Assert.Equal(Regrouped(recounted, k => categories[k[2]]), Listed(wide, "byCategory"));
        Assert.Equal(Regrouped(recounted, k => k[3]), Listed(wide, "byDepartment"));
    }

    private static async Task<HttpClient[]> ActorsAsync(CivicGridFactory site, string community, string grid) =>
    [
        await site.CreateClientAsync(StaffRole.CommunityStaff, community),
        await site.CreateClientAsync(StaffRole.GridWorker, grid),
        await site.CreateClientAsync(StaffRole.DepartmentHandler, community[..6], "CG"),
        await site.CreateClientAsync(StaffRole.CivicSupervisor, community),
    ];

    /// <summary>Makes one of the moves the actor is offered, with whatever the move needs; refusals are part of the walk.</summary>
    private static async Task MoveAsync(HttpClient actor, int id, List<int> ids, Random random)
    {
        var detail = await actor.GetAsync($"/api/cases/{id}");
        if (!detail.IsSuccessStatusCode)
        {
            return;
        }
        var allowed = JsonDocument.Parse(await detail.Content.ReadAsStringAsync()).RootElement.GetProperty("allowedActions")
            .EnumerateArray().Select(a => a.GetString()!).Where(a => a != "PutOnAgenda" && (a != "Merge" || random.Next(4) == 0)).ToList();
        if (allowed.Count == 0)
        {
            return;
        }
        var onward = allowed.Intersect(Onward).ToList();
        var choices = onward.Count > 0 && random.Next(10) < 7 ? onward : allowed;
        var action = choices[random.Next(choices.Count)];
        await CivicGridFactory.ActAsync(actor, id, action, new
        {
            departmentCode = "CG",
            rating = Ratings[random.Next(Ratings.Length)],
            extensionDays = random.Next(1, 4),
            processScore = 4,
            resultScore = 5,
            mergeInto = ids[random.Next(ids.Count)],
        });
    }

    private static async Task<(Dictionary<string, IndicatorCounts>, Dictionary<string, IndicatorCounts>, Dictionary<string, IndicatorCounts>)> CompareAsync(
        IServiceProvider services)
    {
        var db = services.GetRequiredService<CivicGridDbContext>();
        var cases = await db.Cases.AsNoTracking().ToListAsync();
        var recounted = cases.Select(CaseStats.Snapshot.Of)
            .GroupBy(s => $"{s.Month} {s.GridCode} {s.ItemCode} {s.DepartmentCode}")
            .ToDictionary(g => g.Key, g => g.Aggregate(IndicatorCounts.Zero, (sum, s) => sum + s.Counts));
        var rows = await db.CaseMonthlyStats.AsNoTracking().ToListAsync();
        var rolledUp = rows.ToDictionary(r => $"{r.Month} {r.GridCode} {r.ItemCode} {r.DepartmentCode}", r => r.Counts);
        var streetRows = await db.CaseMonthlyStreetStats.AsNoTracking().ToListAsync();
        var streets = streetRows.ToDictionary(r => $"{r.Month} {r.StreetCode} {r.ItemCode} {r.DepartmentCode}", r => r.Counts);
        return (Trim(recounted), Trim(rolledUp), Trim(streets));
    }

    /// <summary>The recounted figures summed by a key made from theirs (month, grid, item, department); no department is no row.</summary>
    private static Dictionary<string, IndicatorCounts> Regrouped(Dictionary<string, IndicatorCounts> recounted, Func<string[], string> key) =>
        recounted.GroupBy(c => key(c.Key.Split(' '))).Where(g => g.Key != "")
            .ToDictionary(g => g.Key, g => g.Aggregate(IndicatorCounts.Zero, (sum, c) => sum + c.Value)).Where(c => !c.Value.IsZero)
            .OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary();

    /// <summary>One table of the report by code, leaving out the places and months without a case.</summary>
    private static Dictionary<string, IndicatorCounts> Listed(JsonElement report, string table) =>
        report.GetProperty(table).EnumerateArray().Select(e => (Code: e.GetProperty("code").GetString()!, Counts: CountsOf(e)))
            .Where(e => !e.Counts.IsZero).OrderBy(e => e.Code, StringComparer.Ordinal).ToDictionary(e => e.Code, e => e.Counts);

    private static IndicatorCounts CountsOf(JsonElement figures) =>
        figures.GetProperty("counts").Deserialize<IndicatorCounts>(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>A key whose cases all moved away keeps a row of zeros; it counts the same as no row.</summary>
    private static Dictionary<string, IndicatorCounts> Trim(Dictionary<string, IndicatorCounts> counts) =>
        counts.Where(c => !c.Value.IsZero).OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary();
}

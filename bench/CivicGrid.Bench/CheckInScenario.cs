using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CivicGrid.App.Access;
using CivicGrid.App.Activities;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Activities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// Check-in at the door: 50 scanners at once, each posting a resident's signed code for today's session
/// (POST /api/activities/sessions/{id}/check-in) until every signed-up resident is in. The anchor is a signed-in
/// GET /api/auth/me at the same concurrency and count, in the same run.
/// </summary>
internal static class CheckInScenario
{
    private const int Scanners = 50;
    private const string Password = "Bench-check-in-lantern-7";

    public static async Task<IEnumerable<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        await using var database = await BenchDatabase.CreateAsync(kind, options);
        await using var host = await BenchHost.StartAsync(database);
        var (tokens, community) = await ArrangeAsync(database, options.Quick ? 1 : 4);
        using var staff = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(host.Address) };
        (await staff.PostAsJsonAsync("/api/auth/login", new { userName = "bench.door", password = Password })).EnsureSuccessStatusCode();
        // The first request of each path is not timed (JIT, pools): a refused code changes nothing.
        await staff.PostAsJsonAsync($"/api/activities/sessions/{tokens[0].Session}/check-in", new { token = "A1.0.0.0.x" });
        var anchor = await TimeAsync(tokens.Count, _ => staff.GetAsync("/api/auth/me"));
        var ours = await TimeAsync(tokens.Count, i => staff.PostAsJsonAsync($"/api/activities/sessions/{tokens[i].Session}/check-in", new { token = tokens[i].Token }));
        Console.WriteLine($"[{kind}] check-in p50/p99 {P(ours, 50):F1}/{P(ours, 99):F1} ms over {tokens.Count} scans by {Scanners} at once (community {community}); GET /api/auth/me {P(anchor, 50):F1}/{P(anchor, 99):F1} ms");
        var note = $"{tokens.Count} residents checked in by {Scanners} concurrent scanners, every answer 200; the anchor is GET /api/auth/me at the same concurrency";
        return
        [
            new ScenarioResult("check-in p50, 50 concurrent scans", kind, P(ours, 50), P(anchor, 50), "ms", 0, note) { MaxOurs = 50 },
            new ScenarioResult("check-in p99, 50 concurrent scans", kind, P(ours, 99), P(anchor, 99), "ms", 0, note) { MaxOurs = 50 },
        ];
    }

    /// <summary>Sessions today at the first facility, every resident of the district signed up to each, their codes, and a door account.</summary>
    private static async Task<(List<(int Session, string Token)> Tokens, string Community)> ArrangeAsync(BenchDatabase database, int sessions)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var key = scope.ServiceProvider.GetRequiredService<CheckInKey>();
        var facility = await db.Facilities.OrderBy(f => f.Id).FirstAsync();
        var community = facility.GridCode[..12];
        var residents = await db.Residents.Where(r => r.DepartedOn == null && r.GridCode.StartsWith(community)).Select(r => r.Id).ToListAsync();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var activity = new Core.Activities.Activity { CommunityCode = community, FacilityId = facility.Id, Title = "测速课堂", Capacity = residents.Count, CreatedBy = "bench", CreatedAt = now };
        for (var i = 0; i < sessions; i++)
        {
            activity.Sessions.Add(new ActivitySession { CommunityCode = community, StartsAt = now, Minutes = 60, Status = SessionStatus.Published, Taken = residents.Count });
        }
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        foreach (var session in activity.Sessions)
        {
            db.ActivitySignUps.AddRange(residents.Select(r => new ActivitySignUp { SessionId = session.Id, ResidentId = r, CommunityCode = community, Status = RosterStatus.Confirmed, SignedUpAt = now }));
        }
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var created = await users.CreateAsync(new StaffUser { UserName = "bench.door", DisplayName = "测速", Role = StaffRole.CommunityStaff, ScopeCode = community }, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        var expires = db.Clock.GetUtcNow().AddHours(2);
        var tokens = activity.Sessions.SelectMany(s => residents.Select(r => (s.Id, key.Issue(s.Id, r, expires)))).ToList();
        return (tokens, community);
    }

    /// <summary>Each of <paramref name="count"/> requests timed, sent by <see cref="Scanners"/> workers at once; every answer must succeed.</summary>
    private static async Task<List<double>> TimeAsync(int count, Func<int, Task<HttpResponseMessage>> send)
    {
        var times = new ConcurrentBag<double>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Scanners).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var watch = Stopwatch.StartNew();
                using var response = await send(i);
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"request {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));
        return [.. times];
    }

    private static double P(List<double> times, int percentile)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }
}

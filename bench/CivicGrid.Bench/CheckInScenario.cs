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
/// Check-in at the door (POST /api/activities/sessions/{id}/check-in with a resident's signed code), two ways, each
/// against a signed-in GET /api/auth/me sent the same way in the same run:
/// fifty doors scanning at once, one scan a second each (a steady 50 a second, latency counted from when each scan
/// was due); and a burst, fifty requests in flight at all times until every code is used, which measures queueing on
/// the machine more than the check-in.
/// </summary>
internal static class CheckInScenario
{
    private const int Scanners = 50;
    private const double ScansPerSecond = Scanners;
    private const string Password = "Bench-check-in-lantern-7";

    public static async Task<IEnumerable<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        await using var database = await BenchDatabase.CreateAsync(kind, options);
        await using var host = await BenchHost.StartAsync(database);
        var steadyFor = TimeSpan.FromSeconds(options.Quick ? 2 : 20);
        var steadyCount = (int)(ScansPerSecond * steadyFor.TotalSeconds);
        var (tokens, community) = await ArrangeAsync(database, options.Quick ? 1 : 4, steadyCount);
        var (burst, steady) = (tokens[..^steadyCount], tokens[^steadyCount..]);
        using var staff = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(host.Address) };
        (await staff.PostAsJsonAsync("/api/auth/login", new { userName = "bench.door", password = Password })).EnsureSuccessStatusCode();
        // The first request of each path is not timed (JIT, pools): a refused code changes nothing.
        await staff.PostAsJsonAsync($"/api/activities/sessions/{burst[0].Session}/check-in", new { token = "A1.0.0.0.x" });
        var warmUp = TimeSpan.FromSeconds(1);
        var steadyAnchor = await SteadyLoad.RunAsync([new LoadRequest("me", async ct => (await staff.GetAsync("/api/auth/me", ct)).IsSuccessStatusCode)], ScansPerSecond, steadyFor, warmUp);
        var next = -1;
        var steadyOurs = await SteadyLoad.RunAsync([new LoadRequest("check-in", async ct =>
        {
            var (session, token) = steady[Interlocked.Increment(ref next)];
            return (await staff.PostAsJsonAsync($"/api/activities/sessions/{session}/check-in", new { token }, ct)).IsSuccessStatusCode;
        })], ScansPerSecond, steadyFor, warmUp);
        if (steadyOurs.Errors > 0)
        {
            throw new InvalidOperationException($"{steadyOurs.Errors} of {steadyOurs.Requests} steady check-ins were refused");
        }
        var anchor = await TimeAsync(burst.Length, _ => staff.GetAsync("/api/auth/me"));
        var ours = await TimeAsync(burst.Length, i => staff.PostAsJsonAsync($"/api/activities/sessions/{burst[i].Session}/check-in", new { token = burst[i].Token }));
        Console.WriteLine($"[{kind}] check-in at {ScansPerSecond}/s p50/p99 {steadyOurs.P50Ms:F1}/{steadyOurs.P99Ms:F1} ms (GET /api/auth/me {steadyAnchor.P50Ms:F1}/{steadyAnchor.P99Ms:F1}); "
            + $"burst p50/p99 {P(ours, 50):F1}/{P(ours, 99):F1} ms over {burst.Length} scans by {Scanners} at once (GET /api/auth/me {P(anchor, 50):F1}/{P(anchor, 99):F1}); community {community}");
        var steadyNote = $"{steadyOurs.Requests} residents checked in by {Scanners} doors scanning once a second each over {steadyFor.TotalSeconds:F0} s, every answer 200, latency from when each scan was due; the anchor is GET /api/auth/me at the same rate";
        var burstNote = $"{burst.Length} residents checked in by {Scanners} requests kept in flight at once, every answer 200; the anchor is GET /api/auth/me the same way";
        return
        [
            new ScenarioResult("check-in p99, 50 doors scanning", kind, steadyOurs.P99Ms, steadyAnchor.P99Ms, "ms", 0, steadyNote) { MaxOurs = 50 },
            new ScenarioResult("check-in p50, burst of 50 at once", kind, P(ours, 50), P(anchor, 50), "ms", 0, burstNote) { MaxOurs = 50 },
            new ScenarioResult("check-in p99, burst of 50 at once", kind, P(ours, 99), P(anchor, 99), "ms", 0, burstNote) { MaxOurs = 50 },
        ];
    }

    /// <summary>
    /// Sessions today at the first facility, every resident of its community signed up to each (enough sessions for the
    /// burst and the steady scans), their codes in session order, and a door account.
    /// </summary>
    private static async Task<((int Session, string Token)[] Tokens, string Community)> ArrangeAsync(BenchDatabase database, int burstSessions, int steadyScans)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var key = scope.ServiceProvider.GetRequiredService<CheckInKey>();
        var facility = await db.Facilities.OrderBy(f => f.Id).FirstAsync();
        var community = facility.GridCode[..12];
        var residents = await db.Residents.Where(r => r.DepartedOn == null && r.GridCode.StartsWith(community)).Select(r => r.Id).ToListAsync();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var sessions = burstSessions + (steadyScans + residents.Count - 1) / residents.Count;
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
        var tokens = activity.Sessions.SelectMany(s => residents.Select(r => (s.Id, key.Issue(s.Id, r, expires)))).ToArray();
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

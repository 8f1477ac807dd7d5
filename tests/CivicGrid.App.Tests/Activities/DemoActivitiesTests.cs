using CivicGrid.App.Access;
using CivicGrid.App.Activities;
using CivicGrid.Core.Activities;
using CivicGrid.Core.Demo;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Activities;

/// <summary>The small demo's term of activities holds together as the use cases would have left it.</summary>
public class DemoActivitiesTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheSmallDemosTermIsConsistentAndHoursComeOnlyFromHeldSessionsServed(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind, DemoScale.Small);
        await using var system = app.Scope(new SystemJurisdiction());
        var db = system.Db;
        var servers = db.SessionServers;
        var allSessions = db.ActivitySessions;
        var volunteers = await db.Volunteers.CountAsync();
        Assert.InRange(volunteers, 100, 200);
        Assert.True(await db.ActivitySessions.CountAsync(s => s.Status == SessionStatus.Held) > 0);
        Assert.True(await db.ActivitySessions.CountAsync(s => s.Status == SessionStatus.Published) > 0);
        // Every hour credited is for a held session the volunteer served.
        var stray = await db.HoursEntries.CountAsync(h => !servers.Any(x => x.SessionId == h.SourceId && x.VolunteerId == h.VolunteerId)
            || !allSessions.Any(s => s.Id == h.SourceId && s.Status == SessionStatus.Held));
        Assert.Equal(0, stray);
        // Counters match the rows, within capacity; the class's attendees are over 60.
        var sessions = await db.ActivitySessions.Include(s => s.Activity).ToListAsync();
        var counts = await db.ActivitySignUps.GroupBy(s => s.SessionId)
            .Select(g => new { g.Key, Taken = g.Count(s => s.Status == RosterStatus.Confirmed), In = g.Count(s => s.CheckedInAt != null) }).ToDictionaryAsync(g => g.Key);
        Assert.All(sessions, s => Assert.Equal(s.Taken, counts[s.Id].Taken));
        Assert.All(sessions, s => Assert.True(s.Taken <= s.Activity!.Capacity));
        var youngest = await db.ActivitySignUps.Where(x => allSessions.Any(s => s.Id == x.SessionId && s.Activity!.AudienceRule == "age >= 60"))
            .Join(db.Residents, x => x.ResidentId, r => r.Id, (x, r) => r.BirthDate).MaxAsync();
        Assert.True(youngest <= new DateOnly(1966, 11, 23));
    }
}

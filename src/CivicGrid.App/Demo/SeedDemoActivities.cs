using CivicGrid.App.Activities;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Activities;
using CivicGrid.Core.Demo.Activities;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Demo;

/// <summary>
/// Gives the demo district its volunteers and a term of activities and trainings with sign-ups, attendance and hours
/// (<see cref="DemoActivities"/>) and a few of the enterprises' employees as volunteers (<see cref="DemoEmployeeVolunteers"/>),
/// by the bulk path in one transaction. Does nothing when there are volunteers already.
/// </summary>
public sealed record SeedDemoActivities(int Volunteers);

public sealed class SeedDemoActivitiesHandler(CivicGridDbContext db, BulkInsert bulk)
{
    /// <summary>Returns how many sessions were written.</summary>
    public async Task<int> HandleAsync(SeedDemoActivities command, CancellationToken ct)
    {
        if (command.Volunteers <= 0 || await db.Volunteers.AnyAsync(ct))
        {
            return 0;
        }
        var system = db.SystemWork();
        var total = await system.Residents.CountAsync(ct);
        // A sample of about eight residents per volunteer wanted: volunteers, elders for the classes, neighbours for the rest.
        var step = Math.Max(1, total / Math.Max(1, command.Volunteers * 8));
        var people = await system.Residents.AsNoTracking().Where(r => r.DepartedOn == null && r.Id % step == 0)
            .Select(r => new DemoPerson(r.Id, r.Name, r.GridCode, r.BirthDate)).ToListAsync(ct);
        var venues = await db.Facilities.AsNoTracking().Select(f => new DemoVenue(f.Id, f.GridCode)).ToListAsync(ct);
        var ids = new DemoActivityIds(await bulk.NextIdAsync<Activity>(ct), await bulk.NextIdAsync<ActivitySession>(ct), await bulk.NextIdAsync<ActivitySignUp>(ct),
            await bulk.NextIdAsync<Volunteer>(ct), await bulk.NextIdAsync<HoursEntry>(ct));
        var rows = DemoActivities.Generate(people, venues, command.Volunteers, db.Clock.Today(), ids);
        // A twentieth as many employees of the district's enterprises, numbered after the residents.
        var firms = await system.Enterprises.AsNoTracking().OrderBy(e => e.Id).Select(e => new DemoFirm(e.Id, e.GridCode)).ToListAsync(ct);
        var employees = DemoEmployeeVolunteers.Generate(firms, command.Volunteers / 20, ids.Volunteer + rows.Volunteers.Count, db.Clock.GetUtcNow().UtcDateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await bulk.WriteAsync(rows.Volunteers, ct);
        await bulk.WriteAsync(employees, ct);
        await bulk.WriteAsync(rows.Activities, ct);
        await bulk.WriteAsync(rows.Sessions, ct);
        await bulk.WriteAsync(rows.Servers, ct);
        await bulk.WriteAsync(rows.SignUps, ct);
        await bulk.WriteAsync(rows.Hours, ct);
        await transaction.CommitAsync(ct);
        return rows.Sessions.Count;
    }
}

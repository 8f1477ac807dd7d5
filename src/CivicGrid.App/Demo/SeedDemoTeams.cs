using CivicGrid.App.Activities;
using CivicGrid.App.Activities.Teams;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Activities;
using CivicGrid.Core.Activities.Teams;
using CivicGrid.Core.Demo.Activities;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Demo;

/// <summary>
/// Gives every demo community the five think-tank teams with its volunteers as members, and the communities'
/// deliberation days their invitations, answers and — on held days — attendance and hours (<see cref="DemoTeams"/>),
/// by the bulk path in one transaction. Does nothing when there are teams already, or no volunteers (the tests' tiny district). Returns how many members were written.
/// </summary>
public sealed record SeedDemoTeams;

public sealed class SeedDemoTeamsHandler(CivicGridDbContext db, BulkInsert bulk)
{
    public async Task<int> HandleAsync(SeedDemoTeams command, CancellationToken ct)
    {
        if (await db.VolunteerTeams.AnyAsync(ct) || !await db.Volunteers.AnyAsync(ct))
        {
            return 0;
        }
        var system = db.SystemWork();
        var communities = await system.TerritoryNodes.AsNoTracking().Where(n => n.Level == TerritoryLevel.Community).OrderBy(n => n.Code).Select(n => n.Code).ToListAsync(ct);
        var groups = await db.ThinkTankGroups.AsNoTracking().OrderBy(g => g.Id).ToListAsync(ct);
        var volunteers = await db.Volunteers.AsNoTracking().OrderBy(v => v.Id).Select(v => new DemoVolunteer(v.Id, v.GridCode)).ToListAsync(ct);
        var days = await db.DeliberationDays.AsNoTracking().Where(d => d.BusinessCommunityId == null).OrderBy(d => d.Id)
            .Select(d => new DemoDay(d.Id, d.HostCode, d.Date, d.DurationMinutes, d.HeldAt)).ToListAsync(ct);
        var ids = new DemoTeamIds(await bulk.NextIdAsync<VolunteerTeam>(ct), await bulk.NextIdAsync<TeamMember>(ct),
            await bulk.NextIdAsync<DeliberationInvitation>(ct), await bulk.NextIdAsync<HoursEntry>(ct));
        var rows = DemoTeams.Generate(communities, groups, volunteers, days, db.Clock.GetUtcNow().UtcDateTime, ids);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await bulk.WriteAsync(rows.Teams, ct);
        await bulk.WriteAsync(rows.Members, ct);
        await bulk.WriteAsync(rows.Invitations, ct);
        await bulk.WriteAsync(rows.Hours, ct);
        await transaction.CommitAsync(ct);
        return rows.Members.Count;
    }
}

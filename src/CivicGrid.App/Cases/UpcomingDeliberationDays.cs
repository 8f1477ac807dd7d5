using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.PublicServices.Enrolment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>A deliberation day as a resident sees it before going: when, where, what about, who holds it.</summary>
public sealed record PublicDeliberationDay(DateOnly Date, string Title, string Place, string HostName);

/// <summary>
/// The days a resident's own community or street will hold, soonest first. Deliberation days are public meetings, so
/// the resident sees date, title, place and host of those around their home (past the staff-only filter on days), and
/// nothing of the agenda, participants or minutes.
/// </summary>
public sealed record UpcomingDeliberationDays(int Count = 6);

public sealed class UpcomingDeliberationDaysHandler(CivicGridDbContext db, ResidentAccounts accounts)
{
    public async Task<IReadOnlyList<PublicDeliberationDay>> HandleAsync(UpcomingDeliberationDays query, CancellationToken ct)
    {
        if (await accounts.ResidentIdAsync(ct) is not { } residentId)
        {
            return [];
        }
        var grid = await (await db.OwnHouseholdAsync(ct)).Residents.AsNoTracking().Where(r => r.Id == residentId).Select(r => r.GridCode).FirstOrDefaultAsync(ct);
        if (grid is null)
        {
            return [];
        }
        var today = db.Clock.Today();
        var hosts = new[] { grid[..9], grid[..12] };
        var days = await db.PublicCases().DeliberationDays.AsNoTracking()
            .Where(d => hosts.Contains(d.HostCode) && d.HeldAt == null && d.Date >= today)
            .OrderBy(d => d.Date).ThenBy(d => d.Id).Take(query.Count)
            .Select(d => new { d.Date, d.Title, d.Place, d.HostCode }).ToListAsync(ct);
        var names = await DeliberationDaysHandler.HostNamesAsync(db, hosts, ct);
        return days.ConvertAll(d => new PublicDeliberationDay(d.Date, d.Title, d.Place, names.GetValueOrDefault(d.HostCode, d.HostCode)));
    }
}

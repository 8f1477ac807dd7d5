using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.LifeEvents;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.LifeEvents;

/// <summary>
/// Finds the life events that birth dates make: turning 60, turning 80, and the sixth birthday (school entry), over
/// the last <see cref="Days"/> days so a missed run catches up. Each is recorded once.
/// </summary>
public sealed record DeriveLifeEvents(int Days = 7);

public sealed class DeriveLifeEventsHandler(CivicGridDbContext db)
{
    private static readonly (LifeEventKind Kind, int Age)[] Birthdays =
        [(LifeEventKind.SchoolEntry, 6), (LifeEventKind.Turned60, 60), (LifeEventKind.Turned80, 80)];

    public async Task<int> HandleAsync(DeriveLifeEvents command, CancellationToken ct)
    {
        var today = db.Clock.Today();
        var added = 0;
        foreach (var (kind, age) in Birthdays)
        {
            var from = today.AddDays(-command.Days + 1).AddYears(-age);
            var to = today.AddYears(-age);
            var events = db.SystemWork().LifeEvents;
            var due = await db.SystemWork().Residents.AsNoTracking()
                .Where(r => r.DepartedOn == null && r.BirthDate >= from && r.BirthDate <= to)
                .Where(r => !events.Any(e => e.ResidentId == r.Id && e.Kind == kind))
                .ToListAsync(ct);
            foreach (var resident in due)
            {
                LifeEventLog.Add(db, resident, kind, resident.BirthDate.AddYears(age), derived: true);
            }
            added += due.Count;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }
}

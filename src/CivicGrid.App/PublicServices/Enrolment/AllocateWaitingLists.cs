using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.PublicServices.Enrolment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Enrolment;

/// <summary>
/// The system's allocation: every limited service with someone waiting (or the services named) gets its free places
/// handed out over the whole service, as on a join or a release. The service sweep runs it, so a list never sits idle
/// beside places nobody released by a move (lists seeded or imported, places added to a facility).
/// </summary>
public sealed record AllocateWaitingLists(IReadOnlyList<int>? ServiceIds = null);

public sealed class AllocateWaitingListsHandler(CivicGridDbContext db, WaitingList waitingList)
{
    /// <returns>How many people got a place.</returns>
    public async Task<int> HandleAsync(AllocateWaitingLists command, CancellationToken ct)
    {
        var waiting = db.SystemWork().ServiceEnrolments.Where(e => e.Status == EnrolmentStatus.Waiting).Select(e => e.ServiceItemId);
        var services = db.ServiceItems.AsNoTracking().Where(s => s.LimitedPlaces && waiting.Contains(s.Id));
        if (command.ServiceIds is { } named)
        {
            services = services.Where(s => named.Contains(s.Id));
        }
        var placed = 0;
        foreach (var id in await services.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct))
        {
            placed += (await waitingList.AllocateAsync(id, ct)).Placed;
        }
        return placed;
    }
}

using CivicGrid.App.Data;
using CivicGrid.Core.PublicServices.Enrolment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Enrolment;

/// <summary>A place on a waiting list as staff see it, in the order the priority policy gives.</summary>
public sealed record WaitingRow(int EnrolmentId, int ResidentId, string Name, string GridCode, int Points, DateTime Since);

public sealed record FacilityLoad(int FacilityId, string Name, int Capacity, int Occupied);

public sealed record WaitingListView(int ServiceId, IReadOnlyList<WaitingRow> Waiting, IReadOnlyList<FacilityLoad> Facilities);

public sealed record GetWaitingList(int ServiceId);

public sealed class GetWaitingListHandler(CivicGridDbContext db, WaitingList list)
{
    public async Task<WaitingListView> HandleAsync(GetWaitingList query, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow();
        var waiting = await db.ServiceEnrolments.AsNoTracking()
            .Where(e => e.ServiceItemId == query.ServiceId && e.Status == EnrolmentStatus.Waiting)
            .Join(db.Residents, e => e.ResidentId, r => r.Id, (e, r) => new { e.Id, e.ResidentId, r.Name, e.GridCode, e.PriorityPoints, Since = e.AcceptedAt ?? e.OfferedAt })
            .ToListAsync(ct);
        var rows = waiting.Select(w => new WaitingRow(w.Id, w.ResidentId, w.Name, w.GridCode,
                Math.Min(WaitingPriority.MaxPoints, w.PriorityPoints + WaitingPriority.Points(false, false, new DateTimeOffset(DateTime.SpecifyKind(w.Since, DateTimeKind.Utc)), now)), w.Since))
            .OrderByDescending(w => w.Points).ThenBy(w => w.Since).ToList();
        var facilities = await list.LoadsAsync(query.ServiceId, ct);
        return new WaitingListView(query.ServiceId, rows, facilities);
    }
}

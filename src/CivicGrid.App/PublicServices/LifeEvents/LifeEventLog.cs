using CivicGrid.App.Data;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.LifeEvents;

namespace CivicGrid.App.PublicServices.LifeEvents;

internal static class LifeEventLog
{
    public static LifeEvent Add(CivicGridDbContext db, Resident resident, LifeEventKind kind, DateOnly on, bool derived)
    {
        var recorded = new LifeEvent
        {
            ResidentId = resident.Id, GridCode = resident.GridCode, Kind = kind, OccurredOn = on, Derived = derived,
            RecordedAt = db.Clock.GetUtcNow().UtcDateTime, RecordedBy = db.Jurisdiction.ActorName,
        };
        db.LifeEvents.Add(recorded);
        return recorded;
    }
}

using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.PublicServices.Enrolment;
using CivicGrid.Core.Access;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Core.PublicServices.LifeEvents;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.LifeEvents;

/// <summary>
/// Records a life event of a resident and applies what it changes: a move-in date, a disability tag, or — for death
/// and moving out — the resident's departure, which ends their services and hands released places to the waiting list.
/// The one-step bundle the event opens is read afterwards with <see cref="GetLifeEvent"/>.
/// </summary>
/// <remarks>Kind and date are nullable because a JSON body may leave them out; the handler names a missing one.</remarks>
public sealed record RecordLifeEvent(int ResidentId, LifeEventKind? Kind, DateOnly? OccurredOn);

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The handler of a use case about life events, not a .NET event handler.")]
public sealed class RecordLifeEventHandler(CivicGridDbContext db, WaitingList waitingList)
{
    public async Task<Outcome<int>> HandleAsync(RecordLifeEvent command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.ManagesPeople())
        {
            return Outcome<int>.Forbidden("当前角色无权登记生命周期事件");
        }
        var resident = await db.Residents.Include(r => r.Tags).FirstOrDefaultAsync(r => r.Id == command.ResidentId, ct);
        if (resident is null)
        {
            return Outcome<int>.NotFound();
        }
        if (command.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return Outcome<int>.Invalid(nameof(command.Kind), "请选择事件类型（出生、迁入、入学、年满60周岁、年满80周岁、退休、残疾、死亡或迁出）");
        }
        if (command.OccurredOn is not { } on)
        {
            return Outcome<int>.Invalid(nameof(command.OccurredOn), "请填写事件日期");
        }
        if (Validate(on, resident, db.Clock.Today()) is { } error)
        {
            return Outcome<int>.Invalid(nameof(command.OccurredOn), error);
        }
        if (await db.LifeEvents.AnyAsync(e => e.ResidentId == resident.Id && e.Kind == kind && e.OccurredOn == on, ct))
        {
            return Outcome<int>.Invalid(nameof(command.Kind), "该事件已登记");
        }
        await ApplyAsync(resident, kind, on, ct);
        var recorded = LifeEventLog.Add(db, resident, kind, on, derived: false);
        var released = kind.Departs() ? await EndServicesAsync(resident.Id, ct) : [];
        if (kind.Departs())
        {
            await CloseVisitsAsync(resident.Id, kind, ct);
        }
        await db.SaveChangesAsync(ct);
        foreach (var serviceId in released)
        {
            await waitingList.AllocateAsync(serviceId, ct);
        }
        return Outcome<int>.Ok(recorded.Id);
    }

    private static string? Validate(DateOnly on, Resident resident, DateOnly today) =>
        on > today ? "事件日期不能晚于今天"
        : on < resident.BirthDate ? "事件日期不能早于出生日期"
        : !resident.IsActive ? "该居民已迁出或死亡，不能再登记事件"
        : null;

    private async Task ApplyAsync(Resident resident, LifeEventKind kind, DateOnly on, CancellationToken ct)
    {
        switch (kind)
        {
            case LifeEventKind.MoveIn:
                resident.MoveInDate = on;
                break;
            case LifeEventKind.Disability when resident.Tags.All(t => t.Name != "残疾"):
                if (await db.Tags.FirstOrDefaultAsync(t => t.Name == "残疾", ct) is { } tag)
                {
                    resident.Tags.Add(tag);
                }
                break;
            case LifeEventKind.Death or LifeEventKind.MoveOut:
                resident.DepartedOn = on;
                resident.Departure = kind == LifeEventKind.Death ? Departure.Died : Departure.MovedOut;
                break;
        }
    }

    /// <summary>Visits still owed to someone who has left are closed with the reason, so the grid worker's list stays true.</summary>
    private async Task CloseVisitsAsync(int residentId, LifeEventKind kind, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var task in await db.SystemWork().VisitTasks.Where(t => t.ResidentId == residentId && t.DoneAt == null).ToListAsync(ct))
        {
            task.DoneAt = now;
            task.DoneBy = db.Jurisdiction.ActorName;
            task.Note = $"居民{kind.ChineseName()}，无需走访";
        }
    }

    /// <summary>Ends every open enrolment; returns the services whose places were released.</summary>
    private async Task<List<int>> EndServicesAsync(int residentId, CancellationToken ct)
    {
        var open = await db.SystemWork().ServiceEnrolments
            .Where(e => e.ResidentId == residentId && e.Status != EnrolmentStatus.Declined && e.Status != EnrolmentStatus.Ended).ToListAsync(ct);
        var released = open.Where(e => e.FacilityId is not null).Select(e => e.ServiceItemId).Distinct().ToList();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var enrolment in open)
        {
            enrolment.Apply(new EnrolmentMove(EnrolmentMoveKind.End), false, db.Jurisdiction.ActorName, now);
        }
        return released;
    }
}

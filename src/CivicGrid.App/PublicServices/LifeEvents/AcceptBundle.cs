using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.PublicServices.Enrolment;
using CivicGrid.Core.Access;
using CivicGrid.Core.PublicServices.Enrolment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.LifeEvents;

/// <summary>Takes up the chosen matters of a life event's bundle in one action (一件事一次办); limited services join the waiting list.</summary>
public sealed record AcceptBundle(int LifeEventId, IReadOnlyList<(int ServiceId, int ResidentId)> Matters);

public sealed class AcceptBundleHandler(CivicGridDbContext db, GetLifeEventHandler events, WaitingList waitingList, ResidentAccounts accounts)
{
    public async Task<Outcome<int>> HandleAsync(AcceptBundle command, CancellationToken ct)
    {
        var view = await events.HandleAsync(new GetLifeEvent(command.LifeEventId), ct);
        if (view is null)
        {
            return Outcome<int>.NotFound();
        }
        if (!await MayAcceptAsync(view.ResidentId, ct))
        {
            return Outcome<int>.Forbidden("无权办理该事件");
        }
        var open = view.Open.ToDictionary(l => (l.ServiceId, l.ResidentId));
        var chosen = command.Matters.Distinct().ToList();
        if (chosen.Count == 0 || chosen.Any(m => !open.ContainsKey(m)))
        {
            return Outcome<int>.Invalid(nameof(command.Matters), chosen.Count == 0 ? "请至少选择一项服务" : "所选服务不在该事件的可办清单中，请刷新后重试");
        }
        var ids = chosen.Select(m => m.ResidentId).Distinct().ToList();
        var grids = await (await db.HouseholdOfAsync(view.ResidentId, ct)).Residents.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.GridCode, ct);
        foreach (var (serviceId, residentId) in chosen)
        {
            await waitingList.TakeUpAsync(serviceId, open[(serviceId, residentId)].LimitedPlaces, residentId, grids[residentId], EnrolmentSource.LifeEvent, ct);
        }
        var limited = chosen.Where(m => open[m].LimitedPlaces).Select(m => m.ServiceId).Distinct().ToList();
        var recorded = await (await db.HouseholdOfAsync(view.ResidentId, ct)).LifeEvents.FirstAsync(e => e.Id == command.LifeEventId, ct);
        recorded.BundleAcceptedAt = db.Clock.GetUtcNow().UtcDateTime;
        recorded.BundleAcceptedBy = db.Jurisdiction.ActorName;
        await db.SaveChangesAsync(ct);
        foreach (var serviceId in limited)
        {
            await waitingList.AllocateAsync(serviceId, ct);
        }
        return Outcome<int>.Ok(chosen.Count);
    }

    private async Task<bool> MayAcceptAsync(int residentId, CancellationToken ct) => db.Jurisdiction.Role.May(Permission.ActForOwnHousehold)
        ? await accounts.ResidentIdAsync(ct) == residentId
        : db.Jurisdiction.Role.ManagesPeople() && await db.Residents.AnyAsync(r => r.Id == residentId, ct);
}

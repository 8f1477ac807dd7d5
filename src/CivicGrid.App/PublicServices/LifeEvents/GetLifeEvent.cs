using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.PublicServices.Enrolment;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.Access;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Core.PublicServices.LifeEvents;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.LifeEvents;

/// <summary>One matter of a one-step bundle: a service the event opens for one member of the household.</summary>
public sealed record BundleLine(int ServiceId, string ServiceName, string Mode, bool LimitedPlaces, int ResidentId, string ResidentName, string? Status);

public sealed record LifeEventView(
    int Id, int ResidentId, string ResidentName, LifeEventKind Kind, string KindName, DateOnly OccurredOn, bool Derived,
    string RecordedBy, DateTime? BundleAcceptedAt, IReadOnlyList<BundleLine> Bundle)
{
    /// <summary>Matters not yet taken up: no enrolment, or one still only offered.</summary>
    public IEnumerable<BundleLine> Open => Bundle.Where(l => l.Status is null or "已推送");
}

public sealed record GetLifeEvent(int Id);

/// <summary>
/// A life event with its bundle (一件事): every published service the event's kind opens, for each member of the
/// household who is eligible now, with where they stand. Departures open nothing.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The handler of a use case about life events, not a .NET event handler.")]
public sealed class GetLifeEventHandler(CivicGridDbContext db, Eligibility eligibility, ResidentAccounts accounts)
{
    public async Task<LifeEventView?> HandleAsync(GetLifeEvent query, CancellationToken ct)
    {
        var events = db.Jurisdiction.Role.May(Permission.ActForOwnHousehold) ? (await db.OwnHouseholdAsync(ct)).LifeEvents : db.LifeEvents;
        var e = await events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.Id, ct);
        if (e is null || !await MaySeeAsync(e, ct))
        {
            return null;
        }
        var bundle = e.Kind.Departs() ? [] : await BundleAsync(e, ct);
        var name = await (await db.HouseholdOfAsync(e.ResidentId, ct)).Residents.Where(r => r.Id == e.ResidentId).Select(r => r.Name).FirstAsync(ct);
        return new LifeEventView(e.Id, e.ResidentId, name, e.Kind, e.Kind.ChineseName(), e.OccurredOn, e.Derived, e.RecordedBy, e.BundleAcceptedAt, bundle);
    }

    /// <summary>Staff who manage people see events in their jurisdiction; a resident sees only their own.</summary>
    private async Task<bool> MaySeeAsync(LifeEvent e, CancellationToken ct) => db.Jurisdiction.Role.May(Permission.ActForOwnHousehold)
        ? await accounts.ResidentIdAsync(ct) == e.ResidentId
        : db.Jurisdiction.Role.ManagesPeople();

    private async Task<List<BundleLine>> BundleAsync(LifeEvent e, CancellationToken ct)
    {
        var eligible = await eligibility.ForHouseholdOfAsync(e.ResidentId, ct);
        var ids = eligible.Keys.ToList();
        var household = await db.HouseholdOfAsync(e.ResidentId, ct);
        var names = await household.Residents.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var enrolments = await household.ServiceEnrolments.Where(x => ids.Contains(x.ResidentId))
            .ToDictionaryAsync(x => (x.ResidentId, x.ServiceItemId), x => x.Status, ct);
        return eligible
            .SelectMany(m => m.Value.Where(r => r.OpenedBy.Includes(e.Kind)).Select(r => (Member: m.Key, Rule: r)))
            .OrderBy(x => x.Member != e.ResidentId).ThenBy(x => x.Rule.Code)
            .Select(x => new BundleLine(x.Rule.ServiceId, x.Rule.Name, x.Rule.Mode.ChineseName(), x.Rule.LimitedPlaces, x.Member, names[x.Member],
                enrolments.TryGetValue((x.Member, x.Rule.ServiceId), out var s) ? s.ChineseName() : null))
            .ToList();
    }
}

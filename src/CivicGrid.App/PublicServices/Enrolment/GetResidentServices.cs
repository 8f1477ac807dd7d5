using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.Access;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Core.PublicServices.LifeEvents;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Enrolment;

public sealed record EnrolmentView(
    int Id, int ServiceId, string ServiceName, string Theme, EnrolmentStatus Status, string StatusName, string Source,
    string? Facility, DateTime OfferedAt, DateTime? DecidedAt, int Version, bool Eligible, bool LimitedPlaces);

public sealed record DueService(int ServiceId, string Name, string Mode, bool LimitedPlaces, bool MayApply);

public sealed record LifeEventRow(int Id, string Kind, DateOnly OccurredOn, bool Derived, DateTime? BundleAcceptedAt);

/// <summary>A resident's services: what they receive or were offered, and what they are eligible for but not yet receiving.</summary>
public sealed record ResidentServices(int ResidentId, string Name, IReadOnlyList<EnrolmentView> Enrolments, IReadOnlyList<DueService> Due, IReadOnlyList<LifeEventRow> Events, string? Account);

/// <summary>For staff: a resident in their jurisdiction; for a resident: their own linked record (ResidentId ignored).</summary>
public sealed record GetResidentServices(int? ResidentId);

public sealed class GetResidentServicesHandler(CivicGridDbContext db, Eligibility eligibility, ResidentAccounts accounts)
{
    public async Task<ResidentServices?> HandleAsync(GetResidentServices query, CancellationToken ct)
    {
        var own = db.Jurisdiction.Role.May(Permission.ActForOwnHousehold);
        var id = own ? await accounts.ResidentIdAsync(ct) : query.ResidentId;
        var residents = own ? (await db.OwnHouseholdAsync(ct)).Residents : db.Residents;
        var resident = id is null ? null : await residents.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Id, r.Name }).FirstOrDefaultAsync(ct);
        if (resident is null)
        {
            return null;
        }
        var eligible = (await eligibility.ForHouseholdOfAsync(resident.Id, ct)).GetValueOrDefault(resident.Id) ?? [];
        var enrolments = await EnrolmentsAsync(resident.Id, eligible.Select(e => e.ServiceId).ToHashSet(), ct);
        var receiving = enrolments.Where(e => e.Status is not (EnrolmentStatus.Ended or EnrolmentStatus.Declined)).Select(e => e.ServiceId).ToHashSet();
        var due = eligible.Where(e => !receiving.Contains(e.ServiceId))
            .Select(e => new DueService(e.ServiceId, e.Name, e.Mode.ChineseName(), e.LimitedPlaces, enrolments.All(x => x.ServiceId != e.ServiceId) || e.Mode == DeliveryMode.OnApplication)).ToList();
        var events = await (await db.HouseholdOfAsync(resident.Id, ct)).LifeEvents.AsNoTracking().Where(e => e.ResidentId == resident.Id)
            .OrderByDescending(e => e.OccurredOn).Select(e => new { e.Id, e.Kind, e.OccurredOn, e.Derived, e.BundleAcceptedAt }).ToListAsync(ct);
        var account = await db.Users.Where(u => u.ResidentId == resident.Id).Select(u => u.UserName).FirstOrDefaultAsync(ct);
        return new ResidentServices(resident.Id, resident.Name, enrolments, due,
            events.Select(e => new LifeEventRow(e.Id, e.Kind.ChineseName(), e.OccurredOn, e.Derived, e.BundleAcceptedAt)).ToList(), account);
    }

    private async Task<List<EnrolmentView>> EnrolmentsAsync(int residentId, HashSet<int> eligible, CancellationToken ct)
    {
        var rows = await (await db.HouseholdOfAsync(residentId, ct)).ServiceEnrolments.AsNoTracking().Where(e => e.ResidentId == residentId)
            .Join(db.ServiceItems, e => e.ServiceItemId, s => s.Id, (e, s) => new { e, s.Name, s.Theme, s.LimitedPlaces })
            .ToListAsync(ct);
        var facilityIds = rows.Where(r => r.e.FacilityId != null).Select(r => r.e.FacilityId!.Value).ToList();
        var facilities = await db.Facilities.Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        return rows.OrderBy(r => r.e.Status).ThenBy(r => r.Name).Select(r => new EnrolmentView(
            r.e.Id, r.e.ServiceItemId, r.Name, r.Theme.ChineseName(), r.e.Status, r.e.Status.ChineseName(), r.e.Source.ChineseName(),
            r.e.FacilityId is { } f ? facilities.GetValueOrDefault(f) : null, r.e.OfferedAt, r.e.DecidedAt, r.e.Version,
            eligible.Contains(r.e.ServiceItemId), r.LimitedPlaces)).ToList();
    }
}

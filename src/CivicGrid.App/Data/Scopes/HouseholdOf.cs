using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Core.PublicServices.LifeEvents;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Data.Scopes;

/// <summary>
/// The household of one resident the caller has already reached (所及居民之户): the resident, the other members of its
/// household (who may be registered in another grid), and their life events and enrolments. Eligibility is a household
/// matter, so a use case that has loaded a resident through its own scope or through <see cref="OwnHouseholdScope"/>
/// reads the household's facts, names and enrolments through this. Only the service use cases (rules, enrolment, life
/// events, registration) may use it, and only with a resident they reached first.
/// </summary>
public sealed class HouseholdOfScope
{
    private readonly CivicGridDbContext _db;
    private readonly int _residentId;
    private readonly int? _householdId;

    internal HouseholdOfScope(CivicGridDbContext db, int residentId, int? householdId) =>
        (_db, _residentId, _householdId) = (db, residentId, householdId);

    public IQueryable<Resident> Residents => _db.HouseholdMembers(_residentId, _householdId);

    public IQueryable<LifeEvent> LifeEvents => _db.LifeEventsOf(Residents);

    public IQueryable<ServiceEnrolment> ServiceEnrolments => _db.EnrolmentsOf(Residents);
}

public static partial class ReadScopes
{
    /// <inheritdoc cref="HouseholdOfScope"/>
    public static async Task<HouseholdOfScope> HouseholdOfAsync(this CivicGridDbContext db, int residentId, CancellationToken ct) =>
        new(db, residentId, await HouseholdIdAsync(db, residentId, ct));
}

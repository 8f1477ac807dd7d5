using CivicGrid.Core.Activities;
using CivicGrid.Core.Activities.Teams;
using CivicGrid.Core.CashBenefits;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Core.PublicServices.LifeEvents;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Data.Scopes;

/// <summary>
/// The signed-in resident's own household (本户): the resident record staff linked to the account, the members of its
/// household, and their life events and service enrolments. A resident's account has no territorial scope, so the
/// resident-facing use cases (their services, applications, life events, upcoming deliberation days) read their own
/// records through this. An account without a linked resident record sees nothing here.
/// </summary>
public sealed class OwnHouseholdScope
{
    private readonly CivicGridDbContext _db;
    private readonly int? _residentId;
    private readonly int? _householdId;

    internal OwnHouseholdScope(CivicGridDbContext db, int? residentId, int? householdId) =>
        (_db, _residentId, _householdId) = (db, residentId, householdId);

    public IQueryable<Resident> Residents => _db.HouseholdMembers(_residentId, _householdId);

    public IQueryable<LifeEvent> LifeEvents => _db.LifeEventsOf(Residents);

    public IQueryable<ServiceEnrolment> ServiceEnrolments => _db.EnrolmentsOf(Residents);

    /// <summary>The resident's own id, when the account has one linked.</summary>
    public int? ResidentId => _residentId;

    /// <summary>The resident's own activity sign-ups, volunteer record and hours (not the household's).</summary>
    public IQueryable<ActivitySignUp> ActivitySignUps => _db.Own<ActivitySignUp>(_residentId, s => s.ResidentId);

    public IQueryable<Volunteer> Volunteers => _db.OwnVolunteers(_residentId);

    public IQueryable<HoursEntry> HoursEntries
    {
        get
        {
            var own = Volunteers.Select(v => v.Id);
            return _db.OwnHours(own);
        }
    }

    /// <summary>The resident's own team memberships, with the teams they are in.</summary>
    public IQueryable<TeamMember> TeamMemberships => _db.OwnOf<TeamMember>(Volunteers.Select(v => v.Id), m => m.VolunteerId);

    public IQueryable<VolunteerTeam> Teams => _db.TeamsOf(TeamMemberships.Select(m => m.TeamId));

    /// <summary>The teams of the resident's own community, which their volunteer may join.</summary>
    public IQueryable<VolunteerTeam> CommunityTeams => _db.TeamsAround(_db.HouseholdMembers(_residentId, null).Select(r => r.GridCode));

    /// <summary>The resident's own invitations to deliberation days, and those days.</summary>
    public IQueryable<DeliberationInvitation> Invitations => _db.OwnOf<DeliberationInvitation>(Volunteers.Select(v => v.Id), i => i.VolunteerId);

    public IQueryable<Core.Cases.DeliberationDay> InvitedDays => _db.DaysOf(Invitations.Select(i => i.DeliberationDayId));

    /// <summary>The resident's own cash payment lines (not the household's), and the lists they are on.</summary>
    public IQueryable<PaymentLine> PaymentLines => _db.Own<PaymentLine>(_residentId, l => l.ResidentId);

    public IQueryable<PaymentList> PaymentLists => _db.ListsOf(PaymentLines.Select(l => l.PaymentListId));
}

public static partial class ReadScopes
{
    /// <inheritdoc cref="OwnHouseholdScope"/>
    public static async Task<OwnHouseholdScope> OwnHouseholdAsync(this CivicGridDbContext db, CancellationToken ct)
    {
        var residentId = db.Jurisdiction.UserId is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.ResidentId).FirstOrDefaultAsync(ct)
            : null;
        return new OwnHouseholdScope(db, residentId, await HouseholdIdAsync(db, residentId, ct));
    }

#pragma warning disable RS0030 // The data layer implements the scopes: one resident's household, by its key.
    internal static async Task<int?> HouseholdIdAsync(CivicGridDbContext db, int? residentId, CancellationToken ct) => residentId is { } id
        ? await db.Residents.IgnoreQueryFilters().Where(r => r.Id == id).Select(r => r.HouseholdId).FirstOrDefaultAsync(ct)
        : null;

    /// <summary>The resident and the members of its household, by keys; nobody when there is no resident.</summary>
    internal static IQueryable<Resident> HouseholdMembers(this CivicGridDbContext db, int? residentId, int? householdId) =>
        (residentId, householdId) switch
        {
            (null, _) => db.Residents.IgnoreQueryFilters().Where(r => false),
            ({ } id, { } household) => db.Residents.IgnoreQueryFilters().Where(r => r.Id == id || r.HouseholdId == household),
            ({ } id, null) => db.Residents.IgnoreQueryFilters().Where(r => r.Id == id),
        };

    internal static IQueryable<T> Own<T>(this CivicGridDbContext db, int? residentId, System.Linq.Expressions.Expression<Func<T, int>> resident)
        where T : class
    {
        var id = residentId ?? -1;
        var parameter = resident.Parameters[0];
        var test = System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
            System.Linq.Expressions.Expression.Equal(resident.Body, System.Linq.Expressions.Expression.Constant(id)), parameter);
        return db.Set<T>().IgnoreQueryFilters().Where(test);
    }

    internal static IQueryable<Volunteer> OwnVolunteers(this CivicGridDbContext db, int? residentId)
    {
        var id = residentId ?? -1;
        return db.Set<Volunteer>().IgnoreQueryFilters().Where(v => v.ResidentId == id);
    }

    internal static IQueryable<HoursEntry> OwnHours(this CivicGridDbContext db, IQueryable<int> volunteerIds) =>
        db.Set<HoursEntry>().IgnoreQueryFilters().Where(h => volunteerIds.Contains(h.VolunteerId));

    internal static IQueryable<T> OwnOf<T>(this CivicGridDbContext db, IQueryable<int> volunteerIds, System.Linq.Expressions.Expression<Func<T, int>> volunteer)
        where T : class
    {
        var parameter = volunteer.Parameters[0];
        var contains = System.Linq.Expressions.Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(int)], volunteerIds.Expression, volunteer.Body);
        return db.Set<T>().IgnoreQueryFilters().Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(contains, parameter));
    }

    internal static IQueryable<VolunteerTeam> TeamsOf(this CivicGridDbContext db, IQueryable<int> teamIds) =>
        db.Set<VolunteerTeam>().IgnoreQueryFilters().Where(t => teamIds.Contains(t.Id));

    /// <summary>The teams of the communities the grids lie in.</summary>
    internal static IQueryable<VolunteerTeam> TeamsAround(this CivicGridDbContext db, IQueryable<string> gridCodes) =>
        db.Set<VolunteerTeam>().IgnoreQueryFilters().Where(t => gridCodes.Any(g => g.Substring(0, 12) == t.CommunityCode));

    internal static IQueryable<Core.Cases.DeliberationDay> DaysOf(this CivicGridDbContext db, IQueryable<int> dayIds) =>
        db.Set<Core.Cases.DeliberationDay>().IgnoreQueryFilters().Where(d => dayIds.Contains(d.Id));

    internal static IQueryable<PaymentList> ListsOf(this CivicGridDbContext db, IQueryable<int> listIds) =>
        db.Set<PaymentList>().IgnoreQueryFilters().Where(l => listIds.Contains(l.Id));

    internal static IQueryable<LifeEvent> LifeEventsOf(this CivicGridDbContext db, IQueryable<Resident> members)
    {
        var ids = members.Select(r => r.Id);
        return db.LifeEvents.IgnoreQueryFilters().Where(e => ids.Contains(e.ResidentId));
    }

    internal static IQueryable<ServiceEnrolment> EnrolmentsOf(this CivicGridDbContext db, IQueryable<Resident> members)
    {
        var ids = members.Select(r => r.Id);
        return db.ServiceEnrolments.IgnoreQueryFilters().Where(e => ids.Contains(e.ResidentId));
    }
#pragma warning restore RS0030
}

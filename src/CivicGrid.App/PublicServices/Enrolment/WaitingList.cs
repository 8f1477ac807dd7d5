using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Notifications;
using CivicGrid.App.PublicServices.Allocation;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Enrolment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Enrolment;

/// <summary>What one allocation did.</summary>
public sealed record AllocationReport(int Waiting, int FreePlaces, int Placed, long WalkingMetres, TimeSpan SolveTime);

/// <summary>
/// The waiting list of a service with limited places: priority points per <see cref="WaitingPriority"/>, and
/// allocation of the free places of every facility offering the service by min-cost flow (<see cref="PlaceAllocator"/>).
/// Allocations of a service are serialised by a row lock in the database, so two nodes never hand out one place twice.
/// </summary>
public sealed class WaitingList(CivicGridDbContext db)
{
    private static readonly string[] VulnerableTags = ["残疾", "失能", "独居"];

    /// <summary>
    /// A resident takes a service up (accepts an offer, applies, or takes a bundle's matter): the enrolment is created or
    /// offered again when it had been declined or ended, then accepted; a limited service puts them on the waiting list
    /// with their points. The caller saves and, for a limited service, allocates.
    /// </summary>
    /// <returns>The enrolment, or a Chinese reason when it cannot be accepted from where it stands.</returns>
    public async Task<(ServiceEnrolment Enrolment, string? Refusal)> TakeUpAsync(
        int serviceId, bool limitedPlaces, int residentId, string gridCode, EnrolmentSource source, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var actor = db.Jurisdiction.ActorName;
        var enrolment = await db.SystemWork().ServiceEnrolments.FirstOrDefaultAsync(e => e.ServiceItemId == serviceId && e.ResidentId == residentId, ct);
        if (enrolment is null)
        {
            enrolment = ServiceEnrolment.Offer(serviceId, residentId, gridCode, source, now);
            db.ServiceEnrolments.Add(enrolment);
        }
        else if (enrolment.Status is EnrolmentStatus.Declined or EnrolmentStatus.Ended)
        {
            enrolment.Apply(new EnrolmentMove(EnrolmentMoveKind.Reoffer), limitedPlaces, actor, now);
        }
        if (limitedPlaces)
        {
            enrolment.PriorityPoints = await BasePointsAsync(residentId, ct);
        }
        return (enrolment, enrolment.Apply(new EnrolmentMove(EnrolmentMoveKind.Accept), limitedPlaces, actor, now));
    }

    /// <summary>The points an applicant holds on the day they join: dual income and vulnerability; waiting time adds later.</summary>
    public async Task<int> BasePointsAsync(int residentId, CancellationToken ct)
    {
        var resident = await db.SystemWork().Residents.AsNoTracking().Include(r => r.Tags).FirstAsync(r => r.Id == residentId, ct);
        var dualIncome = resident.HouseholdId is { } household && await db.SystemWork().Residents
            .AnyAsync(m => m.HouseholdId == household && m.DepartedOn == null && m.Tags.Any(t => t.Name == "双职工"), ct);
        var vulnerable = resident.Tags.Any(t => VulnerableTags.Contains(t.Name));
        var now = db.Clock.GetUtcNow();
        return WaitingPriority.Points(dualIncome, vulnerable, now, now);
    }

    /// <summary>
    /// Allocates inside a transaction that first locks the service's row, so allocations of one service run one at a
    /// time across every node: each counts the free places the one before it left.
    /// </summary>
    public async Task<AllocationReport> AllocateAsync(int serviceId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await RowLock.TakeAsync<ServiceItem>(db, serviceId, ct);
            return await AllocateOnceAsync(serviceId, ct);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await RowLock.TakeAsync<ServiceItem>(db, serviceId, ct);
        var report = await AllocateOnceAsync(serviceId, ct);
        await transaction.CommitAsync(ct);
        return report;
    }

    private async Task<AllocationReport> AllocateOnceAsync(int serviceId, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow();
        var waiting = await db.SystemWork().ServiceEnrolments
            .Where(e => e.ServiceItemId == serviceId && e.Status == EnrolmentStatus.Waiting).ToListAsync(ct);
        var applicants = await ApplicantsAsync(waiting, now, ct);
        var facilities = await FreePlacesAsync(serviceId, ct);
        if (applicants.Count == 0 || facilities.Sum(f => f.FreePlaces) == 0)
        {
            return new AllocationReport(waiting.Count, facilities.Sum(f => f.FreePlaces), 0, 0, TimeSpan.Zero);
        }
        var result = PlaceAllocator.Allocate(applicants, facilities, AllocationOptions.Default);
        var byId = waiting.ToDictionary(e => e.Id);
        foreach (var (enrolmentId, facilityId) in result.Assignments)
        {
            if (facilityId is { } placed)
            {
                byId[enrolmentId].Apply(new EnrolmentMove(EnrolmentMoveKind.Allocate, placed), true, db.Jurisdiction.ActorName, now.UtcDateTime);
            }
        }
        await TellPlacedAsync(serviceId, waiting.Where(e => e.Status == EnrolmentStatus.Enrolled).ToList(), now.UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return new AllocationReport(waiting.Count, facilities.Sum(f => f.FreePlaces), result.Placed, result.TotalWalkingMetres, result.SolveTime);
    }

    /// <summary>Applicants located at their household's building; residents without a household wait until one is recorded.</summary>
    private async Task<List<Applicant>> ApplicantsAsync(List<ServiceEnrolment> waiting, DateTimeOffset now, CancellationToken ct)
    {
        var residentIds = waiting.Select(e => e.ResidentId).ToList();
        var places = await db.SystemWork().Residents
            .Where(r => residentIds.Contains(r.Id) && r.Household != null)
            .Select(r => new { r.Id, r.Household!.Building!.Latitude, r.Household.Building.Longitude })
            .ToDictionaryAsync(r => r.Id, ct);
        return waiting.Where(e => places.ContainsKey(e.ResidentId)).Select(e =>
        {
            var at = new DateTimeOffset(DateTime.SpecifyKind(e.AcceptedAt ?? e.OfferedAt, DateTimeKind.Utc));
            var points = e.PriorityPoints + WaitingPriority.Points(false, false, at, now);
            var place = places[e.ResidentId];
            return new Applicant(e.Id, place.Latitude, place.Longitude, Math.Min(points, WaitingPriority.MaxPoints), at);
        }).ToList();
    }

    /// <summary>Every facility offering the service with places, and how many of them residents hold now.</summary>
    public async Task<List<FacilityLoad>> LoadsAsync(int serviceId, CancellationToken ct)
    {
        var facilities = await db.Facilities.AsNoTracking()
            .Where(f => f.Capacity != null && f.Services.Any(s => s.Id == serviceId))
            .Select(f => new { f.Id, f.Name, Capacity = f.Capacity!.Value }).ToListAsync(ct);
        var ids = facilities.Select(f => f.Id).ToList();
        var held = await db.SystemWork().ServiceEnrolments
            .Where(e => e.FacilityId != null && ids.Contains(e.FacilityId.Value) && e.Status == EnrolmentStatus.Enrolled)
            .GroupBy(e => e.FacilityId!.Value).Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, ct);
        return facilities.Select(f => new FacilityLoad(f.Id, f.Name, f.Capacity, held.GetValueOrDefault(f.Id))).OrderBy(f => f.Name).ToList();
    }

    private async Task<List<FacilityPlaces>> FreePlacesAsync(int serviceId, CancellationToken ct)
    {
        var loads = await LoadsAsync(serviceId, ct);
        var ids = loads.Select(l => l.FacilityId).ToList();
        var places = await db.Facilities.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => (f.Latitude, f.Longitude), ct);
        return loads.Select(l => new FacilityPlaces(l.FacilityId, places[l.FacilityId].Latitude, places[l.FacilityId].Longitude, Math.Max(0, l.Capacity - l.Occupied))).ToList();
    }

    private async Task TellPlacedAsync(int serviceId, List<ServiceEnrolment> placed, DateTime now, CancellationToken ct)
    {
        var residentIds = placed.Select(e => e.ResidentId).ToList();
        var accounts = await db.Users.Where(u => u.ResidentId != null && residentIds.Contains(u.ResidentId.Value)).Select(u => u.Id).ToListAsync(ct);
        var name = await db.ServiceItems.Where(s => s.Id == serviceId).Select(s => s.Name).FirstAsync(ct);
        db.InboxMessages.AddRange(accounts.Select(id => new InboxMessage
        {
            UserId = id, Title = $"已为您安排{name}名额", Body = "请在“我的服务”中查看安排的阵地。", Link = "my/services", CreatedAt = now,
        }));
    }
}

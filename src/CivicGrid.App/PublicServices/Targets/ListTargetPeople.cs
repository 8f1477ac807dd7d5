using CivicGrid.App.Data;
using CivicGrid.App.Data.Replica;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Enrolment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Targets;

/// <summary>Which people of a target list to show: everyone eligible, the missed, or those in one enrolment state.</summary>
public enum TargetGroup
{
    Eligible,
    Missed,
    Offered,
    Waiting,
    Enrolled,
    Declined,
}

/// <summary>A person on a target list, personal data masked.</summary>
public sealed record TargetPerson(int ResidentId, string Name, string IdNumber, string Gender, int Age, string GridCode, string Status, DateTime? Since);

public sealed record ListTargetPeople(int ServiceId, string? NodeCode, TargetGroup Group, int PageNumber = 1, int PageSize = 50);

public sealed class ListTargetPeopleHandler(ReportingReads reads, TargetQueries queries)
{
    public async Task<Outcome<Page<TargetPerson>>> HandleAsync(ListTargetPeople query, CancellationToken ct)
    {
        var db = await reads.DbAsync(ct);
        if (TargetScope.For(db.Jurisdiction, query.NodeCode) is not { } scope)
        {
            return Outcome<Page<TargetPerson>>.Forbidden("无权查看该区域");
        }
        var service = await db.ServiceItems.AsNoTracking().Include(s => s.Rules).FirstOrDefaultAsync(s => s.Id == query.ServiceId, ct);
        if (service is null)
        {
            return Outcome<Page<TargetPerson>>.NotFound();
        }
        var size = Page<TargetPerson>.Clamp(query.PageSize);
        var number = Math.Max(1, query.PageNumber);
        var (ids, total) = query.Group is TargetGroup.Eligible or TargetGroup.Missed
            ? await queries.EligibleIdsAsync(db, service, scope, query.Group == TargetGroup.Missed, (number - 1) * size, size, ct)
            : await EnrolledIdsAsync(db, service.Id, scope, StatusOf(query.Group), (number - 1) * size, size, ct);
        var people = await PeopleAsync(db, service.Id, ids, ct);
        return Outcome<Page<TargetPerson>>.Ok(new Page<TargetPerson>(people, number, size, total));
    }

    private static EnrolmentStatus StatusOf(TargetGroup group) => group switch
    {
        TargetGroup.Offered => EnrolmentStatus.Offered,
        TargetGroup.Waiting => EnrolmentStatus.Waiting,
        TargetGroup.Enrolled => EnrolmentStatus.Enrolled,
        _ => EnrolmentStatus.Declined,
    };

    private static async Task<(List<int>, int)> EnrolledIdsAsync(CivicGridDbContext db, int serviceId, TargetScope scope, EnrolmentStatus status, int skip, int take, CancellationToken ct)
    {
        var rows = db.ServiceEnrolments.AsNoTracking()
            .Where(e => e.ServiceItemId == serviceId && e.Status == status && e.GridCode.StartsWith(scope.NodeCode));
        var total = await rows.CountAsync(ct);
        var ids = await rows.OrderBy(e => e.ResidentId).Skip(skip).Take(take).Select(e => e.ResidentId).ToListAsync(ct);
        return (ids, total);
    }

    private static async Task<List<TargetPerson>> PeopleAsync(CivicGridDbContext db, int serviceId, List<int> ids, CancellationToken ct)
    {
        var today = db.Clock.Today();
        var residents = await db.Residents.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var enrolments = await db.ServiceEnrolments.AsNoTracking()
            .Where(e => e.ServiceItemId == serviceId && ids.Contains(e.ResidentId)).ToDictionaryAsync(e => e.ResidentId, ct);
        return ids.Where(residents.ContainsKey).Select(id =>
        {
            var r = residents[id];
            var e = enrolments.GetValueOrDefault(id);
            return new TargetPerson(id, r.Name, r.IdNumberMasked, r.Gender == Gender.Male ? "男" : "女", r.AgeOn(today), r.GridCode,
                e?.Status.ChineseName() ?? "应享未享", e?.DecidedAt ?? e?.OfferedAt);
        }).ToList();
    }
}

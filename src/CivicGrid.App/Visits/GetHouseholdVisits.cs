using CivicGrid.App.Data;
using CivicGrid.Core.People;
using CivicGrid.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Visits;

/// <summary>One household as the visit form shows it: address, members to choose whom one met, its standing in the plan and its last visits.</summary>
public sealed record GetHouseholdVisits(int HouseholdId);

public sealed record VisitMember(int Id, string Name, string Relation, int Age);

public sealed record PastVisit(int Id, DateOnly VisitedOn, string? MetWhom, bool NoOneHome, string Situation, int? CaseId, int? VisitTaskId, string RecordedBy);

public sealed record HouseholdVisits(int HouseholdId, string Address, string GridCode, IReadOnlyList<VisitMember> Members, VisitPlanItem Standing, IReadOnlyList<PastVisit> Visits);

public sealed class GetHouseholdVisitsHandler(CivicGridDbContext db, VisitPlanReader reader)
{
    public const int Shown = 10;

    public async Task<Outcome<HouseholdVisits>> HandleAsync(GetHouseholdVisits query, CancellationToken ct)
    {
        if (!VisitScope.May(db.Jurisdiction))
        {
            return Outcome<HouseholdVisits>.Forbidden(VisitScope.Refusal);
        }
        var household = await db.Households.AsNoTracking().Where(h => h.Id == query.HouseholdId).Select(h => new { h.Id, h.Address, h.GridCode }).FirstOrDefaultAsync(ct);
        if (household is null)
        {
            return Outcome<HouseholdVisits>.NotFound();
        }
        var today = db.Clock.Today();
        var members = (await db.Residents.AsNoTracking().Where(r => r.HouseholdId == household.Id && r.DepartedOn == null)
            .OrderBy(r => r.Relation).ThenBy(r => r.BirthDate).Select(r => new { r.Id, r.Name, r.Relation, r.BirthDate }).ToListAsync(ct))
            .Select(r => new VisitMember(r.Id, r.Name, r.Relation.ChineseName(), Age.On(r.BirthDate, today))).ToList();
        var names = members.ToDictionary(m => m.Id, m => m.Name);
        var visits = (await db.HouseholdVisits.AsNoTracking().Where(v => v.HouseholdId == household.Id)
            .OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).Take(Shown).ToListAsync(ct))
            .Select(v => new PastVisit(v.Id, v.VisitedOn, v.MetResidentId is { } m ? names.GetValueOrDefault(m, "（已迁出）") : null, v.NoOneHome, v.Situation, v.CaseId, v.VisitTaskId, v.RecordedBy))
            .ToList();
        var policy = await reader.PolicyAsync(ct);
        var attention = (await reader.AttentionAsync(policy, household.GridCode, ct)).Contains(household.Id);
        var standing = VisitPlanner.Item(policy, new PlannedHousehold(household.Id, household.GridCode, attention, visits.Count == 0 ? null : visits.Max(v => v.VisitedOn)), today);
        return Outcome<HouseholdVisits>.Ok(new HouseholdVisits(household.Id, household.Address, household.GridCode, members, standing, visits));
    }
}

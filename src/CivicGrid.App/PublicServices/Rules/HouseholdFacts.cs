using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Rules;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Rules;

/// <summary>
/// The rule facts of the active members of one household, for re-evaluating one changed resident. Unlike
/// <see cref="ResidentFactsReader"/>, which streams a whole scope and sums every tag in one pass, this reads only the
/// household's rows through their indexes, so it stays a few milliseconds at district scale.
/// </summary>
public static class HouseholdFacts
{
    public static async Task<List<ResidentFacts>> ForResidentAsync(CivicGridDbContext db, int residentId, CancellationToken ct)
    {
        var household = await db.HouseholdOfAsync(residentId, ct);
        var resident = await household.Residents.AsNoTracking().Where(r => r.Id == residentId)
            .Select(r => new { r.HouseholdId }).FirstOrDefaultAsync(ct);
        if (resident is null)
        {
            return [];
        }
        var members = await household.Residents.AsNoTracking().Include(r => r.Tags)
            .Where(r => r.DepartedOn == null && (resident.HouseholdId == null ? r.Id == residentId : r.HouseholdId == resident.HouseholdId))
            .ToListAsync(ct);
        return Of(members);
    }

    /// <summary>Facts of residents who share one household (or a single resident without one).</summary>
    public static List<ResidentFacts> Of(IReadOnlyList<Resident> members)
    {
        var tags = members.Select(TagBits).ToList();
        var householdTags = tags.Aggregate(0UL, (all, t) => all | t);
        var youngest = members.Max(m => m.BirthDate.DayNumber);
        var oldest = members.Min(m => m.BirthDate.DayNumber);
        return members.Select((m, i) => new ResidentFacts(
            m.Id, m.BirthDate.DayNumber, m.Gender, m.ResidenceType, m.Relation, (m.MoveInDate ?? m.BirthDate).DayNumber,
            m.GridCode, tags[i], householdTags, members.Count, youngest, oldest)).ToList();
    }

    private static ulong TagBits(Resident r) =>
        r.Tags.Where(t => t.Id is >= 1 and <= 64).Aggregate(0UL, (bits, t) => bits | (1UL << (t.Id - 1)));
}

using CivicGrid.App.Data;

namespace CivicGrid.App.PublicServices.Rules;

/// <summary>
/// Which published services the members of one resident's household are eligible for today, evaluated in memory
/// with the compiled rules: the path for one changed resident (registration, life events, their services page).
/// </summary>
public sealed class Eligibility(CivicGridDbContext db, RuleBook book, PublishedRules published)
{
    public async Task<Dictionary<int, List<PublishedRule>>> ForHouseholdOfAsync(int residentId, CancellationToken ct)
    {
        var facts = await HouseholdFacts.ForResidentAsync(db, residentId, ct);
        var rules = await published.GetAsync(db, book, ct);
        return facts.ToDictionary(f => f.ResidentId, f => rules.Where(r => r.Rule.Matches(in f)).ToList());
    }
}

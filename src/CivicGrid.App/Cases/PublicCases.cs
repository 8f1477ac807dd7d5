using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>
/// The cases anyone may see listed, past the jurisdiction filter: raised by residents or integrations (not recorded
/// on a home visit) and of an item marked public. Open311's GET and the nearby-cases list read only these.
/// </summary>
public static class PublicCases
{
    public static IQueryable<Case> Of(CivicGridDbContext db, CaseReferenceSnapshot snapshot) =>
        Among(db.PublicCases().Cases(snapshot.PublicItemCodes).AsNoTracking(), snapshot);

    /// <summary>The public ones among <paramref name="cases"/>, which keep whatever filter they came with.</summary>
    public static IQueryable<Case> Among(IQueryable<Case> cases, CaseReferenceSnapshot snapshot)
    {
        var items = snapshot.Items.Values.Where(i => i.Public).Select(i => i.Code).ToList();
        return cases.Where(c => c.Source != CaseSource.Visit && items.Contains(c.ItemCode));
    }
}

using CivicGrid.Core.Activities;

namespace CivicGrid.App.Data.Scopes;

public static partial class ReadScopes
{
    /// <summary>
    /// The hours of the caller's own enterprise's employee volunteers. A contact's jurisdiction has no territory, so the
    /// ledger's filter (where the volunteer is) hides them; the volunteers themselves are the contact's by their filter.
    /// </summary>
    public static IQueryable<HoursEntry> OwnEnterpriseHours(this CivicGridDbContext db)
    {
        var own = db.Jurisdiction.OwnEnterpriseId ?? -1;
        return db.OwnHours(db.Set<Volunteer>().Where(v => v.EnterpriseId == own).Select(v => v.Id));
    }
}

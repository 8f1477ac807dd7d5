using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Data.Scopes;

/// <summary>
/// The cases of a subtree counted for figures over places (hotspots, rising trends). For an account whose jurisdiction
/// is a subtree of places and holds <paramref name="subtree"/>, the jurisdiction filter adds nothing the place does not
/// say, but its other branches (a department's cases, one's own submissions) keep the database from answering from the
/// receipt-time index alone; so those accounts read by place only. A department or a civic supervisor, whose filter
/// says more than a place, keeps it. Only the hotspot finder reads these, for a subtree the indicator scope allowed.
/// </summary>
public sealed class CaseFiguresScope(CivicGridDbContext db)
{
    public IQueryable<Case> Within(string subtree)
    {
        var jurisdiction = db.Jurisdiction;
        var byPlaceOnly = jurisdiction.DepartmentCode is null && jurisdiction.Role != StaffRole.CivicSupervisor
            && subtree.StartsWith(jurisdiction.CaseScopeCode, StringComparison.Ordinal);
#pragma warning disable RS0030 // The data layer implements the scope: the subtree lies within the account's places.
        var cases = byPlaceOnly ? db.Cases.IgnoreQueryFilters() : db.Cases;
#pragma warning restore RS0030
        return cases.Where(c => c.GridCode.StartsWith(subtree));
    }
}

public static partial class ReadScopes
{
    /// <inheritdoc cref="CaseFiguresScope"/>
    public static CaseFiguresScope CaseFigures(this CivicGridDbContext db) => new(db);
}

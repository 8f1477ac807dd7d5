using CivicGrid.Core.Cases;
using CivicGrid.Core.Enterprises.Needs;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Data.Scopes;

/// <summary>
/// The cases enterprises' needs were sent to (转办诉求件): whoever sees a need follows it into the case loop, though the
/// case lies outside what their account sees of the loop (an enterprise contact, business-community staff). Only a
/// need's page reads these, and only for a need the caller's jurisdiction shows.
/// </summary>
public sealed class NeedCasesScope(CivicGridDbContext db)
{
#pragma warning disable RS0030 // The data layer implements the scope: a case is reached only through a need the caller sees.
    public IQueryable<Case> Cases => db.Cases.IgnoreQueryFilters().Where(c => db.Set<EnterpriseNeed>().Any(n => n.CaseId == c.Id));
#pragma warning restore RS0030
}

public static partial class ReadScopes
{
    /// <inheritdoc cref="NeedCasesScope"/>
    public static NeedCasesScope NeedCases(this CivicGridDbContext db) => new(db);
}

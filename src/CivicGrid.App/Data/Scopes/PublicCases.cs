using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Data.Scopes;

/// <summary>
/// The public side of the closed loop (公开诉求): cases raised by residents or integrations (not recorded on a home
/// visit) under an item marked public, the case a GeoReport token was handed out for, and the deliberation days
/// announced to residents. Open311, the nearby-cases list, a resident's support of a case and the resident's list of
/// upcoming deliberation days read these, whatever the account's jurisdiction.
/// </summary>
public sealed class PublicCasesScope(CivicGridDbContext db)
{
#pragma warning disable RS0030 // The data layer implements the scope: it narrows to what is public itself.
    /// <summary>The public cases: not recorded on a visit, under one of <paramref name="publicItems"/>.</summary>
    public IQueryable<Case> Cases(IReadOnlyList<string> publicItems) =>
        db.Cases.IgnoreQueryFilters().Where(c => c.Source != CaseSource.Visit && publicItems.Contains(c.ItemCode));

    /// <summary>The case whose GeoReport token is <paramref name="token"/>: whoever holds the token raised it.</summary>
    public IQueryable<Case> ByToken(string token) => db.Cases.IgnoreQueryFilters().Where(c => c.Token == token);

    /// <summary>Deliberation days of every host: their date, title and place are announced to the residents.</summary>
    public IQueryable<DeliberationDay> DeliberationDays => db.DeliberationDays.IgnoreQueryFilters();
#pragma warning restore RS0030
}

public static partial class ReadScopes
{
    /// <inheritdoc cref="PublicCasesScope"/>
    public static PublicCasesScope PublicCases(this CivicGridDbContext db) => new(db);
}

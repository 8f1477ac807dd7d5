using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Data.Scopes;

/// <summary>
/// The district's map (公共地理): territory nodes, buildings and business communities of the whole district, whatever
/// the account's jurisdiction. Names, codes, boundaries and locations are public, and none of these rows holds personal
/// data, so any use case may read them: names of enclosing places, a sign-up's community, a case's grid by address.
/// </summary>
public sealed class PublicGeographyScope(CivicGridDbContext db)
{
#pragma warning disable RS0030 // The data layer implements the scope: these rows hold no personal data.
    public IQueryable<TerritoryNode> TerritoryNodes => db.TerritoryNodes.IgnoreQueryFilters();
    public IQueryable<Building> Buildings => db.Buildings.IgnoreQueryFilters();
    public IQueryable<BusinessCommunity> BusinessCommunities => db.BusinessCommunities.IgnoreQueryFilters();
#pragma warning restore RS0030
}

public static partial class ReadScopes
{
    /// <inheritdoc cref="PublicGeographyScope"/>
    public static PublicGeographyScope PublicGeography(this CivicGridDbContext db) => new(db);
}

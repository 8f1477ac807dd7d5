using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Data.Scopes;

/// <summary>
/// The needs the caller sees, each with its enterprise's building (企业诉求及所在楼宇), for figures counted by where the
/// enterprise sits: exactly the needs the need filter shows (those of the enterprises the caller sees), but from one join
/// of the filtered enterprises, where the filter and a join for the building read the enterprises twice, once per need.
/// Only the business-community dashboard reads it.
/// </summary>
public sealed class NeedsWithBuildingScope(CivicGridDbContext db)
{
    /// <summary>
    /// The need filter's name: ignoring filters reaches the whole query, so the scope leaves out only this one and the
    /// enterprises' filter still holds.
    /// </summary>
    internal const string NeedFilter = "NeedWhereItsEnterpriseIs";

#pragma warning disable RS0030 // The data layer implements the scope: the needs come only through the filtered enterprises.
    public IQueryable<NeedWithBuilding> Needs => db.Set<Enterprise>().Join(
        db.Set<EnterpriseNeed>().IgnoreQueryFilters([NeedFilter]), e => e.Id, n => n.EnterpriseId, (e, n) => new NeedWithBuilding { Need = n, BuildingId = e.BuildingId });
#pragma warning restore RS0030
}

/// <summary>A need and the building its enterprise sits in, if known.</summary>
public sealed class NeedWithBuilding
{
    public required EnterpriseNeed Need { get; init; }
    public int? BuildingId { get; init; }
}

public static partial class ReadScopes
{
    /// <inheritdoc cref="NeedsWithBuildingScope"/>
    public static NeedsWithBuildingScope NeedsWithBuilding(this CivicGridDbContext db) => new(db);
}

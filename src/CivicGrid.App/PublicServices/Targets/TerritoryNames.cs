using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Targets;

internal static class TerritoryNames
{
    /// <summary>The nodes a scope's rows break down into, by code, in code order.</summary>
    public static Task<Dictionary<string, string>> ChildrenAsync(CivicGridDbContext db, TargetScope scope, CancellationToken ct) =>
        db.TerritoryNodes.AsNoTracking()
            .Where(n => n.Code.Length == scope.RowCodeLength && n.Code.StartsWith(scope.NodeCode))
            .OrderBy(n => n.Code)
            .ToDictionaryAsync(n => n.Code, n => n.Name, ct);
}

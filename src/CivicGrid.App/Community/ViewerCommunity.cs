using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Community;

/// <summary>The community a viewer looks at, and whether it is their own.</summary>
public sealed record CommunityChoice(string Code, string Name, bool Own);

/// <summary>
/// Which community's public side a page shows: the one chosen, if it is a community; otherwise a resident's own (the
/// community of the grid or community their account belongs to). Anyone may look at any community; only a resident
/// looking at their own may follow its cases.
/// </summary>
public sealed class ViewerCommunity(CivicGridDbContext db)
{
    public async Task<CommunityChoice?> ResolveAsync(string? chosen, CancellationToken ct)
    {
        var own = await OwnAsync(ct);
        var code = IsCommunityCode(chosen) ? chosen! : own;
        if (code is null)
        {
            return null;
        }
        var name = await db.PublicGeography().TerritoryNodes.AsNoTracking()
            .Where(n => n.Code == code && n.Level == TerritoryLevel.Community).Select(n => n.Name).FirstOrDefaultAsync(ct);
        return name is null ? null : new CommunityChoice(code, name, code == own);
    }

    /// <summary>A resident's own community, from their account; null for anyone else.</summary>
    public async Task<string?> OwnAsync(CancellationToken ct)
    {
        if (db.Jurisdiction.UserId is not { } me || !db.Jurisdiction.Role.May(Permission.ActForOwnHousehold))
        {
            return null;
        }
        var scope = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => u.ScopeCode).FirstOrDefaultAsync(ct);
        return scope is { Length: >= 12 } && TerritoryCode.IsValid(scope) ? scope[..12] : null;
    }

    /// <summary>The communities to choose from, by street, for visitors who have none of their own.</summary>
    public async Task<IReadOnlyList<CommunityChoice>> ListAsync(CancellationToken ct) =>
        await db.PublicGeography().TerritoryNodes.AsNoTracking().Where(n => n.Level == TerritoryLevel.Community)
            .OrderBy(n => n.Code).Select(n => new CommunityChoice(n.Code, n.Name, false)).Take(500).ToListAsync(ct);

    private static bool IsCommunityCode(string? code) =>
        code is { Length: 12 } && TerritoryCode.IsValid(code) && TerritoryCode.LevelOf(code) == TerritoryLevel.Community;
}

using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.GridWork;

/// <summary>A grid worker account as the handover and the gap list show it.</summary>
public sealed record GridWorkerRow(string UserName, string DisplayName, string GridCode, bool Active);

/// <summary>
/// The one definition of an active grid worker (在岗网格员): an account with the grid worker role, scoped to its grid,
/// neither stopped nor locked out. The handover, the grid gap list and the workbench all ask here, so a new way of standing an
/// account down is added in this one place.
/// </summary>
public static class GridWorkers
{
    /// <summary>Whether the account is a grid worker who can work now.</summary>
    public static bool IsActive(StaffUser user, DateTimeOffset now) =>
        user.Role == StaffRole.GridWorker && user.DisabledAt is null && !(user.LockoutEnd > now);

    /// <summary>The grid worker accounts whose grid lies under <paramref name="scopeCode"/>, active or not.</summary>
    public static async Task<List<GridWorkerRow>> UnderAsync(CivicGridDbContext db, string scopeCode, CancellationToken ct)
    {
        // Lockout ends are filtered here rather than in SQL: SQLite cannot compare stored date-time offsets.
        var users = await db.Users.AsNoTracking().Where(u => u.Role == StaffRole.GridWorker && u.ScopeCode.StartsWith(scopeCode))
            .OrderBy(u => u.ScopeCode).ThenBy(u => u.UserName).ToListAsync(ct);
        var now = db.Clock.GetUtcNow();
        return users.ConvertAll(u => new GridWorkerRow(u.UserName!, u.DisplayName, u.ScopeCode, IsActive(u, now)));
    }

    /// <summary>The grids under <paramref name="scopeCode"/> that have at least one active grid worker.</summary>
    public static async Task<HashSet<string>> StaffedGridsAsync(CivicGridDbContext db, string scopeCode, CancellationToken ct) =>
        (await UnderAsync(db, scopeCode, ct)).Where(w => w.Active).Select(w => w.GridCode).ToHashSet(StringComparer.Ordinal);

    /// <summary>Stops the account of a grid worker who leaves, as an administrator would: no sign-in, sessions end.</summary>
    public static void StandDown(StaffUser user, DateTime nowUtc)
    {
        user.DisabledAt = nowUtc;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CivicGrid.App.Data.Caching;

/// <summary>
/// Tells a node's caches whether the data they hold changed anywhere: the counters are read at most once per
/// <see cref="CheckEvery"/>, so a change on one node reaches the others within that time, at the cost of one
/// primary-key read per interval rather than one per request.
/// </summary>
public sealed class CacheVersions(TimeProvider clock)
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Version, DateTimeOffset CheckedAt)> _seen = new();

    public async Task<long> CurrentAsync(CivicGridDbContext db, string name, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_seen.TryGetValue(name, out var seen) && now - seen.CheckedAt < CheckEvery)
        {
            return seen.Version;
        }
        var version = await db.CacheVersions.AsNoTracking().Where(v => v.Name == name).Select(v => v.Version).FirstOrDefaultAsync(ct);
        _seen[name] = (version, now);
        return version;
    }

    /// <summary>The kinds of cached data a pending save changes.</summary>
    internal static IReadOnlyList<string> Touched(ChangeTracker changes) =>
        changes.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => CachedData.Sources.GetValueOrDefault(e.Metadata.ClrType)).OfType<string>().Distinct().ToList();

    /// <summary>Raises the counters of the data a save changed, after it committed.</summary>
    internal static async Task RaiseAsync(CivicGridDbContext db, IReadOnlyList<string> names, CancellationToken ct)
    {
        foreach (var name in names)
        {
            await db.CacheVersions.Where(v => v.Name == name).ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), ct);
        }
    }
}

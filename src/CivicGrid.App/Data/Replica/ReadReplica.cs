using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicGrid.App.Data.Replica;

/// <summary>
/// Where reporting reads go (只读副本): the read-only options of the primary and, when <c>Database:ReadReplica</c> is set
/// on PostgreSQL, of the streaming replica, with the WAL positions that decide read-your-writes (docs/adr/0005).
/// </summary>
public sealed partial class ReadReplica
{
    private readonly DbContextOptions<CivicGridDbContext> _primary;
    private readonly DbContextOptions<CivicGridDbContext>? _replica;

    public ReadReplica(IDatabaseProvider provider, string primaryConnection, string? replicaConnection)
    {
        if (replicaConnection is not null && provider.Name != "Postgres")
        {
            throw new InvalidOperationException("Database:ReadReplica is for PostgreSQL only: SQLite has no replica.");
        }
        _primary = ReadOnly(provider, primaryConnection);
        _replica = replicaConnection is null ? null : ReadOnly(provider, replicaConnection);
    }

    /// <summary>Whether a replica is configured at all.</summary>
    public bool Enabled => _replica is not null;

    internal DbContextOptions<CivicGridDbContext> Primary => _primary;
    internal DbContextOptions<CivicGridDbContext>? Replica => _replica;

    /// <summary>The primary's current WAL position, after a request's writes: what a replica must have replayed to show them.</summary>
    public static async Task<string> PrimaryPositionAsync(CivicGridDbContext primary, CancellationToken ct) =>
        (await RawSql.QueryAsync(primary, "SELECT pg_current_wal_lsn()::text", [], r => r.GetString(0), ct))[0];

    /// <summary>Whether the replica behind <paramref name="replica"/> has replayed the WAL up to <paramref name="position"/>.</summary>
    internal static async Task<bool> HasReplayedAsync(CivicGridDbContext replica, string position, CancellationToken ct) =>
        (await RawSql.QueryAsync(replica, "SELECT COALESCE(pg_last_wal_replay_lsn() >= CAST(@position AS pg_lsn), false)",
            [("@position", position)], r => r.GetBoolean(0), ct))[0];

    /// <summary>A WAL position as PostgreSQL writes it (e.g. 0/16B3748); anything else from a cookie is ignored.</summary>
    public static bool IsPosition(string? text) => text is not null && Position().IsMatch(text);

    [GeneratedRegex("^[0-9A-F]{1,8}/[0-9A-F]{1,8}$")]
    private static partial Regex Position();

    private static DbContextOptions<CivicGridDbContext> ReadOnly(IDatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<CivicGridDbContext>();
        provider.Configure(options, provider.ReadOnly(connectionString));
        return options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).AddInterceptors(RefuseWrites.Instance).Options;
    }

    /// <summary>A reporting context never saves: the replica could not, and on the primary it would bypass the use cases.</summary>
    private sealed class RefuseWrites : SaveChangesInterceptor
    {
        public static readonly RefuseWrites Instance = new();

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            throw new InvalidOperationException("A reporting read context is read-only: write through the primary's context.");

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("A reporting read context is read-only: write through the primary's context.");
    }
}

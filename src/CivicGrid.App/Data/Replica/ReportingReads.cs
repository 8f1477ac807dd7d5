using CivicGrid.App.Access;

namespace CivicGrid.App.Data.Replica;

/// <summary>
/// The read-only context of reports, dashboards, exports and target lists (报表只读): the same model and the same
/// jurisdiction filters as the request's own context, on the replica when one is configured and has replayed the
/// client's last write, on the primary otherwise. It refuses to save.
/// </summary>
public sealed class ReportingReads(ReadReplica replica, ReadYourWrites session, IJurisdiction jurisdiction, TimeProvider clock) : IAsyncDisposable
{
    private CivicGridDbContext? _db;

    /// <summary>Whether this request's reports were read from the replica (false until <see cref="DbAsync"/> decided).</summary>
    public bool FromReplica { get; private set; }

    public async Task<CivicGridDbContext> DbAsync(CancellationToken ct)
    {
        if (_db is not null)
        {
            return _db;
        }
        if (replica.Replica is { } options)
        {
            var candidate = new CivicGridDbContext(options, jurisdiction, clock);
            if (session.WroteAt is not { } wrote || await ReadReplica.HasReplayedAsync(candidate, wrote, ct))
            {
                FromReplica = true;
                return _db = candidate;
            }
            await candidate.DisposeAsync();
        }
        return _db = new CivicGridDbContext(replica.Primary, jurisdiction, clock);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}

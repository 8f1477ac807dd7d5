using System.Diagnostics;
using CivicGrid.App.Data;
using Microsoft.Extensions.Options;

namespace CivicGrid.App.PublicServices.Coverage;

/// <summary>
/// Keeps the latest coverage snapshot in memory. Each request checks the version of the data (a cheap fingerprint of
/// the facilities, households and buildings) and recomputes only when it changed, one computation at a time, so a
/// facility saved on any node of a deployment is reflected on the next request everywhere.
/// </summary>
public sealed class CoverageCache(IOptions<CoverageOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _computing = new(1, 1);
    private CoverageSnapshot? _latest;

    /// <summary>The snapshot held now, whatever its version; null until the first computation.</summary>
    public CoverageSnapshot? Latest => _latest;

    public async Task<CoverageSnapshot> GetAsync(CivicGridDbContext db, CancellationToken ct)
    {
        var walking = options.Value.Walking();
        var source = await CoverageSource.LoadVersionAsync(db, walking, ct);
        if (_latest is { } fresh && fresh.Version == source.Version)
        {
            return fresh;
        }
        await _computing.WaitAsync(ct);
        try
        {
            if (_latest is { } computed && computed.Version == source.Version)
            {
                return computed;
            }
            var started = Stopwatch.GetTimestamp();
            var snapshot = await source.ComputeAsync(db, walking, ct);
            _latest = snapshot with { ComputedAt = clock.GetUtcNow(), Took = Stopwatch.GetElapsedTime(started) };
            return _latest;
        }
        finally
        {
            _computing.Release();
        }
    }

    public void Dispose() => _computing.Dispose();
}

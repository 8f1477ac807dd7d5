using System.Collections.Concurrent;
using CivicGrid.App.Access;
using CivicGrid.App.Data;

namespace CivicGrid.App.Hotspots;

/// <summary>
/// The hotspots a cockpit shows, kept on each node per scope and jurisdiction for as long as a cockpit waits between two
/// refreshes: finding them reads a month of cases, and a wall screen, a street's screen and the monthly report all ask
/// for the same. Opening a proactive task forgets them here at once; another node's may be that much older.
/// </summary>
public sealed class RecentHotspots(TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, Lazy<Task<Outcome<HotspotsView>>> View)> _byKey = new(StringComparer.Ordinal);

    public async Task<Outcome<HotspotsView>> GetAsync(FindHotspotsHandler finder, IJurisdiction jurisdiction, string scope, CancellationToken ct)
    {
        var key = Key(jurisdiction, scope);
        var now = clock.GetUtcNow();
        var entry = _byKey.AddOrUpdate(key,
            _ => (now, new(() => finder.HandleAsync(new FindHotspots(scope), CancellationToken.None))),
            (_, held) => now - held.At < Freshness ? held : (now, new(() => finder.HandleAsync(new FindHotspots(scope), CancellationToken.None))));
        try
        {
            var outcome = await entry.View.Value.WaitAsync(ct);
            if (outcome.Kind != OutcomeKind.Ok)
            {
                _byKey.TryRemove(new(key, entry));
            }
            return outcome;
        }
        catch
        {
            _byKey.TryRemove(new(key, entry));
            throw;
        }
    }

    public void Forget() => _byKey.Clear();

    /// <summary>What decides which cases a caller counts and whether it may open tasks, beside the scope asked for.</summary>
    internal static string Key(IJurisdiction jurisdiction, string scope) =>
        string.Join('|', scope, jurisdiction.Role, jurisdiction.DepartmentCode, jurisdiction.CaseScopeCode);
}

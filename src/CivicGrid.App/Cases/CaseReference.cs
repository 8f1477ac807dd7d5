using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>The deliberation list, departments and working calendar as one read-only snapshot.</summary>
public sealed record CaseReferenceSnapshot(IReadOnlyDictionary<string, DeliberationItem> Items, IReadOnlyDictionary<string, Department> Departments, WorkingCalendar Calendar)
{
    public CaseRules Rules(string itemCode, DateTime nowUtc) => new(Items[itemCode], Calendar, nowUtc);
}

/// <summary>
/// Keeps the reference data every case move reads in memory, so intake does not query it each time. Edits made here
/// drop the copy at once; edits made on another instance are seen within <see cref="MaxAge"/>.
/// </summary>
public sealed class CaseReference(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private (CaseReferenceSnapshot Snapshot, DateTimeOffset LoadedAt)? _current;

    public async Task<CaseReferenceSnapshot> GetAsync(CivicGridDbContext db, CancellationToken ct)
    {
        if (_current is { } current && clock.GetUtcNow() - current.LoadedAt < MaxAge)
        {
            return current.Snapshot;
        }
        // Two requests may both load after expiry; the copies are equal, so the race costs a query, not correctness.
        var items = await db.DeliberationItems.AsNoTracking().ToDictionaryAsync(i => i.Code, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        var calendar = PublicHoliday.Calendar(await db.PublicHolidays.AsNoTracking().ToListAsync(ct));
        var snapshot = new CaseReferenceSnapshot(items, departments, calendar);
        _current = (snapshot, clock.GetUtcNow());
        return snapshot;
    }

    public void Invalidate() => _current = null;
}

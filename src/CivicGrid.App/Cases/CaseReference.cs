using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>The deliberation list, departments and working calendar as one read-only snapshot.</summary>
public sealed record CaseReferenceSnapshot(IReadOnlyDictionary<string, DeliberationItem> Items, IReadOnlyDictionary<string, Department> Departments, WorkingCalendar Calendar)
{
    public CaseRules Rules(string itemCode, DateTime nowUtc) => new(Items[itemCode], Calendar, nowUtc);

    /// <summary>The rules for a move of <paramref name="c"/>, knowing whether the department it is with was retired.</summary>
    public CaseRules Rules(Case c, DateTime nowUtc) =>
        Rules(c.ItemCode, nowUtc) with { DepartmentRetired = IsRetired(c.DepartmentCode) };

    /// <summary>Whether <paramref name="departmentCode"/> names a retired department (撤销的部门).</summary>
    public bool IsRetired(string? departmentCode) =>
        departmentCode is not null && Departments.TryGetValue(departmentCode, out var d) && d.RetiredAt is not null;

    /// <summary>The departments that take new dispatches, in code order.</summary>
    public IReadOnlyList<Department> InService => Departments.Values.Where(d => d.RetiredAt is null).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
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

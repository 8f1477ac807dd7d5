using CivicGrid.App.Data;
using CivicGrid.App.Data.Caching;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>The deliberation list, departments and working calendar as one read-only snapshot.</summary>
public sealed record CaseReferenceSnapshot(IReadOnlyDictionary<string, DeliberationItem> Items, IReadOnlyDictionary<string, Department> Departments, WorkingCalendar Calendar)
{
    public CaseRules Rules(string itemCode, DateTime nowUtc) => new(Items[itemCode], Calendar, nowUtc);

    /// <summary>The items whose cases are public (公开).</summary>
    public IReadOnlyList<string> PublicItemCodes => Items.Values.Where(i => i.Public).Select(i => i.Code).ToList();

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
/// Keeps the reference data every case move reads in memory, so intake does not query it each time. A change saved on
/// any node is seen here within <see cref="CacheVersions.CheckEvery"/>; <see cref="Invalidate"/> drops it at once.
/// </summary>
public sealed class CaseReference(CacheVersions versions)
{
    private (CaseReferenceSnapshot Snapshot, long Version)? _current;

    public async Task<CaseReferenceSnapshot> GetAsync(CivicGridDbContext db, CancellationToken ct)
    {
        var version = await versions.CurrentAsync(db, CachedData.CaseReference, ct);
        if (_current is { } current && current.Version == version)
        {
            return current.Snapshot;
        }
        // Two requests may both load after a change; the copies are equal, so the race costs a query, not correctness.
        var items = await db.DeliberationItems.AsNoTracking().ToDictionaryAsync(i => i.Code, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        var calendar = PublicHoliday.Calendar(await db.PublicHolidays.AsNoTracking().ToListAsync(ct));
        var snapshot = new CaseReferenceSnapshot(items, departments, calendar);
        _current = (snapshot, version);
        return snapshot;
    }

    public void Invalidate() => _current = null;
}

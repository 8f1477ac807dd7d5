using System.Globalization;
using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Audit;

/// <summary>
/// The names of the records a page of the log points at, read in one query per kind, so staff see "高龄津贴" rather
/// than "ServiceItem 12". Residents and households are left unnamed: the log page is no place for a person's name.
/// </summary>
internal static class AuditRecordNames
{
    public static async Task<Dictionary<(string Entity, string Key), string>> ForAsync(CivicGridDbContext db, IReadOnlyList<AuditRow> rows, CancellationToken ct)
    {
        var names = new Dictionary<(string, string), string>();
        await AddAsync(names, "Case", Ids(rows, "Case"), ids =>
            db.Cases.Where(c => ids.Contains(c.Id)).Join(db.DeliberationItems, c => c.ItemCode, i => i.Code, (c, i) => new { c.Id, i.Name }).ToListAsync(ct),
            r => (r.Id.ToString(CultureInfo.InvariantCulture), r.Name));
        await AddAsync(names, "ServiceItem", Ids(rows, "ServiceItem"), ids =>
            db.ServiceItems.Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(ct), r => (r.Id.ToString(CultureInfo.InvariantCulture), r.Name));
        await AddAsync(names, "Facility", Ids(rows, "Facility"), ids =>
            db.Facilities.Where(f => ids.Contains(f.Id)).Select(f => new { f.Id, f.Name }).ToListAsync(ct), r => (r.Id.ToString(CultureInfo.InvariantCulture), r.Name));
        await AddAsync(names, "Enterprise", Ids(rows, "Enterprise"), ids =>
            db.Enterprises.Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Name }).ToListAsync(ct), r => (r.Id.ToString(CultureInfo.InvariantCulture), r.Name));
        var codes = rows.Where(r => r.Entity == "TerritoryNode").Select(r => r.EntityKey).Distinct().ToList();
        await AddAsync(names, "TerritoryNode", codes, c =>
            db.TerritoryNodes.Where(n => c.Contains(n.Code)).Select(n => new { n.Code, n.Name }).ToListAsync(ct), r => (r.Code, r.Name));
        return names;
    }

    private static List<int> Ids(IReadOnlyList<AuditRow> rows, string entity) =>
        rows.Where(r => r.Entity == entity).Select(r => int.TryParse(r.EntityKey, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().ToList();

    private static async Task AddAsync<TKey, TRow>(Dictionary<(string, string), string> names, string entity, List<TKey> keys,
        Func<List<TKey>, Task<List<TRow>>> read, Func<TRow, (string Key, string Name)> pick)
    {
        if (keys.Count == 0)
        {
            return;
        }
        foreach (var (key, name) in (await read(keys)).Select(pick))
        {
            names[(entity, key)] = name;
        }
    }
}

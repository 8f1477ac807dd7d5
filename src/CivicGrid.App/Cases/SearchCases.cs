using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>The case lists: a worker's queue, a department's dispatched cases, a resident's own, an official's overdue ones.</summary>
public sealed record SearchCases(
    string? Query = null, string? Under = null, CaseStatus? Status = null, string? ItemCode = null, string? DepartmentCode = null,
    bool OpenOnly = false, bool OverdueOnly = false, bool MineOnly = false, string Sort = "newest", int PageNumber = 1, int PageSize = 20)
{
    /// <summary>The first month of receipt (yyyy-MM, China time) to list, as the indicators count months; the records behind a figure.</summary>
    public string? FromMonth { get; init; }
    /// <summary>The last month of receipt (yyyy-MM, China time) to list.</summary>
    public string? ToMonth { get; init; }
}

public sealed record CaseRow(
    int Id, string ItemCode, string ItemName, string Description, string GridCode, string Status, string StatusName,
    string Level, DateTime ReceivedAt, DateTime? Deadline, bool Overdue, string? DepartmentCode, int SupportCount, double? Latitude, double? Longitude);

public sealed class SearchCasesHandler(CivicGridDbContext db, CaseReference reference)
{
    public async Task<Page<CaseRow>> HandleAsync(SearchCases query, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var filtered = Filter(query, now);
        var (total, more) = await filtered.CountUpToAsync(PageCounting.Limit, ct);
        var size = Page<CaseRow>.Clamp(query.PageSize);
        var number = Math.Max(1, query.PageNumber);
        var cases = await Order(filtered, query.Sort).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var snapshot = await reference.GetAsync(db, ct);
        return new Page<CaseRow>(cases.ConvertAll(c => ToRow(c, snapshot, now)), number, size, total) { TotalIsLowerBound = more };
    }

    /// <summary>Every matching case in order, for export.</summary>
    public async IAsyncEnumerable<CaseRow> StreamAsync(SearchCases query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var snapshot = await reference.GetAsync(db, ct);
        await foreach (var c in Order(Filter(query, now), query.Sort).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return ToRow(c, snapshot, now);
        }
    }

    /// <summary>The UTC instant a China-time month starts, or null for anything that is not yyyy-MM.</summary>
    private static DateTime? MonthStart(string? month) =>
        DateTime.TryParseExact(month, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var start)
            ? DateTime.SpecifyKind(start.AddHours(-8), DateTimeKind.Utc) : null;

    private IQueryable<Case> Filter(SearchCases query, DateTime now)
    {
        var cases = db.Cases.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Under))
        {
            cases = cases.Where(c => c.GridCode.StartsWith(query.Under));
        }
        if (MonthStart(query.FromMonth) is { } from)
        {
            cases = cases.Where(c => c.ReceivedAt >= from);
        }
        if (MonthStart(query.ToMonth) is { } to)
        {
            var before = to.AddMonths(1);
            cases = cases.Where(c => c.ReceivedAt < before);
        }
        if (query.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }
        if (query.OpenOnly)
        {
            cases = cases.Where(c => CaseNames.Open.Contains(c.Status));
        }
        if (query.OverdueOnly)
        {
            cases = cases.Where(c => (c.Status == CaseStatus.Received && c.RespondBy < now)
                || (CaseNames.InHand.Contains(c.Status) && c.ResolveBy < now));
        }
        if (!string.IsNullOrWhiteSpace(query.ItemCode))
        {
            cases = cases.Where(c => c.ItemCode == query.ItemCode);
        }
        if (!string.IsNullOrWhiteSpace(query.DepartmentCode))
        {
            cases = cases.Where(c => c.DepartmentCode == query.DepartmentCode);
        }
        if (query.MineOnly)
        {
            var me = db.Jurisdiction.UserId ?? "~";
            cases = cases.Where(c => c.SubmitterId == me);
        }
        if (!string.IsNullOrWhiteSpace(query.Query))
        {
            var text = query.Query.Trim();
            cases = int.TryParse(text, out var id) ? cases.Where(c => c.Id == id) : cases.Where(c => c.Description.Contains(text) || (c.Address != null && c.Address.Contains(text)));
        }
        return cases;
    }

    private static IQueryable<Case> Order(IQueryable<Case> cases, string sort) => sort switch
    {
        "oldest" => cases.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id),
        "deadline" => cases.OrderBy(c => c.ResolveBy ?? c.RespondBy).ThenBy(c => c.Id),
        "support" => cases.OrderByDescending(c => c.SupportCount).ThenByDescending(c => c.Id),
        _ => cases.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id),
    };

    private static CaseRow ToRow(Case c, CaseReferenceSnapshot snapshot, DateTime now) => new(
        c.Id, c.ItemCode, snapshot.Items.TryGetValue(c.ItemCode, out var item) ? item.Name : c.ItemCode, c.Description, c.GridCode,
        c.Status.ToString(), c.Status.ChineseName(), c.Level.ChineseName(), c.ReceivedAt, c.CurrentDeadline, c.CurrentDeadline < now,
        c.DepartmentCode, c.SupportCount, c.Latitude, c.Longitude);
}

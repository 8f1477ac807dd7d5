using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Community;

/// <summary>
/// The public map and list of a community's cases (社区诉求公开): the public ones (not recorded on a visit, under an item
/// marked public) that are open or were closed in the last <see cref="RecentDays"/> days. <paramref name="Status"/> is
/// "open", "resolved" or empty for both, or "following": the ones the signed-in caller follows, however long closed.
/// </summary>
public sealed record CommunityCases(string? Community = null, string? Status = null, int Page = 1, int PageSize = 20)
{
    public const int RecentDays = 30;
    /// <summary>The most points one map carries: the newest cases first.</summary>
    public const int PointLimit = 500;
}

/// <summary>
/// A case as anyone may see it: its kind, grid, state, dates and counts. No description, address, contact or exact
/// point: what a resident typed may name people, so only the item (what kind of matter) and the coarse location go out.
/// </summary>
public sealed record PublicCaseRow(
    int Id, string ItemName, string Category, string GridName, string Status, string StatusName, bool Open,
    DateTime ReceivedAt, DateTime? ClosedAt, double? Latitude, double? Longitude, int SupportCount, int FollowerCount, bool Following);

public sealed record PublicCasePoint(int Id, double Latitude, double Longitude, bool Open, string ItemName, string StatusName);

public sealed record CommunityCasesView(CommunityChoice Community, string Status, Page<PublicCaseRow> Cases, IReadOnlyList<PublicCasePoint> Points, bool MayFollow);

public sealed class CommunityCasesHandler(CivicGridDbContext db, CaseReference reference, ViewerCommunity communities)
{
    private static readonly CaseStatus[] Finished = [CaseStatus.Closed, CaseStatus.Evaluated];

    public async Task<Outcome<CommunityCasesView>> HandleAsync(CommunityCases query, CancellationToken ct)
    {
        var status = (query.Status ?? "").Trim().ToLowerInvariant();
        if (status is not ("" or "open" or "resolved" or "following"))
        {
            return Outcome<CommunityCasesView>.Invalid("status", "状态只能是 open（办理中）、resolved（近期办结）或 following（我关注的）");
        }
        if (status == "following" && db.Jurisdiction.UserId is null)
        {
            return Outcome<CommunityCasesView>.Invalid("status", "请先登录，再查看您关注的诉求");
        }
        if (await communities.ResolveAsync(query.Community, ct) is not { } community)
        {
            return Outcome<CommunityCasesView>.Invalid("community", "请选择一个社区");
        }
        var snapshot = await reference.GetAsync(db, ct);
        var cases = Visible(db, snapshot, community.Code, status);
        var size = Math.Clamp(query.PageSize, 1, 50);
        var number = Math.Max(1, query.Page);
        var total = await cases.CountAsync(ct);
        var rows = await cases.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Skip((number - 1) * size).Take(size)
            .Select(c => new { c.Id, c.ItemCode, c.GridCode, c.Status, c.ReceivedAt, c.ClosedAt, c.Latitude, c.Longitude, c.SupportCount })
            .ToListAsync(ct);
        var points = await cases.Where(c => c.Latitude != null && c.Longitude != null)
            .OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Take(CommunityCases.PointLimit)
            .Select(c => new { c.Id, c.ItemCode, c.Status, c.Latitude, c.Longitude }).ToListAsync(ct);
        var ids = rows.ConvertAll(r => r.Id);
        var followers = await FollowerCountsAsync(db, ids, ct);
        var mine = await FollowedAsync(db, ids, ct);
        var grids = await GridNamesAsync(community.Code, ct);
        var items = rows.ConvertAll(r =>
        {
            var point = r.Latitude is { } lat && r.Longitude is { } lon ? CoarseLocation.Snap(lat, lon) : (GeoPoint?)null;
            var item = snapshot.Items[r.ItemCode];
            return new PublicCaseRow(r.Id, item.Name, item.Category, grids.GetValueOrDefault(r.GridCode, ""), r.Status.ToString(), r.Status.ChineseName(),
                r.Status.IsOpen(), r.ReceivedAt, r.ClosedAt, point?.Latitude, point?.Longitude, r.SupportCount, followers.GetValueOrDefault(r.Id), mine.Contains(r.Id));
        });
        var dots = points.ConvertAll(p =>
        {
            var at = CoarseLocation.Snap(p.Latitude!.Value, p.Longitude!.Value);
            return new PublicCasePoint(p.Id, at.Latitude, at.Longitude, p.Status.IsOpen(), snapshot.Items[p.ItemCode].Name, p.Status.ChineseName());
        });
        var mayFollow = community.Own;
        return Outcome<CommunityCasesView>.Ok(new CommunityCasesView(community, status, new Page<PublicCaseRow>(items, number, size, total), dots, mayFollow));
    }

    /// <summary>The public cases of a community the map shows: open, or closed within the last 30 days.</summary>
    internal static IQueryable<Case> Visible(CivicGridDbContext db, CaseReferenceSnapshot snapshot, string community, string status = "")
    {
        var since = db.Clock.GetUtcNow().UtcDateTime.AddDays(-CommunityCases.RecentDays);
        var cases = PublicCases.Of(db, snapshot).Where(c => c.GridCode.StartsWith(community));
        var me = db.Jurisdiction.UserId;
        var followers = db.CaseFollowers;
        return status switch
        {
            "following" => cases.Where(c => followers.Any(f => f.CaseId == c.Id && f.UserId == me)),
            "open" => cases.Where(c => CaseNames.Open.Contains(c.Status)),
            "resolved" => cases.Where(c => Finished.Contains(c.Status) && c.ClosedAt >= since),
            _ => cases.Where(c => CaseNames.Open.Contains(c.Status) || (Finished.Contains(c.Status) && c.ClosedAt >= since)),
        };
    }

    internal static async Task<Dictionary<int, int>> FollowerCountsAsync(CivicGridDbContext db, List<int> ids, CancellationToken ct) =>
        await db.CaseFollowers.AsNoTracking().Where(f => ids.Contains(f.CaseId)).GroupBy(f => f.CaseId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    private static async Task<HashSet<int>> FollowedAsync(CivicGridDbContext db, List<int> ids, CancellationToken ct) =>
        db.Jurisdiction.UserId is { } me
            ? (await db.CaseFollowers.AsNoTracking().Where(f => f.UserId == me && ids.Contains(f.CaseId)).Select(f => f.CaseId).ToListAsync(ct)).ToHashSet()
            : [];

    private async Task<Dictionary<string, string>> GridNamesAsync(string community, CancellationToken ct) =>
        await db.PublicGeography().TerritoryNodes.AsNoTracking().Where(n => n.Code.StartsWith(community)).ToDictionaryAsync(n => n.Code, n => n.Name, ct);
}

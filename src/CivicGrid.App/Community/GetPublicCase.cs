using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Community;

/// <summary>One case of a community's public map, as anyone may see it, with its public steps.</summary>
public sealed record GetPublicCase(int Id);

/// <summary>A move of the case: when, what, where it left the case, and the public reply staff wrote for it, if any.</summary>
public sealed record PublicStep(DateTime At, string ActionName, string StatusName, string? PublicNote);

/// <param name="MayFollow">The caller is a resident of the case's community who did not raise it.</param>
public sealed record PublicCaseDetail(PublicCaseRow Case, string CommunityCode, IReadOnlyList<PublicStep> Steps, bool MayFollow);

public sealed class GetPublicCaseHandler(CivicGridDbContext db, CaseReference reference, ViewerCommunity communities)
{
    public async Task<PublicCaseDetail?> HandleAsync(GetPublicCase query, CancellationToken ct)
    {
        var snapshot = await reference.GetAsync(db, ct);
        var c = await PublicCases.Of(db, snapshot).Where(x => x.Id == query.Id)
            .Select(x => new { x.Id, x.ItemCode, x.GridCode, x.Status, x.ReceivedAt, x.ClosedAt, x.Latitude, x.Longitude, x.SupportCount, x.SubmitterId })
            .FirstOrDefaultAsync(ct);
        if (c is null || c.GridCode.Length < 12
            || !await CommunityCasesHandler.Visible(db, snapshot, c.GridCode[..12]).AnyAsync(x => x.Id == c.Id, ct))
        {
            return null;
        }
        var community = c.GridCode[..12];
        var steps = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { e.At, e.Action, e.To, e.PublicNote }).ToListAsync(ct);
        var grid = await db.PublicGeography().TerritoryNodes.AsNoTracking().Where(n => n.Code == c.GridCode).Select(n => n.Name).FirstOrDefaultAsync(ct);
        var me = db.Jurisdiction.UserId;
        var followers = await db.CaseFollowers.CountAsync(f => f.CaseId == c.Id, ct);
        var following = me is not null && await db.CaseFollowers.AnyAsync(f => f.CaseId == c.Id && f.UserId == me, ct);
        var point = c.Latitude is { } lat && c.Longitude is { } lon ? CoarseLocation.Snap(lat, lon) : (GeoPoint?)null;
        var item = snapshot.Items[c.ItemCode];
        var row = new PublicCaseRow(c.Id, item.Name, item.Category, grid ?? "", c.Status.ToString(), c.Status.ChineseName(), c.Status.IsOpen(),
            c.ReceivedAt, c.ClosedAt, point?.Latitude, point?.Longitude, c.SupportCount, followers, following);
        var mayFollow = await communities.OwnAsync(ct) == community && c.SubmitterId != me;
        return new PublicCaseDetail(row, community, steps.ConvertAll(s => new PublicStep(s.At, s.Action.ChineseName(), s.To.ChineseName(), s.PublicNote)), mayFollow);
    }
}

using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Community;

/// <summary>
/// A resident follows (关注) a public case of their own community to be told of its progress, or stops following it. A
/// case that is not public, not on the community's map, or of another community is refused with one reason, the same as
/// for an id that does not exist, so nothing can be probed.
/// </summary>
public sealed record FollowCase(int CaseId, bool Follow = true);

/// <param name="Following">Whether the caller now follows it.</param>
public sealed record FollowState(int CaseId, bool Following, int FollowerCount);

public sealed class FollowCaseHandler(CivicGridDbContext db, CaseReference reference, ViewerCommunity communities)
{
    public const string NotFollowable = "只能关注您所在社区公开的诉求";

    public async Task<Outcome<FollowState>> HandleAsync(FollowCase command, CancellationToken ct)
    {
        if (db.Jurisdiction.UserId is not { } me || !db.Jurisdiction.Role.May(Permission.ActForOwnHousehold))
        {
            return Outcome<FollowState>.Forbidden("只有居民可以关注诉求");
        }
        if (await communities.OwnAsync(ct) is not { } community)
        {
            return Outcome<FollowState>.Invalid("CaseId", "您的账号尚未关联社区，暂不能关注诉求");
        }
        if (!command.Follow && await db.CaseFollowers.FirstOrDefaultAsync(f => f.CaseId == command.CaseId && f.UserId == me, ct) is { } followed)
        {
            // Stopping is always allowed, also for a case long closed and gone from the map.
            db.CaseFollowers.Remove(followed);
            return await SaveAsync(command, ct);
        }
        var snapshot = await reference.GetAsync(db, ct);
        var c = await CommunityCasesHandler.Visible(db, snapshot, community).Where(x => x.Id == command.CaseId)
            .Select(x => new { x.Id, x.SubmitterId }).FirstOrDefaultAsync(ct);
        if (c is null)
        {
            return Outcome<FollowState>.Invalid("CaseId", NotFollowable);
        }
        if (c.SubmitterId == me)
        {
            return Outcome<FollowState>.Invalid("CaseId", "这是您反映的诉求，办理进展会自动通知您");
        }
        if (!command.Follow)
        {
            return Outcome<FollowState>.Invalid("CaseId", "您没有关注该诉求");
        }
        if (await db.CaseFollowers.AnyAsync(f => f.CaseId == c.Id && f.UserId == me, ct))
        {
            return Outcome<FollowState>.Invalid("CaseId", "您已关注该诉求");
        }
        db.CaseFollowers.Add(new CaseFollower { CaseId = c.Id, UserId = me, At = db.Clock.GetUtcNow().UtcDateTime });
        return await SaveAsync(command, ct);
    }

    private async Task<Outcome<FollowState>> SaveAsync(FollowCase command, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<FollowState>.Invalid("CaseId", "未能保存，请稍后重试");
        }
        var count = await db.CaseFollowers.CountAsync(f => f.CaseId == command.CaseId, ct);
        return Outcome<FollowState>.Ok(new FollowState(command.CaseId, command.Follow, count));
    }
}

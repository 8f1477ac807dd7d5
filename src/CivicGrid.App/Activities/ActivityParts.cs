using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Activities;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Activities;

/// <summary>What several activity use cases share: the session's day in the district, the staff refusals.</summary>
internal static class ActivityParts
{
    public const string NotOrganiser = "只有社区工作者及以上可以安排活动和确认出席";
    public const string NotDoorStaff = "只有网格员、社区工作者及以上可以签到";
    public const string NotResident = "请先由社区将您的账号关联到居民信息";
    public const string Conflict = "本场活动刚被他人更新，请刷新后重试";

    public static DateOnly DayOf(DateTime startsAtUtc) => DateOnly.FromDateTime(DistrictTime.ToDistrictTime(startsAtUtc).DateTime);

    public static bool MayOrganise(this CivicGridDbContext db) => db.Jurisdiction.Role.May(Permission.AdministerJurisdiction);

    public static bool MayCheckIn(this CivicGridDbContext db) => db.Jurisdiction.Role.May(Permission.ManagePeople);

    public static Task<ActivitySession?> SessionAsync(this CivicGridDbContext db, int id, CancellationToken ct) =>
        db.ActivitySessions.Include(s => s.Activity).Include(s => s.Servers).FirstOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>A save that another request's change to the same session overtook is refused, not merged.</summary>
    public static async Task<string?> SaveOrConflictAsync(this CivicGridDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Conflict;
        }
    }
}

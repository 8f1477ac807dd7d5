using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Territory;

namespace CivicGrid.App.Enterprises.Sweeps;

/// <summary>
/// What a sweep's actor reaches: the office buildings of business communities in the jurisdiction, narrowed to the
/// actor's own community for business-community staff and runners; the runner accounts of the same place.
/// </summary>
internal static class SweepScope
{
    public static IQueryable<Building> Offices(CivicGridDbContext db)
    {
        var own = db.Jurisdiction.BusinessCommunityId;
        var offices = db.Buildings.Where(b => b.BusinessCommunityId != null);
        return own is { } community ? offices.Where(b => b.BusinessCommunityId == community) : offices;
    }

    public static IQueryable<StaffUser> Runners(CivicGridDbContext db)
    {
        var place = db.Jurisdiction.PlaceScopeCode;
        var own = db.Jurisdiction.BusinessCommunityId;
        var runners = db.Users.Where(u => u.Role == StaffRole.Runner && u.DisabledAt == null && u.ScopeCode.StartsWith(place));
        return own is { } community ? runners.Where(u => u.BusinessCommunityId == community) : runners;
    }

    /// <summary>The first day a China day starts, as stored (UTC).</summary>
    public static DateTime StartUtc(DateOnly day) =>
        DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Core.Cases.WorkingCalendar.ChinaOffset, DateTimeKind.Utc);

    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(utc + Core.Cases.WorkingCalendar.ChinaOffset);

    public const string Refusal = "当前角色无权办理此操作";
}

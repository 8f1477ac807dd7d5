using System.Globalization;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Hotspots;

namespace CivicGrid.App.Hotspots;

/// <summary>
/// Opens the proactive task of a hotspot found now in <see cref="Scope"/> (the caller's subtree when empty): a case of
/// the hotspot's item at its centre, submitted as the caller through the one loop, so it is checked, timed and
/// dispatched like any other, and remembered with the hotspot's item and grid.
/// </summary>
public sealed record OpenHotspotTask(string ItemCode, string GridCode, string? Scope = null);

public sealed class OpenHotspotTaskHandler(CivicGridDbContext db, FindHotspotsHandler finder, SubmitCaseHandler submit, RecentHotspots recent)
{
    /// <summary>The most of the hotspot's case numbers the task's description names.</summary>
    private const int NamedCases = 10;

    public async Task<Outcome<int>> HandleAsync(OpenHotspotTask command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.OpenProactiveTasks))
        {
            return Outcome<int>.Forbidden("只有辖区工作人员可以派发主动处置任务");
        }
        if (string.IsNullOrWhiteSpace(command.ItemCode) || string.IsNullOrWhiteSpace(command.GridCode))
        {
            return Outcome<int>.Invalid(string.IsNullOrWhiteSpace(command.ItemCode) ? "ItemCode" : "GridCode", "请指明热点的事项和网格");
        }
        var found = await finder.HandleAsync(new FindHotspots(command.Scope), ct);
        if (found.Value is not { } view)
        {
            return new(found.Kind, default, found.Errors);
        }
        var hotspot = view.Hotspots.FirstOrDefault(h => h.ItemCode == command.ItemCode && h.GridCode == command.GridCode);
        if (hotspot is null)
        {
            return Outcome<int>.Invalid("Hotspot", "该热点已不存在（近期诉求已不再聚集），请刷新页面");
        }
        if (hotspot.TaskCaseId is not null)
        {
            return Outcome<int>.Invalid("Hotspot", "该热点已有未办结的主动处置任务");
        }
        var submitted = await submit.HandleAsync(new SubmitCase(hotspot.ItemCode, Description(hotspot), hotspot.Latitude, hotspot.Longitude, null), ct);
        if (submitted.Value is not { } opened)
        {
            return new(submitted.Kind, default, submitted.Errors);
        }
        db.HotspotTasks.Add(new HotspotTask
        {
            ItemCode = hotspot.ItemCode, GridCode = hotspot.GridCode, CaseId = opened.Id, CaseCount = hotspot.CaseCount,
            Latitude = hotspot.Latitude, Longitude = hotspot.Longitude, OpenedAt = db.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        recent.Forget();
        return Outcome<int>.Ok(opened.Id);
    }

    private static string Description(HotspotRow h) => string.Create(CultureInfo.InvariantCulture,
        $"【未诉先办】{DistrictTime.ToDistrictTime(h.FirstAt):M月d日}至{DistrictTime.ToDistrictTime(h.LastAt):M月d日}，{h.GridName}约 {h.SpreadMetres} 米范围内收到"
        + $"「{h.ItemName}」诉求 {h.CaseCount} 件（{string.Join("、", h.CaseIds.Take(NamedCases).Select(id => $"#{id}"))}{(h.CaseCount > NamedCases ? " 等" : "")}），请主动排查、从源头处置。");
}

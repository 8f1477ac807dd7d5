using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>
/// Schedules a red-tea deliberation meeting (红茶议事会): a business community brings an industry group's enterprises
/// together on a topic that is not a complaint. The topic enters the one loop as a business-environment suggestion
/// (item <see cref="TopicItem"/>) put on the day's agenda, so options, votes and the plan's tasks work as on any day.
/// </summary>
public sealed record ScheduleRedTeaDeliberation(
    int? BusinessCommunityId, string? IndustryGroup, string? Topic, string? Description, DateOnly? Date, string? Place);

public sealed class ScheduleRedTeaDeliberationHandler(CivicGridDbContext db, SubmitCaseHandler submit, ActOnCaseHandler act)
{
    /// <summary>营商环境建议: on the deliberation list, and one that may be deliberated.</summary>
    public const string TopicItem = "0902";

    public async Task<Outcome<int>> HandleAsync(ScheduleRedTeaDeliberation command, CancellationToken ct)
    {
        var who = db.Jurisdiction;
        if (!who.Role.MayAdminister() || !who.Role.May(Permission.KeepEnterpriseLists))
        {
            return Outcome<int>.Forbidden("只有街道、区级工作人员可以安排红茶议事会");
        }
        var (errors, host) = await CheckAsync(command, ct);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var topic = command.Topic!.Trim();
        var opened = await submit.HandleAsync(new SubmitCase(TopicItem, $"【红茶议事会 · {command.IndustryGroup!.Trim()}】{topic}：{command.Description!.Trim()}",
            host!.Latitude, host.Longitude, null) { ContactName = host.Name }, ct);
        if (opened.Kind != OutcomeKind.Ok)
        {
            return Outcome<int>.Invalid(opened.Errors);
        }
        var day = new DeliberationDay
        {
            HostCode = host.StreetCode, Title = topic, Date = command.Date!.Value, Place = command.Place?.Trim() ?? "",
            BusinessCommunityId = host.Id, IndustryGroup = command.IndustryGroup.Trim(),
        };
        db.DeliberationDays.Add(day);
        await db.SaveChangesAsync(ct);
        // Had either move failed, the topic would still stand in the loop as a suggestion, to be put on the agenda by hand.
        await act.HandleAsync(new ActOnCase(opened.Value!.Id, new CaseCommand(CaseAction.Accept, "", "红茶议事会议题")), ct);
        var agenda = await act.HandleAsync(new ActOnCase(opened.Value.Id, new CaseCommand(CaseAction.PutOnAgenda, "", "列入红茶议事会议程") { DeliberationDayId = day.Id }), ct);
        return agenda.Kind == OutcomeKind.Ok ? Outcome<int>.Ok(day.Id) : Outcome<int>.Invalid(agenda.Errors);
    }

    private sealed record Host(int Id, string Name, string StreetCode, double Latitude, double Longitude);

    private async Task<(FieldErrors Errors, Host? Host)> CheckAsync(ScheduleRedTeaDeliberation c, CancellationToken ct)
    {
        var errors = new FieldErrors();
        // The business communities' filter keeps the actor to those of their street and above.
        var host = c.BusinessCommunityId is { } id
            ? await db.BusinessCommunities.AsNoTracking().Where(b => b.Id == id)
                .Select(b => new { b.Id, b.Name, b.StreetCode, Building = b.Buildings.OrderBy(x => x.Id).Select(x => new { x.Latitude, x.Longitude }).FirstOrDefault() })
                .FirstOrDefaultAsync(ct)
            : null;
        if (host is null)
        {
            errors.Add("BusinessCommunityId", "请选择您辖区内的商务社区");
        }
        else if (host.Building is null)
        {
            errors.Add("BusinessCommunityId", "该商务社区还没有登记楼宇，无法确定议事地点所在网格");
        }
        Text(errors, "IndustryGroup", c.IndustryGroup, 30, "请填写 1 到 30 字的产业组团");
        Text(errors, "Topic", c.Topic, 100, "请填写 1 到 100 字的议题");
        Text(errors, "Description", c.Description, 1000, "请用 1 到 1000 字说明议题");
        if (c.Place?.Length > 100)
        {
            errors.Add("Place", "地点不超过 100 字");
        }
        if (c.Date is not { } date)
        {
            errors.Add("Date", "请选择议事日期");
        }
        else if (date < db.Clock.Today())
        {
            errors.Add("Date", "议事日期不能早于今天");
        }
        return (errors, host?.Building is { } at ? new Host(host.Id, host.Name, host.StreetCode, at.Latitude, at.Longitude) : null);
    }

    private static void Text(FieldErrors errors, string field, string? value, int max, string reason)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            errors.Add(field, reason);
        }
    }
}

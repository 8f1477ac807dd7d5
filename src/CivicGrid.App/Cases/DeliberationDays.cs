using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>
/// Schedules a deliberation day (议事日) for a community or street inside the caller's jurisdiction; its length (two hours
/// when not given) is what each attending think-tank member is credited.
/// </summary>
public sealed record ScheduleDeliberationDay(string HostCode, string Title, DateOnly? Date, string? Place, int? DurationMinutes = null);

/// <param name="IndustryGroup">Set on a red-tea meeting, whose host is then its business community.</param>
public sealed record DeliberationDayRow(int Id, string HostCode, string HostName, string Title, DateOnly Date, string Place, bool Held, int AgendaCount, string? IndustryGroup = null);

public sealed record AgendaCase(int Id, string ItemName, string Description, string StatusName, IReadOnlyList<DeliberationOption> Options, IReadOnlyList<PlanTask> Tasks);

public sealed record DeliberationDayDetail(
    DeliberationDayRow Day, string? Minutes, IReadOnlyList<ParticipantView> Participants, IReadOnlyList<AgendaCase> Agenda, bool MayRun);

/// <param name="Group">What they take part as: a think-tank group, an enterprise's or the residents' representative.</param>
/// <param name="Enterprise">The enterprise an enterprise's representative speaks for.</param>
public sealed record ParticipantView(int Id, string Name, string? Group, string? Enterprise = null);

public sealed class DeliberationDaysHandler(CivicGridDbContext db, CaseReference reference)
{
    public async Task<Outcome<int>> HandleAsync(ScheduleDeliberationDay command, CancellationToken ct)
    {
        var who = db.Jurisdiction;
        if (!who.Role.MayAdminister())
        {
            return Outcome<int>.Forbidden("只有社区、街道工作人员可以安排议事日");
        }
        var errors = new FieldErrors();
        var level = TerritoryCode.IsValid(command.HostCode) ? TerritoryCode.LevelOf(command.HostCode) : (TerritoryLevel?)null;
        if (level is not (TerritoryLevel.Community or TerritoryLevel.Street) || !command.HostCode.StartsWith(who.ScopeCode, StringComparison.Ordinal)
            || !await db.TerritoryNodes.AnyAsync(n => n.Code == command.HostCode, ct))
        {
            errors["HostCode"] = ["请选择您辖区内的社区或街道"];
        }
        if (string.IsNullOrWhiteSpace(command.Title) || command.Title.Length > 100)
        {
            errors["Title"] = ["请填写 1 到 100 字的议事主题"];
        }
        if (command.Date is not { } date)
        {
            errors["Date"] = ["请选择议事日期"];
        }
        else if (date < db.Clock.Today())
        {
            errors["Date"] = ["议事日期不能早于今天"];
        }
        if (command.DurationMinutes is < DeliberationDay.MinDurationMinutes or > DeliberationDay.MaxDurationMinutes)
        {
            errors["DurationMinutes"] = [$"议事时长应在 {DeliberationDay.MinDurationMinutes} 到 {DeliberationDay.MaxDurationMinutes} 分钟之间"];
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var day = new DeliberationDay
        {
            HostCode = command.HostCode, Title = command.Title.Trim(), Date = command.Date!.Value, Place = command.Place?.Trim() ?? "",
            DurationMinutes = command.DurationMinutes ?? DeliberationDay.DefaultDurationMinutes,
        };
        db.DeliberationDays.Add(day);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(day.Id);
    }

    /// <summary>Days in the caller's jurisdiction: upcoming first, then past ones most recent first.</summary>
    public async Task<IReadOnlyList<DeliberationDayRow>> ListAsync(CancellationToken ct)
    {
        var today = db.Clock.Today();
        var days = await db.DeliberationDays.AsNoTracking()
            .OrderBy(d => d.HeldAt != null).ThenBy(d => d.Date < today).ThenBy(d => d.Date).Take(200).ToListAsync(ct);
        return await RowsAsync(days, ct);
    }

    public async Task<DeliberationDayDetail?> GetAsync(int id, CancellationToken ct)
    {
        var day = await db.DeliberationDays.AsNoTracking().Include(d => d.Participants).Include(d => d.Options).Include(d => d.Tasks)
            .FirstOrDefaultAsync(d => d.Id == id, ct);
        if (day is null)
        {
            return null;
        }
        var snapshot = await reference.GetAsync(db, ct);
        var groups = await db.ThinkTankGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var cases = await db.Cases.AsNoTracking().Where(c => c.DeliberationDayId == id).OrderBy(c => c.Id).ToListAsync(ct);
        var agenda = cases.ConvertAll(c => new AgendaCase(c.Id, snapshot.Items[c.ItemCode].Name, c.Description, c.Status.ChineseName(),
            day.Options.Where(o => o.CaseId == c.Id).OrderByDescending(o => o.Votes).ToList(), day.Tasks.Where(t => t.CaseId == c.Id).OrderBy(t => t.DueDate).ToList()));
        var firmIds = day.Participants.Select(p => p.EnterpriseId).OfType<int>().ToList();
        var firms = await db.Enterprises.AsNoTracking().Where(e => firmIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var participants = day.Participants.OrderBy(p => p.Id).Select(p => new ParticipantView(p.Id, p.Name, p switch
        {
            { GroupId: { } g } => groups.GetValueOrDefault(g),
            { EnterpriseId: not null } => DeliberationParticipant.EnterpriseRepresentative,
            _ => DeliberationParticipant.ResidentRepresentative,
        }, p.EnterpriseId is { } f ? firms.GetValueOrDefault(f) : null)).ToList();
        var who = db.Jurisdiction;
        return new DeliberationDayDetail((await RowsAsync([day], ct))[0], day.Minutes, participants, agenda,
            who.Role.MayAdminister() && day.HostCode.StartsWith(who.ScopeCode, StringComparison.Ordinal));
    }

    private async Task<List<DeliberationDayRow>> RowsAsync(List<DeliberationDay> days, CancellationToken ct)
    {
        var names = await HostNamesAsync(db, days.Select(d => d.HostCode).Distinct().ToList(), ct);
        var hostIds = days.Select(d => d.BusinessCommunityId).OfType<int>().Distinct().ToList();
        var communities = await db.PublicGeography().BusinessCommunities.AsNoTracking().Where(b => hostIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var ids = days.Select(d => d.Id).ToList();
        var counts = await db.Cases.AsNoTracking().Where(c => c.DeliberationDayId != null && ids.Contains(c.DeliberationDayId.Value))
            .GroupBy(c => c.DeliberationDayId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return days.ConvertAll(d => new DeliberationDayRow(d.Id, d.HostCode,
            d.BusinessCommunityId is { } host ? communities.GetValueOrDefault(host, "") : names.GetValueOrDefault(d.HostCode, d.HostCode),
            d.Title, d.Date, d.Place, d.IsHeld, counts.GetValueOrDefault(d.Id), d.IndustryGroup));
    }

    /// <summary>The names of the communities and streets holding days, read past the territory filter: a host's name is public.</summary>
    internal static Task<Dictionary<string, string>> HostNamesAsync(CivicGridDbContext db, IReadOnlyList<string> hosts, CancellationToken ct) =>
        db.PublicGeography().TerritoryNodes.AsNoTracking().Where(n => hosts.Contains(n.Code)).ToDictionaryAsync(n => n.Code, n => n.Name, ct);
}

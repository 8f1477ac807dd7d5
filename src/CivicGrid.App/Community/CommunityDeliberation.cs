using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Community;

/// <summary>
/// A community's deliberation days as its residents see them (议事公开): the coming ones with their public agenda, and
/// the last <paramref name="Past"/> held ones with what was decided on each public case (the chosen option or the
/// consensus) and the plan that followed. Days of the community and of its street; red-tea meetings of business
/// communities are the enterprises' and are left out.
/// </summary>
public sealed record CommunityDeliberation(string? Community = null, int Past = 5);

public sealed record ResidentPlanTask(string Title, string Owner, DateOnly DueDate, bool Done);

/// <param name="Decisions">The chosen options and recorded consensus for the case; empty before the day is held.</param>
public sealed record ResidentAgendaItem(int CaseId, string ItemName, string StatusName, IReadOnlyList<string> Decisions, bool Consensus, IReadOnlyList<ResidentPlanTask> Tasks);

/// <summary>How many took part as what (a think-tank group, residents' or enterprises' representatives); never who.</summary>
public sealed record ParticipantCount(string Group, int Count);

public sealed record ResidentDeliberationDay(
    int Id, DateOnly Date, string Title, string Place, string HostName, bool Held,
    IReadOnlyList<ResidentAgendaItem> Agenda, IReadOnlyList<ParticipantCount> Participants);

public sealed record CommunityDeliberationView(CommunityChoice Community, IReadOnlyList<ResidentDeliberationDay> Upcoming, IReadOnlyList<ResidentDeliberationDay> Past);

public sealed class CommunityDeliberationHandler(CivicGridDbContext db, CaseReference reference, ViewerCommunity communities)
{
    private const int UpcomingLimit = 6;

    public async Task<Outcome<CommunityDeliberationView>> HandleAsync(CommunityDeliberation query, CancellationToken ct)
    {
        if (await communities.ResolveAsync(query.Community, ct) is not { } community)
        {
            return Outcome<CommunityDeliberationView>.Invalid("community", "请选择一个社区");
        }
        var hosts = new[] { community.Code, community.Code[..9] };
        var today = db.Clock.Today();
        var days = db.PublicCases().DeliberationDays.AsNoTracking().Where(d => hosts.Contains(d.HostCode) && d.BusinessCommunityId == null);
        var upcoming = await days.Where(d => d.HeldAt == null && d.Date >= today).OrderBy(d => d.Date).ThenBy(d => d.Id).Take(UpcomingLimit).ToListAsync(ct);
        var past = await days.Where(d => d.HeldAt != null).OrderByDescending(d => d.Date).ThenByDescending(d => d.Id)
            .Take(Math.Clamp(query.Past, 1, 20)).ToListAsync(ct);
        var all = upcoming.Concat(past).ToList();
        var details = await DetailsAsync(all, ct);
        var names = await db.PublicGeography().TerritoryNodes.AsNoTracking().Where(n => hosts.Contains(n.Code)).ToDictionaryAsync(n => n.Code, n => n.Name, ct);
        ResidentDeliberationDay View(DeliberationDay d) => new(d.Id, d.Date, d.Title, d.Place, names.GetValueOrDefault(d.HostCode, d.HostCode), d.IsHeld,
            details.Agenda.GetValueOrDefault(d.Id, []), d.IsHeld ? details.Participants.GetValueOrDefault(d.Id, []) : []);
        return Outcome<CommunityDeliberationView>.Ok(new CommunityDeliberationView(community, upcoming.ConvertAll(View), past.ConvertAll(View)));
    }

    private sealed record Details(Dictionary<int, List<ResidentAgendaItem>> Agenda, Dictionary<int, List<ParticipantCount>> Participants);

    /// <summary>The public agenda cases, decisions, tasks and participant counts of all the days, in one read each.</summary>
    private async Task<Details> DetailsAsync(List<DeliberationDay> days, CancellationToken ct)
    {
        var ids = days.ConvertAll(d => d.Id);
        var snapshot = await reference.GetAsync(db, ct);
        var cases = await PublicCases.Of(db, snapshot).Where(c => c.DeliberationDayId != null && ids.Contains(c.DeliberationDayId.Value))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.ItemCode, c.Status, Day = c.DeliberationDayId!.Value }).ToListAsync(ct);
        var caseIds = cases.ConvertAll(c => c.Id);
        var decisions = await db.DeliberationOptions.AsNoTracking()
            .Where(o => ids.Contains(o.DeliberationDayId) && caseIds.Contains(o.CaseId) && (o.Chosen || o.IsConsensus))
            .OrderByDescending(o => o.Votes).ThenBy(o => o.Id).Select(o => new { o.CaseId, o.Text, o.IsConsensus }).ToListAsync(ct);
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => ids.Contains(t.DeliberationDayId) && caseIds.Contains(t.CaseId))
            .OrderBy(t => t.DueDate).ThenBy(t => t.Id).Select(t => new { t.CaseId, t.Title, t.Owner, t.DueDate, t.DoneAt }).ToListAsync(ct);
        var groups = await db.ThinkTankGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var taking = await db.Set<DeliberationParticipant>().AsNoTracking().Where(p => ids.Contains(p.DeliberationDayId))
            .GroupBy(p => new { p.DeliberationDayId, p.GroupId, Firm = p.EnterpriseId != null })
            .Select(g => new { g.Key.DeliberationDayId, g.Key.GroupId, g.Key.Firm, Count = g.Count() }).ToListAsync(ct);
        var agenda = cases.GroupBy(c => c.Day).ToDictionary(g => g.Key, g => g.Select(c => new ResidentAgendaItem(
            c.Id, snapshot.Items[c.ItemCode].Name, c.Status.ChineseName(),
            decisions.Where(o => o.CaseId == c.Id).Select(o => o.Text).ToList(), decisions.Any(o => o.CaseId == c.Id && o.IsConsensus),
            tasks.Where(t => t.CaseId == c.Id).Select(t => new ResidentPlanTask(t.Title, t.Owner, t.DueDate, t.DoneAt is not null)).ToList())).ToList());
        var participants = taking.GroupBy(p => p.DeliberationDayId).ToDictionary(g => g.Key, g => g
            .GroupBy(p => p.GroupId is { } id ? groups.GetValueOrDefault(id, "") : p.Firm ? DeliberationParticipant.EnterpriseRepresentative : DeliberationParticipant.ResidentRepresentative)
            .Select(x => new ParticipantCount(x.Key, x.Sum(p => p.Count))).OrderByDescending(x => x.Count).ThenBy(x => x.Group, StringComparer.Ordinal).ToList());
        return new Details(agenda, participants);
    }
}

using CivicGrid.App.Data;
using CivicGrid.App.Enterprises;
using CivicGrid.App.Projects;
using CivicGrid.Core.Assessment;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Assessment;

/// <summary>
/// The assessment's figures from the modules beside the case loop: deliberation days held and their plan tasks done
/// (网格议事), enterprises' needs resolved (企业诉求), and major projects' gates reached on time (五率). Each reads the
/// period's few rows in the caller's scope once and adds them up per unit in memory; a unit with none has a count of 0
/// and a rate with nothing to count.
/// </summary>
public sealed class ModuleFigures(CivicGridDbContext db)
{
    private static readonly Dictionary<string, Func<ModuleFigures, Period, CancellationToken, Task<Dictionary<string, Figure>>>> Sources = new(StringComparer.Ordinal)
    {
        ["deliberation.daysHeld"] = (f, p, ct) => f.DaysHeldAsync(p, ct),
        ["deliberation.tasksDoneRate"] = (f, p, ct) => f.TasksDoneAsync(p, ct),
        ["enterprises.needsResolvedRate"] = (f, p, ct) => f.NeedsResolvedAsync(p, ct),
        ["projects.onScheduleRate"] = (f, p, ct) => f.GatesOnTimeAsync(p, ct),
    };

    /// <summary>A review's period as these sources read it: the first and last day, the instants bounding it, and the unit's code length.</summary>
    public sealed record Period(DateOnly First, DateOnly Last, int CodeLength)
    {
        public DateTime FromUtc => TimeZoneInfo.ConvertTimeToUtc(First.ToDateTime(TimeOnly.MinValue), DistrictTime.Zone);
        public DateTime ToUtc => TimeZoneInfo.ConvertTimeToUtc(Last.AddDays(1).ToDateTime(TimeOnly.MinValue), DistrictTime.Zone);
        public string? UnitOf(string code) => code.Length >= CodeLength ? code[..CodeLength] : null;
    }

    public static bool Has(string key) => Sources.ContainsKey(key);

    /// <summary>Per key, each unit's figure; units absent have no rows in the period.</summary>
    public async Task<Dictionary<string, Dictionary<string, Figure>>> ReadAsync(IEnumerable<string> keys, Period period, CancellationToken ct)
    {
        var read = new Dictionary<string, Dictionary<string, Figure>>(StringComparer.Ordinal);
        foreach (var key in keys.Where(Has).Distinct())
        {
            read[key] = await Sources[key](this, period, ct);
        }
        return read;
    }

    /// <summary>The empty figure of a key: no day held is 0, a rate over nothing is no rate.</summary>
    public static Figure Empty(string key) => IndicatorCatalogue.Find(key)?.Kind == IndicatorKind.Count ? Figure.Count(0) : Figure.Rate(0, 0);

    private async Task<Dictionary<string, Figure>> DaysHeldAsync(Period p, CancellationToken ct)
    {
        var hosts = await db.DeliberationDays.AsNoTracking().Where(d => d.HeldAt >= p.FromUtc && d.HeldAt < p.ToUtc).Select(d => d.HostCode).ToListAsync(ct);
        return ByUnit(hosts, p, h => h, rows => Figure.Count(rows.Count()));
    }

    /// <summary>The plan tasks due in the period, and of them those done by its end.</summary>
    private async Task<Dictionary<string, Figure>> TasksDoneAsync(Period p, CancellationToken ct)
    {
        var tasks = await (from t in db.PlanTasks.AsNoTracking()
                           join d in db.DeliberationDays on t.DeliberationDayId equals d.Id
                           where t.DueDate >= p.First && t.DueDate <= p.Last
                           select new { d.HostCode, t.DoneAt }).ToListAsync(ct);
        return ByUnit(tasks, p, t => t.HostCode, rows => Figure.Rate(rows.Count(t => t.DoneAt < p.ToUtc), rows.Count()));
    }

    /// <summary>The needs raised in the period and not withdrawn, and of them those resolved (rated or not).</summary>
    private async Task<Dictionary<string, Figure>> NeedsResolvedAsync(Period p, CancellationToken ct)
    {
        var needs = await (from n in db.EnterpriseNeeds.AsNoTracking()
                           join e in db.Enterprises on n.EnterpriseId equals e.Id
                           where n.RaisedAt >= p.FromUtc && n.RaisedAt < p.ToUtc && n.Status != NeedStatus.Withdrawn
                           select new { e.GridCode, n.Status }).ToListAsync(ct);
        return ByUnit(needs, p, n => n.GridCode, rows => Figure.Rate(rows.Count(n => n.Status is NeedStatus.Resolved or NeedStatus.Rated), rows.Count()));
    }

    /// <summary>The five gates together on the period's last day (五率 as one figure): the gates reached over the gates due.</summary>
    private async Task<Dictionary<string, Figure>> GatesOnTimeAsync(Period p, CancellationToken ct)
    {
        var gates = await (from g in db.ProjectGates.AsNoTracking()
                           join m in db.MajorProjects on g.ProjectId equals m.Id
                           select new { m.CommunityCode, m.TerminatedOn, g.Stage, g.PlannedOn, g.ReachedOn }).ToListAsync(ct);
        return ByUnit(gates.Where(g => g.Stage.IsTracked()).ToList(), p, g => g.CommunityCode, rows =>
        {
            var tally = rows.Aggregate(default(GateTally), (sum, g) => sum + GateTally.Of(g.TerminatedOn, g.PlannedOn, g.ReachedOn, p.Last));
            return Figure.Rate(tally.Reached, tally.Due);
        });
    }

    private static Dictionary<string, Figure> ByUnit<T>(IEnumerable<T> rows, Period p, Func<T, string> code, Func<IEnumerable<T>, Figure> figure) =>
        rows.Select(r => (Unit: p.UnitOf(code(r)), Row: r)).Where(r => r.Unit is not null)
            .GroupBy(r => r.Unit!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => figure(g.Select(r => r.Row)), StringComparer.Ordinal);
}

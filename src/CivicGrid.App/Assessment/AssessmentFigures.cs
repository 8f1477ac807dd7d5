using System.Globalization;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Replica;
using CivicGrid.App.PublicServices.Targets;
using CivicGrid.App.Visits;
using CivicGrid.Core.Assessment;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Territory;
using CivicGrid.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Assessment;

/// <summary>
/// The figures a review scores (指标取数): for a period and a level of units, each catalogue key's numerator and
/// denominator per unit, read from the same code the pages use, one grouped query per source for all units. A key with
/// no source yet is refused when a scheme is published (<see cref="SourceRefusal"/>), never scored as zero.
/// </summary>
public sealed class AssessmentFigures(CivicGridDbContext db, ReportingReads reads, CaseCountsByNodeHandler cases, VisitPlanReader visits, TargetQueries targets, ModuleFigures modules)
{
    /// <summary>The services' target lists summed over every published service: 享受率 is the reached over the eligible.</summary>
    private static readonly Dictionary<string, Func<(long Eligible, long Missed), Figure>> ServiceFigures = new(StringComparer.Ordinal)
    {
        ["services.enjoymentRate"] = s => Figure.Rate(s.Eligible - s.Missed, s.Eligible),
        ["services.missed"] = s => Figure.Count(s.Missed),
    };

    /// <summary>Visit coverage describes today (there is no monthly history of it): a review reads it as it stands when run.</summary>
    private static readonly Dictionary<string, Func<VisitCoverage, Figure>> VisitFigures = new(StringComparer.Ordinal)
    {
        ["visits.coverage"] = v => Figure.Rate(v.Covered, v.Households),
        ["visits.overdue"] = v => Figure.Count(v.Overdue),
    };

    private static readonly Dictionary<string, Func<IndicatorCounts, Figure>> CaseFigures = new(StringComparer.Ordinal)
    {
        ["cases.responseRate"] = c => Figure.Rate(c.RespondedOnTime, c.Received),
        ["cases.resolutionRate"] = c => Figure.Rate(c.Resolved, c.Due),
        // 基本满意 counts half: numerator and denominator are doubled so both stay whole numbers.
        ["cases.satisfactionRate"] = c => Figure.Rate(2 * c.Satisfied + c.BasicallySatisfied, 2 * c.Rated),
        ["cases.onTimeClosureRate"] = c => Figure.Rate(c.ClosedOnTime, c.Closed),
        ["cases.reworkRate"] = c => Figure.Rate(c.Reworked, c.Resolved),
        ["cases.extensionRate"] = c => Figure.Rate(c.Extended, c.Accepted),
    };

    /// <summary>Whether a key has a source of figures yet; the reason a scheme naming one without is refused at publishing.</summary>
    public static string? SourceRefusal(string key) =>
        CaseFigures.ContainsKey(key) || VisitFigures.ContainsKey(key) || ServiceFigures.ContainsKey(key) || ModuleFigures.Has(key) || IndicatorCatalogue.Find(key) is not { } indicator ? null : $"指标“{indicator.Name}”暂无数据来源，暂不能用于考核";

    /// <summary>The territory level of the units a scheme rates: villages are communities in the tree.</summary>
    public static TerritoryLevel UnitLevel(AssessedLevel level) => level == AssessedLevel.Street ? TerritoryLevel.Street : TerritoryLevel.Community;

    public static int CodeLength(AssessedLevel level) => TerritoryCode.LengthOf(UnitLevel(level));

    /// <summary>The months a period covers, as the roll-up keys them.</summary>
    public static (string From, string To) Months(ReviewPeriodKind kind, DateOnly start) =>
        (Month(start), Month(AssessmentReview.Days(kind, start).Last));

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Each unit's figure for every key the scheme names; a unit with no cases has rates with nothing to count.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, Figure>>> ReadAsync(
        AssessmentScheme scheme, IReadOnlyCollection<string> units, ReviewPeriodKind kind, DateOnly start, CancellationToken ct)
    {
        var (from, to) = Months(kind, start);
        var caseKeys = scheme.Items.Select(i => i.IndicatorKey).Where(CaseFigures.ContainsKey).ToList();
        var counts = caseKeys.Count == 0
            ? new Dictionary<string, IndicatorCounts>()
            : await cases.HandleAsync(new CaseCountsByNode(CodeLength(scheme.Level), from, to), ct);
        var visitKeys = scheme.Items.Select(i => i.IndicatorKey).Where(VisitFigures.ContainsKey).ToList();
        var coverage = visitKeys.Count == 0 ? new Dictionary<string, VisitCoverage>() : await CoverageAsync(CodeLength(scheme.Level), ct);
        var serviceKeys = scheme.Items.Select(i => i.IndicatorKey).Where(ServiceFigures.ContainsKey).ToList();
        var served = serviceKeys.Count == 0 ? new Dictionary<string, (long Eligible, long Missed)>() : await ServedAsync(CodeLength(scheme.Level), ct);
        var moduleKeys = scheme.Items.Select(i => i.IndicatorKey).Where(ModuleFigures.Has).ToList();
        var (first, last) = AssessmentReview.Days(kind, start);
        var fromModules = await modules.ReadAsync(moduleKeys, new ModuleFigures.Period(first, last, CodeLength(scheme.Level)), ct);
        return units.ToDictionary(u => u, u =>
        {
            var c = counts.GetValueOrDefault(u);
            var v = coverage.GetValueOrDefault(u) ?? new VisitCoverage(u, 0, 0, 0, 0, 0, 0);
            var unit = caseKeys.ToDictionary(k => k, k => CaseFigures[k](c), StringComparer.Ordinal);
            visitKeys.ForEach(k => unit[k] = VisitFigures[k](v));
            serviceKeys.ForEach(k => unit[k] = ServiceFigures[k](served.GetValueOrDefault(u)));
            moduleKeys.ForEach(k => unit[k] = fromModules[k].GetValueOrDefault(u) ?? ModuleFigures.Empty(k));
            return (IReadOnlyDictionary<string, Figure>)unit;
        }, StringComparer.Ordinal);
    }

    /// <summary>Each unit's eligible and missed residents summed over the published services, from the target lists' own queries (two grouped counts per service).</summary>
    private async Task<Dictionary<string, (long Eligible, long Missed)>> ServedAsync(int length, CancellationToken ct)
    {
        var read = await reads.DbAsync(ct);
        var services = await read.ServiceItems.AsNoTracking().Include(s => s.Rules).Where(s => s.PublishedRuleVersion != null).OrderBy(s => s.Id).ToListAsync(ct);
        var scope = new TargetScope(db.Jurisdiction.ScopeCode, length);
        var sums = new Dictionary<string, (long Eligible, long Missed)>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            foreach (var (unit, (eligible, missed)) in await targets.EligibleByRowAsync(read, service, scope, ct))
            {
                var (e, m) = sums.GetValueOrDefault(unit);
                sums[unit] = (e + eligible, m + missed);
            }
        }
        return sums;
    }

    /// <summary>Each unit's visit coverage today, from the plan the visit pages read, in one pass over the caller's households.</summary>
    private async Task<Dictionary<string, VisitCoverage>> CoverageAsync(int length, CancellationToken ct)
    {
        var policy = await visits.PolicyAsync(ct);
        var today = db.Clock.Today();
        var households = await visits.HouseholdsAsync(policy, db.Jurisdiction.ScopeCode, ct);
        return VisitPlanner.Coverage(households.Select(h => VisitPlanner.Item(policy, h, today)), length).ToDictionary(c => c.Code, StringComparer.Ordinal);
    }
}

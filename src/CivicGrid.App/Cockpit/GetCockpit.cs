using System.Globalization;
using CivicGrid.App.Access;
using CivicGrid.App.Assessment;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Hotspots;
using CivicGrid.Core.Assessment;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Cockpit;

namespace CivicGrid.App.Cockpit;

/// <summary>
/// The district cockpit of a subtree (the caller's when empty): the last complete month's key figures beside the month
/// before, twelve months of trend, each area below coloured by its score, the best and the worst, and the hotspots
/// found now with their proactive tasks. Every figure comes from the handlers the dashboard and the hotspot page use.
/// <see cref="Month"/> names another complete month (yyyy-MM), for a report of that month.
/// </summary>
public sealed record GetCockpit(string? Scope = null, string? Month = null)
{
    /// <summary>How many areas the best and the worst lists (红黑榜) name at most; with few areas each takes half, so none is on both.</summary>
    public const int ListSize = 3;
    /// <summary>How many hotspots the cockpit shows; the hotspot page lists them all.</summary>
    public const int HotspotsShown = 8;
}

/// <summary>
/// An area below the scope for the month: its score out of 100, colour and rank: its published assessment's total,
/// stars and colour where a review of the month is published (<see cref="PublishedRatings"/>), else the case loop's
/// score (<see cref="CaseLoopScore"/>) without stars.
/// </summary>
public sealed record CockpitArea(string Code, string Name, long Received, Indicators Rates, double? Score, AreaColour Colour, int? Rank, int? Stars = null);

/// <summary>The published review the areas' colours come from, for the cockpit to name and link.</summary>
public sealed record CockpitRating(int ReviewId, string SchemeName, bool Quarterly = false);

public sealed record CockpitView(
    string ScopeCode, string ScopeName, string Month, IReadOnlyList<KeyFigure> Figures, IReadOnlyList<IndicatorFigures> Trend,
    IReadOnlyList<CockpitArea> Areas, IReadOnlyList<CockpitArea> Best, IReadOnlyList<CockpitArea> Worst,
    IReadOnlyList<HotspotRow> Hotspots, int HotspotCount, int OpenTasks, IReadOnlyList<TrendRow> Rising, CockpitRating? RatedBy = null);

public sealed class GetCockpitHandler(CaseIndicatorsHandler indicators, FindHotspotsHandler hotspots, RecentHotspots recent, PublishedRatingsHandler ratings, IJurisdiction jurisdiction, TimeProvider clock)
{
    public async Task<Outcome<CockpitView>> HandleAsync(GetCockpit query, CancellationToken ct)
    {
        var month = query.Month ?? LastCompleteMonth();
        if (!IsMonth(month) || string.CompareOrdinal(month, LastCompleteMonth()) > 0)
        {
            return Outcome<CockpitView>.Invalid("month", "月份应为已结束的月份，格式 yyyy-MM");
        }
        var year = await indicators.HandleAsync(new CaseIndicators(query.Scope, From: Shift(month, -11), To: month), ct);
        if (year.Value is not { } trend)
        {
            return new(year.Kind, default, year.Errors);
        }
        var monthReport = await indicators.HandleAsync(new CaseIndicators(trend.ScopeCode, From: month, To: month), ct);
        var found = await recent.GetAsync(hotspots, jurisdiction, trend.ScopeCode, ct);
        var children = monthReport.Value?.Children ?? [];
        var rated = await ratings.HandleAsync(new PublishedRatings(month, [.. children.Select(c => c.Code)]), ct);
        var areas = Areas(children, rated);
        var scored = areas.Where(a => a.Score is not null).ToList();
        var spots = found.Value?.Hotspots ?? [];
        return Outcome<CockpitView>.Ok(new CockpitView(
            trend.ScopeCode, trend.ScopeName, month, Figures(trend.Trend, spots), trend.Trend, areas,
            [.. scored.Take(Math.Min(GetCockpit.ListSize, (scored.Count + 1) / 2))],
            [.. scored.TakeLast(Math.Min(GetCockpit.ListSize, scored.Count / 2)).Reverse()],
            [.. spots.Take(GetCockpit.HotspotsShown)], spots.Count, spots.Count(h => h.TaskCaseId is not null), found.Value?.Trends ?? [],
            rated.Values.OrderBy(r => r.Kind).ThenByDescending(r => r.ReviewId).FirstOrDefault() is { } by
                ? new CockpitRating(by.ReviewId, by.SchemeName, by.Kind == ReviewPeriodKind.Quarterly) : null));
    }

    private static bool IsMonth(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>The month a cockpit shows unless told otherwise: the last that has ended.</summary>
    public string LastCompleteMonth() => Shift(CaseStats.MonthOf(clock.GetUtcNow().UtcDateTime), -1);

    private static string Shift(string month, int months) =>
        DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(months).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The month's figures beside the month before's: the number of cases and the rates officials are judged by.</summary>
    private static List<KeyFigure> Figures(IReadOnlyList<IndicatorFigures> trend, IReadOnlyList<HotspotRow> spots)
    {
        var (now, before) = (trend[^1], trend.Count > 1 ? trend[^2] : null);
        var figures = new List<KeyFigure> { new("received", "诉求量", now.Counts.Received, before?.Counts.Received, IsRate: false) };
        foreach (var key in (string[])["responseRate", "resolutionRate", "satisfactionRate", "onTimeClosureRate"])
        {
            var index = Indicators.Names.ToList().FindIndex(n => n.Key == key);
            figures.Add(new KeyFigure(key, Indicators.Names[index].Name, now.Rates.Values[index], before?.Rates.Values[index], IsRate: true));
        }
        figures.Add(new KeyFigure("hotspots", "当前热点", spots.Count, null, IsRate: false));
        return figures;
    }

    /// <summary>The areas ranked by score, highest first; equal scores share a rank, areas without one are unranked.</summary>
    private static List<CockpitArea> Areas(IReadOnlyList<IndicatorFigures> children, IReadOnlyDictionary<string, PublishedRating> rated)
    {
        var scored = children.Select(c => (Figures: c, Rating: rated.GetValueOrDefault(c.Code)))
            .Select(c => (c.Figures, c.Rating, Score: c.Rating is { } r ? (double)r.Total : CaseLoopScore.Of(c.Figures.Rates)))
            .OrderBy(c => c.Score is null).ThenByDescending(c => c.Score).ThenBy(c => c.Figures.Code, StringComparer.Ordinal).ToList();
        return [.. scored.Select(c => new CockpitArea(c.Figures.Code, c.Figures.Name, c.Figures.Counts.Received, c.Figures.Rates, c.Score,
            c.Rating is { } r ? Colour(r.Colour) : CaseLoopScore.Colour(c.Score),
            c.Score is { } s ? 1 + scored.Count(o => o.Score > s) : null, c.Rating?.Stars))];
    }

    private static AreaColour Colour(RatingColour colour) => colour switch
    {
        RatingColour.Green => AreaColour.Green,
        RatingColour.Yellow => AreaColour.Yellow,
        _ => AreaColour.Red,
    };
}

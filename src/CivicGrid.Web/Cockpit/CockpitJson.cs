using System.Globalization;
using System.Text.Json;
using CivicGrid.App.Cockpit;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Cockpit;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Cockpit;

/// <summary>What cockpit.js draws, in a data attribute because the content security policy allows no inline script.</summary>
internal static class CockpitJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Colour(AreaColour colour) => colour switch
    {
        AreaColour.Green => "#16a34a",
        AreaColour.Yellow => "#eab308",
        AreaColour.Red => "#dc2626",
        _ => "#94a3b8",
    };

    public static string Of(CockpitView view, IStringLocalizer<SharedResource> l) => JsonSerializer.Serialize(new
    {
        areas = view.Areas.ToDictionary(a => a.Code, a => new { a.Name, colour = Colour(a.Colour), a.Score, a.Rank, a.Received, a.Stars }),
        labels = new
        {
            received = l["诉求数"].Value, trend = l["三率月度趋势"].Value, score = l["综合得分"].Value, noScore = l["本月无评分"].Value,
            rates = Indicators.Names.Take(3).Select(n => l[n.Name].Value),
        },
        trend = view.Trend.Select(m => new { m.Code, received = m.Counts.Received, rates = m.Rates.Values.Take(3).Select(v => v is { } r ? Math.Round(r * 100, 1) : (double?)null) }),
    }, Options);

    /// <summary>A figure as the cockpit shows it: a rate in percent, a count in whole numbers.</summary>
    public static string Value(KeyFigure figure) => figure.Current switch
    {
        null => "—",
        { } v when figure.IsRate => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        { } v => v.ToString("N0", CultureInfo.InvariantCulture),
    };

    /// <summary>The change on the month before: signed percentage points for a rate, a signed percentage for a count.</summary>
    public static string Change(KeyFigure figure) => figure.Change switch
    {
        null => "",
        { } c when figure.IsRate => (c * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture),
        { } c => (c * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%",
    };
}

using System.Globalization;
using System.Text.Json;
using CivicGrid.App.Cases;
using CivicGrid.Core.Cases;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Cases.Dashboard;

/// <summary>What dashboard.js draws, embedded in a data attribute because the content security policy allows no inline script.</summary>
internal static class DashboardJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Of(IndicatorReport report, IndicatorFilter filter, IStringLocalizer<SharedResource> l) => JsonSerializer.Serialize(new
    {
        names = Indicators.Names.Select(n => new { n.Key, name = l[n.Name].Value }),
        labels = new { received = l["诉求数"].Value, categories = l["分类构成"].Value, trend = l["三率月度趋势"].Value },
        rankIndex = Indicators.Names.ToList().FindIndex(n => n.Key == report.RankBy),
        trend = report.Trend.Select(m => Row(m)),
        children = report.Children.Select(c => Row(c, $"dashboard{filter.At(c.Code).ToQueryString()}")),
        categories = report.ByCategory.Select(c => Row(c)),
    }, Options);

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    private static object Row(IndicatorFigures f, string? href = null) => new
    {
        f.Code, f.Name, received = f.Counts.Received, rates = f.Rates.Values.Select(v => v is { } r ? Math.Round(r * 100, 1) : (double?)null), href,
    };
}

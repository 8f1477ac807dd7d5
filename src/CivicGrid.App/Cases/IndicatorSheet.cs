using CivicGrid.App.Exports;
using CivicGrid.Core.Cases;

namespace CivicGrid.App.Cases;

/// <summary>The indicator table as a spreadsheet: the scope's months, then each child node's months, every rate in percent.</summary>
public static class IndicatorSheet
{
    public static readonly IReadOnlyList<string> Headers =
        ["区域编码", "区域名称", "月份", "诉求数", .. Indicators.Names.Select(n => $"{n.Name}(%)")];

    public static Task WriteAsync(Stream output, ExportFormat format, IReadOnlyList<(IndicatorFigures Place, string Month)> rows, CancellationToken ct) =>
        ExportWriter.WriteAsync(output, format, Headers, rows.ToAsyncEnumerable(), Cells, ct);

    private static IEnumerable<object?> Cells((IndicatorFigures Place, string Month) row) =>
        [row.Place.Code, row.Place.Name, row.Month, (int)row.Place.Counts.Received, .. row.Place.Rates.Values.Select(Percent)];

    private static object? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : null;
}

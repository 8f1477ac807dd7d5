namespace CivicGrid.App.Reports;

/// <summary>
/// A report as the three formats render it: a title, a line saying what it covers, then sections, each a heading with
/// an optional bar chart and an optional table. The page, the workbook (<see cref="ReportWorkbook"/>) and the PDF
/// (<see cref="ReportPdf"/>) read the same document, so the figures never differ between them.
/// </summary>
public sealed record ReportDocument(string Title, string Period, ReportLine Subtitle, IReadOnlyList<ReportSection> Sections)
{
    public ReportSection? Section(string heading) => Sections.FirstOrDefault(s => s.Heading == heading);
}

/// <summary>A line of a report with figures: a format (pages translate it) and its arguments.</summary>
public sealed record ReportLine(string Format, params object[] Arguments)
{
    public string Text => string.Format(System.Globalization.CultureInfo.InvariantCulture, Format, Arguments);
}

/// <summary>A section of a report; a note with figures is a format (pages translate it) and its arguments.</summary>
public sealed record ReportSection(string Heading, ReportTable? Table = null, BarChart? Chart = null, string? Note = null, object[]? NoteArguments = null)
{
    public string? NoteText => Note is null ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, Note, NoteArguments ?? []);
}

/// <summary>Cells are text or numbers; numbers stay numbers in the workbook. Text of the columns named in
/// <see cref="Vocabulary"/> is the system's own words (types, stages, states), which pages translate; the rest is data.</summary>
public sealed record ReportTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public static readonly IReadOnlySet<string> Vocabulary = new HashSet<string> { "指标", "类型", "阶段", "状态", "节点", "五未", "月份" };

    public static string Text(object? cell) => cell switch
    {
        null => "",
        double d => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}

/// <summary>Horizontal bars, one row per label, one bar per series (at most a few: planned against done, opened against closed).</summary>
public sealed record BarChart(IReadOnlyList<string> Labels, IReadOnlyList<BarSeries> Series, string Unit);

public sealed record BarSeries(string Name, IReadOnlyList<double> Values);

using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace CivicGrid.App.Reports;

/// <summary>
/// A report as a printable A4 PDF in landscape (the rates table has twenty-two columns): the charts drawn as bars with
/// PDFsharp's graphics, the tables with their header (on two lines where needed) repeated on each page, text in Noto Sans
/// CJK (<see cref="CjkFontResolver"/>).
/// </summary>
public static class ReportPdf
{
    public const string ContentType = "application/pdf";

    private const double Margin = 36, PageWidth = 842, PageHeight = 595, Bottom = PageHeight - Margin - 16;
    private static readonly XColor[] SeriesColours = [XColor.FromArgb(0x54, 0x70, 0xC6), XColor.FromArgb(0x91, 0xCC, 0x75), XColor.FromArgb(0xEE, 0x66, 0x66), XColor.FromArgb(0xFA, 0xC8, 0x58)];
    private static readonly Lock Setup = new();

    public static bool Available => CjkFontResolver.Available;

    public static void Write(Stream output, ReportDocument report)
    {
        UseChineseFont();
        using var document = new PdfDocument();
        document.Info.Title = $"{report.Title} {report.Period}";
        var writer = new PageWriter(document);
        writer.Text($"{report.Title}（{report.Period}）", 18, XBrushes.Black, 28);
        writer.Text(report.Subtitle.Text, 10, XBrushes.DimGray, 24);
        foreach (var section in report.Sections)
        {
            writer.Section(section);
        }
        writer.Finish();
        document.Save(output, false);
    }

    private static void UseChineseFont()
    {
        lock (Setup)
        {
            if (GlobalFontSettings.FontResolver is not CjkFontResolver)
            {
                GlobalFontSettings.FontResolver = new CjkFontResolver();
            }
        }
    }

    /// <summary>Draws top to bottom, opening a page when the next line would not fit.</summary>
    private sealed class PageWriter(PdfDocument document)
    {
        private readonly XPdfFontOptions _unicode = new(PdfFontEncoding.Unicode);
        private XGraphics? _page;
        private double _y = PageHeight;

        private XGraphics Page => _page!;

        private XFont Font(double size) => new(CjkFontResolver.Family, size, XFontStyleEx.Regular, _unicode);

        public void Text(string text, double size, XBrush brush, double height)
        {
            Room(height);
            Page.DrawString(text, Font(size), brush, new XRect(Margin, _y, PageWidth - 2 * Margin, height), XStringFormats.TopLeft);
            _y += height;
        }

        public void Section(ReportSection section)
        {
            Room(60);
            _y += 8;
            Text(section.Heading, 13, XBrushes.Black, 20);
            Page.DrawLine(XPens.LightGray, Margin, _y - 2, PageWidth - Margin, _y - 2);
            _y += 4;
            if (section.NoteText is { Length: > 0 } note)
            {
                Text(note, 8.5, XBrushes.DimGray, 14);
            }
            if (section.Chart is { Labels.Count: > 0 } chart)
            {
                Chart(chart);
            }
            if (section.Table is { } table)
            {
                Table(table);
            }
        }

        private void Chart(BarChart chart)
        {
            var font = Font(8);
            Legend(chart, font);
            var labelWidth = Math.Min(150, chart.Labels.Max(l => Page.MeasureString(l, font).Width) + 6);
            var left = Margin + labelWidth;
            var width = PageWidth - Margin - left - 60;
            var max = Math.Max(chart.Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max(), 1e-9);
            var bar = 8.0;
            for (var i = 0; i < chart.Labels.Count; i++)
            {
                var rowHeight = chart.Series.Count * bar + 5;
                Room(rowHeight);
                Page.DrawString(Fit(chart.Labels[i], font, labelWidth - 6), font, XBrushes.Black, new XRect(Margin, _y, labelWidth - 6, rowHeight - 5), XStringFormats.CenterRight);
                for (var s = 0; s < chart.Series.Count; s++)
                {
                    var value = i < chart.Series[s].Values.Count ? chart.Series[s].Values[i] : 0;
                    var length = Math.Max(0, value / max * width);
                    var top = _y + s * bar;
                    Page.DrawRectangle(new XSolidBrush(SeriesColours[s % SeriesColours.Length]), left, top, length, bar - 1);
                    Page.DrawString(ReportTable.Text(Math.Round(value, 2)), Font(7), XBrushes.DimGray, new XPoint(left + length + 3, top + bar - 2));
                }
                _y += rowHeight;
            }
            Page.DrawLine(XPens.Gray, left, _y - chart.Labels.Count * 0 - 2, left, _y - 2);
            _y += 8;
        }

        private void Legend(BarChart chart, XFont font)
        {
            Room(14);
            var x = Margin;
            for (var s = 0; s < chart.Series.Count; s++)
            {
                Page.DrawRectangle(new XSolidBrush(SeriesColours[s % SeriesColours.Length]), x, _y + 2, 8, 8);
                var name = chart.Series[s].Name;
                Page.DrawString(name, font, XBrushes.Black, new XPoint(x + 11, _y + 9));
                x += Page.MeasureString(name, font).Width + 24;
            }
            Page.DrawString($"单位：{chart.Unit}", font, XBrushes.DimGray, new XPoint(x + 8, _y + 9));
            _y += 16;
        }

        private void Table(ReportTable table)
        {
            var font = Font(table.Columns.Count > 12 ? 7 : 8);
            var widths = ColumnWidths(table, font);
            Header(table, widths, font);
            foreach (var row in table.Rows)
            {
                if (Room(13))
                {
                    Header(table, widths, font);
                }
                var x = Margin;
                for (var c = 0; c < widths.Length; c++)
                {
                    var cell = c < row.Count ? row[c] : null;
                    var format = cell is int or long or double or decimal ? XStringFormats.CenterRight : XStringFormats.CenterLeft;
                    Page.DrawString(Fit(ReportTable.Text(cell), font, widths[c] - 4), font, XBrushes.Black, new XRect(x + 2, _y, widths[c] - 4, 13), format);
                    x += widths[c];
                }
                Page.DrawLine(XPens.Gainsboro, Margin, _y + 13, Margin + widths.Sum(), _y + 13);
                _y += 13;
            }
            _y += 6;
        }

        private void Header(ReportTable table, double[] widths, XFont font)
        {
            var lines = table.Columns.Select((c, i) => Lines(c, font, widths[i] - 4)).ToList();
            var height = 4 + 10 * lines.Max(l => l.Count);
            Room(height);
            Page.DrawRectangle(XBrushes.WhiteSmoke, Margin, _y, widths.Sum(), height);
            var x = Margin;
            for (var c = 0; c < widths.Length; c++)
            {
                for (var l = 0; l < lines[c].Count; l++)
                {
                    Page.DrawString(lines[c][l], font, XBrushes.Black, new XRect(x + 2, _y + 2 + 10 * l, widths[c] - 4, 10), XStringFormats.CenterLeft);
                }
                x += widths[c];
            }
            _y += height;
        }

        /// <summary>A header on one line, or cut in two where it does not fit; the second line is shortened if it still does not.</summary>
        private List<string> Lines(string text, XFont font, double width)
        {
            if (Page.MeasureString(text, font).Width <= width || text.Length < 2)
            {
                return [text];
            }
            var cut = 1;
            while (cut < text.Length - 1 && Page.MeasureString(text[..(cut + 1)], font).Width <= width)
            {
                cut++;
            }
            return [text[..cut], Fit(text[cut..], font, width)];
        }

        /// <summary>
        /// Each column as wide as its widest cell (its header may take two lines); when they do not fit the page, the widest
        /// are narrowed to one common width first, so short columns keep theirs.
        /// </summary>
        private double[] ColumnWidths(ReportTable table, XFont font)
        {
            Room(30);
            var widths = table.Columns.Select((c, i) => Math.Min(200, table.Rows.Take(300)
                .Select(r => i < r.Count ? Page.MeasureString(ReportTable.Text(r[i]), font).Width : 0)
                .Append(Page.MeasureString(c, font).Width / 2 + 6).Max() + 8)).ToArray();
            var room = PageWidth - 2 * Margin;
            if (widths.Sum() <= room)
            {
                return widths;
            }
            var ordered = widths.OrderBy(w => w).ToArray();
            var (cap, before) = (room / widths.Length, 0.0);
            for (var i = 0; i < ordered.Length; i++)
            {
                var candidate = (room - before) / (ordered.Length - i);
                if (candidate <= ordered[i])
                {
                    cap = candidate;
                    break;
                }
                before += ordered[i];
            }
            return [.. widths.Select(w => Math.Min(w, cap))];
        }

        private string Fit(string text, XFont font, double width)
        {
            if (Page.MeasureString(text, font).Width <= width)
            {
                return text;
            }
            var cut = text;
            while (cut.Length > 1 && Page.MeasureString(cut + "…", font).Width > width)
            {
                cut = cut[..^1];
            }
            return cut + "…";
        }

        /// <summary>Opens a new page when <paramref name="height"/> does not fit; true when it did.</summary>
        private bool Room(double height)
        {
            if (_page is not null && _y + height <= Bottom)
            {
                return false;
            }
            _page?.Dispose();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            _page = XGraphics.FromPdfPage(page);
            _y = Margin;
            return true;
        }

        /// <summary>Numbers the pages once all are drawn.</summary>
        public void Finish()
        {
            _page?.Dispose();
            for (var i = 0; i < document.PageCount; i++)
            {
                using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                g.DrawString($"第 {i + 1} 页 / 共 {document.PageCount} 页", Font(8), XBrushes.DimGray,
                    new XRect(Margin, PageHeight - Margin, PageWidth - 2 * Margin, 12), XStringFormats.Center);
            }
        }
    }
}

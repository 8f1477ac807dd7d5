using CivicGrid.App.Projects.Reports;
using MiniExcelLibs;
using UglyToad.PdfPig;
using CivicGrid.App.Reports;

namespace CivicGrid.App.Tests.Reports;

/// <summary>The PDF and the workbook carry what the document holds, Chinese included, across pages.</summary>
public sealed class ReportRenderingTests
{
    private static ReportDocument Sample(int rows) => new("重大项目月报", "2026-11", new ReportScope("全部服务组", rows, 0, "2026-12-01 08:00").Line,
    [
        new ReportSection("各阶段项目数", Chart: new BarChart(["签约", "开工", "投产"], [new BarSeries("项目数", [12, 7, 3])], "个")),
        new ReportSection("项目清单", new ReportTable(["项目", "投资（万元）"],
            [.. Enumerable.Range(1, rows).Select(i => (IReadOnlyList<object?>)[$"运河数智城{i}号项目", 100.5 * i])])),
    ]);

    [Fact]
    public void The_pdf_opens_and_holds_the_chinese_names_on_every_page()
    {
        using var output = new MemoryStream();
        ReportPdf.Write(output, Sample(120));

        output.Position = 0;
        using var pdf = PdfDocument.Open(output);
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.True(pdf.NumberOfPages >= 3, $"{pdf.NumberOfPages} pages");
        Assert.Contains("重大项目月报", text);
        Assert.Contains("运河数智城1号项目", text);
        Assert.Contains("运河数智城120号项目", text);
        Assert.Contains($"共 {pdf.NumberOfPages} 页", text);
    }

    [Fact]
    public async Task The_workbook_has_a_sheet_per_table_with_numbers_as_numbers()
    {
        using var output = new MemoryStream();
        await ReportWorkbook.WriteAsync(output, Sample(3) with { Sections = [.. Sample(3).Sections, new ReportSection("=SUM(A1)", new ReportTable(["值"], [["=1+1"]]))] }, CancellationToken.None);

        output.Position = 0;
        Assert.Equal(["报告", "项目清单", "=SUM(A1)"], output.GetSheetNames());
        var rows = output.Query(useHeaderRow: true, sheetName: "项目清单").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("运河数智城3号项目", rows[2]["项目"]);
        Assert.Equal(301.5, Convert.ToDouble(rows[2]["投资（万元）"]));
        var neutralised = output.Query(useHeaderRow: true, sheetName: "=SUM(A1)").Cast<IDictionary<string, object>>().Single();
        Assert.Equal("'=1+1", neutralised["值"]);
    }
}

using System.Text;
using CivicGrid.App.Access;
using CivicGrid.App.Imports;
using CivicGrid.Core.Access;
using CivicGrid.Core.People;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CivicGrid.App.Tests.Imports;

public class ResidentImportTests
{
    private static readonly IJurisdiction System = new SystemJurisdiction("tests");

    private static async Task<(AppHarness App, string Household, string Grid)> ArrangeAsync(DatabaseKind kind)
    {
        var app = await AppHarness.StartAsync(kind);
        await using var scope = app.Scope(System);
        var household = await scope.Db.Households.OrderBy(h => h.Id).FirstAsync();
        return (app, household.Code, household.GridCode);
    }

    private static async Task<ImportReport> ImportAsync(AppHarness app, TabularData data, bool commit = true, IJurisdiction? as_ = null)
    {
        await using var scope = app.Scope(as_ ?? System);
        var outcome = await scope.Get<RunImportHandler>().HandleAsync(new RunImport(ImportKind.Residents, data, commit, "residents.csv"), null, CancellationToken.None);
        return outcome.Value ?? throw new InvalidOperationException(outcome.Kind.ToString());
    }

    private static async Task<int> CountAsync(AppHarness app)
    {
        await using var scope = app.Scope(System);
        return await scope.Db.Residents.CountAsync();
    }

    private static string Row(string name, string id, string household, string tags = "独居") =>
        $"{name},{id},13812345678,户籍,2020-05-01,{household},户主,{tags}";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ImportingTheSameFileTwiceChangesNothing(DatabaseKind kind)
    {
        var (app, household, _) = await ArrangeAsync(kind);
        await using var _app = app;
        var before = await CountAsync(app);
        var file = ImportFiles.Csv(ImportFiles.Lines(ImportFiles.ResidentHeader,
            Row("张三", "11010519491231002X", household), Row("李四", IdNumber.Compose("330105", new DateOnly(1990, 1, 1), 11, Gender.Male), household, "")));

        var first = await ImportAsync(app, file);
        var second = await ImportAsync(app, file);

        Assert.Equal((2, 0, 0), (first.Inserted, first.Updated, first.Unchanged));
        Assert.True(second.Committed);
        Assert.Equal((0, 0, 2), (second.Inserted, second.Updated, second.Unchanged));
        Assert.Equal(before + 2, await CountAsync(app));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AChangedRowUpdatesThePersonFoundByIdNumber(DatabaseKind kind)
    {
        var (app, household, _) = await ArrangeAsync(kind);
        await using var _app = app;
        await ImportAsync(app, ImportFiles.Csv(ImportFiles.Lines(ImportFiles.ResidentHeader, Row("张三", "11010519491231002X", household))));

        var report = await ImportAsync(app, ImportFiles.Csv(ImportFiles.Lines(ImportFiles.ResidentHeader, Row("张三丰", "11010519491231002X", household, "独居、低保"))));

        Assert.Equal((0, 1), (report.Inserted, report.Updated));
        await using var scope = app.Scope(System);
        var person = await scope.Db.Residents.Include(r => r.Tags).SingleAsync(r => r.IdLast4 == "002X");
        Assert.Equal("张三丰", person.Name);
        Assert.Equal(["低保", "独居"], person.Tags.Select(t => t.Name).Order());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task OneBadRowSavesNothingAndEveryErrorNamesRowColumnAndReason(DatabaseKind kind)
    {
        var (app, household, _) = await ArrangeAsync(kind);
        await using var _app = app;
        var before = await CountAsync(app);
        var file = ImportFiles.Csv(ImportFiles.Lines(ImportFiles.ResidentHeader,
            Row("张三", "11010519491231002X", household),
            Row("李四", "110105194912310021", household),
            $"王五,{IdNumber.Compose("330105", new DateOnly(1980, 3, 3), 5, Gender.Male)},12345,户籍,2020-13-01,{household},户主,不存在的标签",
            Row("赵六", "11010519491231002X", household),
            Row("=HYPERLINK(1)", IdNumber.Compose("330105", new DateOnly(1970, 1, 1), 7, Gender.Male), household),
            Row("孙八", IdNumber.Compose("330105", new DateOnly(1971, 1, 1), 9, Gender.Male), "no-such-household")));

        var report = await ImportAsync(app, file);

        Assert.False(report.Committed);
        Assert.Equal(before, await CountAsync(app));
        Assert.Contains(new ImportError(3, "身份证号", "身份证号校验位错误"), report.Errors);
        Assert.Contains(new ImportError(4, "手机号", "手机号应为以1开头的11位数字"), report.Errors);
        Assert.Contains(new ImportError(4, "迁入日期", "“2020-13-01”不是有效日期，应写成 年-月-日，如 2026-11-01（也可写 2026/11/01、20261101 或 2026年11月1日）"), report.Errors);
        Assert.Contains(new ImportError(5, "身份证号", "身份证号与第2行重复"), report.Errors);
        Assert.Contains(new ImportError(6, "姓名", "不能以 = + - @ 开头（疑似公式）"), report.Errors);
        Assert.Contains(new ImportError(4, "标签", "未知标签：不存在的标签"), report.Errors);
        Assert.Contains(new ImportError(7, "户编号", "户编号不存在或不在您的管辖范围内"), report.Errors);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ARowWithABadIdNumberIsStillCheckedAgainstTheDatabase(DatabaseKind kind)
    {
        var (app, _, _) = await ArrangeAsync(kind);
        await using var _app = app;
        var report = await ImportAsync(app, ImportFiles.Csv(ImportFiles.Lines(ImportFiles.ResidentHeader,
            Row("张三", "110105194912310021", "no-such-household", "外星人"), Row("", "11010519491231002X", "no-such-household"))));

        Assert.Contains(new ImportError(2, "身份证号", "身份证号校验位错误"), report.Errors);
        Assert.Contains(new ImportError(2, "户编号", "户编号不存在或不在您的管辖范围内"), report.Errors);
        Assert.Contains(new ImportError(2, "标签", "未知标签：外星人"), report.Errors);
        Assert.Contains(new ImportError(3, "户编号", "户编号不存在或不在您的管辖范围内"), report.Errors);
        Assert.Equal(2, report.ErrorRows);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task UnknownTagsAreRefused(DatabaseKind kind)
    {
        var (app, household, _) = await ArrangeAsync(kind);
        await using var _app = app;
        var report = await ImportAsync(app, ImportFiles.Csv(ImportFiles.Lines(ImportFiles.ResidentHeader, Row("张三", "11010519491231002X", household, "独居、外星人"))));
        Assert.Contains(new ImportError(2, "标签", "未知标签：外星人"), report.Errors);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task MissingAndUnknownColumnsAreReportedOnTheHeaderRow(DatabaseKind kind)
    {
        var (app, _, _) = await ArrangeAsync(kind);
        await using var _app = app;
        var report = await ImportAsync(app, ImportFiles.Csv("姓名,手机号,爱好\r\n张三,13812345678,下棋\r\n"));
        Assert.Contains(new ImportError(1, "身份证号", "缺少必填列"), report.Errors);
        Assert.Contains(new ImportError(1, "爱好", "无法识别的列名"), report.Errors);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task GbkAndUtf8WithBomAndXlsxAllImport(DatabaseKind kind)
    {
        var (app, household, _) = await ArrangeAsync(kind);
        await using var _app = app;
        var text = ImportFiles.Lines(ImportFiles.ResidentHeader, Row("钱七", "11010519491231002X", household));
        var gbk = ImportFiles.Csv(text, Encoding.GetEncoding("GBK"));
        var bom = ImportFiles.Csv(text, bom: true);
        var xlsxStream = new MemoryStream();
        await xlsxStream.SaveAsAsync(new[] { new Dictionary<string, object> { ["姓名"] = "钱七", ["身份证号"] = "11010519491231002X", ["居住类型"] = "户籍", ["户编号"] = household } });
        xlsxStream.Position = 0;
        var xlsx = TabularFile.Read(xlsxStream, "residents.xlsx");

        Assert.Equal("钱七", gbk.Rows[0][0]);
        Assert.Equal("姓名", bom.Headers[0]);
        Assert.Equal(1, (await ImportAsync(app, gbk)).Inserted);
        Assert.Equal(1, (await ImportAsync(app, bom)).Unchanged);
        var fromXlsx = await ImportAsync(app, xlsx);
        Assert.Empty(fromXlsx.Errors);
        Assert.Equal(1, fromXlsx.Updated);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AGridWorkerCannotImportIntoAnotherGrid(DatabaseKind kind)
    {
        var (app, household, grid) = await ArrangeAsync(kind);
        await using var _app = app;
        string otherGrid;
        await using (var scope = app.Scope(System))
        {
            otherGrid = await scope.Db.TerritoryNodes.Where(n => n.Code.Length == 15 && n.Code != grid).Select(n => n.Code).FirstAsync();
        }
        var worker = new AccountJurisdiction(otherGrid, StaffRole.GridWorker, "worker", null);

        var report = await ImportAsync(app, ImportFiles.Csv(ImportFiles.Lines(ImportFiles.ResidentHeader, Row("张三", "11010519491231002X", household))), as_: worker);

        Assert.False(report.Committed);
        Assert.Contains(new ImportError(2, "户编号", "户编号不存在或不在您的管辖范围内"), report.Errors);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task APreviewWritesNothing(DatabaseKind kind)
    {
        var (app, household, _) = await ArrangeAsync(kind);
        await using var _app = app;
        var before = await CountAsync(app);
        var report = await ImportAsync(app, ImportFiles.Csv(ImportFiles.Lines(ImportFiles.ResidentHeader, Row("张三", "11010519491231002X", household))), commit: false);
        Assert.Equal(1, report.Inserted);
        Assert.False(report.Committed);
        Assert.Equal(before, await CountAsync(app));
    }
}

using System.Text;
using CivicGrid.App.Access;
using CivicGrid.App.Exports;
using CivicGrid.App.Imports;
using CivicGrid.App.People;
using CivicGrid.App.Tests.Imports;
using CivicGrid.Core.People;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Exports;

/// <summary>The residents export streams every row, in both formats, to a stream that cannot seek (as a response body).</summary>
public class ResidentExportTests
{
    private const int Imported = 2_500;
    private static readonly IJurisdiction System = new SystemJurisdiction("tests");

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EveryResidentIsExportedAsOnScreenInBothFormats(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await ImportResidentsAsync(app);
        List<string?[]> expected;
        await using (var scope = app.Scope(System))
        {
            expected = await scope.Get<SearchResidentsHandler>().StreamAsync(new SearchResidents(PageSize: int.MaxValue))
                .Select(r => new string?[] { r.Name, r.IdNumber, r.Phone ?? "", r.GridCode, string.Join("、", r.Tags) })
                .ToListAsync();
            Assert.Equal(await scope.Db.Residents.CountAsync(), expected.Count);
        }
        Assert.True(expected.Count > Imported);

        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Xlsx })
        {
            var bytes = new MemoryStream();
            await using (var scope = app.Scope(System))
            {
                await scope.Get<ExportListsHandler>().ResidentsAsync(new OneWayStream(bytes), format, new SearchResidents(PageSize: int.MaxValue), CancellationToken.None);
            }
            var table = TabularFile.Read(new MemoryStream(bytes.ToArray()), "export" + ExportWriter.Extension(format));

            Assert.Equal(["姓名", "身份证号", "性别", "年龄", "生命周期", "居住类型", "手机号", "地址", "网格编码", "标签"], table.Headers);
            var actual = table.Rows.Select(r => new[] { r[0], r[1], r[6] ?? "", r[8], r[9] ?? "" }).ToList();
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i], actual[i]);
            }
        }
    }

    private static async Task ImportResidentsAsync(AppHarness app)
    {
        string household;
        await using (var scope = app.Scope(System))
        {
            household = await scope.Db.Households.OrderBy(h => h.Id).Select(h => h.Code).FirstAsync();
        }
        var lines = Enumerable.Range(1, Imported).Select(i =>
            $"导出{i},{IdNumber.Compose("330105", new DateOnly(1950, 1, 1).AddDays(i), 21, Gender.Female)},1381234{i % 10000:D4},户籍,,{household},其他,{(i % 2 == 0 ? "独居" : "")}");
        var bytes = Encoding.UTF8.GetBytes(ImportFiles.Lines([ImportFiles.ResidentHeader, .. lines]));
        using var data = TabularFile.Open(new MemoryStream(bytes), "residents.csv");
        await using var import = app.Scope(System);
        var outcome = await import.Get<RunImportHandler>().HandleAsync(
            new RunImport(ImportKind.Residents, data, true, "residents.csv") { ChunkRows = 1_000 }, null, CancellationToken.None);
        Assert.True(outcome.Value?.Committed, string.Join("; ", outcome.Value?.Errors.Take(3).Select(e => e.ToString()) ?? []));
    }
}

using CivicGrid.App.Access;
using CivicGrid.App.Imports;
using CivicGrid.App.Projects;
using CivicGrid.App.Tests.Imports;
using CivicGrid.Core.Access;
using CivicGrid.Core.Projects;
using CivicGrid.Core.Territory;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Projects;

/// <summary>The portfolio through the import pipeline: bad rows are named by row, column and reason, and nothing is saved.</summary>
public class ProjectImportTests
{
    private const string Header = "项目编号,项目名称,投资主体,产业领域,所在社区,纬度,经度,计划总投资（万元）,专项服务组,联系人,联系电话,签约日期,落地计划日期,落地实际日期,开工计划日期,开工实际日期";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task BadRowsAreNamedAndNothingIsSavedThenAGoodFileRegistersTheProjects(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        string community;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            community = await system.Db.TerritoryNodes.Where(n => n.Level == TerritoryLevel.Community).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync();
            system.Db.ServiceGroups.Add(new ServiceGroup { Name = "数字经济一组" });
            await system.Db.SaveChangesAsync();
        }
        await using var office = app.Scope(AccountJurisdiction.Of(StaffRole.ProjectOffice, "330105", "区项目办", null));
        async Task<ImportReport> ImportAsync(params string[] rows) =>
            (await office.Get<RunImportHandler>().HandleAsync(new RunImport(ImportKind.Projects,
                ImportFiles.Csv(ImportFiles.Lines([Header, .. rows])), true, "projects.csv"), null, CancellationToken.None)).Value!;

        var bad = await ImportAsync(
            $"GS-1,运河数智产业园,杭州运河数智科技有限公司,数字经济,{community},30.32,120.15,120000,数字经济一组,王经理,13800001111,2026-01-10,2026-03-01,,2026-02-01,",
            $"GS-2,半山智造基地,杭州半山实业集团有限公司,先进制造,{community},30.33,120.16,50000,不存在的组,,,2026-01-10,,2026-12-31,,",
            $"GS-3,拱宸文旅街区,杭州拱宸投资发展有限公司,文化旅游,999999999999,30.33,120.16,50000,,,,2026-01-10,,,,");
        var good = await ImportAsync(
            $"GS-1,运河数智产业园,杭州运河数智科技有限公司,数字经济,{community},30.32,120.15,120000,数字经济一组,王经理,13800001111,2026-01-10,2026-03-01,2026-03-05,2026-06-01,");

        Assert.False(bad.Committed);
        Assert.Equal([
            (2, "计划日期", "“开工”的计划日期（2026-02-01）早于“落地”的计划日期（2026-03-01）"),
            (3, "专项服务组", "找不到专项服务组“不存在的组”"),
            (3, "实际日期", "“落地”的实际日期（2026-12-31）晚于今天"),
            (4, "所在社区", "找不到社区“999999999999”（请填写 12 位社区编码，或不重名的社区名称）"),
        ], bad.Errors.Select(e => (e.Row, e.Column, e.Reason)).OrderBy(e => e.Row).ThenBy(e => e.Column, StringComparer.Ordinal));
        Assert.True(good.Committed, string.Join("; ", good.Errors));
        Assert.Equal(1, good.Inserted);
        await using var check = app.Scope(new SystemJurisdiction());
        var project = await check.Db.MajorProjects.Include(p => p.Gates).SingleAsync();
        Assert.Equal((ProjectStage.Landed, "138****1111"), (project.Stage, project.ContactPhoneMasked));

        using var exported = new MemoryStream();
        await office.Get<ExportPortfolioHandler>().HandleAsync(exported, CivicGrid.App.Exports.ExportFormat.Csv, new ListProjects(), CancellationToken.None);
        var text = System.Text.Encoding.UTF8.GetString(exported.ToArray()).TrimStart('\uFEFF');
        Assert.Contains("GS-1,运河数智产业园", text, StringComparison.Ordinal);
        var again = (await office.Get<RunImportHandler>().HandleAsync(new RunImport(ImportKind.Projects, ImportFiles.Csv(text), true, "export.csv"), null, CancellationToken.None)).Value!;
        Assert.True(again.Committed, string.Join("; ", again.Errors));
        Assert.Equal((0, 1), (again.Inserted, again.Updated));
    }
}

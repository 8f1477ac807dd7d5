using CivicGrid.App.Data.Writes;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using CivicGrid.Web.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Admin;

public class AuditPageTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EveryKindOfRecordTheModelHoldsHasAChineseName(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var names = await site.AsSystemAsync(sp => Task.FromResult(sp.GetRequiredService<App.Data.CivicGridDbContext>().Model.GetEntityTypes()
            .Select(e => e.ClrType == typeof(Dictionary<string, object>) ? e.Name : e.ClrType.Name).ToList()));

        var unnamed = names.Where(n => n is not ("AuditEntry" or "AuditHead") && !AuditNames.Entities.ContainsKey(n)).ToList();

        Assert.True(unnamed.Count == 0, "Record kinds without a name on the audit page: " + string.Join(", ", unnamed));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheLogSpeaksChineseLinksTheRecordAndFiltersByActionRecordAndDate(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var resident = await site.CreateClientAsync(StaffRole.Resident, grid.Code);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var id = await CivicGridFactory.SubmitCaseAsync(resident, grid);
        (await CivicGridFactory.ActAsync(worker, id, "Accept")).EnsureSuccessStatusCode();
        var today = site.Clock.GetUtcNow().AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var page = await admin.GetStringAsync($"/admin/audit?action=update&entity=Case&key={id}&from={today}&to={today}");
        var later = await admin.GetStringAsync($"/admin/audit?entity=Case&key={id}&from=2099-01-01");
        var badDate = await admin.GetStringAsync("/admin/audit?from=13/31/2026");

        Assert.Contains($"<a href=\"cases/{id}\">诉求 #{id} · ", page, StringComparison.Ordinal);
        Assert.Contains("<td>修改</td>", page, StringComparison.Ordinal);
        Assert.Contains("状态", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"Case {id}", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">update<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Status", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"create\"", page, StringComparison.Ordinal);
        Assert.Contains("共 0 条", later, StringComparison.Ordinal);
        Assert.Contains("开始日期应为日期（yyyy-MM-dd）", badDate, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedFieldsAndImportsReadInChinese()
    {
        Assert.Equal("升级次数、层级", Web.Admin.AuditNames.Detail("update", "EscalationCount,Level"));
        Assert.Equal("身份证号、手机号：核实救助", Web.Admin.AuditNames.Detail("reveal", "IdNumber,Phone: 核实救助"));
        Assert.Equal("行数 3，新增 2，更新 1，未变 0", Web.Admin.AuditNames.Detail("import", "rows=3,inserted=2,updated=1,unchanged=0"));
    }
}

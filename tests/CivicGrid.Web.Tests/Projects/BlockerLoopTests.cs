using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using MiniExcelLibs;

namespace CivicGrid.Web.Tests.Projects;

/// <summary>A blocker is a case of the loop: logged by a cadre, dispatched, resolved by the department, verified and closed by the cadre.</summary>
public sealed class BlockerLoopTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_cadres_blocker_goes_to_its_department_and_closes_when_the_cadre_verifies_it(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var arranged = await BlockerSite.ArrangeAsync(site);
        var cadre = await arranged.CadreAsync(arranged.GroupA);
        var department = await site.CreateClientAsync(StaffRole.DepartmentHandler, "330105", "GT");
        var office = await site.CreateClientAsync(StaffRole.ProjectOffice, "330105");

        var logged = await cadre.PostAsJsonAsync($"/api/projects/{arranged.ProjectA}/blockers", new { type = "Land", description = "地块内尚有两户未签约，影响开工" });
        logged.EnsureSuccessStatusCode();
        var body = await logged.Content.ReadFromJsonAsync<JsonElement>();
        var caseId = body.GetProperty("caseId").GetInt32();
        Assert.Equal("Dispatched", body.GetProperty("status").GetString());

        (await CivicGridFactory.ActAsync(department, caseId, "Resolve")).EnsureSuccessStatusCode();
        (await CivicGridFactory.ActAsync(cadre, caseId, "Verify")).EnsureSuccessStatusCode();
        (await CivicGridFactory.ActAsync(cadre, caseId, "Close")).EnsureSuccessStatusCode();

        var detail = JsonDocument.Parse(await cadre.GetStringAsync($"/api/cases/{caseId}")).RootElement;
        Assert.Equal("Closed", detail.GetProperty("status").GetString());
        Assert.Equal(["Receive", "Accept", "Dispatch", "Resolve", "Verify", "Close"],
            detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()));
        // The project office follows it from the project, though the case is neither in its territory nor its department.
        var blockers = JsonDocument.Parse(await office.GetStringAsync($"/api/projects/{arranged.ProjectA}/blockers")).RootElement;
        Assert.Equal("Closed", blockers.GetProperty("blockers")[0].GetProperty("status").GetString());
        site.Clock.Advance(TimeSpan.FromMinutes(5));
        var today = site.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        var daily = JsonDocument.Parse(await office.GetStringAsync($"/api/projects/reports/daily?period={today}")).RootElement;
        var summary = daily.GetProperty("sections")[0].GetProperty("table").GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r[0].GetString()!, r => r[1].GetInt32());
        Assert.Equal(1, summary["新增堵点"]);
        Assert.Equal(1, summary["办结堵点"]);
        Assert.Equal(0, summary["在办堵点"]);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Blockers_are_refused_with_chinese_reasons_and_leave_nothing_behind(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var arranged = await BlockerSite.ArrangeAsync(site);
        var cadre = await arranged.CadreAsync(arranged.GroupA);
        var department = await site.CreateClientAsync(StaffRole.DepartmentHandler, "330105", "GT");

        var otherGroup = await cadre.PostAsJsonAsync($"/api/projects/{arranged.ProjectB}/blockers", new { type = "Land", description = "地块内尚有两户未签约" });
        Assert.Equal(HttpStatusCode.Forbidden, otherGroup.StatusCode);
        Assert.Contains("该项目不属于您所在的专项服务组", await otherGroup.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var noType = await cadre.PostAsJsonAsync($"/api/projects/{arranged.ProjectA}/blockers", new { description = "地块内尚有两户未签约" });
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        Assert.Contains("请选择堵点类型", await noType.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tooShort = await cadre.PostAsJsonAsync($"/api/projects/{arranged.ProjectA}/blockers", new { type = "Permits", description = "慢" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("5 到 2000 字", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsJsonAsync($"/api/projects/{arranged.ProjectA}/blockers", new { type = "Land", description = "地块内尚有两户未签约" })).StatusCode);

        var list = JsonDocument.Parse(await cadre.GetStringAsync($"/api/projects/{arranged.ProjectA}/blockers")).RootElement;
        Assert.Empty(list.GetProperty("blockers").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.GetAsync($"/api/projects/{arranged.ProjectB}/blockers")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_cadre_may_not_verify_a_case_they_did_not_raise(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var arranged = await BlockerSite.ArrangeAsync(site);
        var cadre = await arranged.CadreAsync(arranged.GroupA);
        var colleague = await arranged.CadreAsync(arranged.GroupA);
        var department = await site.CreateClientAsync(StaffRole.DepartmentHandler, "330105", "FG");
        var logged = await cadre.PostAsJsonAsync($"/api/projects/{arranged.ProjectA}/blockers", new { type = "Permits", description = "施工许可办理材料反复补正" });
        var caseId = (await logged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetInt32();
        (await CivicGridFactory.ActAsync(department, caseId, "Resolve")).EnsureSuccessStatusCode();

        Assert.NotEqual(HttpStatusCode.OK, (await CivicGridFactory.ActAsync(colleague, caseId, "Verify")).StatusCode);
        // The colleague still follows it from the project.
        var list = JsonDocument.Parse(await colleague.GetStringAsync($"/api/projects/{arranged.ProjectA}/blockers")).RootElement;
        Assert.Equal("Resolved", list.GetProperty("blockers")[0].GetProperty("status").GetString());
        Assert.False(list.GetProperty("blockers")[0].GetProperty("mayVerify").GetBoolean());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_monthly_report_downloads_as_a_workbook_and_a_pdf_naming_the_projects(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var arranged = await BlockerSite.ArrangeAsync(site);
        var office = await site.CreateClientAsync(StaffRole.ProjectOffice, "330105");
        var month = site.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");

        var xlsx = await office.GetAsync($"/api/projects/reports/monthly?period={month}&format=xlsx");
        xlsx.EnsureSuccessStatusCode();
        using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var projects = workbook.Query(useHeaderRow: true, sheetName: "项目清单").Cast<IDictionary<string, object>>().Select(r => r["项目"]).ToList();
        Assert.Equal(["运河数智城算力中心", "城北旧厂房更新"], projects);

        var pdf = await office.GetAsync($"/api/projects/reports/monthly?period={month}&format=pdf");
        pdf.EnsureSuccessStatusCode();
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains(arranged.ProjectAName, text, StringComparison.Ordinal);
        Assert.Contains("城北旧厂房更新", text, StringComparison.Ordinal);

        var bad = await office.GetAsync("/api/projects/reports/monthly?period=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("月份格式应为", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/api/projects/reports/yearly")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_cadre_sees_the_rates_and_reports_of_their_own_group_only(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var arranged = await BlockerSite.ArrangeAsync(site);
        var cadre = await arranged.CadreAsync(arranged.GroupB);

        var rates = JsonDocument.Parse(await cadre.GetStringAsync("/api/projects/rates?by=group")).RootElement;
        Assert.Equal(["城市更新服务组", "合计"], rates.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        // The started gate was planned a month ago and is not reached: 1 due, 0 reached.
        Assert.Equal(1, rates.GetProperty("rows")[0].GetProperty("tally").GetProperty("started").GetProperty("due").GetInt32());
        Assert.Equal(1, rates.GetProperty("rows")[0].GetProperty("tally").GetProperty("started").GetProperty("notYet").GetInt32());
        var bad = await cadre.GetAsync("/api/projects/rates?by=planet");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("分组方式应为", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

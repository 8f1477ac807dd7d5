using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Visits;

/// <summary>/api/visit-plans and its pages: a grid worker's week, a visit that opens a case, refusals, coverage and the policy.</summary>
public class VisitPlansApiTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AGridWorkerRecordsAVisitThatOpensAVisitCaseAndIsRefusedOutsideTheirGrid(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var grid = grids[0].Code;
        var (mine, member, elsewhere) = await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var r = await db.Residents.Where(r => r.GridCode == grid && r.HouseholdId != null && r.DepartedOn == null).OrderBy(r => r.Id)
                .Select(r => new { Household = r.HouseholdId!.Value, r.Id }).FirstAsync();
            var other = await db.Households.Where(h => h.GridCode != grid).OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
            return (r.Household, r.Id, other);
        });
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var today = DateOnly.FromDateTime(site.Clock.GetUtcNow().UtcDateTime.AddHours(8));

        var week = JsonDocument.Parse(await worker.GetStringAsync("/api/visit-plans/plan")).RootElement;
        var all = JsonDocument.Parse(await worker.GetStringAsync("/api/visit-plans/plan?view=All&pageSize=200")).RootElement;
        var outside = await worker.PostAsJsonAsync("/api/visit-plans", new { householdId = elsewhere, visitedOn = today, noOneHome = true, situation = "无人在家" });
        var future = await worker.PostAsJsonAsync("/api/visit-plans", new { householdId = mine, visitedOn = today.AddDays(1), metResidentId = member, situation = "情况正常" });
        var recorded = await worker.PostAsJsonAsync("/api/visit-plans", new
        {
            householdId = mine, visitedOn = today, metResidentId = member, situation = "老人反映楼道灯不亮",
            need = "Case", caseItemCode = "0101", needDescription = "三楼楼道灯坏了，夜间看不清台阶",
        });
        var household = JsonDocument.Parse(await worker.GetStringAsync($"/api/visit-plans/households/{mine}")).RootElement;
        var otherHousehold = await worker.GetAsync($"/api/visit-plans/households/{elsewhere}");

        Assert.All(week.GetProperty("rows").GetProperty("items").EnumerateArray(), r => Assert.NotEqual("NotDue", r.GetProperty("status").GetString()));
        Assert.All(all.GetProperty("rows").GetProperty("items").EnumerateArray(), r => Assert.Equal(grid, r.GetProperty("gridCode").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("找不到该户", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("走访日期不能晚于今天", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        recorded.EnsureSuccessStatusCode();
        var caseId = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetInt32();
        var c = JsonDocument.Parse(await worker.GetStringAsync($"/api/cases/{caseId}")).RootElement;
        Assert.Equal("入户走访", c.GetProperty("source").GetString());
        Assert.Equal(caseId, household.GetProperty("visits")[0].GetProperty("caseId").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, otherHousehold.StatusCode);
        Assert.Contains($"cases/{caseId}", await worker.GetStringAsync($"/visit-plans/household/{mine}"), StringComparison.Ordinal);
        Assert.Contains("入户走访", await admin.GetStringAsync("/visit-plans/coverage"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task OnlyTheDistrictChangesThePolicyAndABadRuleIsRefusedByPlace(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0].Code;
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid);
        var street = await site.CreateClientAsync(StaffRole.StreetOfficial, grid[..9]);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var good = new { attentionRule = "age >= 80", attentionEveryMonths = 1, othersEveryMonths = 12, since = "2026-01-01" };

        var byWorker = await worker.PutAsJsonAsync("/api/visit-plans/policy", good);
        var byStreet = await street.PutAsJsonAsync("/api/visit-plans/policy", good);
        var bad = await admin.PutAsJsonAsync("/api/visit-plans/policy", good with { attentionRule = "age >= 80 and has_tag('不存在')", othersEveryMonths = 0 });
        var saved = await admin.PutAsJsonAsync("/api/visit-plans/policy", good);
        var read = JsonDocument.Parse(await worker.GetStringAsync("/api/visit-plans/policy")).RootElement;
        var coverage = JsonDocument.Parse(await street.GetStringAsync("/api/visit-plans/coverage")).RootElement;

        Assert.Equal(HttpStatusCode.Forbidden, byWorker.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byStreet.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problems = await bad.Content.ReadAsStringAsync();
        Assert.Contains("未知标签", problems, StringComparison.Ordinal);
        Assert.Contains("othersEveryMonths", problems, StringComparison.Ordinal);
        saved.EnsureSuccessStatusCode();
        Assert.Equal(("age >= 80", false), (read.GetProperty("attentionRule").GetString(), read.GetProperty("mayEdit").GetBoolean()));
        Assert.All(coverage.GetProperty("rows").EnumerateArray(), r => Assert.StartsWith(grid[..9], r.GetProperty("code").GetString(), StringComparison.Ordinal));
        Assert.Equal(12, coverage.GetProperty("rows")[0].GetProperty("code").GetString()!.Length);
    }
}

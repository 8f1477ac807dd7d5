using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Enterprises;

/// <summary>/api/sweeps: staff give a building to a runner, the runner records a visit with a need found and a photo, the dashboard counts it.</summary>
public class SweepsApiTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AVisitRecordedOverTheApiRaisesItsNeedAndCountsOnTheDashboard(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var firm = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Enterprises
            .Where(e => e.Building != null && e.Building.BusinessCommunityId != null).OrderBy(e => e.Id)
            .Select(e => new { e.Id, Building = e.BuildingId!.Value, Community = e.Building!.BusinessCommunityId!.Value, e.Building.BusinessCommunity!.StreetCode })
            .FirstAsync());
        var staff = await SignInAsync(site, "bc-staff-1", StaffRole.BusinessCommunityStaff, firm.StreetCode, firm.Community);
        var runner = await SignInAsync(site, "runner-1", StaffRole.Runner, firm.StreetCode, firm.Community);

        var refused = await runner.PostAsJsonAsync("/api/sweeps/visits", new { enterpriseId = firm.Id, buildingId = firm.Building, metWhom = "总经理" });
        var runnerAssigns = await runner.PostAsJsonAsync("/api/sweeps/assignments", new { runner = "runner-1", buildingIds = new[] { firm.Building } });
        (await staff.PostAsJsonAsync("/api/sweeps/assignments", new { runner = "runner-1", buildingIds = new[] { firm.Building }, since = "2026-10-01" })).EnsureSuccessStatusCode();
        var before = await DashboardAsync(staff);
        var plan = JsonDocument.Parse(await runner.GetStringAsync("/api/sweeps")).RootElement;
        var photo = JsonSerializer.Deserialize<string>(await (await runner.PostAsync("/api/attachments", TestImages.AsUpload(TestImages.Png()))).Content.ReadAsStringAsync())!;
        using var unlinked = await staff.GetAsync($"/api/attachments/{photo}");
        var visit = await runner.PostAsJsonAsync("/api/sweeps/visits", new
        {
            enterpriseId = firm.Id, buildingId = firm.Building, metWhom = "行政主管",
            needs = new[] { new { categoryCode = "hiring", description = "招聘 5 名销售" } }, photos = new[] { photo },
        });
        using var again = await runner.PostAsJsonAsync("/api/sweeps/visits", new { enterpriseId = firm.Id, buildingId = firm.Building, metWhom = "总经理", photos = new[] { photo } });
        var staffPlan = await staff.GetAsync("/api/sweeps");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("该楼宇未分配给您", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, runnerAssigns.StatusCode);
        Assert.Contains(plan.GetProperty("firms").EnumerateArray(), f => f.GetProperty("enterpriseId").GetInt32() == firm.Id);
        visit.EnsureSuccessStatusCode();
        var needId = (await visit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("needIds")[0].GetInt32();
        var need = JsonDocument.Parse(await staff.GetStringAsync($"/api/enterprise-needs/{needId}")).RootElement;
        Assert.Contains("\"Visit\"", need.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await DashboardAsync(staff));
        var visits = JsonDocument.Parse(await staff.GetStringAsync("/api/sweeps/visits")).RootElement;
        Assert.Equal(1, visits.GetProperty("total").GetInt32());
        Assert.Equal(photo, visits.GetProperty("items")[0].GetProperty("photos")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, unlinked.StatusCode);
        Assert.Equal("image/png", (await staff.GetAsync($"/api/attachments/{photo}")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("照片不存在", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains($"api/attachments/{photo}", await staff.GetStringAsync("/sweeps/visits"), StringComparison.Ordinal);
        var coverage = JsonDocument.Parse(await staff.GetStringAsync($"/api/sweeps/coverage?businessCommunityId={firm.Community}")).RootElement;
        Assert.Contains(coverage.GetProperty("buildings").EnumerateArray(), b => b.GetProperty("buildingId").GetInt32() == firm.Building
            && b.GetProperty("runners")[0].GetProperty("runner").GetString() == "runner-1" && b.GetProperty("coverage").GetProperty("covered").GetInt32() == 1);
        Assert.Equal(HttpStatusCode.OK, staffPlan.StatusCode);
    }

    private static async Task<int> DashboardAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/enterprises/dashboard")).RootElement.GetProperty("total").GetProperty("sweeps").GetProperty("covered").GetInt32();

    private static async Task<HttpClient> SignInAsync(CivicGridFactory site, string userName, StaffRole role, string scope, int community)
    {
        await using (var services = site.Services.CreateAsyncScope())
        {
            var users = services.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var created = await users.CreateAsync(new StaffUser { UserName = userName, DisplayName = role.ChineseName(), Role = role, ScopeCode = scope, BusinessCommunityId = community }, CivicGridFactory.Password);
            Assert.True(created.Succeeded);
        }
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = CivicGridFactory.Password })).EnsureSuccessStatusCode();
        await CivicGridFactory.AddRequestTokenAsync(client);
        return client;
    }
}

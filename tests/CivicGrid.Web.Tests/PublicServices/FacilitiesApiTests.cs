using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.PublicServices;

public class FacilitiesApiTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EachWrongFieldIsNamedWithAReasonInChinese(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var grid = (await site.GridsAsync())[0];

        var empty = await ErrorsAsync(await admin.PostAsJsonAsync("/api/facilities", new { latitude = 31.5, longitude = 121.0, floorArea = 0, services = new[] { "S99" } }));
        var badGrid = await ErrorsAsync(await admin.PostAsJsonAsync("/api/facilities", Facility(grid) with { GridCode = "330105999999999" }));
        var bedsMissing = await ErrorsAsync(await admin.PostAsJsonAsync("/api/facilities", Facility(grid) with { TypeCode = "elderly", Capacity = null }));
        var bedsZero = await ErrorsAsync(await admin.PostAsJsonAsync("/api/facilities", Facility(grid) with { TypeCode = "childcare", Capacity = 0 }));
        var bedsNotWanted = await ErrorsAsync(await admin.PostAsJsonAsync("/api/facilities", Facility(grid) with { Capacity = 30 }));

        Assert.Equal(["address", "floorArea", "gridCode", "latitude", "longitude", "name", "services", "typeCode"], empty.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("阵地名称不能为空", empty["name"]);
        Assert.Equal("请选择有效的阵地类型", empty["typeCode"]);
        Assert.Equal("纬度应在本区范围内", empty["latitude"]);
        Assert.Equal("面积应大于 0 平方米", empty["floorArea"]);
        Assert.Equal("未知服务事项：S99", empty["services"]);
        Assert.Equal(["gridCode"], badGrid.Keys);
        Assert.Equal(["capacity"], bedsMissing.Keys);
        Assert.Contains("至少为 1", bedsZero["capacity"], StringComparison.Ordinal);
        Assert.Contains("应留空", bedsNotWanted["capacity"], StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnAdminCreatesEditsAndFindsAFacilityWithItsServices(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);

        var id = await CreateAsync(community, Facility(grid) with { Name = "测试阳光老人家", TypeCode = "elderly", Capacity = 20, Services = ["S03", "S04"] });
        (await community.PutAsJsonAsync($"/api/facilities/{id}", Facility(grid) with { Name = "测试阳光老人家（改）", TypeCode = "elderly", Capacity = 25, Services = ["S04"] })).EnsureSuccessStatusCode();
        var detail = JsonDocument.Parse(await community.GetStringAsync($"/api/facilities/{id}")).RootElement;
        var found = JsonDocument.Parse(await community.GetStringAsync($"/api/facilities?type=elderly&q={Uri.EscapeDataString("（改）")}")).RootElement;
        var audited = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().AuditEntries
            .CountAsync(a => a.Entity == "Facility" && a.EntityKey == id.ToString()));

        Assert.Equal("测试阳光老人家（改）", detail.GetProperty("name").GetString());
        Assert.Equal(25, detail.GetProperty("capacity").GetInt32());
        Assert.Equal(["S04"], detail.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        Assert.True(detail.GetProperty("mayEdit").GetBoolean());
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal(id, found.GetProperty("items")[0].GetProperty("id").GetInt32());
        Assert.True(audited >= 1, "the edit is in the audit log");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task CommunityStaffEditOnlyTheirCommunitysFacilitiesAndGridWorkersNone(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var (own, other) = (grids[0], grids.First(g => g.Code[..12] != grids[0].Code[..12]));
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, own.Code[..12]);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, own.Code);
        var elsewhere = await CreateAsync(admin, Facility(other) with { Name = "别处的社区食堂" });
        var mine = await CreateAsync(admin, Facility(own) with { Name = "本社区食堂" });

        Assert.Equal(HttpStatusCode.Forbidden, (await community.PutAsJsonAsync($"/api/facilities/{elsewhere}", Facility(other))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await community.DeleteAsync($"/api/facilities/{elsewhere}")).StatusCode);
        Assert.Equal(["gridCode"], (await ErrorsAsync(await community.PostAsJsonAsync("/api/facilities", Facility(other)))).Keys);
        Assert.Equal(HttpStatusCode.OK, (await community.PutAsJsonAsync($"/api/facilities/{mine}", Facility(own) with { Name = "本社区食堂（新）" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync("/api/facilities", Facility(own))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PutAsJsonAsync($"/api/facilities/{mine}", Facility(own))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.DeleteAsync($"/api/facilities/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/api/facilities/{elsewhere}")).StatusCode);
        var editPage = await worker.GetAsync($"/facilities/{mine}/edit");
        Assert.Equal(HttpStatusCode.Redirect, editPage.StatusCode);
        Assert.Contains("/account/denied", editPage.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(JsonDocument.Parse(await community.GetStringAsync($"/api/facilities/{elsewhere}")).RootElement.GetProperty("mayEdit").GetBoolean());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AFacilityIsNotDeletedWhileResidentsHoldPlacesThere(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var id = await CreateAsync(admin, Facility(grid) with { Name = "满员托育园", TypeCode = "childcare", Capacity = 20, Services = ["S05"] });
        var enrolment = await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var resident = await db.Residents.OrderBy(r => r.Id).FirstAsync();
            var service = await db.ServiceItems.FirstAsync(s => s.Code == "S05");
            var held = new ServiceEnrolment
            {
                ServiceItemId = service.Id, ResidentId = resident.Id, GridCode = resident.GridCode, Status = EnrolmentStatus.Enrolled,
                Source = EnrolmentSource.Application, FacilityId = id, OfferedAt = site.Clock.GetUtcNow().UtcDateTime,
            };
            db.ServiceEnrolments.Add(held);
            await db.SaveChangesAsync();
            return held.Id;
        });

        var refused = await admin.DeleteAsync($"/api/facilities/{id}");
        var detail = JsonDocument.Parse(await admin.GetStringAsync($"/api/facilities/{id}")).RootElement;
        await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var held = await db.ServiceEnrolments.SingleAsync(e => e.Id == enrolment);
            held.Status = EnrolmentStatus.Ended;
            held.FacilityId = null;
            return await db.SaveChangesAsync();
        });
        var deleted = await admin.DeleteAsync($"/api/facilities/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("仍有 1 位居民", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, detail.GetProperty("occupied").GetInt32());
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/facilities/{id}")).StatusCode);
    }

    internal sealed record FacilityBody(
        string? Name, string? TypeCode, string? GridCode, string? Address, double? Latitude, double? Longitude,
        double? FloorArea, int? Capacity, string? OpeningHours, string? Operator, string[] Services);

    internal static FacilityBody Facility((string Code, double Latitude, double Longitude) grid) =>
        new("测试社区食堂", "canteen", grid.Code, "测试路1号", grid.Latitude, grid.Longitude, 250, null, "每日 10:30-13:00", "测试餐饮公司", ["S02"]);

    internal static async Task<int> CreateAsync(HttpClient client, FacilityBody body)
    {
        var response = await client.PostAsJsonAsync("/api/facilities", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<int>();
    }

    private static async Task<Dictionary<string, string>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        return errors.EnumerateObject().ToDictionary(e => e.Name, e => e.Value[0].GetString()!);
    }
}

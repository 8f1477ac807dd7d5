using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Cases;

public class CaseReferenceTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AHolidayAddedByTheAdminMovesTheNextCasesDeadline(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        // The clock stands at Monday 23 November 10:00; 0101 answers within two working hours.
        (await admin.PutAsJsonAsync("/api/admin/holidays/2026-11-23", new { name = "演示假日" })).EnsureSuccessStatusCode();

        var id = await CivicGridFactory.SubmitCaseAsync(admin, grid);

        var detail = JsonDocument.Parse(await admin.GetStringAsync($"/api/cases/{id}")).RootElement;
        Assert.Equal(new DateTime(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc), detail.GetProperty("respondBy").GetDateTime().ToUniversalTime());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheAdminEditsTheListAndTheGroupsAndOthersMayNot(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var street = await site.CreateClientAsync(StaffRole.StreetOfficial, "330105001");

        (await admin.PutAsJsonAsync("/api/admin/deliberation-items/0203", new { defaultHandling = "Community", responseHours = 1, resolveDays = 2, mayDeliberate = true, active = true })).EnsureSuccessStatusCode();
        var bad = await admin.PutAsJsonAsync("/api/admin/deliberation-items/0203", new { defaultHandling = "Department", departmentCode = "XX", responseHours = 0, resolveDays = 99, mayDeliberate = true, active = true });
        var group = await admin.PostAsJsonAsync("/api/admin/think-tank-groups", new { name = "青年志愿队", description = "青年人才参与议事" });
        var refused = await street.PostAsJsonAsync("/api/admin/think-tank-groups", new { name = "x" });

        var items = JsonDocument.Parse(await admin.GetStringAsync("/api/deliberation-items")).RootElement;
        var item = items.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "0203");
        Assert.True(item.GetProperty("mayDeliberate").GetBoolean());
        Assert.Equal(nameof(DefaultHandling.Community), item.GetProperty("defaultHandling").GetString());
        Assert.Equal(2, item.GetProperty("resolveDeadline").GetProperty("amount").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("departmentCode", problem, StringComparison.Ordinal);
        Assert.Contains("responseHours", problem, StringComparison.Ordinal);
        Assert.Contains("resolveDays", problem, StringComparison.Ordinal);
        group.EnsureSuccessStatusCode();
        Assert.Contains("青年志愿队", await admin.GetStringAsync("/api/think-tank-groups"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Open311;

public class IntegrationKeyTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AdminSeesTheKeyOnceThenOnlyItsPrefixAndNoOneElseManagesKeys(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, Open311Steps.District);
        var street = await site.CreateClientAsync(StaffRole.StreetOfficial, (await site.GridsAsync())[0].Code[..9]);

        var issued = await (await admin.PostAsJsonAsync("/api/admin/integration-keys", new { name = "12345 热线" })).Content.ReadFromJsonAsync<JsonElement>();
        var key = issued.GetProperty("key").GetString()!;
        var listText = await admin.GetStringAsync("/api/admin/integration-keys");
        var page = await admin.GetStringAsync("/admin/integration-keys");
        var duplicate = await admin.PostAsJsonAsync("/api/admin/integration-keys", new { name = "12345 热线" });

        Assert.Equal(64, key.Length);
        Assert.Equal(key[..8], issued.GetProperty("prefix").GetString());
        Assert.DoesNotContain(key, listText, StringComparison.Ordinal);
        var row = JsonDocument.Parse(listText).RootElement[0];
        Assert.Equal("12345 热线", row.GetProperty("name").GetString());
        Assert.True(row.GetProperty("active").GetBoolean());
        Assert.Contains(key[..8], page, StringComparison.Ordinal);
        Assert.DoesNotContain(key, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.GetAsync("/api/admin/integration-keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.PostAsJsonAsync("/api/admin/integration-keys", new { name = "私自接入" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/admin/integration-keys/9999/revoke", null)).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PostingIsAuditedUnderTheIntegrationsName(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var key = await Open311Steps.IssueKeyAsync(site, "市民热线");
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, Open311Steps.District);

        (await Open311Steps.PostAsync(site.CreateClient(), "json", Open311Steps.NoiseComplaint(key, grid))).EnsureSuccessStatusCode();

        var audit = await admin.GetStringAsync("/api/audit?actor=open311:市民热线");
        Assert.Contains("\"Case\"", audit, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.App.Notifications;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Notifications;

public class WebhookAdminTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task OnlyDistrictAdminsManageSubscriptionsAndOnlyWebAddressesAreAccepted(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/admin/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/webhooks", new { name = "内网", url = "file:///etc/passwd" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/webhooks", new { name = "相对", url = "/hook" })).StatusCode);
        var created = await (await admin.PostAsJsonAsync("/api/admin/webhooks", new { name = "热线", url = "https://hotline.example.cn/hook" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(64, created.GetProperty("secret").GetString()!.Length);

        (await admin.PostAsync($"/api/admin/webhooks/{id}/deactivate", null)).EnsureSuccessStatusCode();
        var listed = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/admin/webhooks")).EnumerateArray());
        Assert.False(listed.GetProperty("active").GetBoolean());
        Assert.False(listed.TryGetProperty("secret", out _));
        (await admin.DeleteAsync($"/api/admin/webhooks/{id}")).EnsureSuccessStatusCode();
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/admin/webhooks")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/admin/webhooks/{id}")).StatusCode);
    }

    [Fact]
    public void BackoffDoublesFromOneMinuteAndStopsAtAnHour() =>
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], Enumerable.Range(1, 9).Select(n => DeliverOutboxHandler.Backoff(n).TotalMinutes));
}

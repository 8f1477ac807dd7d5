using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Core.PublicServices.LifeEvents;
using CivicGrid.Testing;
using CivicGrid.Web.Tests.PublicServices;

namespace CivicGrid.Web.Tests.Security;

/// <summary>
/// One of everything a user can type into, each carrying <c>text</c>: a case (description, contact, a staff note and a
/// photo), a registered resident and a life event, a tag, a facility, a deliberation day with a participant and a
/// webhook. Crawls then read it back from every page.
/// </summary>
internal static class SiteContent
{
    public static async Task<int> FillAsync(CivicGridFactory site, string text)
    {
        var grid = (await site.GridsAsync())[0];
        var community = grid.Code[..12];
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var staff = await site.CreateClientAsync(StaffRole.CommunityStaff, community);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");

        var photo = await Ok(await worker.PostAsync("/api/attachments", TestImages.AsUpload(TestImages.Jpeg())));
        var caseId = (await Ok(await worker.PostAsJsonAsync("/api/cases", new
        {
            itemCode = "0101", description = text + " 楼道堵塞", latitude = grid.Latitude, longitude = grid.Longitude, address = text,
            contactName = text, contactPhone = "13987654321", attachments = new[] { photo.GetString() },
        }))).GetProperty("id").GetInt32();
        await Ok(await CivicGridFactory.ActAsync(worker, caseId, "Accept", new { note = text }));
        var resident = await ServiceKit.RegisterAsync(worker, await site.HouseholdAsync(grid.Code), new DateOnly(1950, 5, 1), name: text);
        await Ok(await worker.PostAsJsonAsync($"/api/residents/{resident.GetProperty("residentId").GetInt32()}/life-events",
            new { kind = (int)LifeEventKind.Disability, occurredOn = DateOnly.FromDateTime(AppHarness.Now.UtcDateTime), note = text }));
        await Ok(await admin.PostAsJsonAsync("/api/tags", new { name = text.Length <= 20 ? text : text[..20], description = text }));
        await FacilitiesApiTests.CreateAsync(admin, FacilitiesApiTests.Facility(grid) with { Name = text, Address = text, Operator = text, OpeningHours = text });
        var day = (await Ok(await staff.PostAsJsonAsync("/api/deliberation-days", new { hostCode = community, title = text, date = "2026-11-25", place = text }))).GetInt32();
        var groups = JsonDocument.Parse(await staff.GetStringAsync("/api/think-tank-groups")).RootElement;
        await Ok(await staff.PostAsJsonAsync($"/api/deliberation-days/{day}/participants", new { name = text, groupId = groups[0].GetProperty("id").GetInt32() }));
        await Ok(await admin.PostAsJsonAsync("/api/admin/webhooks", new { name = text, url = "https://hotline.example.cn/hook" }));
        return caseId;
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}

using System.Net;
using System.Net.Http.Json;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.PublicServices;

public class ServiceCatalogueTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheStartingCatalogueIsPublishedAndItsRulesCountResidentsPerStreet(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");

        var catalogue = await admin.GetJsonAsync("/api/services?page=1");
        var preview = await (await admin.PostAsJsonAsync("/api/rules/preview", new { text = "age >= 60" })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var everyone = await (await admin.PostAsJsonAsync("/api/rules/preview", new { text = "age >= 0" })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(22, catalogue.GetProperty("total").GetInt32());
        Assert.All(catalogue.GetProperty("items").EnumerateArray(), s => Assert.True(s.GetProperty("published").GetBoolean()));
        Assert.Equal(2, preview.GetProperty("areas").GetArrayLength());
        var areas = preview.GetProperty("areas").EnumerateArray().Sum(a => a.GetProperty("residents").GetInt32());
        Assert.Equal(preview.GetProperty("total").GetInt32(), areas);
        Assert.InRange(preview.GetProperty("total").GetInt32(), 1, everyone.GetProperty("total").GetInt32() - 1);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ARuleWithAMistakeIsRefusedWithThePlaceAndNothingIsSaved(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var body = new
        {
            code = "T01", name = "测试服务", description = "", theme = 0, mode = 0, limitedPlaces = false, openedBy = 0,
            ruleText = "age >= 80 and gendr = '男'", facilityTypes = new[] { "centre" }, publish = true,
        };

        var response = await admin.PostAsJsonAsync("/api/services", body);
        var text = await response.Content.ReadAsStringAsync();
        var preview = await (await admin.PostAsJsonAsync("/api/rules/preview", new { text = body.ruleText })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var catalogue = await admin.GetJsonAsync("/api/services?q=T01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("第15个字符“gendr”", text, StringComparison.Ordinal);
        Assert.Equal(14, preview.GetProperty("spans")[0].GetProperty("start").GetInt32());
        Assert.Equal(0, catalogue.GetProperty("total").GetInt32());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EditingARuleMakesANewVersionAndOnlyPublishingMakesItCount(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var id = await site.ServiceIdAsync("S01");
        object Body(string rule, bool publish) => new
        {
            code = "S01", name = "高龄津贴", description = "说明", theme = 3, mode = 0, limitedPlaces = false, openedBy = 32,
            ruleText = rule, facilityTypes = new[] { "centre" }, publish,
        };

        (await admin.PutAsJsonAsync($"/api/services/{id}", Body("age >= 90", publish: false))).EnsureSuccessStatusCode();
        var draft = await admin.GetJsonAsync($"/api/services/{id}");
        (await admin.PutAsJsonAsync($"/api/services/{id}", Body("age >= 90", publish: true))).EnsureSuccessStatusCode();
        var published = await admin.GetJsonAsync($"/api/services/{id}");
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, (await site.GridsAsync())[0].Code);

        Assert.Equal(1, draft.GetProperty("publishedRuleVersion").GetInt32());
        Assert.Equal(2, draft.GetProperty("rules").GetArrayLength());
        Assert.Equal(2, published.GetProperty("publishedRuleVersion").GetInt32());
        Assert.Equal(2, published.GetProperty("rules").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PutAsJsonAsync($"/api/services/{id}", Body("age >= 70", publish: true))).StatusCode);
    }
}

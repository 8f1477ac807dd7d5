using System.Net;
using System.Text.Json;
using System.Xml;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Open311;

public class Open311RequestTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PostedRequestReadsBackInBothFormatsWithoutContactDetails(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var key = await Open311Steps.IssueKeyAsync(site);
        var client = site.CreateClient();

        var posted = await Open311Steps.XmlAsync(await Open311Steps.PostAsync(client, "xml", Open311Steps.NoiseComplaint(key, grid)));
        var id = posted.Text("/service_requests/request/service_request_id");
        var token = posted.Text("/service_requests/request/token");
        Assert.Contains("工作", posted.Text("/service_requests/request/service_notice"), StringComparison.Ordinal);

        var xmlResponse = await client.GetAsync($"/open311/v2/requests/{id}.xml");
        var jsonResponse = await client.GetAsync($"/open311/v2/requests/{id}.json");
        var xmlText = await xmlResponse.Content.ReadAsStringAsync();
        var jsonText = await jsonResponse.Content.ReadAsStringAsync();
        var xml = (await Open311Steps.XmlAsync(xmlResponse)).SelectSingleNode("/service_requests/request")!;
        var json = Assert.Single((await Open311Steps.JsonAsync(jsonResponse)).EnumerateArray());

        Assert.Equal(id, xml.Text("service_request_id"));
        Assert.Equal(id, json.GetProperty("service_request_id").GetString());
        Assert.Equal("open", xml.Text("status"));
        Assert.Equal("0102", json.GetProperty("service_code").GetString());
        Assert.Equal("噪音扰民", xml.Text("service_name"));
        Assert.Equal("楼下商铺深夜播放音乐，影响休息", json.GetProperty("description").GetString());
        Assert.Equal("2026-11-23T10:00:00+08:00", xml.Text("requested_datetime"));
        Assert.Equal(xml.Text("requested_datetime"), json.GetProperty("updated_datetime").GetString());
        Assert.EndsWith("+08:00", json.GetProperty("expected_datetime").GetString(), StringComparison.Ordinal);
        Assert.Equal(grid.Latitude, json.GetProperty("lat").GetDouble(), 6);
        Assert.Equal(grid.Longitude, double.Parse(xml.Text("long"), System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal("", json.GetProperty("media_url").GetString());
        Assert.Contains("\"requested_datetime\":\"2026-11-23T10:00:00+08:00\"", jsonText, StringComparison.Ordinal);
        Assert.Contains("噪音扰民", jsonText, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(xml.Text("agency_responsible")));
        foreach (var secret in new[] { "13912345678", "139****5678", "zhang.wei@example.com", "张伟", "night" })
        {
            Assert.DoesNotContain(secret, xmlText, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, jsonText, StringComparison.Ordinal);
        }

        var byToken = await Open311Steps.JsonAsync(await client.GetAsync($"/open311/v2/tokens/{token}.json"));
        Assert.Equal(id, byToken[0].GetProperty("service_request_id").GetString());
        var byTokenXml = await Open311Steps.XmlAsync(await client.GetAsync($"/open311/v2/tokens/{token}.xml"));
        Assert.Equal(token, byTokenXml.Text("/service_requests/request/token"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PhoneAndIdNumbersTypedIntoADescriptionAreMaskedForThePublic(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var key = await Open311Steps.IssueKeyAsync(site);
        var client = site.CreateClient();
        var fields = Open311Steps.NoiseComplaint(key, grid)
            .Select(f => f.Item1 == "description" ? (f.Item1, "噪音扰民，请回电 138-1234-5678，身份证330105199001011234") : f).ToArray();

        var posted = await Open311Steps.XmlAsync(await Open311Steps.PostAsync(client, "xml", fields));
        var id = posted.Text("/service_requests/request/service_request_id");
        var json = await (await client.GetAsync($"/open311/v2/requests/{id}.json")).Content.ReadAsStringAsync();
        var list = await (await client.GetAsync("/open311/v2/requests.json?service_code=0102")).Content.ReadAsStringAsync();

        foreach (var text in new[] { json, list })
        {
            Assert.Contains("138****5678", text, StringComparison.Ordinal);
            Assert.Contains("3301**********1234", text, StringComparison.Ordinal);
            Assert.DoesNotContain("1234-5678", text, StringComparison.Ordinal);
            Assert.DoesNotContain("330105199001011234", text, StringComparison.Ordinal);
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Open311RequestIsTheSameCaseGridStaffHandle(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var key = await Open311Steps.IssueKeyAsync(site, "市民热线");
        var client = site.CreateClient();
        var posted = await Open311Steps.JsonAsync(await Open311Steps.PostAsync(client, "json", Open311Steps.NoiseComplaint(key, grid)));
        var id = posted[0].GetProperty("service_request_id").GetString()!;
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);

        var detail = JsonDocument.Parse(await worker.GetStringAsync($"/api/cases/{id}")).RootElement;
        Assert.Equal("Open311 接口", detail.GetProperty("source").GetString());
        Assert.Equal("night", detail.GetProperty("answers").GetProperty("when").GetString());
        Assert.Equal("张伟", detail.GetProperty("contactName").GetString());
        Assert.Equal("Open311", detail.GetProperty("timeline")[0].GetProperty("actor").GetString());

        // Whoever resolved it does not verify it: the community does.
        var community = await site.CreateClientAsync(StaffRole.CommunityStaff, grid.Code[..12]);
        foreach (var action in new[] { "Accept", "Handle", "Resolve", "Verify", "Close" })
        {
            var publicNote = action == "Close" ? "已办结，感谢反映" : null;
            (await CivicGridFactory.ActAsync(action == "Verify" ? community : worker, int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), action, new { publicNote })).EnsureSuccessStatusCode();
        }
        var closed = Assert.Single((await Open311Steps.JsonAsync(await client.GetAsync($"/open311/v2/requests.json?service_request_id={id}"))).EnumerateArray());
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("已办结，感谢反映", closed.GetProperty("status_notes").GetString());
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("expected_datetime").ValueKind);
        var openOnes = await Open311Steps.XmlAsync(await client.GetAsync("/open311/v2/requests.xml?status=open&service_code=0102"));
        Assert.DoesNotContain(id, openOnes.SelectNodes("//service_request_id")!.Cast<XmlNode>().Select(n => n.InnerText));
        var closedOnes = await Open311Steps.XmlAsync(await client.GetAsync("/open311/v2/requests.xml?status=closed&service_code=0101,0102"));
        Assert.Contains(id, closedOnes.SelectNodes("//service_request_id")!.Cast<XmlNode>().Select(n => n.InnerText));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task RequestsListTheLastNinetyDaysNewestFirstAndHonourTheDateRange(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var resident = await site.CreateClientAsync(StaffRole.Resident, grids[0].Code);
        var old = await CivicGridFactory.SubmitCaseAsync(resident, grids[0]);
        site.Clock.Advance(TimeSpan.FromDays(100));
        resident = await site.CreateClientAsync(StaffRole.Resident, grids[0].Code);
        var recent = await CivicGridFactory.SubmitCaseAsync(resident, grids[0], "0401", "垃圾桶满溢三天未清运");
        var client = site.CreateClient();

        var defaults = await Open311Steps.JsonAsync(await client.GetAsync("/open311/v2/requests.json"));
        var ranged = await Open311Steps.JsonAsync(await client.GetAsync("/open311/v2/requests.json?start_date=2026-11-01&end_date=2026-11-30"));

        Assert.Equal([recent.ToString(System.Globalization.CultureInfo.InvariantCulture)], defaults.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()));
        Assert.Equal([old.ToString(System.Globalization.CultureInfo.InvariantCulture)], ranged.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PostWithoutAValidKeyIsForbiddenAndWritesNothing(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var key = await Open311Steps.IssueKeyAsync(site);
        var client = site.CreateClient();
        var fields = Open311Steps.NoiseComplaint(key, grid);

        var missing = await Open311Steps.ErrorsAsync(await Open311Steps.PostAsync(client, "xml", fields.Where(f => f.Item1 != "api_key").ToArray()), "xml", 403);
        var wrong = await Open311Steps.ErrorsAsync(await Open311Steps.PostAsync(client, "json", [("api_key", "not-a-key"), .. fields.Skip(1)]), "json", 403);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, Open311Steps.District);
        var keyId = JsonDocument.Parse(await admin.GetStringAsync("/api/admin/integration-keys")).RootElement[0].GetProperty("id").GetInt32();
        (await admin.PostAsync($"/api/admin/integration-keys/{keyId}/revoke", null)).EnsureSuccessStatusCode();
        var revoked = await Open311Steps.ErrorsAsync(await Open311Steps.PostAsync(client, "json", fields), "json", 403);

        Assert.Contains("api_key", Assert.Single(missing), StringComparison.Ordinal);
        Assert.Contains("api_key", Assert.Single(wrong), StringComparison.Ordinal);
        Assert.Contains("吊销", Assert.Single(revoked), StringComparison.Ordinal);
        Assert.Empty((await Open311Steps.JsonAsync(await client.GetAsync("/open311/v2/requests.json"))).EnumerateArray());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PostWithProblemsListsEachOneAndAnotherJurisdictionIsNotFound(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var key = await Open311Steps.IssueKeyAsync(site);
        var client = site.CreateClient();

        var badPoint = await Open311Steps.ErrorsAsync(
            await Open311Steps.PostAsync(client, "xml", ("api_key", key), ("service_code", "0102"), ("lat", "北纬30度"), ("long", "120.1")), "xml", 400);
        var invalid = await Open311Steps.ErrorsAsync(
            await Open311Steps.PostAsync(client, "xml", ("api_key", key), ("service_code", "0102"), ("description", "吵"), ("phone", "123")), "xml", 400);
        var noAttribute = await Open311Steps.ErrorsAsync(
            await Open311Steps.PostAsync(client, "json", ("api_key", key), ("service_code", "0102"), ("description", "楼下商铺深夜播放音乐"), ("address_string", "某地"), ("attribute[when]", "noon")), "json", 400);
        var unknownService = await Open311Steps.ErrorsAsync(
            await Open311Steps.PostAsync(client, "json", ("api_key", key), ("service_code", "9999"), ("description", "楼下商铺深夜播放音乐"), ("address_string", "某地")), "json", 400);
        var elsewhere = await Open311Steps.ErrorsAsync(
            await Open311Steps.PostAsync(client, "xml", ("api_key", key), ("jurisdiction_id", "110101"), ("service_code", "0102")), "xml", 404);

        Assert.StartsWith("lat ", Assert.Single(badPoint), StringComparison.Ordinal);
        Assert.Contains(invalid, e => e.StartsWith("description：", StringComparison.Ordinal));
        Assert.Contains(invalid, e => e.StartsWith("lat/long：", StringComparison.Ordinal));
        Assert.Contains(invalid, e => e.StartsWith("phone：", StringComparison.Ordinal));
        Assert.Contains(invalid, e => e.StartsWith("attribute[when]：", StringComparison.Ordinal));
        Assert.Contains(noAttribute, e => e.StartsWith("attribute[when]：", StringComparison.Ordinal));
        Assert.Contains(unknownService, e => e.StartsWith("service_code：", StringComparison.Ordinal));
        Assert.Contains("jurisdiction_id", Assert.Single(elsewhere), StringComparison.Ordinal);
        Assert.Empty((await Open311Steps.JsonAsync(await client.GetAsync("/open311/v2/requests.json"))).EnumerateArray());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PostingFasterThanTheLimitIsRefusedInTheErrorFormat(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        await using var limited = site.WithWebHostBuilder(b => b.UseSetting("RateLimits:Open311PerMinute", "2"));
        var client = limited.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await Open311Steps.PostAsync(client, "json", ("service_code", "0102"))).StatusCode);
        }
        var refused = await Open311Steps.ErrorsAsync(await Open311Steps.PostAsync(client, "json", ("service_code", "0102")), "json", 429);

        Assert.Single(refused);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/open311/v2/services.json")).StatusCode);
    }
}

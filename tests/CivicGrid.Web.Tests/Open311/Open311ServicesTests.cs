using System.Xml;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Open311;

public class Open311ServicesTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task DiscoveryNamesTheEndpointAndBothFormats(DatabaseKind kind)
    {
        var client = (await SharedSite.ForAsync(kind)).CreateClient();

        var xml = await Open311Steps.XmlAsync(await client.GetAsync("/open311/v2/discovery.xml"));
        var json = await Open311Steps.JsonAsync(await client.GetAsync("/open311/v2/discovery.json"));

        Assert.EndsWith("/open311/v2", xml.Text("/discovery/endpoints/endpoint/url"), StringComparison.Ordinal);
        Assert.Equal(["text/xml", "application/json"], xml.SelectNodes("/discovery/endpoints/endpoint/formats/format")!.Cast<XmlNode>().Select(n => n.InnerText));
        var endpoint = json.GetProperty("endpoints")[0];
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.Equal(xml.Text("/discovery/changeset"), json.GetProperty("changeset").GetString());
        Assert.EndsWith("+08:00", json.GetProperty("changeset").GetString(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ServicesAreTheDeliberationListWithCategoriesAsGroups(DatabaseKind kind)
    {
        var client = (await SharedSite.ForAsync(kind)).CreateClient();

        var xml = await Open311Steps.XmlAsync(await client.GetAsync("/open311/v2/services.xml?jurisdiction_id=330105"));
        var json = await Open311Steps.JsonAsync(await client.GetAsync("/open311/v2/services.json"));

        var services = xml.SelectNodes("/services/service")!.Cast<XmlNode>().ToList();
        Assert.Equal(33, services.Count);
        Assert.Equal(33, json.GetArrayLength());
        var noise = services.Single(s => s.Text("service_code") == "0102");
        Assert.Equal("噪音扰民", noise.Text("service_name"));
        Assert.Equal("睦邻关系", noise.Text("group"));
        Assert.Equal("true", noise.Text("metadata"));
        Assert.Equal("realtime", noise.Text("type"));
        var first = json[0];
        Assert.Equal("0101", first.GetProperty("service_code").GetString());
        Assert.False(first.GetProperty("metadata").GetBoolean());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ServiceDefinitionListsItsAttributesAndValues(DatabaseKind kind)
    {
        var client = (await SharedSite.ForAsync(kind)).CreateClient();

        var xml = await Open311Steps.XmlAsync(await client.GetAsync("/open311/v2/services/0102.xml"));
        var json = await Open311Steps.JsonAsync(await client.GetAsync("/open311/v2/services/0102.json"));

        Assert.Equal("0102", xml.Text("/service_definition/service_code"));
        var attribute = xml.SelectSingleNode("/service_definition/attributes/attribute")!;
        Assert.Equal("when", attribute.Text("code"));
        Assert.Equal("singlevaluelist", attribute.Text("datatype"));
        Assert.Equal("true", attribute.Text("required"));
        Assert.Equal("true", attribute.Text("variable"));
        Assert.Equal("1", attribute.Text("order"));
        Assert.Equal(["day", "evening", "night"], attribute.SelectNodes("values/value/key")!.Cast<XmlNode>().Select(n => n.InnerText));
        var same = json.GetProperty("attributes")[0];
        Assert.Equal("噪音出现的时段", same.GetProperty("description").GetString());
        Assert.Equal(1, same.GetProperty("order").GetInt32());
        Assert.Equal("深夜（22 点后）", same.GetProperty("values")[2].GetProperty("name").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task UnknownServiceJurisdictionOrFormatIsNotFoundInTheSpecificationsErrorBody(DatabaseKind kind)
    {
        var client = (await SharedSite.ForAsync(kind)).CreateClient();

        var service = await Open311Steps.ErrorsAsync(await client.GetAsync("/open311/v2/services/9999.json"), "json", 404);
        var jurisdiction = await Open311Steps.ErrorsAsync(await client.GetAsync("/open311/v2/services.xml?jurisdiction_id=110101"), "xml", 404);
        var request = await Open311Steps.ErrorsAsync(await client.GetAsync("/open311/v2/requests/999999.xml"), "xml", 404);
        var token = await Open311Steps.ErrorsAsync(await client.GetAsync("/open311/v2/tokens/nosuchtoken.json"), "json", 404);
        var format = await Open311Steps.ErrorsAsync(await client.GetAsync("/open311/v2/services.csv"), "xml", 404);

        Assert.Contains("9999", Assert.Single(service), StringComparison.Ordinal);
        Assert.Contains("jurisdiction_id", Assert.Single(jurisdiction), StringComparison.Ordinal);
        Assert.Contains("999999", Assert.Single(request), StringComparison.Ordinal);
        Assert.Contains("token", Assert.Single(token), StringComparison.Ordinal);
        Assert.Contains("csv", Assert.Single(format), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task BadRequestFiltersAreListedOneByOne(DatabaseKind kind)
    {
        var client = (await SharedSite.ForAsync(kind)).CreateClient();

        var errors = await Open311Steps.ErrorsAsync(
            await client.GetAsync("/open311/v2/requests.json?status=pending&start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-11-01T00:00:00%2B08:00&service_request_id=1,x"),
            "json", 400);

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("status", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("end_date", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("service_request_id", StringComparison.Ordinal));
    }
}

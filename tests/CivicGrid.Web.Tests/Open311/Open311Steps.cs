using System.Net.Http.Json;
using System.Text.Json;
using System.Xml;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Open311;

/// <summary>What an integration does against /open311/v2, and what an admin does to let it.</summary>
internal static class Open311Steps
{
    public const string District = "330105";

    public static async Task<string> IssueKeyAsync(CivicGridFactory site, string name = "12345 热线")
    {
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, District);
        var response = await admin.PostAsJsonAsync("/api/admin/integration-keys", new { name });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string format, params (string Name, string Value)[] fields) =>
        client.PostAsync($"/open311/v2/requests.{format}", new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    /// <summary>A complete noise complaint at a grid's centre, with the contact details the GET side must never show.</summary>
    public static (string, string)[] NoiseComplaint(string key, (string Code, double Latitude, double Longitude) grid) =>
    [
        ("api_key", key), ("jurisdiction_id", District), ("service_code", "0102"),
        ("lat", grid.Latitude.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        ("long", grid.Longitude.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        ("description", "楼下商铺深夜播放音乐，影响休息"), ("attribute[when]", "night"),
        ("email", "zhang.wei@example.com"), ("first_name", "伟"), ("last_name", "张"), ("phone", "13912345678"),
    ];

    public static async Task<XmlDocument> XmlAsync(HttpResponseMessage response)
    {
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        var document = new XmlDocument();
        document.LoadXml(text);
        return document;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public static string Text(this XmlNode node, string xpath) => node.SelectSingleNode(xpath)?.InnerText ?? throw new Xunit.Sdk.XunitException($"no {xpath} in {node.OuterXml}");

    /// <summary>The descriptions of an error body, after checking each carries the status code.</summary>
    public static async Task<List<string>> ErrorsAsync(HttpResponseMessage response, string format, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        if (format == "xml")
        {
            var errors = (await XmlAsync(response)).SelectNodes("/errors/error")!.Cast<XmlNode>().ToList();
            Assert.All(errors, e => Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Text("code")));
            return errors.ConvertAll(e => e.Text("description"));
        }
        var array = (await JsonAsync(response)).EnumerateArray().ToList();
        Assert.All(array, e => Assert.Equal(status, e.GetProperty("code").GetInt32()));
        return array.ConvertAll(e => e.GetProperty("description").GetString()!);
    }
}

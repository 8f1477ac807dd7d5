using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Security;

public partial class MaskingTests
{
    [GeneratedRegex(@"(?<![0-9])[1-9][0-9]{16}[0-9X](?![0-9])")]
    private static partial Regex FullIdNumber();

    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex FullPhone();

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task NoResponseOrExportShowsAFullIdNumberOrPhone(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var client = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var list = JsonDocument.Parse(await client.GetStringAsync("/api/residents?pageSize=200")).RootElement.GetProperty("items");
        var id = list[0].GetProperty("id").GetInt32();
        var household = JsonDocument.Parse(await client.GetStringAsync($"/api/residents/{id}")).RootElement.GetProperty("householdId").GetInt32();
        var urls = new[]
        {
            "/api/residents?pageSize=200", $"/api/residents/{id}", $"/api/households/{household}", "/api/residents/export?format=csv",
            "/api/enterprises?pageSize=200", "/api/enterprises/export?format=csv", "/api/territory", "/residents", $"/residents/{id}",
            $"/households/{household}",
        };
        foreach (var url in urls)
        {
            var body = await client.GetStringAsync(url);
            Assert.False(FullIdNumber().IsMatch(body), $"{url} shows a full ID number: {FullIdNumber().Match(body).Value}");
            Assert.False(FullPhone().IsMatch(body), $"{url} shows a full phone: {FullPhone().Match(body).Value}");
            if (!url.Contains("enterprises", StringComparison.Ordinal) && !url.Contains("territory", StringComparison.Ordinal))
            {
                Assert.Contains("**", body, StringComparison.Ordinal);
            }
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task RevealShowsTheFullNumberOnlyAsASeparateAuditedAction(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var client = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var first = JsonDocument.Parse(await client.GetStringAsync("/api/residents?pageSize=1")).RootElement.GetProperty("items")[0];
        var id = first.GetProperty("id").GetInt32();

        var revealed = await (await client.PostAsJsonAsync($"/api/residents/{id}/reveal", new { reason = "核实" })).Content.ReadFromJsonAsync<JsonElement>();
        var audit = JsonDocument.Parse(await client.GetStringAsync("/api/audit?action=reveal")).RootElement.GetProperty("items");

        Assert.Matches(FullIdNumber(), revealed.GetProperty("idNumber").GetString());
        Assert.EndsWith(first.GetProperty("idNumber").GetString()![^4..], revealed.GetProperty("idNumber").GetString(), StringComparison.Ordinal);
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("entityKey").GetString() == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

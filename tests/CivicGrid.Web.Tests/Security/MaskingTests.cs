using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Security;

public partial class MaskingTests
{
    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9X](?![0-9A-Za-z])")]
    private static partial Regex FullIdNumber();

    [GeneratedRegex(@"(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])")]
    private static partial Regex FullPhone();

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task NoPageApiAnswerExportOrLogLineShowsAFullIdNumberOrPhone(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var caseId = await SiteContent.FillAsync(site, "王先生 电话 13812345678 身份证 330105198001011234");
        var viewers = new Dictionary<string, HttpClient>
        {
            ["district admin"] = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105"),
            ["grid worker"] = worker,
            ["civic supervisor"] = await site.CreateClientAsync(StaffRole.CivicSupervisor, "330105"),
            ["anonymous"] = site.CreateClient(),
        };

        var answered = 0;
        foreach (var (who, client) in viewers)
        {
            foreach (var page in await SiteCrawl.VisitAsync(site, client))
            {
                Assert.True(page.Status < 500, $"{who} {page.Url}: {page.Status}");
                Assert.False(FullIdNumber().IsMatch(page.Body), $"{who} {page.Url} shows a full ID number: {FullIdNumber().Match(page.Body).Value}");
                Assert.False(FullPhone().IsMatch(page.Body), $"{who} {page.Url} shows a full phone: {FullPhone().Match(page.Body).Value}");
                answered += page.Status == 200 ? 1 : 0;
            }
        }
        var admin = await SiteCrawl.VisitAsync(site, viewers["district admin"]);
        var unfilled = admin.Where(p => p.Url.Contains('{', StringComparison.Ordinal)).Select(p => p.Url).ToList();

        Assert.True(unfilled.Count == 0, "not crawled: " + string.Join(", ", unfilled));
        Assert.True(admin.Count(p => p.Status == 200) >= 60, $"only {admin.Count(p => p.Status == 200)} answers");
        Assert.Contains(admin, p => p.Url.Contains("/export?format=xlsx", StringComparison.Ordinal) && p.Status == 200);
        Assert.Contains(admin, p => p.Url == $"/cases/{caseId}" && p.Body.Contains("138****5678", StringComparison.Ordinal) && p.Body.Contains("139****4321", StringComparison.Ordinal));
        Assert.True(answered > 100);
        foreach (var line in site.Logs.Lines)
        {
            Assert.False(FullIdNumber().IsMatch(line) || FullPhone().IsMatch(line), $"log line shows personal data: {line}");
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

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ARevealNeedsAReasonAndTheAuditLogKeepsItMasked(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var client = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var id = JsonDocument.Parse(await client.GetStringAsync("/api/residents?pageSize=1")).RootElement.GetProperty("items")[0].GetProperty("id").GetInt32();
        var reveals = await RevealCountAsync(site);

        var none = await client.PostAsJsonAsync($"/api/residents/{id}/reveal", new { reason = "  " });
        var countAfterRefusal = await RevealCountAsync(site);
        var typed = await client.PostAsJsonAsync($"/api/residents/{id}/reveal", new { reason = "来电人 11010519491231002X 要求核实" });
        var detail = await site.AsSystemAsync(async services => await services.GetRequiredService<CivicGrid.App.Data.CivicGridDbContext>().AuditEntries
            .Where(e => e.Action == "reveal").OrderByDescending(e => e.Id).Select(e => e.Detail).FirstAsync());

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("请填写查看事由", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(reveals, countAfterRefusal);
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        Assert.DoesNotMatch(FullIdNumber(), detail!);
        Assert.StartsWith("IdNumber,Phone: 来电人 1101", detail, StringComparison.Ordinal);
    }

    private static Task<int> RevealCountAsync(CivicGridFactory site) =>
        site.AsSystemAsync(services => services.GetRequiredService<CivicGrid.App.Data.CivicGridDbContext>().AuditEntries.CountAsync(e => e.Action == "reveal"));
}

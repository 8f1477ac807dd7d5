using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Cases;

/// <summary>A red-tea meeting (红茶议事会): a business community's day on an industry group's topic, run as any deliberation day.</summary>
public class RedTeaDeliberationTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AStreetOfficialHostsAnIndustryGroupsTopicWhichGoesOnTheAgendaWithEnterprisesTakingPart(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var host = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().BusinessCommunities.Where(c => c.Buildings.Any())
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.StreetCode }).FirstAsync());
        var firm = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Enterprises.Where(e => e.GridCode.StartsWith(host.StreetCode))
            .OrderBy(e => e.Id).Select(e => new { e.Name, e.CreditCode, e.GridCode }).FirstAsync());
        var official = await site.CreateClientAsync(StaffRole.StreetOfficial, host.StreetCode);
        var communityStaff = await site.CreateClientAsync(StaffRole.CommunityStaff, firm.GridCode[..12]);
        var body = new { businessCommunityId = host.Id, industryGroup = "人工智能", topic = "AI 企业招聘难", description = "算法工程师招不到、留不住", date = "2026-12-20", place = "商务社区会客厅" };
        var cases = await CountCasesAsync(site);

        using var forbidden = await communityStaff.PostAsJsonAsync("/api/deliberation-days/red-tea", body);
        using var empty = await official.PostAsJsonAsync("/api/deliberation-days/red-tea", new { businessCommunityId = host.Id, date = "2020-01-01" });
        var casesAfterRefusals = await CountCasesAsync(site);
        using var scheduled = await official.PostAsJsonAsync("/api/deliberation-days/red-tea", body);
        var day = await scheduled.Content.ReadFromJsonAsync<int>();
        using var badFirm = await official.PostAsJsonAsync($"/api/deliberation-days/{day}/participants", new { name = "李总", enterpriseCreditCode = "91330105MA27XXXX0A" });
        using var joined = await official.PostAsJsonAsync($"/api/deliberation-days/{day}/participants", new { name = "李总", enterpriseCreditCode = firm.CreditCode });
        var detail = JsonDocument.Parse(await official.GetStringAsync($"/api/deliberation-days/{day}")).RootElement;
        var topic = detail.GetProperty("agenda")[0].GetProperty("id").GetInt32();
        using var option = await official.PostAsJsonAsync($"/api/deliberation-days/{day}/options", new { caseId = topic, text = "联合高校办专场招聘", isConsensus = true });
        var list = await official.GetStringAsync("/deliberation");
        var staffList = await communityStaff.GetStringAsync("/deliberation");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.All(["industryGroup", "topic", "description", "date"], field => Assert.True(errors.TryGetProperty(field, out _), errors.ToString()));
        Assert.Equal(cases, casesAfterRefusals);
        Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        Assert.Equal(cases + 1, await CountCasesAsync(site));
        Assert.Equal(HttpStatusCode.BadRequest, badFirm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Equal(HttpStatusCode.OK, option.StatusCode);
        var row = detail.GetProperty("day");
        Assert.Equal(("人工智能", host.Name, "AI 企业招聘难"), (row.GetProperty("industryGroup").GetString(), row.GetProperty("hostName").GetString(), row.GetProperty("title").GetString()));
        var agenda = Assert.Single(detail.GetProperty("agenda").EnumerateArray());
        Assert.Equal("营商环境建议", agenda.GetProperty("itemName").GetString());
        Assert.Contains("AI 企业招聘难", agenda.GetProperty("description").GetString(), StringComparison.Ordinal);
        var participant = Assert.Single(detail.GetProperty("participants").EnumerateArray());
        Assert.Equal(("企业代表", firm.Name), (participant.GetProperty("group").GetString(), participant.GetProperty("enterprise").GetString()));
        Assert.Contains("id=\"red-tea-form\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"red-tea-form\"", staffList, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheSchedulingFormOnThePageNamesABadDateAndOpensTheNewDayWhenAllIsWell(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var host = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().BusinessCommunities.Where(c => c.Buildings.Any())
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.StreetCode }).FirstAsync());
        var official = await site.CreateClientAsync(StaffRole.StreetOfficial, host.StreetCode);
        KeyValuePair<string, string>[] Fields(string date) =>
        [
            new("RedTea.BusinessCommunityId", host.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("RedTea.IndustryGroup", "生物医药"),
            new("RedTea.Topic", "研发用房不足"), new("RedTea.Description", "中试场地难找"), new("RedTea.Date", date), new("RedTea.Place", ""),
        ];

        using var bad = await PageForms.SubmitAsync(official, "/deliberation", "red-tea", Fields("2026-13-40"));
        using var good = await PageForms.SubmitAsync(official, "/deliberation", "red-tea", Fields("2026-12-21"));

        Assert.Contains("id=\"red-tea-errors\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Matches(@"deliberation/\d+$", good.Headers.Location!.ToString());
    }

    private static Task<int> CountCasesAsync(CivicGridFactory site) =>
        site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Cases.CountAsync());
}

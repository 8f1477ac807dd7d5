using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.Demo;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Community;

public class CommunityDemoTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheDemoGivesCommunitiesRecentlyResolvedCasesAndAHeldDayWithOutcomesAndPlans(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind, DemoScale.Tiny with { HistoricCases = 2000 });
        var hosts = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().DeliberationDays.AsNoTracking()
            .Where(d => d.HeldAt != null).Select(d => d.HostCode).ToListAsync());
        var anonymous = site.CreateClient();

        Assert.NotEmpty(hosts);
        foreach (var host in hosts)
        {
            var days = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/community/deliberation-days?community={host}")).RootElement;
            var past = Assert.Single(days.GetProperty("past").EnumerateArray());
            Assert.Single(days.GetProperty("upcoming").EnumerateArray());
            Assert.All(past.GetProperty("agenda").EnumerateArray(), a =>
            {
                Assert.NotEmpty(a.GetProperty("decisions").EnumerateArray());
                Assert.All(a.GetProperty("tasks").EnumerateArray(), t => Assert.True(t.GetProperty("done").GetBoolean()));
            });
            Assert.NotEmpty(past.GetProperty("agenda").EnumerateArray());
            var resolved = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/community/cases?community={host}&status=resolved")).RootElement;
            Assert.True(resolved.GetProperty("cases").GetProperty("total").GetInt32() > 0);
        }
    }
}

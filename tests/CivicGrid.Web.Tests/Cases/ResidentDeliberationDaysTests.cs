using System.Globalization;
using System.Net.Http.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Cases;

public class ResidentDeliberationDaysTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AResidentsHomeListsTheDaysTheirOwnCommunityAndStreetWillHoldAndNoOthers(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grids = await site.GridsAsync();
        var (home, away) = (grids[0], grids.First(g => g.Code[..12] != grids[0].Code[..12]));
        var district = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var soon = DateOnly.FromDateTime(site.Clock.GetUtcNow().AddHours(8).Date).AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (host, title) in new[] { (home.Code[..12], "本社区加装电梯议事会"), (home.Code[..9], "本街道停车议事会"), (away.Code[..12], "别的社区议事会") })
        {
            (await district.PostAsJsonAsync("/api/deliberation-days", new { hostCode = host, title, date = soon, place = "议事厅" })).EnsureSuccessStatusCode();
        }
        var resident = await LinkedResidentAsync(site, home.Code);

        var page = await resident.GetStringAsync("/");

        Assert.Contains("本社区加装电梯议事会", page, StringComparison.Ordinal);
        Assert.Contains("本街道停车议事会", page, StringComparison.Ordinal);
        Assert.DoesNotContain("别的社区议事会", page, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await resident.GetAsync("/api/deliberation-days")).StatusCode);
    }

    private static async Task<HttpClient> LinkedResidentAsync(CivicGridFactory site, string grid)
    {
        var userName = await site.CreateAccountAsync(StaffRole.Resident, grid);
        await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var account = await db.Users.FirstAsync(u => u.UserName == userName);
            account.ResidentId = await db.Residents.Where(r => r.GridCode == grid).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            return await db.SaveChangesAsync();
        });
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = CivicGridFactory.Password })).EnsureSuccessStatusCode();
        return client;
    }
}

using System.Net;
using System.Net.Http.Json;
using CivicGrid.App.Data;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Enterprises;

/// <summary>Employees' wishes (职工所盼) come in without an account, so each address gets a small budget of them per minute.</summary>
public class WishFormTests
{
    [Fact]
    public async Task AnAddressPostingWishesFasterThanTheLimitIsRefusedAndNothingMoreIsStored()
    {
        await using var site = await CivicGridFactory.StartAsync(DatabaseKind.Sqlite, settings: new Dictionary<string, string?> { ["RateLimits:WishesPerMinute"] = "2" });
        var building = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Buildings.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync());
        var employee = site.CreateClient();
        var wish = new { buildingId = building, themeCode = "lunch", text = "希望楼里有午餐" };

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await employee.PostAsJsonAsync("/api/wishes", wish);
            answers.Add(response.StatusCode);
        }
        using var page = await PageForms.SubmitAsync(employee, $"/wishes/{building}", "wish", [new("Input.ThemeCode", "lunch")]);
        var stored = await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().Set<CivicGrid.Core.Enterprises.Wishes.EmployeeWish>().CountAsync());

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal(2, stored);
    }
}

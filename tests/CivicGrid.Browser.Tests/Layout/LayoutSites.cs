using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests.Layout;

/// <summary>Accounts and records of the first grid, for visiting pages as the people who work there.</summary>
internal static class LayoutSites
{
    /// <summary>
    /// A 390 px phone. Its pixel ratio is 1: layout is in CSS pixels, so the pages fit or overflow the same at any ratio,
    /// and a ratio of 2 had Chromium paint four times the pixels of every page the journeys open.
    /// </summary>
    public static BrowserNewContextOptions Phone(string locale = "zh-CN") => new()
    {
        Locale = locale, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 1,
    };

    public static BrowserNewContextOptions Laptop(string locale) => new() { Locale = locale, ViewportSize = new ViewportSize { Width = 1366, Height = 768 } };

    /// <summary>A resident's account linked to the first adult of the grid, as staff link one after meeting them.</summary>
    public static async Task<string> LinkedResidentAsync(BrowserSite site, string grid)
    {
        var userName = await site.Factory.CreateAccountAsync(StaffRole.Resident, grid);
        await site.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var resident = await db.Residents.Where(r => r.GridCode == grid && r.HouseholdId != null).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            var account = await db.Users.FirstAsync(u => u.UserName == userName);
            account.ResidentId = resident;
            await db.SaveChangesAsync();
            return 0;
        });
        return userName;
    }

    /// <summary>The detail pages of the grid's first records.</summary>
    public static Task<List<string>> RecordPagesAsync(BrowserSite site, string grid) => site.Factory.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<CivicGridDbContext>();
        var resident = await db.Residents.Where(r => r.GridCode == grid && r.HouseholdId != null).OrderBy(r => r.Id).Select(r => new { r.Id, r.HouseholdId }).FirstAsync();
        var building = await db.Buildings.Where(b => b.GridCode == grid).OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
        var service = await db.ServiceItems.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var facility = await db.Facilities.Where(f => f.GridCode.StartsWith(grid.Substring(0, 12))).OrderBy(f => f.Id).Select(f => (int?)f.Id).FirstOrDefaultAsync();
        var pages = new List<string> { $"/residents/{resident.Id}", $"/households/{resident.HouseholdId}", $"/buildings/{building}", $"/services/{service}" };
        if (facility is { } f)
        {
            pages.Add($"/facilities/{f}");
        }
        return pages;
    });

    /// <summary>Raises a case through the API as the page's signed-in account and returns its id.</summary>
    public static async Task<int> RaiseCaseAsync(IPage page, (string Code, double Latitude, double Longitude) grid)
    {
        var response = await page.APIRequest.PostAsync("/api/cases", new APIRequestContextOptions
        {
            DataObject = new { itemCode = "0101", description = "楼上邻居装修噪音，影响休息", latitude = grid.Latitude, longitude = grid.Longitude },
        });
        Assert.True(response.Ok, await response.TextAsync());
        return (await response.JsonAsync())!.Value.GetProperty("id").GetInt32();
    }

    /// <summary>The texts the site logged as having no translation.</summary>
    public static IReadOnlyList<string> Untranslated(BrowserSite site) =>
        site.Factory.Logs.Lines.Where(l => l.Contains("Untranslated text", StringComparison.Ordinal)).ToList();
}

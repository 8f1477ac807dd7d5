using CivicGrid.App.Data;
using CivicGrid.App.Projects;
using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Projects;
using CivicGrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Projects;

/// <summary>
/// A cadre on the site reports the month with a photo from the phone: a file that is no photo is refused in Chinese, a
/// month the form sends back keeps the photo, and once saved its thumbnail is in the project's history for the office,
/// without the place it was taken, while another group's cadre cannot open it.
/// </summary>
public sealed class ProgressPhotoJourneyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite, "zh-CN")]
    [InlineData(DatabaseKind.Postgres, "en-US")]
    public async Task ACadreReportsTheMonthWithAPhotoOnAPhoneAndItsThumbnailIsOnTheProjectPage(DatabaseKind kind, string locale)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var group = await ProjectAccounts.ServiceGroupAsync(site, "运河数智服务组");
        var other = await ProjectAccounts.ServiceGroupAsync(site, "城北更新服务组");
        var projectId = await ProjectAsync(site, group);

        var cadre = await site.SignInAsync(await ProjectAccounts.CadreAsync(site, group), LayoutSites.Phone(locale));
        await cadre.GotoAsync($"/projects/{projectId}");
        await cadre.ClickAsync("#progress-panel summary");
        await cadre.SetInputFilesAsync("#photos", new FilePayload { Name = "note.png", MimeType = "image/png", Buffer = "不是照片"u8.ToArray() });
        await cadre.WaitForFunctionAsync("() => document.getElementById('photo-status').textContent.length > 0");
        Assert.Contains(Photo.NotAnImage, await cadre.InnerTextAsync("#photo-status"), StringComparison.Ordinal);
        await cadre.SetInputFilesAsync("#photos", new FilePayload { Name = "site.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg() });
        await cadre.WaitForFunctionAsync("() => document.getElementById('photo-ids').value.length > 0");

        // Ten times the year's monthly plan comes back to confirm: nothing is saved, the photo stays with the form.
        await cadre.FillAsync("#progress-investment", "10000");
        await cadre.FillAsync("#progress-note", "主体厂房桩基施工");
        await cadre.ClickAsync("#save-progress");
        await cadre.WaitForSelectorAsync("#progress-warning");
        Assert.Equal(0, await cadre.Locator("#progress tbody tr").CountAsync());
        Assert.NotEqual("", await cadre.InputValueAsync("#photo-ids"));
        await cadre.CheckAsync("#progress-confirmed");
        await cadre.ClickAsync("#save-progress");
        await cadre.WaitForSelectorAsync("#done");
        await cadre.WaitForFunctionAsync("() => { const i = document.querySelector('.progress-photos img'); return i && i.complete && i.naturalWidth > 0; }");
        await BrowserSite.ScreenshotAsync(cadre, $"phone-progress-photo-{locale}");
        var width = await cadre.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the project page is {width} px wide on a phone");

        // The office sees the thumbnail; the photo it opens has no location; another group's cadre gets nothing.
        var office = await site.SignInAsync(StaffRole.ProjectOffice, "330105");
        await office.GotoAsync($"/projects/{projectId}");
        await office.WaitForFunctionAsync("() => { const i = document.querySelector('.progress-photos img'); return i && i.complete && i.naturalWidth > 0; }");
        var src = await office.Locator(".progress-photos img").First.GetAttributeAsync("src");
        var image = await office.APIRequest.GetAsync("/" + src);
        Assert.True(image.Ok);
        Assert.False(TestImages.ContainsLocation(await image.BodyAsync()));
        var stranger = await site.SignInAsync(await ProjectAccounts.CadreAsync(site, other), LayoutSites.Phone(locale));
        Assert.Equal(404, (await stranger.APIRequest.GetAsync("/" + src)).Status);
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
    }

    private static async Task<int> ProjectAsync(BrowserSite site, int group)
    {
        var grid = (await site.Factory.GridsAsync())[0];
        var today = DateOnly.FromDateTime(site.Factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var request = new ProjectRequest("GS-P-001", "运河数智算力中心", "杭州运河数智科技有限公司", "数字经济", grid.Code[..12], grid.Latitude, grid.Longitude)
        {
            PlannedInvestment = Money.TenThousandYuan(60_000), ServiceGroupId = group,
            YearPlans = [new YearPlan(today.Year, Money.TenThousandYuan(12_000))],
            Gates = [new GateDates(ProjectStage.Signed, null, today.AddMonths(-2)), new GateDates(ProjectStage.Started, today.AddMonths(4))],
        };
        return await site.Factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var (project, refusals) = MajorProject.Register(request, "tests", today, site.Factory.Clock.GetUtcNow().UtcDateTime);
            Assert.Empty(refusals);
            db.MajorProjects.Add(project!);
            await db.SaveChangesAsync();
            return project!.Id;
        });
    }
}

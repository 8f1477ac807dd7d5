using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests;

/// <summary>What a user typed, picked or uploaded survives the next click: the builder after typed text, the case form after an error.</summary>
public class FormKeepingTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Postgres)]
    public async Task TheRuleBuilderReadsTypedTextAndNeverWritesItsOlderRuleOverIt(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var admin = await site.SignInAsync(StaffRole.DistrictAdmin, "330105");
        var id = await site.Factory.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().ServiceItems.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        await admin.GotoAsync($"/services/{id}/edit");
        await admin.WaitForSelectorAsync("#rule-builder .rule-group");

        await admin.FillAsync("#rule-text", "age >= 90 and gender = '女'");
        await Assertions.Expect(admin.Locator("#rule-builder .rule-condition")).ToHaveCountAsync(2);
        await Assertions.Expect(admin.Locator(".rule-condition >> nth=0 >> .rule-value")).ToBeEnabledAsync();
        Assert.Equal("90", await admin.InputValueAsync(".rule-condition >> nth=0 >> .rule-value"));
        await admin.FillAsync(".rule-condition >> nth=0 >> .rule-value", "95");
        await admin.WaitForSelectorAsync("#rule-total");
        Assert.Equal("age >= 95 and gender = '女'", await admin.InputValueAsync("#rule-text"));

        await admin.FillAsync("#rule-text", "age >= 95 and gendr = '女'");
        await Assertions.Expect(admin.Locator("#rule-builder-note")).ToContainTextAsync("条件构造器无法展示");
        await Assertions.Expect(admin.Locator("#rule-errors")).ToContainTextAsync("gendr");
        Assert.True(await admin.Locator(".rule-condition >> nth=0 >> .rule-value").IsDisabledAsync());
        Assert.Equal("age >= 95 and gendr = '女'", await admin.InputValueAsync("#rule-text"));
        await BrowserSite.ScreenshotAsync(admin, $"rule-builder-locked-{kind}");
    }

    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task TheCaseFormKeepsThePhotoTheMarkerAndTheAnswersAfterAnError(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var resident = await site.SignInAsync(StaffRole.Resident, "330105001001001");
        await resident.GotoAsync("/cases/new");
        var item = await resident.EvalOnSelectorAsync<string>(".case-questions", "b => b.dataset.item");
        await resident.SelectOptionAsync("#item", item);
        var question = resident.Locator($".case-questions[data-item='{item}'] select >> nth=0");
        var answer = await question.Locator("option >> nth=1").GetAttributeAsync("value");
        await question.SelectOptionAsync(answer!);
        await resident.FillAsync("#description", "漏水");
        await resident.SetInputFilesAsync("#photos", new FilePayload { Name = "leak.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg() });
        await Assertions.Expect(resident.Locator("#photo-ids")).Not.ToHaveValueAsync("");
        var photo = await resident.InputValueAsync("#photo-ids");
        await resident.WaitForSelectorAsync("#pick-map path.leaflet-interactive");
        await resident.ClickAsync("#pick-map");
        var latitude = await resident.InputValueAsync("#latitude");

        await resident.ClickAsync("#submit-case");
        await resident.WaitForSelectorAsync("#errors");

        Assert.Equal(photo, await resident.InputValueAsync("#photo-ids"));
        Assert.Contains("已上传 1 张照片", await resident.InnerTextAsync("#photo-status"), StringComparison.Ordinal);
        Assert.Equal(latitude, await resident.InputValueAsync("#latitude"));
        await resident.WaitForSelectorAsync("#pick-map .leaflet-marker-icon");
        Assert.Equal(answer, await question.InputValueAsync());
        await BrowserSite.ScreenshotAsync(resident, $"case-form-kept-{kind}");

        await resident.FillAsync("#description", "楼道顶部漏水，雨天积水");
        await resident.ClickAsync("#submit-case");
        await resident.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/cases/\d+$"));
        var caseId = int.Parse(resident.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var photos = await site.Factory.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().CaseEvents.Where(e => e.CaseId == caseId).Select(e => e.Attachments).SingleAsync());
        Assert.Single(photos!.Split(','));
    }
}

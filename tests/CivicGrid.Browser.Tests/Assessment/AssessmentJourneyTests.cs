using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Assessment;

/// <summary>
/// 五星三色 end to end: the district defines a scheme, previews it on last month, publishes it, runs and publishes the
/// month; a community's staff see their stars and the reasons on a phone, file an objection, and read the district's answer.
/// </summary>
public sealed class AssessmentJourneyTests(ITestOutputHelper output)
{
    [Theory, InlineData(DatabaseKind.Sqlite)]
    public async Task ASchemeIsPreviewedPublishedAndRunAndACommunityObjectsToItsStars(DatabaseKind kind)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var community = (await site.Factory.GridsAsync())[0].Code[..12];
        var district = await site.SignInAsync(StaffRole.DistrictAdmin, community[..6]);

        await district.GotoAsync("/dashboard");
        await district.ClickAsync("#assessment-link");
        await district.ClickAsync("#new-scheme");
        await district.FillAsync("#scheme-name", "社区五星三色月度考核");
        await district.SelectOptionAsync("#line-0-key", "cases.resolutionRate");
        await district.FillAsync("#line-0-weight", "60");
        await district.FillAsync("#line-0-floor", "0.5");
        await district.FillAsync("#line-0-target", "1");
        await district.SelectOptionAsync("#line-1-key", "visits.coverage");
        await district.FillAsync("#line-1-weight", "30");
        await district.FillAsync("#line-1-floor", "0.5");
        await district.FillAsync("#line-1-target", "0.9");
        await district.ClickAsync("#save-draft");
        var refused = await district.InnerTextAsync("#errors");
        await district.FillAsync("#line-1-weight", "40");
        await district.ClickAsync("#save-draft");
        await district.WaitForSelectorAsync("#saved");
        await district.ClickAsync("#run-preview");
        var preview = await district.InnerTextAsync("#preview-period");
        var previewRows = await district.Locator(".unit-table tbody tr").CountAsync();
        await district.ClickAsync("#save-publish");
        await district.WaitForSelectorAsync("#run-form");
        await district.ClickAsync("#run-review");
        await district.WaitForURLAsync("**/assessment/reviews/*");
        var reviewUrl = district.Url;
        await district.ClickAsync("#publish-review");
        await district.WaitForSelectorAsync("#review-status >> text=已发布");

        var staff = await site.SignInAsync(await site.Factory.CreateAccountAsync(StaffRole.CommunityStaff, community), LayoutSites.Phone("zh-CN"));
        await staff.GotoAsync("/assessment");
        var stars = await staff.InnerTextAsync("#my-results .my-stars");
        await staff.ClickAsync("#my-results a");
        var total = await staff.InnerTextAsync("#unit-total");
        var linesTotal = await staff.InnerTextAsync("#lines-total");
        var lines = await staff.Locator(".explanation-line").CountAsync();
        var width = await staff.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        await staff.FillAsync("#objection-reason", "本月有两件诉求属于物业合同纠纷，不应计入本社区");
        await staff.ClickAsync("#file-objection");
        await staff.WaitForSelectorAsync(".objection");
        var unitUrl = staff.Url;

        await district.GotoAsync(reviewUrl);
        await district.FillAsync("textarea[name='AnswerInput.Reply']", "经核实，两件诉求均由本社区受理，维持原结果");
        await district.ClickAsync("button[id^='reject-']");
        await district.WaitForSelectorAsync(".objection-reply");
        await staff.GotoAsync(unitUrl);
        var answer = await staff.InnerTextAsync(".objection");

        Assert.Contains("各指标权重合计为 90，应为 100", refused, StringComparison.Ordinal);
        Assert.Contains("不保存结果", preview, StringComparison.Ordinal);
        Assert.True(previewRows > 1, $"{previewRows} units previewed");
        Assert.Equal(5, stars.Length);
        Assert.Contains(total, linesTotal, StringComparison.Ordinal);
        Assert.Equal(2, lines);
        Assert.True(width <= 390, $"the unit's page is {width} px wide on a phone");
        Assert.Contains("维持原结果", answer, StringComparison.Ordinal);
        Assert.Contains("异议不成立", answer, StringComparison.Ordinal);
    }
}

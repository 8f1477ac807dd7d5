using CivicGrid.App.Assessment;
using CivicGrid.Browser.Tests.Layout;
using CivicGrid.Core.Access;
using CivicGrid.Core.Assessment;
using CivicGrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests.Assessment;

/// <summary>
/// 加减分 on a phone: after the month is published, the district's administrator records a penalty (a typo refused
/// first, field by field), runs a correction from the published review and publishes it; the community's staff see
/// the penalty with its reason in their score's explanation, and the first review unchanged.
/// </summary>
public sealed class AdjustmentJourneyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite, "zh-CN")]
    [InlineData(DatabaseKind.Postgres, "en-US")]
    public async Task APenaltyRecordedOnAPhoneCountsInTheCorrectionAndTheCommunitySeesWhy(DatabaseKind kind, string locale)
    {
        await using var site = await BrowserSite.StartAsync(kind, output);
        var community = (await site.Factory.GridsAsync())[0].Code[..12];
        var reviewId = await PublishedMonthAsync(site);
        var district = await site.SignInAsync(await site.Factory.CreateAccountAsync(StaffRole.DistrictAdmin, community[..6]), LayoutSites.Phone(locale));

        await district.GotoAsync($"/assessment/reviews/{reviewId}");
        await district.ClickAsync("#adjustments-link");
        await district.WaitForSelectorAsync("#no-adjustments");
        await district.SelectOptionAsync("#adjustment-unit", community);
        await district.FillAsync("#adjustment-points", "减五分");
        await district.FillAsync("#adjustment-reason", "事故");
        await district.ClickAsync("#record-adjustment");
        var refused = await district.Locator("#errors li").AllInnerTextsAsync();
        await BrowserSite.ScreenshotAsync(district, $"phone-adjustment-refused-{locale}");
        var kept = await district.InputValueAsync("#adjustment-unit");
        await district.FillAsync("#adjustment-points", "-5");
        await district.FillAsync("#adjustment-reason", "辖区发生一起较大安全事故");
        await district.FillAsync("#adjustment-evidence", "区安委办通报 2026-10-12");
        await district.ClickAsync("#record-adjustment");
        await district.WaitForSelectorAsync("#recorded");
        var listed = await district.InnerTextAsync(".adjustment");
        await BrowserSite.ScreenshotAsync(district, $"phone-adjustment-listed-{locale}");
        var width = await district.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        await district.GotoAsync($"/assessment/reviews/{reviewId}");
        await district.ClickAsync("#run-correction");
        await district.WaitForURLAsync(url => !url.EndsWith($"/reviews/{reviewId}", StringComparison.Ordinal));
        var correctionUrl = district.Url;
        await district.ClickAsync("#publish-review");
        await district.WaitForSelectorAsync("#review-status.text-bg-primary");

        var staff = await site.SignInAsync(await site.Factory.CreateAccountAsync(StaffRole.CommunityStaff, community), LayoutSites.Phone(locale));
        await staff.GotoAsync($"{new Uri(correctionUrl).AbsolutePath}/units/{community}");
        var adjustment = await staff.InnerTextAsync(".explanation-adjustment");
        await BrowserSite.ScreenshotAsync(staff, $"phone-adjustment-unit-{locale}");
        var total = await staff.InnerTextAsync("#unit-total");
        var linesTotal = await staff.InnerTextAsync("#lines-total");
        await staff.GotoAsync($"/assessment/reviews/{reviewId}/units/{community}");
        var original = await staff.Locator(".explanation-adjustment").CountAsync();

        Assert.Equal(2, refused.Count);
        Assert.Equal(community, kept);
        Assert.Contains("-5", listed, StringComparison.Ordinal);
        Assert.Contains("区安委办通报", listed, StringComparison.Ordinal);
        Assert.True(width <= 390, $"the adjustments page is {width} px wide on a phone");
        Assert.Contains("辖区发生一起较大安全事故", adjustment, StringComparison.Ordinal);
        Assert.Contains("-5", adjustment, StringComparison.Ordinal);
        Assert.Contains(total, linesTotal, StringComparison.Ordinal);
        Assert.Equal(0, original);
        Assert.True(LayoutSites.Untranslated(site).Count == 0, string.Join("\n", LayoutSites.Untranslated(site)));
    }

    /// <summary>A scheme published and last month's review of it published, as the district would have done before.</summary>
    private static Task<int> PublishedMonthAsync(BrowserSite site) => site.Factory.AsSystemAsync(async sp =>
    {
        var scheme = new AssessmentScheme("社区五星三色月度考核", AssessedLevel.Community,
            [new("cases.resolutionRate", 60, 0.5m, 1m), new("cases.satisfactionRate", 40, 0.6m, 1m)], [60, 70, 80, 90],
            [new(RatingColour.Green, 80), new(RatingColour.Yellow, 60), new(RatingColour.Red, 0)]);
        var saved = (await sp.GetRequiredService<SaveSchemeHandler>().HandleAsync(new SaveScheme(null, scheme, true), CancellationToken.None)).Value!;
        var month = sp.GetRequiredService<ReviewComputation>().LastMonth();
        var review = (await sp.GetRequiredService<RunReviewHandler>().HandleAsync(new RunReview(saved.SchemeId, ReviewPeriodKind.Monthly, month), CancellationToken.None)).Value;
        await sp.GetRequiredService<PublishReviewHandler>().HandleAsync(new PublishReview(review), CancellationToken.None);
        return review;
    });
}

using CivicGrid.App.Access;
using CivicGrid.App.Assessment;
using CivicGrid.App.Data;
using CivicGrid.App.Notifications;
using CivicGrid.Core.Access;
using CivicGrid.Core.Assessment;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Assessment;

/// <summary>Bonuses and penalties (加减分) recorded, listed and withdrawn, and the reviews run on schedule.</summary>
public partial class AssessmentTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnAdjustmentCountsInItsMonthAndItsQuarterAndAWithdrawnOneOnlyInTheReviewThatCountedIt(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var a = await CommunityAsync(app, 0);
        await RollUpAsync(app, a);
        await using var district = app.Scope(District());
        var scheme = (await Ok(district.Get<SaveSchemeHandler>().HandleAsync(new SaveScheme(null, Scheme, true), None))).SchemeId;
        var record = district.Get<RecordAdjustmentHandler>();
        var run = district.Get<RunReviewHandler>();
        var withdraw = district.Get<WithdrawAdjustmentHandler>();

        var penalty = await Ok(record.HandleAsync(new RecordAdjustment(scheme, October, a, -5, "辖区发生一起较大安全事故", "事故通报 2026-10-12"), None));
        await Ok(record.HandleAsync(new RecordAdjustment(scheme, October.AddMonths(1), a, 2, "获评区级文明社区", null), None));
        var street = await record.HandleAsync(new RecordAdjustment(scheme, October, a[..9], 1, "街道层级的加分", null), None);
        var future = await record.HandleAsync(new RecordAdjustment(scheme, new DateOnly(2027, 1, 1), a, 1, "下一年度的加分", null), None);
        var month = await Ok(run.HandleAsync(new RunReview(scheme, ReviewPeriodKind.Monthly, October), None));
        var quarter = await Ok(run.HandleAsync(new RunReview(scheme, ReviewPeriodKind.Quarterly, October), None));
        await Ok(district.Get<PublishReviewHandler>().HandleAsync(new PublishReview(month), None));
        var listed = await Ok(district.Get<ListAdjustmentsHandler>().HandleAsync(new ListAdjustments(scheme), None));
        var october = await Ok(district.Get<ListAdjustmentsHandler>().HandleAsync(new ListAdjustments(scheme, "2026-10"), None));
        await Ok(withdraw.HandleAsync(new WithdrawAdjustment(penalty), None));
        var correction = await Ok(run.HandleAsync(new RunReview(scheme, ReviewPeriodKind.Monthly, October, month), None));
        var again = await withdraw.HandleAsync(new WithdrawAdjustment(penalty), None);
        var published = await Ok(district.Get<GetUnitResultHandler>().HandleAsync(new GetUnitResult(month, a), None));
        var quarterly = await Ok(district.Get<GetUnitResultHandler>().HandleAsync(new GetUnitResult(quarter, a), None));
        var corrected = await Ok(district.Get<GetUnitResultHandler>().HandleAsync(new GetUnitResult(correction, a), None));
        await using var staff = app.Scope(Staff(a));
        var staffList = await staff.Get<ListAdjustmentsHandler>().HandleAsync(new ListAdjustments(scheme), None);
        var staffRecord = await staff.Get<RecordAdjustmentHandler>().HandleAsync(new RecordAdjustment(scheme, October, a, 20, "本社区自评加分", null), None);

        Assert.Equal(["请选择本方案考核的单位"], street.Errors["unitCode"]);
        Assert.Equal(["考核期尚未开始"], future.Errors["periodStart"]);
        Assert.Equal([(new DateOnly(2026, 11, 1), 2m, false), (October, -5m, true)], listed.Adjustments.Items.Select(r => (r.PeriodStart, r.Points, r.InPublishedReview)));
        Assert.Equal(a, listed.Adjustments.Items[0].UnitCode);
        Assert.Contains(listed.Units, u => u.Code == a);
        Assert.DoesNotContain(listed.Units, u => u.Code.Length != a.Length);
        Assert.Equal([penalty], october.Adjustments.Items.Select(r => r.Id));
        Assert.Equal([-5m], published.Explanation.Adjustments.Select(x => x.Points));
        Assert.Equal([-5m, 2m], quarterly.Explanation.Adjustments.Select(x => x.Points));
        Assert.Empty(corrected.Explanation.Adjustments);
        Assert.Equal((63m, 68m), (published.Unit.Total, corrected.Unit.Total));
        Assert.Equal(OutcomeKind.NotFound, again.Kind);
        Assert.Equal((OutcomeKind.Forbidden, OutcomeKind.Forbidden), (staffList.Kind, staffRecord.Kind));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AfterAPeriodEndsEachPublishedSchemeIsRunOnceAsADraftAndTheDistrictIsTold(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        int scheme;
        await using (var district = app.Scope(District()))
        {
            scheme = (await Ok(district.Get<SaveSchemeHandler>().HandleAsync(new SaveScheme(null, Scheme, true), None))).SchemeId;
            await Ok(district.Get<SaveSchemeHandler>().HandleAsync(new SaveScheme(null, Scheme with { Name = "未发布的方案" }, false), None));
            await Ok(district.Get<RunReviewHandler>().HandleAsync(new RunReview(scheme, ReviewPeriodKind.Monthly, October), None));
            district.Db.Users.Add(new StaffUser { Id = "assessor", UserName = "assessor", DisplayName = "区考核办", Role = StaffRole.DistrictAdmin, ScopeCode = "330105" });
            await district.Db.SaveChangesAsync();
        }

        var inOctober = await RunDueAsync(app);
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 1, 0, 0, TimeSpan.Zero));
        var inJanuary = await RunDueAsync(app);
        var twice = await RunDueAsync(app);

        await using var system = app.Scope(new SystemJurisdiction());
        var reviews = await system.Db.AssessmentReviews.Where(r => inJanuary.Contains(r.Id)).OrderBy(r => r.PeriodKind).ToListAsync();
        var told = await system.Db.InboxMessages.Where(m => m.UserId == "assessor").OrderBy(m => m.Id).Select(m => m.Link).ToListAsync();
        Assert.Empty(inOctober);
        Assert.Empty(twice);
        Assert.Equal([(ReviewPeriodKind.Monthly, new DateOnly(2026, 12, 1)), (ReviewPeriodKind.Quarterly, October)], reviews.Select(r => (r.PeriodKind, r.PeriodStart)));
        Assert.All(reviews, r => Assert.Equal((ReviewStatus.Draft, "assessment-reviews"), (r.Status, r.ComputedBy)));
        Assert.Equal(inJanuary.Select(r => $"assessment/reviews/{r}"), told);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheCockpitColoursAMonthByItsOwnReviewElseByItsQuartersReview(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var a = await CommunityAsync(app, 0);
        await RollUpAsync(app, a);
        await using var district = app.Scope(District());
        var scheme = (await Ok(district.Get<SaveSchemeHandler>().HandleAsync(new SaveScheme(null, Scheme, true), None))).SchemeId;
        await Ok(district.Get<RecordAdjustmentHandler>().HandleAsync(new RecordAdjustment(scheme, October.AddMonths(1), a, -10, "辖区发生一起较大安全事故", null), None));
        var month = await Ok(district.Get<RunReviewHandler>().HandleAsync(new RunReview(scheme, ReviewPeriodKind.Monthly, October), None));
        var quarter = await Ok(district.Get<RunReviewHandler>().HandleAsync(new RunReview(scheme, ReviewPeriodKind.Quarterly, October), None));
        var ratings = district.Get<PublishedRatingsHandler>();
        var unpublished = await ratings.HandleAsync(new PublishedRatings("2026-11", [a]), None);
        await Ok(district.Get<PublishReviewHandler>().HandleAsync(new PublishReview(month), None));
        await Ok(district.Get<PublishReviewHandler>().HandleAsync(new PublishReview(quarter), None));

        var october = (await ratings.HandleAsync(new PublishedRatings("2026-10", [a]), None))[a];
        var november = (await ratings.HandleAsync(new PublishedRatings("2026-11", [a]), None))[a];
        var january = await ratings.HandleAsync(new PublishedRatings("2027-01", [a]), None);

        Assert.Empty(unpublished);
        Assert.Equal((month, ReviewPeriodKind.Monthly, 68m), (october.ReviewId, october.Kind, october.Total));
        Assert.Equal((quarter, ReviewPeriodKind.Quarterly, 58m), (november.ReviewId, november.Kind, november.Total));
        Assert.Empty(january);
    }

    private static async Task<IReadOnlyList<int>> RunDueAsync(AppHarness app)
    {
        await using var system = app.Scope(new SystemJurisdiction("assessment-reviews"));
        return await system.Get<RunDueReviewsHandler>().HandleAsync(new RunDueReviews(), None);
    }
}

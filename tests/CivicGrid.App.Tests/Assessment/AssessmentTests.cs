using CivicGrid.App.Access;
using CivicGrid.App.Assessment;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Assessment;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Territory;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Assessment;

/// <summary>
/// Stored schemes and reviews (五星三色): versions, exact scores from the case roll-up, publishing that never changes,
/// corrections, explanations that add up to the score, and objections answered by the district.
/// </summary>
public partial class AssessmentTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateOnly October = new(2026, 10, 1);

    private static readonly AssessmentScheme Scheme = new(
        "社区月度考核",
        AssessedLevel.Community,
        [new("cases.resolutionRate", 60, 0.5m, 1.0m), new("cases.satisfactionRate", 40, 0.6m, 1.0m)],
        [60, 70, 80, 90],
        [new(RatingColour.Green, 80), new(RatingColour.Yellow, 60), new(RatingColour.Red, 0)],
        HonourListSize: 1, BlackListSize: 1);

    private static AccountJurisdiction District() => AccountJurisdiction.Of(StaffRole.DistrictAdmin, "330105", "区考核办", null);

    private static AccountJurisdiction Staff(string community) => AccountJurisdiction.Of(StaffRole.CommunityStaff, community, "社区书记", null);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnEditIsANewDraftVersionAndOnlyThePublishedVersionCounts(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var district = app.Scope(District());
        var save = district.Get<SaveSchemeHandler>();

        var draft = await Ok(save.HandleAsync(new SaveScheme(null, Scheme, Publish: false), None));
        var same = await Ok(save.HandleAsync(new SaveScheme(draft.SchemeId, Scheme, Publish: false), None));
        var published = await Ok(save.HandleAsync(new SaveScheme(draft.SchemeId, Scheme, Publish: true), None));
        var edited = await Ok(save.HandleAsync(new SaveScheme(draft.SchemeId, Scheme with { HonourListSize = 2 }, Publish: false), None));
        var review = await Ok(district.Get<RunReviewHandler>().HandleAsync(new RunReview(draft.SchemeId, ReviewPeriodKind.Monthly, October), None));
        var view = await Ok(district.Get<GetSchemeHandler>().HandleAsync(new GetScheme(draft.SchemeId), None));

        Assert.Equal((1, 1, true, 2, false), (draft.Version, same.Version, published.Published, edited.Version, edited.Published));
        Assert.Equal(((int?)1, 2), (view.PublishedVersion, view.LatestVersion));
        var ranReview = await district.Db.AssessmentReviews.AsNoTracking().SingleAsync(r => r.Id == review);
        Assert.Equal(view.Versions.Single(v => v.Version == 1).Id, ranReview.SchemeVersionId);
        Assert.Equal(2, view.Latest.HonourListSize);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ABadSchemeIsRefusedByFieldInChineseAndAnUnknownIndicatorCannotBeSaved(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var district = app.Scope(District());
        var save = district.Get<SaveSchemeHandler>();
        var unknown = Scheme with { Items = [new("cases.resolutionRate", 60, 0.5m, 1.0m), new("cases.noSuchRate", 40, 0.5m, 1.0m)] };
        var modules = Scheme with { Items = [new("cases.resolutionRate", 60, 0.5m, 1.0m), new("deliberation.daysHeld", 40, 0m, 4m)] };

        var weights = await save.HandleAsync(new SaveScheme(null, Scheme with { Items = [new("cases.resolutionRate", 55, 0.5m, 1.0m), new("cases.satisfactionRate", 40, 0.6m, 1.0m)] }, false), None);
        var stars = await save.HandleAsync(new SaveScheme(null, Scheme with { StarMinimums = [60, 75, 70, 90] }, false), None);
        var draft = await save.HandleAsync(new SaveScheme(null, unknown, false), None);
        var publish = await save.HandleAsync(new SaveScheme(null, modules, true), None);
        await using var staff = app.Scope(Staff(await CommunityAsync(app, 0)));
        var forbidden = await staff.Get<SaveSchemeHandler>().HandleAsync(new SaveScheme(null, Scheme, true), None);

        Assert.Equal("各指标权重合计为 95，应为 100", Assert.Single(weights.Errors["items"]));
        Assert.Equal("星级分数线须逐级升高：4星（70）不高于3星（75）", Assert.Single(stars.Errors["stars"]));
        Assert.Contains("不在指标库中", Assert.Single(draft.Errors["items[1]"]), StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.Ok, publish.Kind);
        Assert.Equal(OutcomeKind.Forbidden, forbidden.Kind);
        Assert.Equal(1, await district.Db.AssessmentSchemes.CountAsync());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AReviewScoresEveryCommunityFromTheRollUpWithExactFiguresAndTheExplanationAddsUp(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (a, communities) = (await CommunityAsync(app, 0), await CommunityCountAsync(app));
        await RollUpAsync(app, a);
        var (scheme, review) = await PublishedReviewAsync(app, adjustment: (a, -5m));
        await using var district = app.Scope(District());

        var view = await Ok(district.Get<GetReviewHandler>().HandleAsync(new GetReview(review), None));
        var unit = await Ok(district.Get<GetUnitResultHandler>().HandleAsync(new GetUnitResult(review, a), None));

        // 解决率 9/10 = 0.9 → 60 × 0.8 = 48; 满意率 (7 + 2 × 0.5)/10 = 0.8 → 40 × 0.5 = 20; less 5 for the incident.
        Assert.Equal([48m, 20m], unit.Explanation.Lines.Select(l => l.Points));
        Assert.Equal(((long?)9, (long?)10), (unit.Explanation.Lines[0].Figure.Numerator, unit.Explanation.Lines[0].Figure.Denominator));
        Assert.Equal(((long?)16, (long?)20), (unit.Explanation.Lines[1].Figure.Numerator, unit.Explanation.Lines[1].Figure.Denominator));
        Assert.Equal((63m, 2, RatingColour.Yellow), (unit.Unit.Total, unit.Unit.Stars, unit.Unit.Colour));
        Assert.Equal(unit.Unit.Total, unit.LinesTotal);
        Assert.Equal(("2026-10", "2026-10"), (unit.FromMonth, unit.ToMonth));
        // Every other community had nothing to count: full points, shared first rank; A is last, yellow, so on the
        // warning list: the black list names only red units.
        Assert.Equal(communities, view.Units.Count);
        Assert.Equal((communities, ListPlace.Warning), (unit.Unit.Rank, unit.Unit.List));
        Assert.All(view.Units.Where(u => u.UnitCode != a), u => Assert.Equal((100m, 5, 1, ListPlace.Honour), (u.Total, u.Stars, u.Rank, u.List)));
        var other = await Ok(district.Get<GetUnitResultHandler>().HandleAsync(new GetUnitResult(review, view.Units[0].UnitCode), None));
        Assert.All(other.Explanation.Lines, l => Assert.Equal(ScoreSheet.NotMeasured, l.Note));
        Assert.Equal(other.Unit.Total, other.LinesTotal);
        Assert.True(scheme > 0);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task APreviewStoresNothingAndAPublishedReviewNeverChangesButACorrectionLinksToIt(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var a = await CommunityAsync(app, 0);
        await RollUpAsync(app, a);
        var (scheme, review) = await PublishedReviewAsync(app);
        await using var district = app.Scope(District());

        var preview = await Ok(district.Get<PreviewSchemeHandler>().HandleAsync(new PreviewScheme(scheme), None));
        var again = await district.Get<PublishReviewHandler>().HandleAsync(new PublishReview(review), None);
        var rerun = await district.Get<RunReviewHandler>().HandleAsync(new RunReview(scheme, ReviewPeriodKind.Monthly, October), None);
        await Ok(district.Get<RecordAdjustmentHandler>().HandleAsync(new RecordAdjustment(scheme, October, a, 3, "获评市级示范社区", "市文明办通报"), None));
        var correction = await Ok(district.Get<RunReviewHandler>().HandleAsync(new RunReview(scheme, ReviewPeriodKind.Monthly, October, review), None));
        var badAdjustment = await district.Get<RecordAdjustmentHandler>().HandleAsync(new RecordAdjustment(scheme, October, a, 30, "好", null), None);

        Assert.Equal(October, preview.PeriodStart);
        Assert.Equal(2, await district.Db.AssessmentReviews.CountAsync());
        Assert.Equal(AssessmentReview.Immutable, Assert.Single(again.Errors["reviewId"]));
        Assert.Equal(AssessmentReview.Immutable, Assert.Single(rerun.Errors["correctsReviewId"]));
        var original = await Ok(district.Get<GetUnitResultHandler>().HandleAsync(new GetUnitResult(review, a), None));
        var corrected = await Ok(district.Get<GetUnitResultHandler>().HandleAsync(new GetUnitResult(correction, a), None));
        Assert.Equal((68m, 71m), (original.Unit.Total, corrected.Unit.Total));
        Assert.Equal(((int?)review, ReviewStatus.Draft), (corrected.Review.CorrectsReviewId, corrected.Review.Status));
        Assert.Equal("获评市级示范社区", Assert.Single(corrected.Explanation.Adjustments).Reason);
        Assert.Equal(corrected.Unit.Total, corrected.LinesTotal);
        Assert.Equal(["加减分应在 -20 到 20 之间且不为 0"], badAdjustment.Errors["points"]);
        Assert.Equal(["加分或减分必须写明理由（至少 4 个字）"], badAdjustment.Errors["reason"]);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ACommunitySeesItsOwnStarsObjectsOnceAndTheDistrictAnswers(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        var (a, b) = (await CommunityAsync(app, 0), await CommunityAsync(app, 1));
        await RollUpAsync(app, a);
        int draft;
        await using (var district = app.Scope(District()))
        {
            var scheme = await Ok(district.Get<SaveSchemeHandler>().HandleAsync(new SaveScheme(null, Scheme, true), None));
            draft = await Ok(district.Get<RunReviewHandler>().HandleAsync(new RunReview(scheme.SchemeId, ReviewPeriodKind.Monthly, October), None));
        }
        await using var staff = app.Scope(Staff(a));
        var unseenDraft = await staff.Get<GetReviewHandler>().HandleAsync(new GetReview(draft), None);
        await using (var district = app.Scope(District()))
        {
            await Ok(district.Get<PublishReviewHandler>().HandleAsync(new PublishReview(draft), None));
        }

        var mine = await Ok(staff.Get<MyResultsHandler>().HandleAsync(new MyResults(), None));
        var review = await Ok(staff.Get<GetReviewHandler>().HandleAsync(new GetReview(draft), None));
        var own = await Ok(staff.Get<GetUnitResultHandler>().HandleAsync(new GetUnitResult(draft, a), None));
        var others = await staff.Get<GetUnitResultHandler>().HandleAsync(new GetUnitResult(draft, b), None);
        var file = staff.Get<FileObjectionHandler>();
        var tooShort = await file.HandleAsync(new FileObjection(draft, a, "不认可"), None);
        var filed = await Ok(file.HandleAsync(new FileObjection(draft, a, "十月有三件诉求属于物业合同纠纷，不应计入本社区"), None));
        var second = await file.HandleAsync(new FileObjection(draft, a, "另外两件诉求的评价是误操作，请核实后更正"), None);
        var forOthers = await file.HandleAsync(new FileObjection(draft, b, "替其他社区提出的异议，应当被拒绝"), None);
        await using (var district = app.Scope(District()))
        {
            var answer = district.Get<AnswerObjectionHandler>();
            var noReply = await answer.HandleAsync(new AnswerObjection(filed, false, ""), None);
            await Ok(answer.HandleAsync(new AnswerObjection(filed, false, "经核实，三件诉求均由本社区受理，维持原结果"), None));
            var twice = await answer.HandleAsync(new AnswerObjection(filed, true, "再次答复"), None);
            Assert.Equal("请写明答复内容（至少 4 个字）", Assert.Single(noReply.Errors["reply"]));
            Assert.Equal("该异议已答复", Assert.Single(twice.Errors["reply"]));
        }
        var after = await Ok(staff.Get<GetUnitResultHandler>().HandleAsync(new GetUnitResult(draft, a), None));

        Assert.Equal(OutcomeKind.NotFound, unseenDraft.Kind);
        Assert.Equal((a, 2, 68m), (Assert.Single(mine).Unit.UnitCode, mine[0].Unit.Stars, mine[0].Unit.Total));
        Assert.Equal(a, Assert.Single(review.Units).UnitCode);
        Assert.True(own.MayObject);
        Assert.Equal(OutcomeKind.NotFound, others.Kind);
        Assert.Equal("请写明异议理由（至少 10 个字）", Assert.Single(tooShort.Errors["reason"]));
        Assert.Equal("本单位对这次考核已有一条异议在处理中", Assert.Single(second.Errors["reason"]));
        Assert.Equal(OutcomeKind.Forbidden, forOthers.Kind);
        var objection = Assert.Single(after.Objections);
        Assert.Equal((ObjectionStatus.Rejected, "经核实，三件诉求均由本社区受理，维持原结果"), (objection.Status, objection.Reply));
        Assert.True(after.MayObject);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheDemoExampleRunsOverVisitCoverageTooAndEveryExplanationAddsUp(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        int review;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            review = await system.Get<SeedDemoAssessmentHandler>().HandleAsync(new SeedDemoAssessment(), None);
        }
        await using var district = app.Scope(District());
        var view = await Ok(district.Get<GetReviewHandler>().HandleAsync(new GetReview(review), None));
        foreach (var unit in view.Units)
        {
            var explained = await Ok(district.Get<GetUnitResultHandler>().HandleAsync(new GetUnitResult(review, unit.UnitCode), None));
            Assert.Equal(unit.Total, explained.LinesTotal);
            Assert.Equal(4, explained.Explanation.Lines.Count);
        }
        Assert.Equal(ReviewStatus.Published, view.Review.Status);
        Assert.Contains(view.Units, u => u.Total < 100);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheServiceFiguresAreEachCommunitysTargetListsSummedOverThePublishedServices(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var district = app.Scope(District());
        var services = Scheme with { Items = [new("services.enjoymentRate", 60, 0.5m, 1.0m), new("services.missed", 40, 100m, 0m)] };
        var scheme = await Ok(district.Get<SaveSchemeHandler>().HandleAsync(new SaveScheme(null, services, true), None));
        var review = await Ok(district.Get<RunReviewHandler>().HandleAsync(new RunReview(scheme.SchemeId, ReviewPeriodKind.Monthly, October), None));
        var expected = new Dictionary<string, (long Eligible, long Missed)>();
        var published = await district.Db.ServiceItems.Where(s => s.PublishedRuleVersion != null).Select(s => s.Id).ToListAsync();
        var streets = await district.Db.TerritoryNodes.Where(n => n.Level == TerritoryLevel.Street).Select(n => n.Code).ToListAsync();
        foreach (var (service, street) in published.SelectMany(s => streets.Select(t => (s, t))))
        {
            foreach (var row in (await Ok(district.Get<CivicGrid.App.PublicServices.Targets.GetServiceTargetsHandler>().HandleAsync(new(service, street), None))).Rows)
            {
                var (e, m) = expected.GetValueOrDefault(row.Code);
                expected[row.Code] = (e + row.Eligible, m + row.Missed);
            }
        }
        var view = await Ok(district.Get<GetReviewHandler>().HandleAsync(new GetReview(review), None));

        Assert.Contains(expected.Values, v => v.Eligible > 0);
        foreach (var unit in view.Units)
        {
            var lines = (await Ok(district.Get<GetUnitResultHandler>().HandleAsync(new GetUnitResult(review, unit.UnitCode), None))).Explanation.Lines;
            var (eligible, missed) = expected.GetValueOrDefault(unit.UnitCode);
            Assert.Equal(((long?)(eligible - missed), (long?)eligible), (lines[0].Figure.Numerator, lines[0].Figure.Denominator));
            Assert.Equal((decimal)missed, lines[1].Figure.Value);
        }
    }

    private static async Task<(int Scheme, int Review)> PublishedReviewAsync(AppHarness app, (string Unit, decimal Points)? adjustment = null)
    {
        await using var district = app.Scope(District());
        var scheme = await Ok(district.Get<SaveSchemeHandler>().HandleAsync(new SaveScheme(null, Scheme, true), None));
        if (adjustment is { } adj)
        {
            await Ok(district.Get<RecordAdjustmentHandler>().HandleAsync(
                new RecordAdjustment(scheme.SchemeId, October, adj.Unit, adj.Points, "辖区发生一起较大安全事故", "事故通报 2026-10-12"), None));
        }
        var review = await Ok(district.Get<RunReviewHandler>().HandleAsync(new RunReview(scheme.SchemeId, ReviewPeriodKind.Monthly, October), None));
        await Ok(district.Get<PublishReviewHandler>().HandleAsync(new PublishReview(review), None));
        return (scheme.SchemeId, review);
    }

    /// <summary>October's roll-up of one community, split over two grids and two items; September's row must not count.</summary>
    private static async Task RollUpAsync(AppHarness app, string community)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        var grids = await system.Db.TerritoryNodes.Where(n => n.Level == TerritoryLevel.Grid && n.Code.StartsWith(community)).OrderBy(n => n.Code).Select(n => n.Code).Take(2).ToListAsync();
        var second = grids[^1];
        system.Db.CaseMonthlyStats.AddRange(
            new CaseMonthlyStat { Month = "2026-10", GridCode = grids[0], ItemCode = "0101", DepartmentCode = "", Received = 6, Due = 6, Resolved = 5, Rated = 6, Satisfied = 4, BasicallySatisfied = 1 },
            new CaseMonthlyStat { Month = "2026-10", GridCode = second, ItemCode = "0502", DepartmentCode = "", Received = 4, Due = 4, Resolved = 4, Rated = 4, Satisfied = 3, BasicallySatisfied = 1 },
            new CaseMonthlyStat { Month = "2026-09", GridCode = grids[0], ItemCode = "0102", DepartmentCode = "", Received = 50, Due = 50, Resolved = 0, Rated = 50 });
        await system.Db.SaveChangesAsync();
    }

    private static async Task<string> CommunityAsync(AppHarness app, int index)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        return await system.Db.TerritoryNodes.Where(n => n.Level == TerritoryLevel.Community).OrderBy(n => n.Code).Select(n => n.Code).Skip(index).FirstAsync();
    }

    private static async Task<int> CommunityCountAsync(AppHarness app)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        return await system.Db.TerritoryNodes.CountAsync(n => n.Level == TerritoryLevel.Community);
    }

    private static async Task<T> Ok<T>(Task<Outcome<T>> pending)
    {
        var outcome = await pending;
        Assert.True(outcome.Kind == OutcomeKind.Ok, $"{outcome.Kind}: {string.Join("；", outcome.Errors.SelectMany(e => e.Value))}");
        return outcome.Value!;
    }
}

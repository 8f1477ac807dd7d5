using CivicGrid.App.Access;
using CivicGrid.App.Assessment;
using CivicGrid.App.Data;
using CivicGrid.App.Enterprises;
using CivicGrid.App.Projects;
using CivicGrid.Core.Access;
using CivicGrid.Core.Assessment;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Projects;
using CivicGrid.Core.Territory;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Assessment;

/// <summary>
/// The figures of the modules beside the case loop, per community and period: deliberation days held and their plan
/// tasks done, enterprises' needs resolved, major projects' gates reached on time.
/// </summary>
public class ModuleFigureTests
{
    private static readonly DateOnly October = new(2026, 10, 1);
    private static readonly DateTime OctoberStartUtc = new(2026, 9, 30, 16, 0, 0, DateTimeKind.Utc);

    private static readonly AssessmentScheme Scheme = new(
        "社区工作月度考核",
        AssessedLevel.Community,
        [
            new("deliberation.daysHeld", 25, 0m, 2m), new("deliberation.tasksDoneRate", 25, 0.5m, 1.0m),
            new("enterprises.needsResolvedRate", 25, 0.5m, 1.0m), new("projects.onScheduleRate", 25, 0.5m, 1.0m),
        ],
        [60, 70, 80, 90],
        [new(RatingColour.Green, 80), new(RatingColour.Yellow, 60), new(RatingColour.Red, 0)],
        HonourListSize: 1, BlackListSize: 1);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task EachSourceCountsTheCommunitysRowsOfTheMonthAndNothingOutsideIt(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var district = app.Scope(AccountJurisdiction.Of(StaffRole.DistrictAdmin, "330105", "区考核办", null));
        var saved = await district.Get<SaveSchemeHandler>().HandleAsync(new SaveScheme(null, Scheme, true), default);
        Assert.True(saved.Kind == OutcomeKind.Ok, string.Join("；", saved.Errors.SelectMany(e => e.Value)));
        var communities = await district.Db.TerritoryNodes.Where(n => n.Level == TerritoryLevel.Community).OrderBy(n => n.Code).Select(n => n.Code).Take(2).ToListAsync();
        var (community, other) = (communities[0], communities[1]);
        var before = await LinesAsync(district, saved.Value!.SchemeId);

        await AddRowsAsync(app, community, other);
        var after = await LinesAsync(district, saved.Value.SchemeId);

        // Two days held in October (not the one of 30 September at 23:00 China time, nor November's); of the tasks due in
        // October one done in time and one not (November's does not count); of October's needs one raised (September's and
        // the other community's do not count); of the project's gates on 31 October, the start reached and the completion
        // due but not reached (production is not due yet).
        var (was, now) = (before[community], after[community]);
        Assert.Equal(was[0].Numerator + 2, now[0].Numerator);
        Assert.Equal((was[1].Numerator + 1, was[1].Denominator + 2), (now[1].Numerator, now[1].Denominator));
        Assert.Equal((was[2].Numerator, was[2].Denominator + 1), (now[2].Numerator, now[2].Denominator));
        Assert.Equal((was[3].Numerator + 1, was[3].Denominator + 2), (now[3].Numerator, now[3].Denominator));
        Assert.Equal((before[other][2].Numerator, before[other][2].Denominator + 1), (after[other][2].Numerator, after[other][2].Denominator));
    }

    private static async Task<Dictionary<string, IReadOnlyList<Figure>>> LinesAsync(HarnessScope district, int scheme)
    {
        var units = await district.Get<ReviewComputation>().ComputeAsync(scheme, Scheme, ReviewPeriodKind.Monthly, October, default);
        return units.ToDictionary(u => u.Row.UnitCode, u => (IReadOnlyList<Figure>)[.. u.Score.Lines.Select(l => l.Figure)]);
    }

    private static async Task AddRowsAsync(AppHarness app, string community, string other)
    {
        await using var system = app.Scope(new SystemJurisdiction());
        var db = system.Db;
        var grid = await db.TerritoryNodes.Where(n => n.Level == TerritoryLevel.Grid && n.Code.StartsWith(community)).Select(n => n.Code).FirstAsync();
        var otherGrid = await db.TerritoryNodes.Where(n => n.Level == TerritoryLevel.Grid && n.Code.StartsWith(other)).Select(n => n.Code).FirstAsync();
        var raised = new Case { ItemCode = "0101", GridCode = grid, Description = "楼道照明损坏，居民议事日商定整改", Source = CaseSource.Resident };
        db.Cases.Add(raised);
        await db.SaveChangesAsync();
        var caseId = raised.Id;
        DeliberationDay Day(DateTime heldAt, params PlanTask[] tasks) => new()
        {
            HostCode = community, Title = "居民议事日", Date = DateOnly.FromDateTime(heldAt), Place = "社区议事厅", HeldAt = heldAt, Tasks = [.. tasks],
        };
        PlanTask Task(DateOnly due, DateTime? doneAt) => new() { CaseId = caseId, Title = "整改楼道照明", Owner = "物业", DueDate = due, DoneAt = doneAt };
        db.DeliberationDays.AddRange(
            Day(OctoberStartUtc.AddHours(2), Task(new DateOnly(2026, 10, 20), new DateTime(2026, 10, 15, 2, 0, 0, DateTimeKind.Utc)), Task(new DateOnly(2026, 10, 25), null)),
            Day(new DateTime(2026, 10, 20, 2, 0, 0, DateTimeKind.Utc), Task(new DateOnly(2026, 11, 5), null)),
            Day(OctoberStartUtc.AddHours(-1)),
            Day(new DateTime(2026, 11, 2, 2, 0, 0, DateTimeKind.Utc)));
        Enterprise Firm(string code, string at) => new()
        {
            Name = $"测试企业{code}", CreditCode = $"91330105MA2{code}", GridCode = at, Industry = "软件和信息技术服务业", RegisteredAddress = "拱墅区", OfficeAddress = "拱墅区",
        };
        var (firm, elsewhere) = (Firm("TEST01X", grid), Firm("TEST02X", otherGrid));
        db.Enterprises.AddRange(firm, elsewhere);
        await db.SaveChangesAsync();
        var category = StandardNeedCategories.All().First(c => !c.TakesAmount);
        EnterpriseNeed Need(Enterprise e, DateTime at)
        {
            var (need, refusal) = EnterpriseNeed.Raise(new NeedRequest(e.Id, category.Code, "需要招聘用工对接，希望社区协助发布岗位"), category, "tests", at);
            return need ?? throw new InvalidOperationException(refusal!.Reason);
        }
        db.EnterpriseNeeds.AddRange(Need(firm, OctoberStartUtc.AddDays(9)), Need(firm, OctoberStartUtc.AddDays(-3)), Need(elsewhere, OctoberStartUtc.AddDays(9)));
        var (project, refusals) = MajorProject.Register(new ProjectRequest("XM-TEST-01", "测试项目", "测试投资方", "制造业", community, 30.3, 120.1)
        {
            PlannedInvestment = Money.TenThousandYuan(5_000),
            Gates =
            [
                new(ProjectStage.Signed, new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 10)),
                new(ProjectStage.Landed, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 1)),
                new(ProjectStage.Permitted, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 1)),
                new(ProjectStage.Started, new DateOnly(2026, 6, 1), new DateOnly(2026, 5, 20)),
                new(ProjectStage.Completed, new DateOnly(2026, 9, 30)),
                new(ProjectStage.Producing, new DateOnly(2027, 3, 1)),
            ],
        }, "tests", new DateOnly(2026, 10, 1), OctoberStartUtc);
        Assert.True(project is not null, string.Join("；", refusals.Select(r => r.Reason)));
        db.MajorProjects.Add(project);
        await db.SaveChangesAsync();
    }
}

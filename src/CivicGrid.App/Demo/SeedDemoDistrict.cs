using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Imports;
using CivicGrid.App.People;
using CivicGrid.Core.Demo;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Demo;

/// <summary>Fills an empty database with the demo district at a scale. Does nothing when a district is already there.</summary>
public sealed record SeedDemoDistrict(DemoScale Scale);

/// <summary>How far seeding has come: a stage and the rows written in it.</summary>
public sealed record SeedProgress(string Stage, int Done, int Total);

public sealed class SeedDemoDistrictHandler(CivicGridDbContext db, RunImportHandler import, WriteHistoricCasesHandler cases,
    SeedDemoFacilitiesHandler facilities, SeedDemoEnrolmentsHandler enrolments, SeedDemoEnterpriseListsHandler lists,
    SeedDemoChallengesAndAlignmentHandler challenges, SeedDemoSweepsHandler sweeps, SeedDemoProjectsHandler projects,
    Projects.Demo.SeedDemoBlockersHandler blockers, SeedDemoDeliberationDaysHandler deliberation, SeedDemoHouseholdVisitsHandler householdVisits,
    SeedDemoActivitiesHandler activities, SeedDemoTeamsHandler teams, SeedDemoCashBenefitsHandler cash,
    Assessment.SeedDemoAssessmentHandler assessment)
{
    public async Task<bool> HandleAsync(SeedDemoDistrict command, IProgress<SeedProgress>? progress, CancellationToken ct)
    {
        if (await db.SystemWork().TerritoryNodes.AnyAsync(ct))
        {
            return false;
        }
        var district = new DemoDistrict(command.Scale, db.Clock.Today());
        db.TerritoryNodes.AddRange(district.Territory);
        await db.SaveChangesAsync(ct);
        await PeopleReferenceData.EnsureAsync(db, ct);
        db.ChangeTracker.Clear();

        var grids = district.GridCodes.Count;
        var done = 0;
        // A batch of grids per transaction keeps memory flat at district scale.
        foreach (var batch in district.Population().Chunk(50))
        {
            await ImportAsync(ImportKind.Buildings, DemoTables.Buildings(batch.SelectMany(g => g.Buildings)), ct);
            await ImportAsync(ImportKind.Households, DemoTables.Households(batch.SelectMany(g => g.Households)), ct);
            await ImportAsync(ImportKind.Residents, DemoTables.Residents(batch.SelectMany(g => g.People)), ct);
            done += batch.Length;
            progress?.Report(new SeedProgress("residents", done, grids));
        }
        var (offices, enterprises) = district.Business();
        await ImportAsync(ImportKind.Buildings, DemoTables.Buildings(offices), ct);
        await ImportAsync(ImportKind.Enterprises, DemoTables.Enterprises(enterprises), ct);
        progress?.Report(new SeedProgress("enterprises", enterprises.Count, enterprises.Count));
        var needs = await lists.HandleAsync(new SeedDemoEnterpriseLists(command.Scale.EnterpriseNeeds), ct);
        progress?.Report(new SeedProgress("enterprise needs", needs, needs));
        if (needs > 0)
        {
            var followed = await challenges.HandleAsync(new SeedDemoChallengesAndAlignment(), ct);
            progress?.Report(new SeedProgress("challenges and address alignment", followed, followed));
        }
        var visits = needs > 0 ? await sweeps.HandleAsync(new SeedDemoSweeps(), ct) : 0;
        progress?.Report(new SeedProgress("sweep visits", visits, visits));
        var portfolio = await projects.HandleAsync(new SeedDemoProjects(command.Scale), ct);
        progress?.Report(new SeedProgress("major projects", portfolio, portfolio));
        var placed = await facilities.HandleAsync(new SeedDemoFacilities(command.Scale), ct);
        progress?.Report(new SeedProgress("facilities", placed, placed));
        var enrolled = await enrolments.HandleAsync(ct);
        progress?.Report(new SeedProgress("enrolments", enrolled, enrolled));
        var visited = await householdVisits.HandleAsync(new SeedDemoHouseholdVisits(), ct);
        progress?.Report(new SeedProgress("household visits", visited, visited));
        var sessions = await activities.HandleAsync(new SeedDemoActivities(command.Scale.Volunteers), ct);
        progress?.Report(new SeedProgress("activity sessions", sessions, sessions));
        if (command.Scale.HistoricCases > 0)
        {
            await cases.HandleAsync(new WriteHistoricCases(command.Scale.HistoricCases, Months: 24), progress, ct);
            // After the history, which writes the indicator figures from scratch; the blockers' cases then add to them
            // through the write path. The tests' tiny district has neither.
            var logged = await blockers.HandleAsync(new Projects.Demo.SeedDemoBlockers(Math.Min(400, portfolio * 4 / 3)), ct);
            progress?.Report(new SeedProgress("project blockers", logged, logged));
            var days = await deliberation.HandleAsync(new SeedDemoDeliberationDays(), ct);
            progress?.Report(new SeedProgress("deliberation days", days, days));
            // Last, over the figures above: a published scheme and last month's published review.
            var review = await assessment.HandleAsync(new Assessment.SeedDemoAssessment(), ct);
            progress?.Report(new SeedProgress("assessment review", review, review));
        }
        var members = await teams.HandleAsync(new SeedDemoTeams(), ct);
        progress?.Report(new SeedProgress("think-tank members", members, members));
        if (command.Scale.HistoricCases > 0)
        {
            // Not in the tests' tiny district, whose tests build their own lists; four streets at most at district scale.
            var cashLists = await cash.HandleAsync(new SeedDemoCashBenefits(MaxStreets: 4), ct);
            progress?.Report(new SeedProgress("cash payment lists", cashLists, cashLists));
        }
        return true;
    }

    private async Task ImportAsync(ImportKind kind, TabularData data, CancellationToken ct)
    {
        var outcome = await import.HandleAsync(new RunImport(kind, data, Commit: true, $"demo-{kind}"), null, ct);
        if (outcome.Value is not { Committed: true })
        {
            throw new InvalidOperationException($"Demo {kind} did not import: {outcome.Kind} {outcome.Value?.Errors.FirstOrDefault()}");
        }
    }
}

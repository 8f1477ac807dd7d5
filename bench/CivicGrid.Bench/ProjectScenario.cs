using System.Diagnostics;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Projects;
using CivicGrid.App.Projects.Overview;
using CivicGrid.App.Projects.Reports;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CivicGrid.App.Reports;

namespace CivicGrid.Bench;

/// <summary>
/// Major projects (issue 22) on a district of their own: 1,000 projects with their gates, plans and a year of progress,
/// and 10,000 blockers played through the loop. The monthly report for the district meeting built and written as .xlsx
/// in process for a district official, against the same figures by plain GROUP BYs over the same tables (projects by
/// stage, gates due and reached per service group, blockers opened, closed, open and overdue per type, the project
/// list); and the officials' overview, against one GROUP BY of the blockers per project.
/// </summary>
internal static class ProjectScenario
{
    private const string District = "330105";
    public const double ReportLimit = 2_000, OverviewLimit = 200;

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        var (projects, blockers) = options.Quick ? (100, 1_000) : (1_000, 10_000);
        await using var database = await BenchDatabase.CreateAsync(kind, options);
        var seeding = Stopwatch.StartNew();
        await database.SeedDemoAsync(Core.Demo.DemoScale.Tiny, DistrictData.Password);
        Console.WriteLine($"[{kind}] projects: {await ProjectBenchData.EnsureAsync(database, projects, blockers)} in {seeding.Elapsed.TotalSeconds:F0} s");
        var month = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var runs = options.Quick ? 3 : 7;
        long bytes = 0;
        await MonthlyXlsxAsync(database, month);
        var report = await TimeAsync(runs, async () => bytes = await MonthlyXlsxAsync(database, month));
        var figures = 0;
        var plain = await TimeAsync(runs, async () => figures = await PlainMonthlyAsync(database, month));
        var pdf = await TimeAsync(Math.Max(1, runs / 3), () => MonthlyPdfAsync(database, month));
        Console.WriteLine($"[{kind}] monthly report xlsx p50 {report.P50:F0} ms, max {report.Max:F0} ms ({bytes / 1024:N0} KB); plain GROUP BYs p50 {plain.P50:F0} ms ({figures:N0} rows); PDF p50 {pdf.P50:F0} ms");

        var requests = options.Quick ? 10 : 60;
        await OverviewAsync(database);
        var overview = await TimeAsync(requests, () => OverviewAsync(database));
        var grouped = await TimeAsync(Math.Max(5, requests / 5), () => PlainBlockersPerProjectAsync(database));
        Console.WriteLine($"[{kind}] overview p95 {overview.P95:F1} ms, p50 {overview.P50:F1} ms; plain GROUP BY p95 {grouped.P95:F1} ms");
        return
        [
            new ScenarioResult($"monthly project report as xlsx, {projects:N0} projects × {blockers:N0} blockers", kind, report.P50, plain.P50, "ms", 1,
                $"ours: the monthly report read, built and written as .xlsx in process for a district official (max of {runs} {report.Max:F0} ms, {bytes / 1024:N0} KB; as PDF p50 {pdf.P50:F0} ms); anchor: the same figures by plain GROUP BYs over the same tables ({figures:N0} rows)") { MaxOurs = ReportLimit },
            new ScenarioResult($"project overview, {projects:N0} projects", kind, overview.P95, grouped.P95, "ms p95", 1,
                $"ours: the overview's handler in process for a district official (p50 {overview.P50:F1} ms): map points, gates by month, investment, blockers by age, ranking; anchor: one GROUP BY of the blockers' cases per project and state") { MaxOurs = OverviewLimit },
        ];
    }

    private static async Task<long> MonthlyXlsxAsync(BenchDatabase database, string month)
    {
        await using var scope = Official(database);
        var document = await ReportAsync(scope, month);
        await using var output = new MemoryStream();
        await ReportWorkbook.WriteAsync(output, document, CancellationToken.None);
        return output.Length;
    }

    private static async Task MonthlyPdfAsync(BenchDatabase database, string month)
    {
        await using var scope = Official(database);
        var document = await ReportAsync(scope, month);
        await using var output = new MemoryStream();
        ReportPdf.Write(output, document);
    }

    private static async Task<ReportDocument> ReportAsync(AsyncServiceScope scope, string month)
    {
        var outcome = await scope.ServiceProvider.GetRequiredService<GetProjectReportHandler>().HandleAsync(new GetProjectReport(ReportKind.Monthly, month), CancellationToken.None);
        return outcome.Value ?? throw new InvalidOperationException($"monthly report: {outcome.Kind}");
    }

    private static async Task OverviewAsync(BenchDatabase database)
    {
        await using var scope = Official(database);
        var outcome = await scope.ServiceProvider.GetRequiredService<GetProjectOverviewHandler>().HandleAsync(new GetProjectOverview(), CancellationToken.None);
        _ = outcome.Value ?? throw new InvalidOperationException($"overview: {outcome.Kind}");
    }

    /// <summary>The monthly report's figures by plain GROUP BYs, as of the month's end.</summary>
    private static async Task<int> PlainMonthlyAsync(BenchDatabase database, string month)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var last = first.AddMonths(1).AddDays(-1);
        var (from, to) = (ProjectReports.Utc(first), ProjectReports.Utc(first.AddMonths(1)));
        var stages = await db.MajorProjects.AsNoTracking().Where(p => p.Status != ProjectStatus.Terminated)
            .GroupBy(p => p.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var gates = await db.ProjectGates.AsNoTracking().Where(g => g.Stage >= ProjectStage.Started)
            .Join(db.MajorProjects.Where(p => p.TerminatedOn == null || p.TerminatedOn > last), g => g.ProjectId, p => p.Id, (g, p) => new { p.ServiceGroupId, g.Stage, g.PlannedOn, g.ReachedOn })
            .GroupBy(x => new { x.ServiceGroupId, x.Stage })
            .Select(g => new { g.Key, Due = g.Count(x => x.PlannedOn <= last || x.ReachedOn <= last), Reached = g.Count(x => x.ReachedOn <= last) }).ToListAsync();
#pragma warning disable RS0030 // The anchor reads the tables as plain SQL would, past the jurisdiction.
        var types = await db.ProjectBlockers.AsNoTracking().Join(db.Cases.IgnoreQueryFilters(), b => b.CaseId, c => c.Id, (b, c) => new { b.Type, c.ReceivedAt, c.ClosedAt, c.ResolveBy, c.ResolvedAt })
#pragma warning restore RS0030
            .GroupBy(x => x.Type).Select(g => new
            {
                g.Key,
                Opened = g.Count(x => x.ReceivedAt >= from && x.ReceivedAt < to),
                Closed = g.Count(x => x.ClosedAt >= from && x.ClosedAt < to),
                Open = g.Count(x => x.ReceivedAt < to && (x.ClosedAt == null || x.ClosedAt >= to)),
                Overdue = g.Count(x => x.ReceivedAt < to && (x.ClosedAt == null || x.ClosedAt >= to) && x.ResolveBy < to && (x.ResolvedAt == null || x.ResolvedAt > to)),
            }).ToListAsync();
        var list = await db.MajorProjects.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Code, p.Name, p.ServiceGroupId, p.Stage, p.PlannedInvestment }).ToListAsync();
        return stages.Count + gates.Count + types.Count + list.Count;
    }

    private static async Task PlainBlockersPerProjectAsync(BenchDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
#pragma warning disable RS0030 // The anchor reads the tables as plain SQL would, past the jurisdiction.
        await db.ProjectBlockers.AsNoTracking().Join(db.Cases.IgnoreQueryFilters(), b => b.CaseId, c => c.Id, (b, c) => new { b.ProjectId, c.Status })
#pragma warning restore RS0030
            .GroupBy(x => new { x.ProjectId, x.Status }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
    }

    /// <summary>A district administrator's unit of work, so the jurisdiction's filters are in the queries as for a signed-in official.</summary>
    private static AsyncServiceScope Official(BenchDatabase database)
    {
        var scope = database.Scope();
        scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(
            AccountJurisdiction.Of(StaffRole.DistrictAdmin, District, "区管理员", null));
        return scope;
    }

    private static async Task<(double P50, double P95, double Max)> TimeAsync(int times, Func<Task> work)
    {
        var samples = new List<double>(times);
        for (var i = 0; i < times; i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        return (samples[samples.Count / 2], samples[(int)Math.Ceiling(samples.Count * 0.95) - 1], samples[^1]);
    }
}

using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Projects;
using CivicGrid.App.Projects.Demo;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Projects;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// Brings a district to the projects scenario's size: twelve service groups with a cadre each, projects registered by
/// the core's rule with their gates (the earlier ones reached, some late), year plans and a progress record per month
/// since signing, written by the bulk path; then the demo's blockers over them, played through the loop.
/// </summary>
internal static class ProjectBenchData
{
    public static async Task<string> EnsureAsync(BenchDatabase database, int projects, int blockers)
    {
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CivicGridDbContext>();
        var have = await db.MajorProjects.CountAsync();
        var groups = await GroupsAsync(db);
        var communities = await db.SystemWork().TerritoryNodes.Where(n => n.Level == TerritoryLevel.Community)
            .Select(n => new { n.Code, n.CentreLatitude, n.CentreLongitude }).ToListAsync();
        var random = new Random(2026_12_05);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var made = new List<MajorProject>();
        for (var i = have; i < projects; i++)
        {
            var place = communities[random.Next(communities.Count)];
            var signed = today.AddDays(-random.Next(60, 900));
            var gates = new List<GateDates> { new(ProjectStage.Signed, null, signed) };
            var planned = signed;
            var last = signed;
            var reachedUpTo = random.Next(0, 8);
            foreach (var stage in ProjectNames.Stages.Skip(1))
            {
                planned = planned.AddDays(random.Next(40, 200));
                var on = planned.AddDays(random.Next(-20, 40));
                on = on > last ? on : last.AddDays(1);
                var reached = (int)stage <= reachedUpTo && on <= today ? on : (DateOnly?)null;
                last = reached ?? last;
                gates.Add(new GateDates(stage, planned, reached));
                if (reached is null)
                {
                    reachedUpTo = -1;
                }
            }
            var wan = random.Next(5, 200) * 1_000;
            var request = new ProjectRequest($"BENCH{i + 1:0000}", $"重大项目{i + 1:0000}号", "杭州某投资有限公司", ProjectNames.Sectors[random.Next(ProjectNames.Sectors.Count)],
                place.Code, (place.CentreLatitude ?? 30.3) + (random.NextDouble() - 0.5) * 0.01, (place.CentreLongitude ?? 120.15) + (random.NextDouble() - 0.5) * 0.01)
            {
                PlannedInvestment = Money.TenThousandYuan(wan), ServiceGroupId = groups[random.Next(groups.Count)],
                YearPlans = [new YearPlan(today.Year, Money.TenThousandYuan(wan / random.Next(3, 8)))],
                Gates = gates,
            };
            var (project, refusals) = MajorProject.Register(request, "bench", today, TimeProvider.System.GetUtcNow().UtcDateTime);
            made.Add(project ?? throw new InvalidOperationException(string.Join("; ", refusals.Select(r => r.ToString()))));
        }
        var bulk = services.GetRequiredService<BulkInsert>();
        var firstId = await bulk.NextIdAsync<MajorProject>(CancellationToken.None);
        for (var i = 0; i < made.Count; i++)
        {
            made[i].Id = firstId + i;
            made[i].Gates.ForEach(g => g.ProjectId = made[i].Id);
            made[i].YearPlans.ForEach(y => y.ProjectId = made[i].Id);
        }
        var progress = made.SelectMany(p => Months(p, today).Select(m => new ProjectProgress
        {
            ProjectId = p.Id, Month = m, InvestmentDone = Money.TenThousandYuan(random.Next(0, 400)), RecordedBy = "bench", RecordedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
        })).ToList();
        var firstProgress = await bulk.NextIdAsync<ProjectProgress>(CancellationToken.None);
        for (var i = 0; i < progress.Count; i++)
        {
            progress[i].Id = firstProgress + i;
        }
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await bulk.WriteAsync(made, CancellationToken.None);
            await bulk.WriteAsync(made.SelectMany(p => p.Gates), CancellationToken.None);
            await bulk.WriteAsync(made.SelectMany(p => p.YearPlans), CancellationToken.None);
            await bulk.WriteAsync(progress, CancellationToken.None);
            await transaction.CommitAsync();
        }
        var existing = await db.ProjectBlockers.CountAsync();
        var written = await services.GetRequiredService<SeedDemoBlockersHandler>().HandleAsync(new SeedDemoBlockers(Math.Max(0, blockers - existing)), CancellationToken.None);
        if (database.Kind == "postgres")
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        return $"{have:N0} projects kept, {made.Count:N0} added with {progress.Count:N0} progress records; {existing:N0} blockers kept, {written:N0} added";
    }

    /// <summary>The first of each month from signing to last month, this year's only.</summary>
    private static IEnumerable<DateOnly> Months(MajorProject p, DateOnly today)
    {
        var signed = p.SignedOn!.Value;
        for (var m = new DateOnly(Math.Max(signed.Year, today.Year), signed.Year == today.Year ? signed.Month : 1, 1); m < new DateOnly(today.Year, today.Month, 1); m = m.AddMonths(1))
        {
            yield return m;
        }
    }

    private static async Task<List<int>> GroupsAsync(CivicGridDbContext db)
    {
        if (!await db.ServiceGroups.AnyAsync())
        {
            var groups = Enumerable.Range(1, 12).Select(i => new ServiceGroup { Name = $"第{i}专项服务组" }).ToList();
            db.ServiceGroups.AddRange(groups);
            await db.SaveChangesAsync();
        }
        var ids = await db.ServiceGroups.OrderBy(g => g.Id).Select(g => g.Id).ToListAsync();
        var withCadre = await db.Users.Where(u => u.ServiceGroupId != null).Select(u => u.ServiceGroupId!.Value).Distinct().ToListAsync();
        foreach (var id in ids.Except(withCadre))
        {
            db.Users.Add(new StaffUser { UserName = $"bench-cadre-{id}", NormalizedUserName = $"BENCH-CADRE-{id}", DisplayName = "项目服务专员", Role = StaffRole.ProjectCadre, ScopeCode = "330105", ServiceGroupId = id, SecurityStamp = Guid.NewGuid().ToString() });
        }
        await db.SaveChangesAsync();
        return ids;
    }
}

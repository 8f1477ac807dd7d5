using CivicGrid.App.Data;
using CivicGrid.App.Demo;
using CivicGrid.App.Enterprises;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Enterprises.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// Brings the shared district's enterprise lists to what the enterprise scenario measures: the demo's lists (written
/// once, when a district seeded before them lacks them), then as many raised needs and active offers as asked, added by
/// the bulk path like the demo's. Counts first, so a kept district gets them once and later runs add nothing.
/// </summary>
internal static class EnterpriseBenchData
{
    public static async Task<string> EnsureAsync(BenchDatabase database, BenchOptions options, int raisedNeeds, int activeOffers)
    {
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CivicGridDbContext>();
        var demo = await services.GetRequiredService<SeedDemoEnterpriseListsHandler>().HandleAsync(new SeedDemoEnterpriseLists(options.Scale.EnterpriseNeeds), CancellationToken.None);
        // The runners' year of visits, which the dashboard's coverage counts; a district seeded before them gets them once.
        var visits = await services.GetRequiredService<SeedDemoSweepsHandler>().HandleAsync(new SeedDemoSweeps(), CancellationToken.None);
        Console.WriteLine($"[{database.Kind}] enterprises: sweeps {(visits > 0 ? $"written now ({visits:N0} visits)" : "kept")}");
        if (database.Kind == "postgres")
        {
            // The kept district's buildings were analysed before its 621 office buildings came in (too few to trigger
            // autovacuum's analyse), so the planner took business communities for empty and chose nested loops over
            // 30,000 enterprises; the lists are bulk-written just now. Planning on current figures is what we measure.
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"Buildings\", \"Enterprises\", \"EnterpriseNeed\", \"CommunityOffer\", \"EmployeeWish\", \"EnterpriseVisit\", \"RunnerAssignment\"");
        }
        var raised = await db.EnterpriseNeeds.CountAsync(n => n.Status == NeedStatus.Raised);
        var active = await db.CommunityOffers.CountAsync(o => o.Active);
        if (raised >= raisedNeeds && active >= activeOffers)
        {
            return $"demo lists {(demo > 0 ? $"written now ({demo:N0} needs)" : "kept")}; {raised:N0} raised needs, {active:N0} active offers kept";
        }
        var random = new Random(2026_12_05);
        var buildings = await db.Buildings.AsNoTracking().Where(b => b.BusinessCommunityId != null).OrderBy(b => b.Id).ToListAsync();
        var firms = await db.Enterprises.AsNoTracking().Where(e => e.Building!.BusinessCommunityId != null).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        var categories = await db.NeedCategories.AsNoTracking().OrderBy(c => c.Code).ToListAsync();
        var bulk = services.GetRequiredService<BulkInsert>();
        var offers = Offers(Math.Max(0, activeOffers - active), await bulk.NextIdAsync<CommunityOffer>(CancellationToken.None), buildings, categories, random);
        var needs = Needs(Math.Max(0, raisedNeeds - raised), await bulk.NextIdAsync<EnterpriseNeed>(CancellationToken.None), firms, categories, random);
        var eventId = (await db.NeedEvents.MaxAsync(e => (long?)e.Id) ?? 0) + 1;
        foreach (var entry in needs.SelectMany(n => n.Timeline))
        {
            entry.Id = eventId++;
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        await bulk.WriteAsync(offers, CancellationToken.None);
        await bulk.WriteAsync(needs, CancellationToken.None);
        await bulk.WriteAsync(needs.SelectMany(n => n.Timeline), CancellationToken.None);
        await transaction.CommitAsync();
        if (database.Kind == "postgres")
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"EnterpriseNeed\", \"CommunityOffer\"");
        }
        return $"demo lists {(demo > 0 ? $"written now ({demo:N0} needs)" : "kept")}; added {needs.Count:N0} raised needs and {offers.Count:N0} offers";
    }

    /// <summary>Services, spaces, trainings and a tenth credit lines, each in an office building of a business community.</summary>
    private static List<CommunityOffer> Offers(int count, int firstId, List<Core.Territory.Building> buildings, List<NeedCategory> categories, Random random)
    {
        var offers = new List<CommunityOffer>(count);
        for (var i = 0; i < count; i++)
        {
            var building = buildings[random.Next(buildings.Count)];
            var roll = random.Next(10);
            var kind = roll switch { 0 => OfferKind.CreditLine, < 3 => OfferKind.Space, < 5 => OfferKind.Training, _ => OfferKind.Service };
            var codes = kind == OfferKind.CreditLine ? [StandardNeedCategories.Financing]
                : categories.Where(c => !c.TakesAmount).OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(c => c.Code).ToList();
            offers.Add(new CommunityOffer
            {
                Id = firstId + i, Name = $"{kind.ChineseName()}资源{firstId + i}", Kind = kind, Provider = "合作机构", CategoryCodes = codes,
                BusinessCommunityId = building.BusinessCommunityId, BuildingId = kind == OfferKind.CreditLine ? null : building.Id,
                Latitude = kind == OfferKind.CreditLine ? null : building.Latitude, Longitude = kind == OfferKind.CreditLine ? null : building.Longitude,
                Places = kind is OfferKind.Space or OfferKind.Training || random.Next(2) == 0 ? random.Next(5, 60) : null,
                CreditLine = kind == OfferKind.CreditLine ? Money.TenThousandYuan(random.Next(2, 21) * 100) : null,
                MaxEmployees = random.Next(6) == 0 ? 100 : null,
            });
        }
        return offers;
    }

    private static List<EnterpriseNeed> Needs(int count, int firstId, List<int> firms, List<NeedCategory> categories, Random random)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var needs = new List<EnterpriseNeed>(count);
        for (var i = 0; i < count; i++)
        {
            var category = categories[random.Next(categories.Count)];
            var request = new NeedRequest(firms[random.Next(firms.Count)], category.Code, $"{category.Name}需求")
            {
                Amount = category.TakesAmount ? Money.TenThousandYuan(random.Next(1, 51) * 10) : null,
            };
            var need = EnterpriseNeed.Raise(request, category, "bench", now.AddDays(-random.NextDouble() * 60)).Need!;
            need.Id = firstId + i;
            need.Timeline.ForEach(e => e.NeedId = need.Id);
            needs.Add(need);
        }
        return needs;
    }
}

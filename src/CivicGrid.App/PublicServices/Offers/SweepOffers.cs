using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.PublicServices.Targets;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Enrolment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Offers;

/// <summary>
/// Offers every published proactive or visit-delivered service to the residents its rule selects and the service has
/// not reached yet. Run by the system on a schedule; the rule is asked of the database, so birthdays and edits count.
/// </summary>
public sealed record SweepOffers(int BatchSize = 1_000);

public sealed record SweepReport(int Services, int Offers);

public sealed class SweepOffersHandler(CivicGridDbContext db, TargetQueries queries, OfferWriter offers)
{
    public async Task<SweepReport> HandleAsync(SweepOffers command, CancellationToken ct)
    {
        var services = await db.ServiceItems.AsNoTracking().Include(s => s.Rules)
            .Where(s => s.PublishedRuleVersion != null && s.Mode != DeliveryMode.OnApplication).ToListAsync(ct);
        var scope = new TargetScope("", 15);
        var total = 0;
        foreach (var service in services)
        {
            total += await SweepAsync(service, scope, command.BatchSize, ct);
        }
        return new SweepReport(services.Count, total);
    }

    private async Task<int> SweepAsync(ServiceItem service, TargetScope scope, int batchSize, CancellationToken ct)
    {
        var offered = 0;
        while (true)
        {
            // Offered rows leave the "missed" set, so the first page is always the next batch; ended ones are skipped.
            var (ids, _) = await queries.NeverReachedIdsAsync(db, service, scope, batchSize, ct);
            if (ids.Count == 0)
            {
                return offered;
            }
            var grids = await db.SystemWork().Residents.Where(r => ids.Contains(r.Id)).Select(r => new OfferTarget(r.Id, r.GridCode)).ToListAsync(ct);
            offered += await offers.OfferAsync(service, grids, EnrolmentSource.Proactive, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}

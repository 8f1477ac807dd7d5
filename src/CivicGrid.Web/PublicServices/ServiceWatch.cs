using CivicGrid.App.PublicServices.Enrolment;
using CivicGrid.App.PublicServices.LifeEvents;
using CivicGrid.App.PublicServices.Offers;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.PublicServices;

/// <summary>
/// Every <c>Services:SweepMinutes</c> (60 by default): records the life events birthdays bring, offers every
/// proactive service to the residents newly entitled to it (免申即享), and hands free places to waiting lists that no
/// join or release has served. An offer is unique per resident and service,
/// so an instance that loses a race to another one fails that pass and finds nothing left on the next.
/// </summary>
public sealed class ServiceWatch(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<ServiceWatch> log)
    : SystemWorker(scopes, clock, log)
{
    protected override string Name => "service-watch";
    protected override TimeSpan Interval => TimeSpan.FromMinutes(configuration.GetValue("Services:SweepMinutes", 60));

    protected override async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var events = await services.GetRequiredService<DeriveLifeEventsHandler>().HandleAsync(new DeriveLifeEvents(), ct);
        var offers = await services.GetRequiredService<SweepOffersHandler>().HandleAsync(new SweepOffers(), ct);
        var placed = await services.GetRequiredService<AllocateWaitingListsHandler>().HandleAsync(new AllocateWaitingLists(), ct);
        if (events + offers.Offers + placed > 0)
        {
            log.LogInformation("Service sweep: {Events} life events from birthdays, {Offers} offers over {Services} services, {Placed} places allocated",
                events, offers.Offers, offers.Services, placed);
        }
        return false;
    }
}

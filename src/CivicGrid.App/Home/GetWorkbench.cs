using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.Visits;
using CivicGrid.Core.Access;
using CivicGrid.Core.PublicServices.Enrolment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Home;

/// <summary>An offer a resident has not answered yet, which staff follow up by phone or at the door.</summary>
public sealed record PendingOffer(int ResidentId, string ResidentName, string ServiceName, DateTime OfferedAt);

/// <summary>What waits for the signed-in account, soonest deadline first; each list is read through the account's jurisdiction.</summary>
public sealed record Workbench(
    Page<CaseRow> Cases, int OverdueCases, Page<VisitTaskRow> Visits, IReadOnlyList<PendingOffer> Offers, int OfferCount,
    IReadOnlyList<DeliberationDayRow> Days);

public sealed record GetWorkbench(int ListSize = 8);

public sealed class GetWorkbenchHandler(
    CivicGridDbContext db, SearchCasesHandler cases, ListVisitTasksHandler visits, DeliberationDaysHandler days)
{
    public async Task<Workbench> HandleAsync(GetWorkbench query, CancellationToken ct)
    {
        var open = await cases.HandleAsync(new SearchCases(OpenOnly: true, Sort: "deadline", PageSize: query.ListSize), ct);
        var overdue = await cases.HandleAsync(new SearchCases(OpenOnly: true, OverdueOnly: true, PageSize: 1), ct);
        var people = db.Jurisdiction.Role.ManagesPeople();
        var due = people ? await visits.HandleAsync(new ListVisitTasks(PageSize: query.ListSize), ct) : new Page<VisitTaskRow>([], 1, query.ListSize, 0);
        var (offers, offerCount) = people ? await OffersAsync(query.ListSize, ct) : ([], 0);
        var today = db.Clock.Today();
        var upcoming = (await days.ListAsync(ct)).Where(d => !d.Held && d.Date >= today).Take(query.ListSize).ToList();
        return new Workbench(open, overdue.Total, due, offers, offerCount, upcoming);
    }

    private async Task<(IReadOnlyList<PendingOffer>, int)> OffersAsync(int size, CancellationToken ct)
    {
        var offered = db.ServiceEnrolments.AsNoTracking().Where(e => e.Status == EnrolmentStatus.Offered);
        var count = await offered.CountAsync(ct);
        var rows = await offered.OrderBy(e => e.OfferedAt).ThenBy(e => e.Id).Take(size)
            .Join(db.Residents, e => e.ResidentId, r => r.Id, (e, r) => new { e, r.Name })
            .Join(db.ServiceItems, x => x.e.ServiceItemId, s => s.Id, (x, s) => new PendingOffer(x.e.ResidentId, x.Name, s.Name, x.e.OfferedAt))
            .ToListAsync(ct);
        return (rows, count);
    }
}

using CivicGrid.App.Data;
using CivicGrid.App.PublicServices.Targets;
using CivicGrid.Core.Access;
using CivicGrid.Core.CashBenefits;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.CashBenefits;

/// <summary>One payment list with a page of its lines, the moves open to it and who stopped since last month.</summary>
public sealed record GetPaymentList(int Id, int Page = 1, int PageSize = 50);

public sealed record PaymentListDetail(
    PaymentListView List, string ServiceName, string StreetName, IReadOnlyList<PaymentLineView> Lines, int Page, int PageCount,
    IReadOnlyList<PaymentListAction> Actions, IReadOnlyList<StopView> Stops);

public sealed class GetPaymentListHandler(CivicGridDbContext db)
{
    public const int MaxPageSize = 200;

    public async Task<Outcome<PaymentListDetail>> HandleAsync(GetPaymentList query, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.PayCashBenefits))
        {
            return Outcome<PaymentListDetail>.Forbidden(BuildPaymentListHandler.Refusal);
        }
        var list = await db.PaymentLists.AsNoTracking().FirstOrDefaultAsync(l => l.Id == query.Id, ct);
        if (list is null)
        {
            return Outcome<PaymentListDetail>.NotFound();
        }
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var pageCount = Math.Max(1, (list.LineCount + size - 1) / size);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var lines = await PaymentListViews.LinesAsync(db,
            db.PaymentLines.Where(l => l.PaymentListId == list.Id).OrderBy(l => l.Id).Skip((page - 1) * size).Take(size), ct);
        var service = await db.ServiceItems.AsNoTracking().Where(s => s.Id == list.ServiceItemId).Select(s => s.Name).FirstAsync(ct);
        var street = await db.TerritoryNodes.AsNoTracking().Where(n => n.Code == list.StreetCode).Select(n => n.Name).FirstOrDefaultAsync(ct);
        var actions = PaymentList.ActionsFrom(list.Status).Where(a => a != PaymentListAction.Export && db.Jurisdiction.Role.May(
            a == PaymentListAction.StreetApprove ? Permission.PayCashBenefits : Permission.ApproveCashBenefits)).ToList();
        return Outcome<PaymentListDetail>.Ok(new PaymentListDetail(
            await PaymentListViews.ViewAsync(db, list.Id, [], ct), service, street ?? list.StreetCode, lines, page, pageCount, actions,
            await StopsAsync(list, ct)));
    }

    /// <summary>
    /// Residents paid on last month's list of the street who are on none of this list's lines, with the reason read from
    /// their record: died or moved out, else no longer eligible (the build's own stops, told when it ran, say the same).
    /// </summary>
    private async Task<List<StopView>> StopsAsync(PaymentList list, CancellationToken ct)
    {
        var previous = await db.PaymentLists.AsNoTracking()
            .Where(l => l.ServiceItemId == list.ServiceItemId && l.StreetCode == list.StreetCode && l.Month == list.Month - 1)
            .Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
        if (previous is not { } previousId)
        {
            return [];
        }
        var month = list.ListMonth.FirstDay;
        var lines = db.PaymentLines;
        var gone = await (from l in lines.AsNoTracking()
                          where l.PaymentListId == previousId && l.Status != PaymentLineStatus.Failed
                              && !lines.Any(x => x.PaymentListId == list.Id && x.ResidentId == l.ResidentId)
                          join r in db.Residents on l.ResidentId equals r.Id
                          select new { r.Id, r.Name, r.Departure, r.DepartedOn })
                         .Distinct().OrderBy(g => g.Id).Take(200).ToListAsync(ct);
        return gone.Select(g =>
        {
            var reason = g.DepartedOn is { } on && on < month
                ? (g.Departure == Departure.Died ? StopReason.Death : StopReason.MovedOut)
                : StopReason.NoLongerEligible;
            return new StopView(g.Id, g.Name, reason, reason.ChineseName());
        }).ToList();
    }
}

/// <summary>Coverage of a cash service per street for one month (覆盖率): eligible now by the service's rule against those paid.</summary>
public sealed record GetCashCoverage(string? ServiceCode, string? Month);

public sealed record CoverageRow(string StreetCode, string StreetName, int Eligible, int OnList, int Paid, long PaidFen, string PaidAmount, double? Coverage);

public sealed record CashCoverage(int ServiceId, string ServiceCode, string ServiceName, string Month, IReadOnlyList<CoverageRow> Rows);

/// <summary>
/// The eligible are counted as the service's target list counts them (<see cref="GetServiceTargetsHandler"/>, today's
/// facts); the paid are the distinct people with a paid line on the month's lists.
/// </summary>
public sealed class GetCashCoverageHandler(CivicGridDbContext db, GetServiceTargetsHandler targets)
{
    public async Task<Outcome<CashCoverage>> HandleAsync(GetCashCoverage query, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.PayCashBenefits))
        {
            return Outcome<CashCoverage>.Forbidden(BuildPaymentListHandler.Refusal);
        }
        var service = await db.ServiceItems.AsNoTracking().FirstOrDefaultAsync(s => s.Code == query.ServiceCode, ct);
        if (service is null)
        {
            return Outcome<CashCoverage>.NotFound();
        }
        var month = BenefitMonth.TryParse(query.Month, out var m) ? m : BenefitMonth.Of(db.Clock.Today());
        var eligible = await EligibleByStreetAsync(service.Id, ct);
        var lists = await db.PaymentLists.AsNoTracking().Where(l => l.ServiceItemId == service.Id && l.Month == month.Index)
            .Select(l => new { l.Id, l.StreetCode }).ToListAsync(ct);
        var ids = lists.Select(l => l.Id).ToList();
        var sums = await db.PaymentLines.AsNoTracking().Where(l => ids.Contains(l.PaymentListId))
            .GroupBy(l => l.PaymentListId)
            .Select(g => new
            {
                g.Key,
                OnList = g.Select(l => l.ResidentId).Distinct().Count(),
                Paid = g.Where(l => l.Status == PaymentLineStatus.Paid).Select(l => l.ResidentId).Distinct().Count(),
                PaidFen = g.Where(l => l.Status == PaymentLineStatus.Paid).Sum(l => (long?)l.AmountFen) ?? 0,
            }).ToDictionaryAsync(x => x.Key, ct);
        var rows = eligible.Select(e =>
        {
            var listId = lists.FirstOrDefault(l => l.StreetCode == e.Code)?.Id;
            var s = listId is { } id ? sums.GetValueOrDefault(id) : null;
            var paid = s?.Paid ?? 0;
            return new CoverageRow(e.Code, e.Name, e.Eligible, s?.OnList ?? 0, paid, s?.PaidFen ?? 0, new Fen(s?.PaidFen ?? 0).ToString(),
                e.Eligible == 0 ? null : Math.Round(100.0 * paid / e.Eligible, 1));
        }).ToList();
        return Outcome<CashCoverage>.Ok(new CashCoverage(service.Id, service.Code, service.Name, month.ToString(), rows));
    }

    /// <summary>The target list of the caller's node: its rows when they are streets, else the node itself when it is one.</summary>
    private async Task<List<TargetCounts>> EligibleByStreetAsync(int serviceId, CancellationToken ct)
    {
        var node = db.Jurisdiction.ScopeCode.Length >= 9 ? db.Jurisdiction.ScopeCode[..9] : db.Jurisdiction.ScopeCode;
        var found = await targets.HandleAsync(new GetServiceTargets(serviceId, node), ct);
        if (found.Value is not { } list)
        {
            return [];
        }
        return list.NodeCode.Length == 9
            ? new List<TargetCounts> { list.Total with { Code = list.NodeCode, Name = list.NodeName } }
            : list.Rows.Where(r => r.Code.Length == 9).ToList();
    }
}

/// <summary>A service by its code, for the cash pages' headings: its name and published rule.</summary>
public sealed record FindCashService(string? Code);

public sealed record CashServiceRef(int Id, string Code, string Name, string? Rule);

public sealed class FindCashServiceHandler(CivicGridDbContext db)
{
    public async Task<CashServiceRef?> HandleAsync(FindCashService query, CancellationToken ct)
    {
        var service = await db.ServiceItems.AsNoTracking().Include(s => s.Rules).FirstOrDefaultAsync(s => s.Code == query.Code, ct);
        return service is null ? null : new CashServiceRef(service.Id, service.Code, service.Name, service.PublishedRule?.Text);
    }
}

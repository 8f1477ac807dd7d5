using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using CivicGrid.Core.CashBenefits;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.CashBenefits;

/// <summary>What a resident receives (我的待遇): each cash service, since when, and each payment with its status.</summary>
public sealed record GetResidentPayments(int ResidentId);

public sealed record ResidentBenefitView(string Service, string Since, string MonthlyAmount, IReadOnlyList<OwnPaymentView> Payments);

public sealed class GetResidentPaymentsHandler(CivicGridDbContext db)
{
    /// <summary>
    /// A resident, who has no territorial scope, reads their own lines through their household's scope (and only their
    /// own, whatever id is asked); staff read through the filters, which keep the lines of their grids.
    /// </summary>
    public async Task<IReadOnlyList<ResidentBenefitView>> HandleAsync(GetResidentPayments query, CancellationToken ct)
    {
        var own = db.Jurisdiction.Role == StaffRole.Resident ? await db.OwnHouseholdAsync(ct) : null;
        var lines = own?.PaymentLines ?? db.PaymentLines.Where(l => l.ResidentId == query.ResidentId);
        var lists = own?.PaymentLists ?? db.PaymentLists;
        var rows = await (from l in lines.AsNoTracking()
                          join list in lists on l.PaymentListId equals list.Id
                          join s in db.ServiceItems on l.ServiceItemId equals s.Id
                          orderby s.Code, l.Period, l.Id
                          select new { s.Name, l.Period, l.FromMonth, ListMonth = list.Month, l.AmountFen, l.Status, l.FailureReason })
                         .ToListAsync(ct);
        return rows.GroupBy(r => r.Name).Select(g => new ResidentBenefitView(
            g.Key, new BenefitMonth(g.Min(r => r.FromMonth)).ToString(), new Fen(g.Last().AmountFen).Plain(),
            g.Select(r => new OwnPaymentView(g.Key, new BenefitMonth(r.ListMonth).ToString(), new BenefitMonth(r.FromMonth).ToString(),
                new Fen(r.AmountFen).Plain(), r.Status, StatusText(r.Status), r.FailureReason)).ToList())).ToList();
    }

    public static string StatusText(PaymentLineStatus status) => status switch
    {
        PaymentLineStatus.Paid => "已发放",
        PaymentLineStatus.Failed => "发放失败",
        _ => "待发放",
    };
}

/// <summary>Totals per street and month (发放统计): lines, amount paid, people paid, failures.</summary>
public sealed record GetPaymentTotals(string? ServiceCode);

public sealed record PaymentTotalView(string StreetCode, string Month, string Status, int People, long TotalFen, string Total, long PaidFen, int Failed, int ListId);

public sealed class GetPaymentTotalsHandler(CivicGridDbContext db)
{
    public async Task<IReadOnlyList<PaymentTotalView>> HandleAsync(GetPaymentTotals query, CancellationToken ct)
    {
        var lists = await db.PaymentLists.AsNoTracking()
            .Where(l => db.ServiceItems.Any(s => s.Id == l.ServiceItemId && s.Code == query.ServiceCode))
            .OrderByDescending(l => l.Month).ThenBy(l => l.StreetCode).Take(240).ToListAsync(ct);
        var ids = lists.Select(l => l.Id).ToList();
        var sums = await db.PaymentLines.AsNoTracking().Where(l => ids.Contains(l.PaymentListId))
            .GroupBy(l => l.PaymentListId)
            .Select(g => new
            {
                g.Key,
                People = g.Select(l => l.ResidentId).Distinct().Count(),
                Paid = g.Where(l => l.Status == PaymentLineStatus.Paid).Sum(l => (long?)l.AmountFen) ?? 0,
                Failed = g.Count(l => l.Status == PaymentLineStatus.Failed),
            }).ToDictionaryAsync(x => x.Key, ct);
        return lists.Select(l =>
        {
            var s = sums.GetValueOrDefault(l.Id);
            return new PaymentTotalView(l.StreetCode, l.ListMonth.ToString(), l.Status.ChineseName(), s?.People ?? 0, l.TotalFen,
                new Fen(l.TotalFen).ToString(), s?.Paid ?? 0, s?.Failed ?? 0, l.Id);
        }).ToList();
    }
}

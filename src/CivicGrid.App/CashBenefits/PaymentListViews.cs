using CivicGrid.App.Data;
using CivicGrid.Core.CashBenefits;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.CashBenefits;

internal static class PaymentListViews
{
    public static async Task<PaymentListView> ViewAsync(CivicGridDbContext db, int id, IReadOnlyList<StopView> stops, CancellationToken ct)
    {
        var list = await db.PaymentLists.AsNoTracking().FirstAsync(l => l.Id == id, ct);
        var code = await db.ServiceItems.Where(s => s.Id == list.ServiceItemId).Select(s => s.Code).FirstAsync(ct);
        var counts = await db.PaymentLines.AsNoTracking().Where(l => l.PaymentListId == id)
            .GroupBy(l => new { l.Status, l.Arrears }).Select(g => new LineCount(g.Key.Status, g.Key.Arrears, g.Count())).ToListAsync(ct);
        return View(list, code, counts, stops);
    }

    /// <summary>The view of a list just built, from the lines written: every one is pending.</summary>
    public static PaymentListView Built(PaymentList list, string serviceCode, IReadOnlyList<PaymentLine> lines, IReadOnlyList<StopView> stops) =>
        View(list, serviceCode, [.. lines.CountBy(l => l.Arrears).Select(c => new LineCount(PaymentLineStatus.Pending, c.Key, c.Value))], stops);

    private sealed record LineCount(PaymentLineStatus Status, bool Arrears, int Count);

    private static PaymentListView View(PaymentList list, string code, List<LineCount> counts, IReadOnlyList<StopView> stops)
    {
        int Count(PaymentLineStatus s) => counts.Where(c => c.Status == s).Sum(c => c.Count);
        return new PaymentListView(
            list.Id, code, list.StreetCode, list.ListMonth.ToString(), list.Status, list.Status.ChineseName(), list.LineCount, list.TotalFen,
            new Fen(list.TotalFen).ToString(), counts.Where(c => c.Arrears).Sum(c => c.Count), Count(PaymentLineStatus.Paid),
            Count(PaymentLineStatus.Failed), Count(PaymentLineStatus.Pending), list.StreetApprovedBy, list.DistrictApprovedBy,
            list.ExportChecksum, list.SentBackReason, list.Version, stops);
    }

    /// <summary>The list's lines with names and masked accounts, in resident order.</summary>
    public static async Task<List<PaymentLineView>> LinesAsync(CivicGridDbContext db, IQueryable<PaymentLine> lines, CancellationToken ct)
    {
        var rows = await (from l in lines
                          join r in db.Residents on l.ResidentId equals r.Id
                          join a in db.PayeeAccounts on l.ResidentId equals a.ResidentId into accounts
                          from a in accounts.DefaultIfEmpty()
                          orderby l.Id
                          select new { Line = l, r.Name, Account = a == null ? null : a.AccountMasked }).AsNoTracking().ToListAsync(ct);
        return rows.Select(x => new PaymentLineView(
            x.Line.Id, x.Line.ResidentId, x.Name, BenefitNames.DescribePeriod(x.Line.Period, x.Line.FromMonth, x.Line.ToMonth), x.Line.AmountFen,
            x.Line.Amount.Plain(), x.Line.Arrears, x.Line.Status, x.Line.FailureReason, x.Line.Overpaid, x.Account, x.Line.FixedAt)).ToList();
    }
}

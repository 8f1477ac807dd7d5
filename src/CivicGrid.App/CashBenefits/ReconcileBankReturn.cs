using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.CashBenefits;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.CashBenefits;

/// <summary>One row of a bank return as read from the file, with its row number for the errors.</summary>
public sealed record BankReturnLine(int Row, BankReturnRow Value);

/// <summary>Applies a bank's return file (回盘) to an exported list: every row checked first, nothing written on any error.</summary>
public sealed record ReconcileBankReturn(int ListId, IReadOnlyList<BankReturnLine> Rows);

public sealed record ReconcileResult(int Paid, int Failed, int Overpaid, int StillPending);

/// <summary>A return row accepted, with what it does to its line.</summary>
public sealed record AcceptedReturn(PaymentLine Line, BankReturnOutcome Outcome, DateOnly On);

/// <summary>Every row of a return checked against the list's lines (tracked, so the caller may apply and save) before any is applied.</summary>
public static class BankReturnCheck
{
    public static async Task<(List<AcceptedReturn> Accepted, List<(int Row, string Reason)> Refused)> CheckAsync(
        CivicGridDbContext db, int listId, IReadOnlyList<BankReturnLine> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Value.LineId).Distinct().ToList();
        var lines = await db.PaymentLines.Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var residentIds = lines.Values.Select(l => l.ResidentId).Distinct().ToList();
        var deaths = await db.Residents.AsNoTracking().Where(r => residentIds.Contains(r.Id) && r.Departure == Departure.Died)
            .ToDictionaryAsync(r => r.Id, r => r.DepartedOn, ct);
        var seen = new HashSet<int>();
        var accepted = new List<AcceptedReturn>();
        var refused = new List<(int, string)>();
        foreach (var (row, value) in rows)
        {
            var line = lines.GetValueOrDefault(value.LineId);
            var died = line is null ? null : deaths.GetValueOrDefault(line.ResidentId);
            var (outcome, refusal) = BankReconciliation.Check(value, line, listId, died, !seen.Add(value.LineId));
            if (refusal is not null)
            {
                refused.Add((row, refusal));
                continue;
            }
            accepted.Add(new AcceptedReturn(line!, outcome!, value.PaidOn ?? db.Clock.Today()));
        }
        return (accepted, refused);
    }
}

public sealed class ReconcileBankReturnHandler(CivicGridDbContext db)
{
    public async Task<Outcome<ReconcileResult>> HandleAsync(ReconcileBankReturn command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.ApproveCashBenefits))
        {
            return Outcome<ReconcileResult>.Forbidden("只有区级民政审批人员可以导入银行回盘");
        }
        var list = await db.PaymentLists.AsNoTracking().FirstOrDefaultAsync(l => l.Id == command.ListId, ct);
        if (list is null)
        {
            return Outcome<ReconcileResult>.NotFound();
        }
        if (list.Status != PaymentListStatus.Exported)
        {
            return Outcome<ReconcileResult>.Invalid("", $"名单当前为“{list.Status.ChineseName()}”，只有已导出的名单可以导入回盘");
        }
        var (outcomes, refusals) = await BankReturnCheck.CheckAsync(db, list.Id, command.Rows, ct);
        if (refusals.Count > 0)
        {
            db.ChangeTracker.Clear();
            var errors = new FieldErrors();
            foreach (var (row, reason) in refusals)
            {
                errors.Add($"rows[{row}]", $"第 {row} 行：{reason}");
            }
            return Outcome<ReconcileResult>.Invalid(errors);
        }
        foreach (var (line, outcome, on) in outcomes)
        {
            BankReconciliation.Apply(line, outcome, on);
        }
        await db.SaveChangesAsync(ct);
        var pending = await db.PaymentLines.CountAsync(l => l.PaymentListId == list.Id && l.Status == PaymentLineStatus.Pending, ct);
        return Outcome<ReconcileResult>.Ok(new ReconcileResult(
            outcomes.Count(o => o.Outcome.Status == PaymentLineStatus.Paid), outcomes.Count(o => o.Outcome.Status == PaymentLineStatus.Failed),
            outcomes.Count(o => o.Outcome.Overpaid), pending));
    }
}

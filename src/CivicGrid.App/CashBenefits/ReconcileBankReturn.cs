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
        var ids = command.Rows.Select(r => r.Value.LineId).ToList();
        var lines = await db.PaymentLines.Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var residentIds = lines.Values.Select(l => l.ResidentId).ToList();
        var deaths = await db.Residents.AsNoTracking().Where(r => residentIds.Contains(r.Id) && r.Departure == Departure.Died)
            .ToDictionaryAsync(r => r.Id, r => r.DepartedOn, ct);
        var errors = new FieldErrors();
        var seen = new HashSet<int>();
        var outcomes = new List<(PaymentLine Line, BankReturnOutcome Outcome, DateOnly On)>();
        foreach (var (row, value) in command.Rows)
        {
            var line = lines.GetValueOrDefault(value.LineId);
            var (outcome, refusal) = BankReconciliation.Check(value, line, list.Id, line is null ? null : deaths.GetValueOrDefault(line.ResidentId), !seen.Add(value.LineId));
            if (refusal is not null)
            {
                errors.Add($"rows[{row}]", $"第 {row} 行：{refusal}");
                continue;
            }
            outcomes.Add((line!, outcome!, value.PaidOn ?? db.Clock.Today()));
        }
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
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

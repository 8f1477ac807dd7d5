using CivicGrid.App.CashBenefits;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.CashBenefits;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Imports;

/// <summary>
/// The bank's return file of a cash benefit list (银行回盘) through the import pipeline: each row names a line by its
/// serial number (流水号, as the bank file wrote it), the amount, 成功 or 失败 and the reason. The rows must all belong to
/// one exported list; a number not on it, a different amount, a repeated row or a failure without a reason is a row error
/// (<see cref="BankReconciliation"/>), and nothing is written while there is one. The bank file's own columns may come
/// back with it and are read past.
/// </summary>
public sealed class BankReturnImporter(CivicGridDbContext db) : Importer<BankReturnImporter.Row>
{
    public sealed record Row(int? LineId, Fen? Amount, bool? Paid, string? Reason, DateOnly? PaidOn);

    private static readonly ImportColumn LineColumn = new("lineId", "流水号", true, "序号", "Serial");
    private static readonly ImportColumn AmountColumn = new("amount", "金额（元）", true, "金额", "金额(元)", "Amount");
    private static readonly ImportColumn ResultColumn = new("result", "结果", true, "处理结果", "发放结果", "Result");
    private static readonly ImportColumn ReasonColumn = new("reason", "失败原因", false, "原因", "Reason");
    private static readonly ImportColumn DateColumn = new("paidOn", "入账日期", false, "日期", "Date");

    /// <summary>Columns of the bank file a return repeats; read past, never stored (the account is the bank's copy).</summary>
    private static readonly ImportColumn[] Repeated =
    [
        new("name", "姓名", false, "户名"), new("idNumber", "身份证号", false), new("bank", "开户银行", false),
        new("account", "银行账号", false, "账号"), new("period", "所属期", false),
    ];

    public override ImportKind Kind => ImportKind.BankReturns;

    public override IReadOnlyList<ImportColumn> Columns { get; } = [LineColumn, AmountColumn, ResultColumn, ReasonColumn, DateColumn, .. Repeated];

    public override bool MayImport(StaffRole role) => role.May(Permission.ApproveCashBenefits);

    protected override Row? Parse(ImportRow row)
    {
        var id = row.Integer(LineColumn, 1, int.MaxValue);
        Fen? amount = null;
        if (row.Text(AmountColumn, 20) is { } text)
        {
            if (Fen.TryParseYuan(text, out var fen, out var reason))
            {
                amount = fen;
            }
            else
            {
                row.Error(AmountColumn, reason);
            }
        }
        var result = row.Text(ResultColumn, 10);
        bool? paid = result switch { "成功" or "已发放" or "Paid" => true, "失败" or "Failed" => false, null => null, _ => null };
        if (result is not null && paid is null)
        {
            row.Error(ResultColumn, $"结果“{result}”无效，应为“成功”或“失败”");
        }
        return new Row(id, amount, paid, row.FreeText(ReasonColumn, 200), row.Date(DateColumn));
    }

    protected override async Task<ImportPlan> PlanAsync(IReadOnlyList<(int Row, Row Value)> rows, List<ImportError> errors, CancellationToken ct)
    {
        var complete = rows.Where(r => r.Value is { LineId: not null, Amount: not null, Paid: not null })
            .Select(r => new BankReturnLine(r.Row, new BankReturnRow(r.Value.LineId!.Value, r.Value.Amount!.Value, r.Value.Paid!.Value, r.Value.Reason, r.Value.PaidOn)))
            .ToList();
        if (complete.Count == 0)
        {
            return ImportPlan.Nothing with { Rows = rows.Count };
        }
        var ids = complete.Select(r => r.Value.LineId).Distinct().ToList();
        var lists = await db.PaymentLines.AsNoTracking().Where(l => ids.Contains(l.Id)).Select(l => l.PaymentListId).Distinct().ToListAsync(ct);
        var exported = await db.PaymentLists.AsNoTracking().Where(l => lists.Contains(l.Id) && l.Status == PaymentListStatus.Exported).Select(l => l.Id).ToListAsync(ct);
        if (exported.Count != 1 || lists.Count != 1)
        {
            errors.Add(new ImportError(complete[0].Row, LineColumn.Header, exported.Count == 0
                ? "回盘文件中的流水号不属于任何已导出待回盘的名单"
                : "回盘文件中的流水号属于多份名单，请按名单分别导入"));
            return ImportPlan.Nothing with { Rows = rows.Count };
        }
        var (accepted, refused) = await BankReturnCheck.CheckAsync(db, exported[0], complete, ct);
        errors.AddRange(refused.Select(r => new ImportError(r.Row, LineColumn.Header, r.Reason)));
        return new ImportPlan(rows.Count, 0, accepted.Count, 0, async (progress, token) =>
        {
            foreach (var (line, outcome, on) in accepted)
            {
                BankReconciliation.Apply(line, outcome, on);
            }
            await db.SaveChangesAsync(token);
            progress?.Report(accepted.Count);
        });
    }
}

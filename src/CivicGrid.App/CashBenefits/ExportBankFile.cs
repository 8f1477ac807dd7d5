using System.Security.Cryptography;
using CivicGrid.App.Data;
using CivicGrid.App.Exports;
using CivicGrid.App.Security;
using CivicGrid.Core.Access;
using CivicGrid.Core.CashBenefits;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.CashBenefits;

/// <summary>Exports a district-approved list as the bank's file (代发文件), .csv or .xlsx.</summary>
public sealed record ExportBankFile(int Id, ExportFormat Format);

/// <summary>The file, its name, the control total and its SHA-256 (hex), which is also kept on the list.</summary>
public sealed record BankFile(byte[] Content, string FileName, string ContentType, int Count, long TotalFen, string Checksum);

/// <summary>
/// The bank file holds one row per line (serial number = line id, name, masked ID number, bank, full account, amount in
/// yuan, period) and a last row with the count and the control total (合计); its checksum is recorded with the export.
/// Only those who may approve for the district export it, and only they see full accounts; every export is audited
/// through the list's row.
/// </summary>
public sealed class ExportBankFileHandler(CivicGridDbContext db, PersonalDataProtector protector)
{
    public static readonly string[] Headers = ["流水号", "姓名", "身份证号", "开户银行", "银行账号", "金额（元）", "所属期"];

    public async Task<Outcome<BankFile>> HandleAsync(ExportBankFile command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.ApproveCashBenefits))
        {
            return Outcome<BankFile>.Forbidden("只有区级民政审批人员可以导出银行代发文件");
        }
        var list = await db.PaymentLists.FirstOrDefaultAsync(l => l.Id == command.Id, ct);
        if (list is null)
        {
            return Outcome<BankFile>.NotFound();
        }
        if (list.Apply(PaymentListAction.Export, db.Jurisdiction.ActorName, db.Clock.GetUtcNow().UtcDateTime) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return Outcome<BankFile>.Invalid("", refusal);
        }
        var rows = await (from l in db.PaymentLines.AsNoTracking()
                          where l.PaymentListId == list.Id
                          join r in db.Residents on l.ResidentId equals r.Id
                          join a in db.PayeeAccounts on l.ResidentId equals a.ResidentId into accounts
                          from a in accounts.DefaultIfEmpty()
                          orderby l.Id
                          select new { l.Id, r.Name, r.IdNumberMasked, Bank = a == null ? "" : a.BankName, Cipher = a == null ? null : a.AccountCipher, l.AmountFen, l.Period, l.FromMonth, l.ToMonth })
                         .ToListAsync(ct);
        var cells = rows.Select(r => new object?[]
        {
            r.Id, r.Name, r.IdNumberMasked, r.Bank, r.Cipher is null ? "" : protector.Decrypt(r.Cipher), new Fen(r.AmountFen).Plain(),
            BenefitNames.DescribePeriod(r.Period, r.FromMonth, r.ToMonth),
        }).ToList();
        var total = rows.Sum(r => r.AmountFen);
        cells.Add(["合计", $"{rows.Count} 笔", "", "", "", new Fen(total).Plain(), ""]);
        using var buffer = new MemoryStream();
        await ExportWriter.WriteAsync(buffer, command.Format, Headers, Yield(cells), c => c, ct);
        var content = buffer.ToArray();
        list.ExportChecksum = Convert.ToHexStringLower(SHA256.HashData(content));
        await db.SaveChangesAsync(ct);
        var name = $"代发-{list.StreetCode}-{list.ListMonth}{ExportWriter.Extension(command.Format)}";
        return Outcome<BankFile>.Ok(new BankFile(content, name, ExportWriter.ContentType(command.Format), rows.Count, total, list.ExportChecksum));
    }

    private static async IAsyncEnumerable<object?[]> Yield(IEnumerable<object?[]> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }
        await Task.CompletedTask;
    }
}

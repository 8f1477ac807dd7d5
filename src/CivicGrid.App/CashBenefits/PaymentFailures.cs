using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.CashBenefits;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.CashBenefits;

/// <summary>Failed payments in the caller's grids not yet marked fixed (发放失败待处理), and overpayments to recover.</summary>
public sealed record ListPaymentFailures(bool Overpaid = false);

public sealed class ListPaymentFailuresHandler(CivicGridDbContext db)
{
    public async Task<IReadOnlyList<PaymentLineView>> HandleAsync(ListPaymentFailures query, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.ManagePeople))
        {
            return [];
        }
        var lines = query.Overpaid
            ? db.PaymentLines.Where(l => l.Overpaid)
            : db.PaymentLines.Where(l => l.Status == PaymentLineStatus.Failed && l.FixedAt == null);
        return await PaymentListViews.LinesAsync(db, lines.Take(500), ct);
    }
}

/// <summary>
/// The grid worker has fixed a failure's cause (a new account, the person found): the line is marked, and the period,
/// owed again since it failed, goes on the next list built.
/// </summary>
public sealed record FixPaymentFailure(int LineId, string? Note);

public sealed class FixPaymentFailureHandler(CivicGridDbContext db)
{
    public async Task<Outcome<PaymentLineView>> HandleAsync(FixPaymentFailure command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.ManagePeople))
        {
            return Outcome<PaymentLineView>.Forbidden("只有网格员和社区、街道工作人员可以处理发放失败");
        }
        var line = await db.PaymentLines.FirstOrDefaultAsync(l => l.Id == command.LineId, ct);
        if (line is null)
        {
            return Outcome<PaymentLineView>.NotFound();
        }
        if (line.Status != PaymentLineStatus.Failed || line.FixedAt is not null)
        {
            return Outcome<PaymentLineView>.Invalid("", line.FixedAt is null ? "这笔发放没有失败，无需处理" : "这笔失败已处理，将在下月名单中补发");
        }
        (line.FixedAt, line.FixedBy) = (db.Clock.GetUtcNow().UtcDateTime, db.Jurisdiction.ActorName);
        await db.SaveChangesAsync(ct);
        return Outcome<PaymentLineView>.Ok((await PaymentListViews.LinesAsync(db, db.PaymentLines.Where(l => l.Id == line.Id), ct))[0]);
    }
}

/// <summary>Records (or replaces) a resident's bank account for cash benefits; the number is stored encrypted and shown masked.</summary>
public sealed record SavePayeeAccount(int ResidentId, string? BankName, string? Account);

public sealed class SavePayeeAccountHandler(CivicGridDbContext db, Security.PersonalDataProtector protector)
{
    public async Task<Outcome<string>> HandleAsync(SavePayeeAccount command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.ManagePeople))
        {
            return Outcome<string>.Forbidden("只有网格员和社区、街道工作人员可以登记代发账户");
        }
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == command.ResidentId, ct);
        if (resident is null)
        {
            return Outcome<string>.NotFound();
        }
        var errors = new FieldErrors();
        var account = new string((command.Account ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (PayeeAccount.Refusal(account) is { } bad)
        {
            errors.Add("account", bad);
        }
        var bank = command.BankName?.Trim() ?? "";
        if (bank.Length is 0 or > PayeeAccount.MaxBankNameLength)
        {
            errors.Add("bankName", $"开户银行不能为空，最多 {PayeeAccount.MaxBankNameLength} 个字");
        }
        if (errors.Count > 0)
        {
            return Outcome<string>.Invalid(errors);
        }
        var row = await db.PayeeAccounts.FirstOrDefaultAsync(a => a.ResidentId == resident.Id, ct);
        if (row is null)
        {
            row = db.PayeeAccounts.Add(new PayeeAccount { ResidentId = resident.Id, GridCode = resident.GridCode, BankName = bank, AccountCipher = [], AccountMasked = "", UpdatedBy = "" }).Entity;
        }
        (row.GridCode, row.BankName, row.AccountCipher, row.AccountMasked) = (resident.GridCode, bank, protector.Encrypt(account), PayeeAccount.Mask(account));
        (row.UpdatedAt, row.UpdatedBy) = (db.Clock.GetUtcNow().UtcDateTime, db.Jurisdiction.ActorName);
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(row.AccountMasked);
    }
}

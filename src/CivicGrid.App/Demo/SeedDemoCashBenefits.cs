using CivicGrid.App.CashBenefits;
using CivicGrid.App.Data;
using CivicGrid.App.Security;
using CivicGrid.Core.CashBenefits;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Demo;

/// <summary>
/// The old-age allowance (高龄津贴) as a district would run it: the schedule (80–89: 100 元 a month, 90–99: 200, 100+: 500)
/// from two months ago, and each street's lists of the last three months in the states a new user meets: the oldest
/// reconciled and closed with one failure left for the grid to fix, last month's exported (first street) or approved by
/// the street, this month's drafts. Payee accounts for everyone on a list. Does nothing once a schedule is there.
/// </summary>
public sealed record SeedDemoCashBenefits(int MaxStreets);

public sealed class SeedDemoCashBenefitsHandler(
    CivicGridDbContext db, SaveBenefitScheduleHandler save, BuildPaymentListHandler build, ExportBankFileHandler export, PersonalDataProtector protector)
{
    public const string StreetApprover = "街道民政员（演示）";
    public const string DistrictApprover = "区民政科（演示）";

    /// <summary>Returns how many lists were built; run as the system.</summary>
    public async Task<int> HandleAsync(SeedDemoCashBenefits command, CancellationToken ct)
    {
        if (await db.BenefitSchedules.AnyAsync(ct))
        {
            return 0;
        }
        var month = BenefitMonth.Of(db.Clock.Today());
        var saved = await save.HandleAsync(new SaveBenefitSchedule("S01",
            [new("age >= 80 and age < 90", "100"), new("age >= 90 and age < 100", "200"), new("age >= 100", "500")],
            BenefitPeriod.Monthly, BenefitStart.MonthAfterQualifying, month.Plus(-2).ToString(), 0, true), ct);
        if (saved.Kind != OutcomeKind.Ok)
        {
            return 0;
        }
        var streets = await db.TerritoryNodes.AsNoTracking().Where(n => n.Level == TerritoryLevel.Street).OrderBy(n => n.Code)
            .Select(n => n.Code).Take(command.MaxStreets).ToListAsync(ct);
        var built = 0;
        for (var back = 2; back >= 0; back--)
        {
            for (var i = 0; i < streets.Count; i++)
            {
                var list = await build.HandleAsync(new BuildPaymentList("S01", streets[i], month.Plus(-back).ToString()), ct);
                if (list.Value is not { } view)
                {
                    continue;
                }
                built++;
                await AccountsAsync(view.Id, ct);
                await MoveAsync(view.Id, back, first: i == 0, ct);
            }
        }
        return built;
    }

    /// <summary>Two months back: paid and closed but for one failure; last month: exported on the first street, else approved by the street.</summary>
    private async Task MoveAsync(int listId, int back, bool first, CancellationToken ct)
    {
        if (back == 0)
        {
            return;
        }
        var list = await db.PaymentLists.FirstAsync(l => l.Id == listId, ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (list.Apply(PaymentListAction.StreetApprove, StreetApprover, now) is not null || (back == 1 && !first))
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return;
        }
        list.Apply(PaymentListAction.DistrictApprove, DistrictApprover, now);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await export.HandleAsync(new ExportBankFile(listId, Exports.ExportFormat.Csv), ct);
        if (back == 2)
        {
            await ReconcileAsync(listId, list.ListMonth, ct);
        }
    }

    private async Task ReconcileAsync(int listId, BenefitMonth month, CancellationToken ct)
    {
        var lines = await db.PaymentLines.Where(l => l.PaymentListId == listId).OrderBy(l => l.Id).ToListAsync(ct);
        var paidOn = month.FirstDay.AddDays(14);
        for (var i = 0; i < lines.Count; i++)
        {
            BankReconciliation.Apply(lines[i], i == lines.Count / 2
                ? new BankReturnOutcome(PaymentLineStatus.Failed, false, "账户已销户")
                : new BankReturnOutcome(PaymentLineStatus.Paid, false, null), paidOn);
        }
        var list = await db.PaymentLists.FirstAsync(l => l.Id == listId, ct);
        list.Apply(PaymentListAction.Close, DistrictApprover, db.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>A made-up but well-formed account for each person on the list who has none: 6222 0202 and the resident's id.</summary>
    private async Task AccountsAsync(int listId, CancellationToken ct)
    {
        var accounts = db.PayeeAccounts;
        var people = await db.PaymentLines.AsNoTracking().Where(l => l.PaymentListId == listId
                && !accounts.Any(a => a.ResidentId == l.ResidentId))
            .Select(l => new { l.ResidentId, l.GridCode }).Distinct().ToListAsync(ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var p in people)
        {
            var number = "62220202" + p.ResidentId.ToString("D11", System.Globalization.CultureInfo.InvariantCulture);
            db.PayeeAccounts.Add(new PayeeAccount
            {
                ResidentId = p.ResidentId, GridCode = p.GridCode, BankName = "中国工商银行杭州分行", AccountCipher = protector.Encrypt(number),
                AccountMasked = PayeeAccount.Mask(number), UpdatedAt = now, UpdatedBy = "演示数据",
            });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}

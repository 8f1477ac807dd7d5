using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.CashBenefits;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.CashBenefits;

/// <summary>Approve a list for the street or the district, send it back, or close it after reconciliation.</summary>
public sealed record ActOnPaymentList(int Id, PaymentListAction? Action, string? Reason = null, int? Version = null);

public sealed class ActOnPaymentListHandler(CivicGridDbContext db)
{
    public const string Conflict = "该名单刚被他人更新，本次操作未保存，请刷新后重试";

    public async Task<Outcome<PaymentListView>> HandleAsync(ActOnPaymentList command, CancellationToken ct)
    {
        if (command.Action is not { } action || !Enum.IsDefined(action) || action == PaymentListAction.Export)
        {
            return Outcome<PaymentListView>.Invalid("action", "请选择审核、审批、退回或关账");
        }
        var needed = action == PaymentListAction.StreetApprove ? Permission.PayCashBenefits : Permission.ApproveCashBenefits;
        if (!db.Jurisdiction.Role.May(needed))
        {
            return Outcome<PaymentListView>.Forbidden(action == PaymentListAction.StreetApprove ? BuildPaymentListHandler.Refusal : SaveBenefitScheduleHandler.Refusal);
        }
        var list = await db.PaymentLists.FirstOrDefaultAsync(l => l.Id == command.Id, ct);
        if (list is null)
        {
            return Outcome<PaymentListView>.NotFound();
        }
        if (command.Version is { } version && version != list.Version)
        {
            return Outcome<PaymentListView>.Invalid("", Conflict);
        }
        var pending = action == PaymentListAction.Close
            ? await db.PaymentLines.CountAsync(l => l.PaymentListId == list.Id && l.Status == PaymentLineStatus.Pending, ct) : 0;
        if (list.Apply(action, db.Jurisdiction.ActorName, db.Clock.GetUtcNow().UtcDateTime, command.Reason, pending) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return Outcome<PaymentListView>.Invalid("", refusal);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<PaymentListView>.Invalid("", Conflict);
        }
        return Outcome<PaymentListView>.Ok(await PaymentListViews.ViewAsync(db, list.Id, [], ct));
    }
}

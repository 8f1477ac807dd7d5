using CivicGrid.App.Data;
using CivicGrid.App.Enterprises;
using CivicGrid.App.Enterprises.Needs;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;

namespace CivicGrid.Web.Enterprises.Needs;

/// <summary>
/// One move of a need as a form or the API sends it: the action and what it needs (the offer and amount of a match,
/// the outcome and loan granted, the rating, a note). Amounts are in 万元, as staff and enterprises speak of them.
/// </summary>
public sealed record NeedMoveRequest(
    string? Action, int? OfferId = null, decimal? AmountWan = null, string? Outcome = null, decimal? GrantedWan = null, string? Rating = null, string? Note = null)
{
    public async Task<Outcome<NeedRow>> SendAsync(int needId, IServiceProvider services, CancellationToken ct)
    {
        if (EnumText.Parse<NeedAction>(Action) is not { } action || action == NeedAction.Raise)
        {
            return Outcome<NeedRow>.Invalid("action", "未知的操作");
        }
        if (!Money.TryFromTenThousandYuan(AmountWan, out var amount, out var reason))
        {
            return Outcome<NeedRow>.Invalid("amountWan", reason);
        }
        if (!Money.TryFromTenThousandYuan(GrantedWan, out var granted, out reason))
        {
            return Outcome<NeedRow>.Invalid("grantedWan", reason);
        }
        return action switch
        {
            NeedAction.Match when OfferId is not { } offer => Outcome<NeedRow>.Invalid("offerId", "请选择要对接的资源"),
            NeedAction.Match => await services.GetRequiredService<ConfirmMatchHandler>().HandleAsync(new ConfirmMatch(needId, OfferId.Value, amount, Note), ct),
            NeedAction.Release => await services.GetRequiredService<ReleaseMatchHandler>().HandleAsync(new ReleaseMatch(needId, Note), ct),
            NeedAction.Escalate => await services.GetRequiredService<EscalateNeedHandler>().HandleAsync(new EscalateNeed(needId, Note), ct),
            NeedAction.RecordOutcome => await services.GetRequiredService<RecordOutcomeHandler>().HandleAsync(
                new RecordOutcome(needId, EnumText.Parse<NeedOutcome>(Outcome), Note, granted), ct),
            NeedAction.Rate => await services.GetRequiredService<RateNeedHandler>().HandleAsync(new RateNeed(needId, EnumText.Parse<NeedRating>(Rating), Note), ct),
            _ => await services.GetRequiredService<WithdrawNeedHandler>().HandleAsync(new WithdrawNeed(needId, Note), ct),
        };
    }
}

/// <summary>A need as the form or API raises it: the enterprise by id or credit code, the amount in 万元.</summary>
public sealed record RaiseNeedRequest(
    int? EnterpriseId, string? CreditCode, string? CategoryCode, string? Description, decimal? AmountWan = null, int? Quantity = null, string? Source = null)
{
    public async Task<Outcome<NeedRow>> SendAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!Money.TryFromTenThousandYuan(AmountWan, out var amount, out var reason))
        {
            return Outcome<NeedRow>.Invalid("amountWan", reason);
        }
        var enterprise = EnterpriseId ?? await services.GetRequiredService<FindEnterpriseHandler>().HandleAsync(new FindEnterprise(CreditCode), ct);
        if (enterprise is null)
        {
            return Outcome<NeedRow>.Invalid("creditCode", CreditCodeProblem(CreditCode));
        }
        var source = EnumText.Parse<NeedSource>(Source) ?? NeedSource.Staff;
        return await services.GetRequiredService<RaiseNeedHandler>().HandleAsync(
            new RaiseNeed(enterprise.Value, CategoryCode ?? "", Description ?? "", source, amount, Quantity ?? 1), ct);
    }

    private static string CreditCodeProblem(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "请填写企业的统一社会信用代码"
        : Core.Enterprises.CreditCode.TryNormalise(text, out _, out var reason) ? "找不到该企业，或该企业不在您的管辖范围内" : reason;
}

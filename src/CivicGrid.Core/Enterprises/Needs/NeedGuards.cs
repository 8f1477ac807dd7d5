using CivicGrid.Core.Enterprises.Offers;

namespace CivicGrid.Core.Enterprises.Needs;

/// <summary>The checks a legal move must also pass, which depend on the need, the offer, the enterprise and the command.</summary>
internal static class NeedGuards
{
    public static FieldRefusal? Request(NeedRequest request, NeedCategory? category)
    {
        if (category is not { Active: true } || category.Code != request.CategoryCode)
        {
            return new("categoryCode", "请选择有效的需求类别");
        }
        if (string.IsNullOrWhiteSpace(request.Description))
        {
            return new("description", "请描述需求");
        }
        if (request.Description.Length > NeedRequest.MaxDescriptionLength)
        {
            return new("description", $"需求描述不超过 {NeedRequest.MaxDescriptionLength} 字");
        }
        if (request.Quantity is < 1 or > NeedRequest.MaxQuantity)
        {
            return new("quantity", $"所需数量应为 1 到 {NeedRequest.MaxQuantity}");
        }
        return category.TakesAmount switch
        {
            true when request.Amount is not { IsPositive: true } => new("amount", $"“{category.Name}”需求须填写大于零的申请金额"),
            false when request.Amount is not null => new("amount", $"“{category.Name}”需求不填写金额"),
            _ => null,
        };
    }

    public static string? Check(EnterpriseNeed need, NeedCommand command, NeedContext context) => command.Action switch
    {
        NeedAction.Match => Match(need, command, context),
        NeedAction.Release when string.IsNullOrWhiteSpace(command.Note) => "取消对接须说明原因",
        NeedAction.Release or NeedAction.Withdraw when need.OfferId is { } held && context.Offer?.Id != held => "请提供该需求已对接的资源",
        NeedAction.RecordOutcome => Outcome(need, command, context),
        NeedAction.Escalate when command.CaseId is null => "转办须关联生成的诉求件",
        NeedAction.Escalate when string.IsNullOrWhiteSpace(command.Note) => "转办须说明无法对接的原因",
        NeedAction.Rate when command.Rating is null => "请选择评价结果",
        _ => null,
    };

    private static string? Match(EnterpriseNeed need, NeedCommand command, NeedContext context)
    {
        if (context.Offer is not { } offer)
        {
            return "请选择要对接的资源";
        }
        if (!offer.Serves(need.CategoryCode))
        {
            return $"“{offer.Name}”不提供这一类别的服务";
        }
        if (context.Enterprise is not { } enterprise || enterprise.Id != need.EnterpriseId)
        {
            return "请提供提出需求的企业";
        }
        if (offer.Ineligible(enterprise.EmployeeCount, enterprise.Industry) is { } ineligible)
        {
            return ineligible;
        }
        if (offer.CreditLine is null)
        {
            return offer.CannotTake(need.Quantity, Money.Zero);
        }
        return need.AmountToHold(offer, command.Amount) switch
        {
            null => "信贷额度只能对接填写了申请金额的融资需求",
            { IsPositive: false } => "对接金额应大于零",
            _ when command.Amount > need.RequestedAmount => $"对接金额不能超过申请的 {need.RequestedAmount}",
            { } amount => offer.CannotTake(need.Quantity, amount),
        };
    }

    private static string? Outcome(EnterpriseNeed need, NeedCommand command, NeedContext context)
    {
        if (command.Outcome is not { } outcome)
        {
            return "请选择办理结果";
        }
        if (string.IsNullOrWhiteSpace(command.Note))
        {
            return "请填写办理结果说明";
        }
        if (need.OfferId is not { } held)
        {
            return command.Granted is { IsPositive: false } ? "放款金额应大于零" : null;
        }
        if (context.Offer is not { } offer || offer.Id != held)
        {
            return "请提供该需求已对接的资源";
        }
        return Granted(need, offer, outcome, command.Granted);
    }

    /// <summary>A loan is recorded on an outcome that met the need, and may use what the match held plus what the line has left.</summary>
    private static string? Granted(EnterpriseNeed need, CommunityOffer offer, NeedOutcome outcome, Money? granted)
    {
        if (offer.CreditLine is null)
        {
            return granted is null ? null : $"“{offer.Name}”不是信贷额度，不登记放款金额";
        }
        if (outcome == NeedOutcome.NotMet)
        {
            return granted is { IsPositive: true } ? "未能满足的需求不登记放款金额" : null;
        }
        if (granted is not { IsPositive: true } loan)
        {
            return "请填写大于零的放款金额";
        }
        var available = need.HeldAmount + (offer.CreditLeft ?? Money.Zero);
        return loan > available ? $"放款金额 {loan} 超过“{offer.Name}”可用的额度 {available}" : null;
    }
}

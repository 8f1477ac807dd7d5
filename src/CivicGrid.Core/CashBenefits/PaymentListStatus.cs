namespace CivicGrid.Core.CashBenefits;

/// <summary>Where a street's monthly payment list (发放名单) stands.</summary>
public enum PaymentListStatus
{
    /// <summary>草稿: built by the system, rebuilt until the street approves it.</summary>
    Draft,
    /// <summary>街道已审核.</summary>
    StreetApproved,
    /// <summary>区级已审批.</summary>
    DistrictApproved,
    /// <summary>已导出: the bank file is out; the lines wait for the bank's return.</summary>
    Exported,
    /// <summary>已对账（关账）: every line paid or failed; the month never changes again.</summary>
    Closed,
}

/// <summary>A move of a payment list.</summary>
public enum PaymentListAction
{
    StreetApprove,
    DistrictApprove,
    /// <summary>退回: the district sends an approved list back to draft, with a reason.</summary>
    SendBack,
    Export,
    Close,
}

public static class PaymentListNames
{
    public static string ChineseName(this PaymentListStatus status) => status switch
    {
        PaymentListStatus.Draft => "草稿",
        PaymentListStatus.StreetApproved => "街道已审核",
        PaymentListStatus.DistrictApproved => "区级已审批",
        PaymentListStatus.Exported => "已导出待回盘",
        _ => "已对账关账",
    };

    public static string ChineseName(this PaymentListAction action) => action switch
    {
        PaymentListAction.StreetApprove => "街道审核",
        PaymentListAction.DistrictApprove => "区级审批",
        PaymentListAction.SendBack => "退回",
        PaymentListAction.Export => "导出银行文件",
        _ => "对账关账",
    };
}

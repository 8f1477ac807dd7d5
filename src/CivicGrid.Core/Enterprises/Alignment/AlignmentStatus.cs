namespace CivicGrid.Core.Enterprises.Alignment;

/// <summary>Where the follow-up of a firm whose registered and office addresses differ stands.</summary>
public enum AlignmentStatus
{
    ToContact,
    Contacted,
    Aligning,
    Aligned,
    CannotAlign,
}

/// <summary>A step of the follow-up.</summary>
public enum AlignmentAction
{
    /// <summary>Staff reached the firm and explained the policy.</summary>
    Contact,
    /// <summary>The firm is moving its registration (or its office).</summary>
    StartAligning,
    /// <summary>Registered and office addresses now agree.</summary>
    ConfirmAligned,
    /// <summary>The firm cannot align; the reason is required.</summary>
    GiveUp,
    /// <summary>A firm given up on is taken up again.</summary>
    Reopen,
    /// <summary>A note without a change of state (another call, a visit).</summary>
    Note,
}

public static class AlignmentNames
{
    public static string ChineseName(this AlignmentStatus status) => status switch
    {
        AlignmentStatus.ToContact => "待联系",
        AlignmentStatus.Contacted => "已联系",
        AlignmentStatus.Aligning => "办理中",
        AlignmentStatus.Aligned => "已一致",
        _ => "无法一致",
    };

    public static string ChineseName(this AlignmentAction action) => action switch
    {
        AlignmentAction.Contact => "联系企业",
        AlignmentAction.StartAligning => "开始办理",
        AlignmentAction.ConfirmAligned => "确认一致",
        AlignmentAction.GiveUp => "无法一致",
        AlignmentAction.Reopen => "重新跟进",
        _ => "记录跟进",
    };
}

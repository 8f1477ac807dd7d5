namespace CivicGrid.Core.Cases;

/// <summary>Where a case stands in the closed loop (办理状态).</summary>
public enum CaseStatus
{
    Received,
    Accepted,
    Rejected,
    Handling,
    OnAgenda,
    Dispatched,
    Resolved,
    Verified,
    Closed,
    Evaluated,
    Merged,
}

/// <summary>What can be done to a case; each becomes one entry on its timeline.</summary>
public enum CaseAction
{
    Receive,
    Accept,
    Reject,
    Handle,
    PutOnAgenda,
    Dispatch,
    Return,
    Resolve,
    Verify,
    FailVerification,
    Close,
    Rate,
    Evaluate,
    Reopen,
    Escalate,
    Press,
    Remind,
    RequestExtension,
    ApproveExtension,
    DenyExtension,
    Merge,
    /// <summary>The grid's work passed from a leaving grid worker to a successor (移交); the case stays where it is.</summary>
    HandOver,
}

/// <summary>How the resident judged the result (满意度).</summary>
public enum CaseRating
{
    Satisfied,
    BasicallySatisfied,
    Unsatisfied,
}

/// <summary>Where a case came from (来源).</summary>
public enum CaseSource
{
    Resident,
    Visit,
    Open311,
}

public static class CaseNames
{
    public static string ChineseName(this CaseStatus status) => status switch
    {
        CaseStatus.Received => "待受理",
        CaseStatus.Accepted => "已立案",
        CaseStatus.Rejected => "不予立案",
        CaseStatus.Handling => "自行处置中",
        CaseStatus.OnAgenda => "议事协商中",
        CaseStatus.Dispatched => "已派单",
        CaseStatus.Resolved => "已办结待核查",
        CaseStatus.Verified => "已核查",
        CaseStatus.Closed => "已结案",
        CaseStatus.Evaluated => "已评价",
        _ => "已合并",
    };

    public static string ChineseName(this CaseAction action) => action switch
    {
        CaseAction.Receive => "提交诉求",
        CaseAction.Accept => "立案",
        CaseAction.Reject => "不予立案",
        CaseAction.Handle => "网格自办",
        CaseAction.PutOnAgenda => "提交议事",
        CaseAction.Dispatch => "派单",
        CaseAction.Return => "退单",
        CaseAction.Resolve => "办结反馈",
        CaseAction.Verify => "核查通过",
        CaseAction.FailVerification => "核查不通过（返工）",
        CaseAction.Close => "结案",
        CaseAction.Rate => "居民评价",
        CaseAction.Evaluate => "督导评价",
        CaseAction.Reopen => "重新办理",
        CaseAction.Escalate => "上报升级",
        CaseAction.Press => "督办",
        CaseAction.Remind => "临期提醒",
        CaseAction.RequestExtension => "申请延期",
        CaseAction.ApproveExtension => "批准延期",
        CaseAction.DenyExtension => "驳回延期",
        CaseAction.Merge => "合并为重复",
        _ => "移交",
    };

    public static string ChineseName(this CaseRating rating) => rating switch
    {
        CaseRating.Satisfied => "满意",
        CaseRating.BasicallySatisfied => "基本满意",
        _ => "不满意",
    };

    public static string ChineseName(this CaseSource source) => source switch
    {
        CaseSource.Resident => "居民上报",
        CaseSource.Visit => "入户走访",
        _ => "Open311 接口",
    };

    /// <summary>Open311's two states: a case is open until it is closed, rejected or merged.</summary>
    public static bool IsOpen(this CaseStatus status) =>
        status is not (CaseStatus.Closed or CaseStatus.Evaluated or CaseStatus.Rejected or CaseStatus.Merged);

    /// <summary>The states in which someone is working on the case and its resolution deadline runs.</summary>
    public static bool IsInHand(this CaseStatus status) =>
        status is CaseStatus.Accepted or CaseStatus.Handling or CaseStatus.OnAgenda or CaseStatus.Dispatched;

    /// <summary>The open states as a list, for queries (a database translates <c>Contains</c> into IN).</summary>
    public static readonly CaseStatus[] Open = Enum.GetValues<CaseStatus>().Where(s => s.IsOpen()).ToArray();

    /// <summary>The in-hand states as a list, for queries.</summary>
    public static readonly CaseStatus[] InHand = Enum.GetValues<CaseStatus>().Where(s => s.IsInHand()).ToArray();
}

namespace CivicGrid.Core.Enterprises.Needs;

/// <summary>Where an enterprise's need stands (需求状态).</summary>
public enum NeedStatus
{
    /// <summary>Raised and waiting for a match.</summary>
    Raised,
    /// <summary>Staff confirmed a match with an offer, which holds the places or amount the need asked for.</summary>
    Matched,
    /// <summary>No offer could meet it: handed to the case loop, which dispatches it to a department.</summary>
    Escalated,
    /// <summary>The outcome is recorded (loan granted, place taken, training attended, or the case loop's result).</summary>
    Resolved,
    /// <summary>The enterprise rated the result.</summary>
    Rated,
    Withdrawn,
}

/// <summary>What can be done to a need; each becomes one entry on its timeline.</summary>
public enum NeedAction
{
    Raise,
    Match,
    /// <summary>The match fell through before an outcome (the bank declined, the space went elsewhere); the hold is given back.</summary>
    Release,
    Escalate,
    RecordOutcome,
    Rate,
    Withdraw,
}

/// <summary>How far the need was met (办理结果).</summary>
public enum NeedOutcome
{
    Met,
    PartlyMet,
    NotMet,
}

/// <summary>How the enterprise judged the result (满意度).</summary>
public enum NeedRating
{
    Satisfied,
    BasicallySatisfied,
    Unsatisfied,
}

/// <summary>Who put the need on the list.</summary>
public enum NeedSource
{
    Enterprise,
    /// <summary>Found by a runner on a building sweep (扫楼跑企).</summary>
    Visit,
    Staff,
}

public static class NeedNames
{
    public static string ChineseName(this NeedStatus status) => status switch
    {
        NeedStatus.Raised => "待对接",
        NeedStatus.Matched => "已对接",
        NeedStatus.Escalated => "已转办",
        NeedStatus.Resolved => "已办结",
        NeedStatus.Rated => "已评价",
        _ => "已撤回",
    };

    public static string ChineseName(this NeedAction action) => action switch
    {
        NeedAction.Raise => "提出需求",
        NeedAction.Match => "确认对接",
        NeedAction.Release => "取消对接",
        NeedAction.Escalate => "转入诉求办理",
        NeedAction.RecordOutcome => "登记办理结果",
        NeedAction.Rate => "企业评价",
        _ => "撤回需求",
    };

    public static string ChineseName(this NeedOutcome outcome) => outcome switch
    {
        NeedOutcome.Met => "已满足",
        NeedOutcome.PartlyMet => "部分满足",
        _ => "未能满足",
    };

    public static string ChineseName(this NeedRating rating) => rating switch
    {
        NeedRating.Satisfied => "满意",
        NeedRating.BasicallySatisfied => "基本满意",
        _ => "不满意",
    };

    public static string ChineseName(this NeedSource source) => source switch
    {
        NeedSource.Enterprise => "企业提出",
        NeedSource.Visit => "扫楼走访发现",
        _ => "工作人员登记",
    };

    /// <summary>The states in which the need is still being worked on: the open list and its figures.</summary>
    public static readonly NeedStatus[] Open = [NeedStatus.Raised, NeedStatus.Matched, NeedStatus.Escalated];
}

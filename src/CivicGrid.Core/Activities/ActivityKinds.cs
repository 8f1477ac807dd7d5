namespace CivicGrid.Core.Activities;

/// <summary>What a community puts on: an activity, or a class of one of the trainings the reports count.</summary>
public enum ActivityKind
{
    /// <summary>活动.</summary>
    Activity,
    /// <summary>培训/课堂, e.g. 数字素养课.</summary>
    Training,
    /// <summary>招聘会.</summary>
    JobFair,
    /// <summary>夜校.</summary>
    NightSchool,
    /// <summary>体育活动.</summary>
    Sports,
}

/// <summary>Where one session stands: planned (draft), open for sign-up (published), held or cancelled.</summary>
public enum SessionStatus
{
    Draft,
    Published,
    Held,
    Cancelled,
}

/// <summary>A move of a session.</summary>
public enum SessionAction
{
    Publish,
    Cancel,
    ConfirmAttendance,
}

/// <summary>What a volunteer does at a session.</summary>
public enum ServingRole
{
    /// <summary>授课.</summary>
    Teacher,
    /// <summary>协助.</summary>
    Helper,
}

/// <summary>Where a resident's sign-up stands.</summary>
public enum RosterStatus
{
    /// <summary>已报名: holds a place.</summary>
    Confirmed,
    /// <summary>候补: waits for a place.</summary>
    Waiting,
    /// <summary>已取消.</summary>
    Cancelled,
}

/// <summary>What an hours entry was credited for; deliberation attendance will credit with its own kind.</summary>
public enum HoursSource
{
    Activity,
    Deliberation,
}

public static class ActivityNames
{
    public static string ChineseName(this ActivityKind kind) => kind switch
    {
        ActivityKind.Training => "培训课堂",
        ActivityKind.JobFair => "招聘会",
        ActivityKind.NightSchool => "夜校",
        ActivityKind.Sports => "体育活动",
        _ => "社区活动",
    };

    public static string ChineseName(this SessionStatus status) => status switch
    {
        SessionStatus.Draft => "草稿",
        SessionStatus.Published => "已发布",
        SessionStatus.Held => "已举办",
        _ => "已取消",
    };

    public static string ChineseName(this SessionAction action) => action switch
    {
        SessionAction.Publish => "发布",
        SessionAction.Cancel => "取消",
        _ => "确认出席",
    };

    public static string ChineseName(this ServingRole role) => role == ServingRole.Teacher ? "授课" : "协助";

    public static string ChineseName(this RosterStatus status) => status switch
    {
        RosterStatus.Confirmed => "已报名",
        RosterStatus.Waiting => "候补中",
        _ => "已取消",
    };
}

namespace CivicGrid.Core.PublicServices.Enrolment;

/// <summary>Where a resident stands with one service (服务对象状态).</summary>
public enum EnrolmentStatus
{
    /// <summary>已推送: offered, no answer yet.</summary>
    Offered,
    /// <summary>候补: accepted a limited service, waiting for a place.</summary>
    Waiting,
    /// <summary>已享受: receiving the service (with a place where places are limited).</summary>
    Enrolled,
    /// <summary>已拒绝: refused the offer or withdrew from the waiting list.</summary>
    Declined,
    /// <summary>已结束: stopped receiving it; a place, if any, was released.</summary>
    Ended,
}

/// <summary>How the resident came to the service.</summary>
public enum EnrolmentSource
{
    Proactive,
    LifeEvent,
    Visit,
    Application,
}

public static class EnrolmentNames
{
    public static string ChineseName(this EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Offered => "已推送",
        EnrolmentStatus.Waiting => "候补中",
        EnrolmentStatus.Enrolled => "已享受",
        EnrolmentStatus.Declined => "已拒绝",
        _ => "已结束",
    };

    public static string ChineseName(this EnrolmentSource source) => source switch
    {
        EnrolmentSource.Proactive => "免申即享推送",
        EnrolmentSource.LifeEvent => "一件事联办",
        EnrolmentSource.Visit => "网格员走访",
        _ => "居民申请",
    };

    /// <summary>The states in which the resident has been reached by the service.</summary>
    public static readonly EnrolmentStatus[] Reached =
        [EnrolmentStatus.Offered, EnrolmentStatus.Waiting, EnrolmentStatus.Enrolled, EnrolmentStatus.Declined, EnrolmentStatus.Ended];
}

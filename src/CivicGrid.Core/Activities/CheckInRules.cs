namespace CivicGrid.Core.Activities;

/// <summary>
/// Whether a resident may be checked in at the door of a session. Walk-ins are not checked in: a resident without a
/// place signs up first (on their phone or with staff) while places remain, so the head-count never passes capacity
/// and the waiting list keeps its order.
/// </summary>
public static class CheckInRules
{
    public const string NotSignedUp = "该居民未报名本场活动，请先报名（有空余名额时）再签到";
    public const string Waiting = "该居民在候补名单中，尚未获得名额，不能签到";
    public const string AlreadyIn = "该居民已签到，无需重复签到";
    public const string Full = "本场签到人数已满";
    public const string OtherSession = "该签到码属于另一场活动，不能用于本场";

    /// <param name="signUp">The resident's sign-up for this session, if any (cancelled ones included).</param>
    public static string? Refusal(SessionStatus status, DateOnly sessionDay, DateOnly today, int capacity, int checkedIn, ActivitySignUp? signUp)
    {
        if (status != SessionStatus.Published)
        {
            return status == SessionStatus.Cancelled ? "本场活动已取消" : $"本场活动{status.ChineseName()}，不能签到";
        }
        if (sessionDay != today)
        {
            return $"本场活动在{sessionDay:yyyy-MM-dd}举行，不是今天，不能签到";
        }
        return signUp switch
        {
            null or { Status: RosterStatus.Cancelled } => NotSignedUp,
            { Status: RosterStatus.Waiting } => Waiting,
            { CheckedInAt: not null } => AlreadyIn,
            _ when checkedIn >= capacity => Full,
            _ => null,
        };
    }
}

namespace CivicGrid.Core.Activities.Teams;

/// <summary>
/// Who may be invited to a deliberation day, who may answer, and whose attendance may be marked — each refusal a Chinese
/// reason, and a refusal changes nothing.
/// </summary>
public static class InvitationRules
{
    public const string NotMember = "只能邀请所选团队的成员";
    public const string DayPassed = "议事日已过，不能再邀请或答复";
    public const string NotYours = "这不是您的议事邀请";
    public const string NotInvited = "只能为受邀成员登记出席";
    public const string DayNotYet = "议事日尚未召开，当天或之后才能登记出席";
    public const string AlreadyMarked = "本议事日的出席已登记，志愿时长已计入，不能再登记";
    public const string TeamOutsideDay = "该团队不在本议事日的举办范围内";
    public const string NoneChosen = "请至少选择一名成员";
    /// <summary>The capacity recorded on the hours ledger.</summary>
    public const string Capacity = "参加议事";

    /// <summary>Invitations are sent before the day, or on it.</summary>
    public static string? MayInvite(DateOnly day, DateOnly today) => today > day ? DayPassed : null;

    public static string? MayAnswer(DeliberationInvitation invitation, int? myVolunteerId, DateOnly day, DateOnly today) =>
        invitation.VolunteerId != myVolunteerId ? NotYours : today > day ? DayPassed : null;

    /// <summary>Attendance is marked once, on or after the day, and names only invited members.</summary>
    public static string? MayMarkAttendance(IReadOnlyCollection<DeliberationInvitation> invitations, IReadOnlyCollection<int> attended, DateOnly day, DateOnly today)
    {
        if (today < day)
        {
            return DayNotYet;
        }
        if (invitations.Any(i => i.AttendanceMarkedAt is not null))
        {
            return AlreadyMarked;
        }
        var invited = invitations.Select(i => i.VolunteerId).ToHashSet();
        return attended.All(invited.Contains) ? null : NotInvited;
    }

    /// <summary>The answers counted: confirmed, declined, no answer yet.</summary>
    public static (int Confirmed, int Declined, int NoAnswer) Counts(IEnumerable<DeliberationInvitation> invitations)
    {
        var list = invitations.ToList();
        return (list.Count(i => i.Answer == InvitationAnswer.Confirmed), list.Count(i => i.Answer == InvitationAnswer.Declined),
            list.Count(i => i.Answer == InvitationAnswer.NoAnswer));
    }

    public static string ChineseName(this InvitationAnswer answer) => answer switch
    {
        InvitationAnswer.Confirmed => "已确认参加",
        InvitationAnswer.Declined => "已婉拒",
        _ => "未答复",
    };
}

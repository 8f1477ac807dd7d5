namespace CivicGrid.Core.Activities.Teams;

/// <summary>
/// A community's volunteer team (志愿团队): its members are volunteers, each with skills from the team's list. The five
/// think-tank groups (议事智囊团: 邻里帮帮团, 质量监督团, 应急突击队, 职能联动团, 专家咨询团) are teams of every community;
/// staff may add others.
/// </summary>
public sealed class VolunteerTeam
{
    public const int MaxNameLength = 30;
    public const int MaxSkillListLength = 200;

    public int Id { get; set; }
    /// <summary>The community (12 digits) whose team it is.</summary>
    public required string CommunityCode { get; set; }
    public required string Name { get; set; }
    /// <summary>The think-tank group it stands for in this community, when it is one of them.</summary>
    public int? ThinkTankGroupId { get; set; }
    /// <summary>The skills a member may be given, separated by "、".</summary>
    public string SkillList { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>A volunteer in a team, with the skills they bring to it (a subset of the team's list).</summary>
public sealed class TeamMember
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public int VolunteerId { get; set; }
    /// <summary>The team's community, kept on the row so the scope filter reads one table.</summary>
    public required string CommunityCode { get; set; }
    /// <summary>Separated by "、".</summary>
    public string Skills { get; set; } = "";
    public DateTime JoinedAt { get; set; }
    public required string AddedBy { get; set; }
}

public enum InvitationAnswer
{
    NoAnswer,
    Confirmed,
    Declined,
}

/// <summary>
/// A team member invited to a deliberation day (议事邀请): they confirm or decline; on or after the day staff mark
/// whether they attended, and attending credits the day's length as hours.
/// </summary>
public sealed class DeliberationInvitation
{
    public int Id { get; set; }
    public int DeliberationDayId { get; set; }
    public int VolunteerId { get; set; }
    public int TeamId { get; set; }
    /// <summary>The day's host (community or street), for the scope filter.</summary>
    public required string HostCode { get; set; }
    public InvitationAnswer Answer { get; set; }
    public DateTime InvitedAt { get; set; }
    public required string InvitedBy { get; set; }
    public DateTime? AnsweredAt { get; set; }
    /// <summary>Null until staff mark the day's attendance.</summary>
    public bool? Attended { get; set; }
    public DateTime? AttendanceMarkedAt { get; set; }
}

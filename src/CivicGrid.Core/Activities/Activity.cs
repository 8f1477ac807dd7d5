namespace CivicGrid.Core.Activities;

/// <summary>
/// An activity or training (社区活动/培训) a community puts on at one of its facilities (阵地): one session, or a
/// series of sessions (every Tuesday for ten weeks), each with its own status, sign-ups and attendance.
/// </summary>
public sealed class Activity
{
    public const int MaxTitleLength = 100;
    public const int MaxDescriptionLength = 2000;
    public const int MaxRuleLength = 1000;
    public const int MaxCapacity = 5000;

    public int Id { get; set; }
    public required string CommunityCode { get; set; }
    public int FacilityId { get; set; }
    public ActivityKind Kind { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Who may sign up, in the rule language (e.g. <c>age &gt;= 60</c>); empty for everyone.</summary>
    public string AudienceRule { get; set; } = "";
    public int Capacity { get; set; }
    /// <summary>A volunteer task: volunteers who attend are credited hours as those who serve are.</summary>
    public bool VolunteerTask { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ActivitySession> Sessions { get; set; } = [];
}

/// <summary>One session (场次) of an activity: a start, a length, a status and the places taken.</summary>
public sealed class ActivitySession
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    public Activity? Activity { get; set; }
    /// <summary>The activity's community, kept on the session so the scope filter and the calendar read one table.</summary>
    public required string CommunityCode { get; set; }
    /// <summary>UTC.</summary>
    public DateTime StartsAt { get; set; }
    public int Minutes { get; set; }
    public SessionStatus Status { get; set; }
    /// <summary>Confirmed sign-ups, kept with the row so a full session is known without counting.</summary>
    public int Taken { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }
    /// <summary>Concurrency token: sign-ups and check-ins of one session never overtake each other.</summary>
    public int Version { get; set; }
    public List<SessionServer> Servers { get; set; } = [];
}

/// <summary>A volunteer serving one session as teacher or helper.</summary>
public sealed class SessionServer
{
    public int SessionId { get; set; }
    public int VolunteerId { get; set; }
    public ServingRole Role { get; set; }
}

/// <summary>A resident's sign-up (报名) for one session, its place in the waiting list, check-in and feedback.</summary>
public sealed class ActivitySignUp
{
    public const int MaxCommentLength = 500;

    public int Id { get; set; }
    public int SessionId { get; set; }
    public int ResidentId { get; set; }
    public required string CommunityCode { get; set; }
    public RosterStatus Status { get; set; }
    /// <summary>Order in the waiting list: first come, first promoted.</summary>
    public DateTime SignedUpAt { get; set; }
    public DateTime? CheckedInAt { get; set; }
    public string? CheckedInBy { get; set; }
    /// <summary>Set when the organiser confirms attendance: checked in, or not.</summary>
    public bool? Attended { get; set; }
    public int? Rating { get; set; }
    /// <summary>The attendee's feedback text.</summary>
    public string? Comment { get; set; }
}

/// <summary>
/// A volunteer (志愿者): a resident registered with skills, or an employee of an enterprise in the district registered by
/// the enterprise's contact; hours are credited to them from attendance. Exactly one of <see cref="ResidentId"/> and
/// <see cref="EnterpriseId"/> is set.
/// </summary>
public sealed class Volunteer
{
    public const int MaxSkillsLength = 200;
    public const int MaxNameLength = 50;

    public int Id { get; set; }
    public int? ResidentId { get; set; }
    /// <summary>The enterprise an employee volunteer works for; such a volunteer has no resident record here.</summary>
    public int? EnterpriseId { get; set; }
    /// <summary>The resident's grid, or the enterprise's, kept so staff see the volunteers of their jurisdiction.</summary>
    public required string GridCode { get; set; }
    public required string Name { get; set; }
    public string Skills { get; set; } = "";
    public DateTime RegisteredAt { get; set; }
    /// <summary>An employee volunteer's phone, encrypted; a resident's is on their resident record.</summary>
    public byte[]? PhoneCipher { get; set; }
    public string? PhoneMasked { get; set; }
    /// <summary>The keyed hash of the phone, so an enterprise does not register one person twice.</summary>
    public string? PhoneHash { get; set; }
}

/// <summary>
/// One credit of hours (志愿时长) for one source: a confirmed activity session, later a deliberation day. Written only
/// by a confirmation of attendance, never typed; at most one per volunteer and source.
/// </summary>
public sealed class HoursEntry
{
    public int Id { get; set; }
    public int VolunteerId { get; set; }
    public required string GridCode { get; set; }
    public HoursSource Source { get; set; }
    public int SourceId { get; set; }
    public int Minutes { get; set; }
    /// <summary>Served (teacher, helper) or attended a volunteer task.</summary>
    public string Capacity { get; set; } = "";
    public DateTime CreditedAt { get; set; }
    public required string CreditedBy { get; set; }
}

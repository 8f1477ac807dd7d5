namespace CivicGrid.Core.Cases;

/// <summary>
/// A deliberation day (议事日) held by a community or street: an agenda of cases, participants from the think-tank
/// groups, options put to a vote or a recorded consensus per case, minutes, and the plan of tasks that follows.
/// </summary>
public sealed class DeliberationDay
{
    public int Id { get; set; }
    /// <summary>The community or street that holds it; its cases come from that subtree.</summary>
    public required string HostCode { get; set; }
    public required string Title { get; set; }
    public DateOnly Date { get; set; }
    public string Place { get; set; } = "";
    public string? Minutes { get; set; }
    public DateTime? HeldAt { get; set; }
    /// <summary>How long the meeting lasts: what attending it credits as volunteer hours.</summary>
    public int DurationMinutes { get; set; } = DefaultDurationMinutes;
    public const int DefaultDurationMinutes = 120;
    public const int MinDurationMinutes = 30;
    public const int MaxDurationMinutes = 480;
    public List<DeliberationParticipant> Participants { get; set; } = [];
    public List<DeliberationOption> Options { get; set; } = [];
    public List<PlanTask> Tasks { get; set; } = [];
    /// <summary>
    /// The business community hosting a red-tea deliberation meeting (红茶议事会): a day on a topic of its enterprises
    /// rather than on residents' complaints; null for a community's or street's own day.
    /// </summary>
    public int? BusinessCommunityId { get; set; }
    /// <summary>The industry group (产业组团) whose enterprises a red-tea meeting brings together.</summary>
    public string? IndustryGroup { get; set; }

    public bool IsHeld => HeldAt is not null;

    public bool IsRedTea => BusinessCommunityId is not null;

    /// <summary>Records the day as held now (it stays held at its first time), or says why it cannot have been held yet.</summary>
    public string? MarkHeld(DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(nowUtc + WorkingCalendar.ChinaOffset);
        if (today < Date)
        {
            return $"议事日定于 {Date:yyyy-MM-dd}，当天或之后才能标记为已召开";
        }
        HeldAt ??= nowUtc;
        return null;
    }
}

/// <summary>
/// Someone taking part, from one of the think-tank groups, for an enterprise, or, with neither, as a residents'
/// representative.
/// </summary>
public sealed class DeliberationParticipant
{
    /// <summary>What a participant without a think-tank group takes part as.</summary>
    public const string ResidentRepresentative = "居民代表";
    /// <summary>What a participant speaking for an enterprise takes part as.</summary>
    public const string EnterpriseRepresentative = "企业代表";

    public int Id { get; set; }
    public int DeliberationDayId { get; set; }
    public required string Name { get; set; }
    public int? GroupId { get; set; }
    public int? EnterpriseId { get; set; }
}

/// <summary>An option for settling one agenda case, with its votes; the chosen one, or a consensus, becomes the plan.</summary>
public sealed class DeliberationOption
{
    public int Id { get; set; }
    public int DeliberationDayId { get; set; }
    public int CaseId { get; set; }
    public required string Text { get; set; }
    public int Votes { get; set; }
    public bool Chosen { get; set; }
    /// <summary>A decision reached without a vote (协商一致).</summary>
    public bool IsConsensus { get; set; }
}

/// <summary>One task of the plan (方案) for a case: who does what by when.</summary>
public sealed class PlanTask
{
    public int Id { get; set; }
    public int DeliberationDayId { get; set; }
    public int CaseId { get; set; }
    public required string Title { get; set; }
    public required string Owner { get; set; }
    public DateOnly DueDate { get; set; }
    public DateTime? DoneAt { get; set; }
}

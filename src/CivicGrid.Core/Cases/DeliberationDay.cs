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
    public List<DeliberationParticipant> Participants { get; set; } = [];
    public List<DeliberationOption> Options { get; set; } = [];
    public List<PlanTask> Tasks { get; set; } = [];

    public bool IsHeld => HeldAt is not null;

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

/// <summary>Someone taking part, from one of the think-tank groups or, without a group, as a residents' representative.</summary>
public sealed class DeliberationParticipant
{
    /// <summary>What a participant without a think-tank group takes part as.</summary>
    public const string ResidentRepresentative = "居民代表";

    public int Id { get; set; }
    public int DeliberationDayId { get; set; }
    public required string Name { get; set; }
    public int? GroupId { get; set; }
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

using CivicGrid.Core.Enterprises;

namespace CivicGrid.Core.Projects;

/// <summary>What the project office fills in for a project: its facts, and on registration its gates.</summary>
public sealed record ProjectRequest(string Code, string Name, string Investor, string Sector, string CommunityCode, double Latitude, double Longitude)
{
    /// <summary>The site's outline as a GeoJSON Polygon, when it is drawn.</summary>
    public string? Boundary { get; init; }
    public Money? PlannedInvestment { get; init; }
    public IReadOnlyList<YearPlan> YearPlans { get; init; } = [];
    public int? ServiceGroupId { get; init; }
    /// <summary>The account of the cadre who leads the service on this project (牵头专员).</summary>
    public string? LeadCadreId { get; init; }
    public string? ContactName { get; init; }
    /// <summary>The investor contact's phone in clear; the application stores it encrypted and masked.</summary>
    public string? ContactPhone { get; init; }
    /// <summary>On registration: each gate's planned and actual dates; the signing gate's actual date is the signing date.</summary>
    public IReadOnlyList<GateDates> Gates { get; init; } = [];

    public const int MaxCodeLength = 30;
    public const int MaxNameLength = 100;
    public const int MaxInvestorLength = 100;
    public const int MaxSectorLength = 20;
    public const int MaxContactNameLength = 50;
    public const int MaxBoundaryLength = 200_000;
    /// <summary>One project's planned investment stays under 10 million 万元 (100 billion yuan): above it a typo is likelier than a project.</summary>
    public static readonly Money MaxInvestment = Money.TenThousandYuan(10_000_000);
}

/// <summary>A request to move a project; unused fields stay empty.</summary>
public sealed record ProjectCommand(ProjectAction Action, string Actor, string? Note = null)
{
    /// <summary>For <see cref="ProjectAction.ReachStage"/>: the stage reached (the next one; null means the next).</summary>
    public ProjectStage? Stage { get; init; }
    /// <summary>For <see cref="ProjectAction.ReachStage"/>: the actual date.</summary>
    public DateOnly? On { get; init; }
    /// <summary>For <see cref="ProjectAction.PlanGates"/>: the gates to plan or replan; a null date clears the plan.</summary>
    public IReadOnlyList<GateDates> Plans { get; init; } = [];

    public const int MaxNoteLength = 1000;
}

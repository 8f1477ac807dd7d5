using CivicGrid.Core.Projects;

namespace CivicGrid.App.Projects;

/// <summary>A project on the portfolio list: amounts in 万元, the gates that are "not yet" today.</summary>
public sealed record ProjectListRow(
    int Id, string Code, string Name, string Investor, string Sector, string StreetCode, string? StreetName, decimal PlannedWan,
    ProjectStage Stage, ProjectStatus Status, int? ServiceGroupId, string? ServiceGroupName, IReadOnlyList<ProjectStage> NotYet);

/// <summary>One gate as the detail shows it.</summary>
public sealed record GateRow(ProjectStage Stage, DateOnly? PlannedOn, DateOnly? ReachedOn, bool NotYet);

/// <summary>A month's progress as the history shows it.</summary>
public sealed record ProgressRow(int Id, DateOnly Month, decimal InvestmentWan, ProjectStage? StageReached, string? Note, IReadOnlyList<string> Photos,
    bool Confirmed, string RecordedBy, DateTime RecordedAt);

public sealed record YearPlanRow(int Year, decimal PlannedWan);

public sealed record ProjectEventRow(DateTime At, ProjectAction Action, ProjectStage? Stage, DateOnly? On, string Actor, string? Note);

/// <summary>Everything the project page shows, and the moves the caller may make now.</summary>
public sealed record ProjectDetail(
    int Id, string Code, string Name, string Investor, string Sector, string CommunityCode, string? CommunityName, string StreetCode, string? StreetName,
    double Latitude, double Longitude, string? Boundary, decimal PlannedWan, IReadOnlyList<YearPlanRow> YearPlans,
    int? ServiceGroupId, string? ServiceGroupName, string? LeadCadreId, string? LeadCadreName, string? ContactName, string? ContactPhoneMasked,
    ProjectStatus Status, ProjectStage Stage, string? StatusReason, IReadOnlyList<GateRow> Gates, decimal InvestmentDoneWan,
    IReadOnlyList<ProgressRow> Progress, IReadOnlyList<ProjectEventRow> Timeline, IReadOnlyList<ProjectAction> Actions, bool MayRecordProgress, int Version);

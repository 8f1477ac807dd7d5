using CivicGrid.App.Data;
using CivicGrid.App.Data.Replica;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Projects.Reports;

public sealed record ProjectFacts(
    int Id, string Code, string Name, string Sector, string StreetCode, int? ServiceGroupId, ProjectStatus Status, ProjectStage Stage,
    Money PlannedInvestment, double Latitude, double Longitude, DateOnly? TerminatedOn);

public sealed record BlockerFacts(
    int Id, int ProjectId, int CaseId, BlockerType Type, string LoggedBy, CaseStatus Status, string? DepartmentCode, int PressCount,
    int EscalationCount, BlockerTimes Times, IndicatorCounts Counts);

public sealed record ProgressFacts(int ProjectId, DateOnly Month, Money InvestmentDone);

/// <summary>
/// Everything the reports, the rates and the overview read about the projects the caller sees, in one read of a few
/// queries: projects, gates, plans, progress, groups and the blockers with their cases' times. Figures are computed
/// from it by the core's definitions (<see cref="FiveRates"/>, <see cref="BlockerTimes"/>, <see cref="IndicatorCounts"/>).
/// </summary>
public sealed class PortfolioSnapshot
{
    public required DateTime Now { get; init; }
    public required IReadOnlyList<ProjectFacts> Projects { get; init; }
    public required ILookup<int, ProjectGate> Gates { get; init; }
    public required ILookup<int, ProjectYearPlan> YearPlans { get; init; }
    public required IReadOnlyList<ProgressFacts> Progress { get; init; }
    public required IReadOnlyList<BlockerFacts> Blockers { get; init; }
    public required IReadOnlyDictionary<int, string> Groups { get; init; }
    public required IReadOnlyDictionary<string, string> Streets { get; init; }
    public required IReadOnlyDictionary<string, string> Departments { get; init; }

    public const string NoGroup = "未分组";

    public string GroupName(int? id) => id is { } g && Groups.TryGetValue(g, out var name) ? name : NoGroup;

    public string StreetName(string code) => Streets.GetValueOrDefault(code, code);

    public FiveRates RatesOf(ProjectFacts project, DateOnly day) =>
        FiveRates.Of(project.TerminatedOn, Gates[project.Id].Select(g => (g.Stage, g.PlannedOn, g.ReachedOn)), day);

    private Dictionary<int, ProjectFacts>? _byId;

    public ProjectFacts Project(int id) => (_byId ??= Projects.ToDictionary(p => p.Id))[id];
}

public sealed class PortfolioReader(ReportingReads reads, Cases.CaseReference reference, Access.IJurisdiction jurisdiction)
{
    public Access.IJurisdiction Jurisdiction => jurisdiction;

    public async Task<PortfolioSnapshot> ReadAsync(CancellationToken ct)
    {
        var db = await reads.DbAsync(ct);
        var projects = await db.MajorProjects.AsNoTracking().OrderBy(p => p.Code)
            .Select(p => new ProjectFacts(p.Id, p.Code, p.Name, p.Sector, p.StreetCode, p.ServiceGroupId, p.Status, p.Stage,
                p.PlannedInvestment, p.Latitude, p.Longitude, p.TerminatedOn))
            .ToListAsync(ct);
        var gates = await db.ProjectGates.AsNoTracking().ToListAsync(ct);
        var plans = await db.ProjectYearPlans.AsNoTracking().ToListAsync(ct);
        var progress = await db.ProjectProgress.AsNoTracking().Select(p => new ProgressFacts(p.ProjectId, p.Month, p.InvestmentDone)).ToListAsync(ct);
        var groups = await db.ServiceGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var streets = await db.PublicGeography().TerritoryNodes.AsNoTracking()
            .Where(n => n.Code.Length == Core.Territory.TerritoryCode.LengthOf(Core.Territory.TerritoryLevel.Street))
            .ToDictionaryAsync(n => n.Code, n => n.Name, ct);
        var departments = (await reference.GetAsync(db, ct)).Departments.ToDictionary(d => d.Key, d => d.Value.Name);
        return new PortfolioSnapshot
        {
            Now = db.Clock.GetUtcNow().UtcDateTime,
            Projects = projects,
            Gates = gates.ToLookup(g => g.ProjectId),
            YearPlans = plans.ToLookup(p => p.ProjectId),
            Progress = progress,
            Blockers = await BlockersAsync(db, ct),
            Groups = groups,
            Streets = streets,
            Departments = departments,
        };
    }

    /// <summary>The blockers of the projects the caller sees, each with its case read through the blockers' scope.</summary>
    /// <remarks>Only the columns the figures read come back, not whole cases with their texts.</remarks>
    private static async Task<List<BlockerFacts>> BlockersAsync(CivicGridDbContext db, CancellationToken ct) =>
        (await db.ProjectBlockerCases().Of(db.ProjectBlockers.AsNoTracking().OrderBy(b => b.Id), (b, c) => new BlockerRow(
                b.Id, b.ProjectId, b.CaseId, b.Type, b.LoggedBy, c.Status, c.DepartmentCode, c.PressCount, c.EscalationCount,
                c.ReceivedAt, c.ResolveBy, c.ResolvedAt, c.ClosedAt, c.UpdatedAt,
                c.RespondBy, c.RespondedAt, c.ResponseMissed, c.AcceptedAt, c.OverdueFor, c.ReworkCount, c.ExtensionCount, c.Rating))
            .ToListAsync(ct)).ConvertAll(r => r.Facts());

    /// <summary>
    /// The blockers with their cases in one read: a join in SQL rather than the blockers' case ids sent back as a list,
    /// which at ten thousand blockers is ten thousand parameters.
    /// </summary>
    public static IQueryable<BlockerCase> WithCases(CivicGridDbContext db, IQueryable<ProjectBlocker> blockers) =>
        db.ProjectBlockerCases().Of(blockers).AsNoTracking();

    public static BlockerFacts Facts(ProjectBlocker b, Case c) => new(
        b.Id, b.ProjectId, b.CaseId, b.Type, b.LoggedBy, c.Status, c.DepartmentCode, c.PressCount, c.EscalationCount,
        new BlockerTimes(c.ReceivedAt, c.ResolveBy, c.ResolvedAt, EndedAt(c)), IndicatorCounts.Of(c));

    /// <summary>A case ends when it is closed; a rejected or merged one at its last move.</summary>
    private static DateTime? EndedAt(Case c) => EndedAt(c.Status, c.ClosedAt, c.UpdatedAt);

    private static DateTime? EndedAt(CaseStatus status, DateTime? closedAt, DateTime updatedAt) =>
        closedAt ?? (status is CaseStatus.Rejected or CaseStatus.Merged ? updatedAt : null);

    /// <summary>A blocker and the columns of its case the figures read, as they come from SQL.</summary>
    private sealed record BlockerRow(
        int Id, int ProjectId, int CaseId, BlockerType Type, string LoggedBy, CaseStatus Status, string? DepartmentCode, int PressCount,
        int EscalationCount, DateTime ReceivedAt, DateTime? ResolveBy, DateTime? ResolvedAt, DateTime? ClosedAt, DateTime UpdatedAt,
        DateTime RespondBy, DateTime? RespondedAt, bool ResponseMissed, DateTime? AcceptedAt, DateTime? OverdueFor, int ReworkCount,
        int ExtensionCount, CaseRating? Rating)
    {
        public BlockerFacts Facts() => new(
            Id, ProjectId, CaseId, Type, LoggedBy, Status, DepartmentCode, PressCount, EscalationCount,
            new BlockerTimes(ReceivedAt, ResolveBy, ResolvedAt, EndedAt(Status, ClosedAt, UpdatedAt)),
            IndicatorCounts.Of(new CaseIndicatorFacts(Status, RespondBy, RespondedAt, ResponseMissed, AcceptedAt, ResolveBy, OverdueFor, ClosedAt,
                ReworkCount, ExtensionCount, Rating)));
    }
}

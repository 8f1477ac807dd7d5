using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Territory;

namespace CivicGrid.Core.Projects;

/// <summary>
/// A major project (重大项目) the district follows from signing to reaching its targets: where it is, what is invested,
/// the service group that follows it, and one gate per stage with planned and actual dates. Its stage and status move
/// only through <see cref="Apply"/>; its facts change through <see cref="Revise"/>.
/// </summary>
public sealed class MajorProject
{
    public int Id { get; set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Investor { get; private set; } = "";
    public string Sector { get; private set; } = "";
    public string CommunityCode { get; private set; } = "";
    /// <summary>The street, the community code's first nine digits, kept so lists filter and group by it in SQL.</summary>
    public string StreetCode { get; private set; } = "";
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }
    public string? Boundary { get; private set; }
    public Money PlannedInvestment { get; private set; }
    public int? ServiceGroupId { get; private set; }
    public string? LeadCadreId { get; private set; }
    public string? ContactName { get; private set; }
    /// <summary>Set by the application, which encrypts the phone; the core never sees it in clear after the checks.</summary>
    public byte[]? ContactPhoneCipher { get; set; }
    public string? ContactPhoneMasked { get; set; }

    public ProjectStatus Status { get; private set; }
    public ProjectStage Stage { get; private set; }
    /// <summary>Why the project was suspended or terminated.</summary>
    public string? StatusReason { get; private set; }
    /// <summary>The day it was terminated; from then on it leaves the five rates.</summary>
    public DateOnly? TerminatedOn { get; private set; }

    public List<ProjectGate> Gates { get; set; } = [];
    public List<ProjectYearPlan> YearPlans { get; set; } = [];
    public List<ProjectEvent> Timeline { get; set; } = [];

    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public ProjectGate Gate(ProjectStage stage) => Gates.Single(g => g.Stage == stage);

    public DateOnly? SignedOn => Gates.FirstOrDefault(g => g.Stage == ProjectStage.Signed)?.ReachedOn;

    /// <summary>A new project from the request, or every refusal of it by field.</summary>
    public static (MajorProject? Project, IReadOnlyList<FieldRefusal> Refusals) Register(ProjectRequest request, string actor, DateOnly today, DateTime nowUtc)
    {
        var refusals = ProjectGuards.Facts(request).Concat(ProjectGuards.Gates(request.Gates, today)).ToList();
        if (refusals.Count > 0)
        {
            return (null, refusals);
        }
        var given = request.Gates.ToDictionary(g => g.Stage);
        var project = new MajorProject { Code = request.Code.Trim(), CreatedBy = actor, CreatedAt = nowUtc, UpdatedAt = nowUtc };
        project.SetFacts(request);
        project.Gates = ProjectNames.Stages.Select(s => new ProjectGate
        {
            Stage = s,
            PlannedOn = given.GetValueOrDefault(s)?.PlannedOn ?? (s == ProjectStage.Signed ? given[s].ReachedOn : null),
            ReachedOn = given.GetValueOrDefault(s)?.ReachedOn,
        }).ToList();
        project.Stage = project.Gates.Where(g => g.ReachedOn is not null).Max(g => g.Stage);
        project.Timeline.Add(new ProjectEvent { At = nowUtc, Action = ProjectAction.ReachStage, Stage = project.Stage, On = project.Gate(project.Stage).ReachedOn, Actor = actor, Note = "登记项目" });
        return (project, []);
    }

    /// <summary>Changes the facts (not the code, stage or gates), or returns every refusal by field and changes nothing.</summary>
    public IReadOnlyList<FieldRefusal> Revise(ProjectRequest request, DateTime nowUtc)
    {
        var refusals = ProjectGuards.Facts(request with { Code = Code });
        if (refusals.Count > 0)
        {
            return refusals;
        }
        SetFacts(request);
        UpdatedAt = nowUtc;
        Version++;
        return [];
    }

    private void SetFacts(ProjectRequest r)
    {
        (Name, Investor, Sector) = (r.Name.Trim(), r.Investor.Trim(), r.Sector.Trim());
        (CommunityCode, StreetCode) = (r.CommunityCode, r.CommunityCode[..TerritoryCode.LengthOf(TerritoryLevel.Street)]);
        (Latitude, Longitude, Boundary) = (r.Latitude, r.Longitude, string.IsNullOrWhiteSpace(r.Boundary) ? null : r.Boundary.Trim());
        PlannedInvestment = r.PlannedInvestment!.Value;
        (ServiceGroupId, LeadCadreId) = (r.ServiceGroupId, string.IsNullOrWhiteSpace(r.LeadCadreId) ? null : r.LeadCadreId);
        ContactName = string.IsNullOrWhiteSpace(r.ContactName) ? null : r.ContactName.Trim();
        var plans = r.YearPlans.ToDictionary(p => p.Year);
        YearPlans.RemoveAll(p => !plans.ContainsKey(p.Year));
        foreach (var plan in r.YearPlans)
        {
            var row = YearPlans.FirstOrDefault(p => p.Year == plan.Year);
            if (row is null)
            {
                YearPlans.Add(new ProjectYearPlan { ProjectId = Id, Year = plan.Year, Planned = plan.Planned });
            }
            else
            {
                row.Planned = plan.Planned;
            }
        }
    }

    /// <summary>Applies a move, or returns why it is refused (in Chinese) and leaves the project untouched.</summary>
    public string? Apply(ProjectCommand command, DateOnly today, DateTime nowUtc)
    {
        if (ProjectStateMachine.Refusal(Status, command.Action) is { } illegal)
        {
            return illegal;
        }
        if (ProjectMoves.Check(this, command, today) is { } refusal)
        {
            return refusal;
        }
        var stage = ProjectMoves.Effect(this, command, today);
        Status = ProjectStateMachine.Target(Status, command.Action);
        Timeline.Add(new ProjectEvent
        {
            ProjectId = Id, At = nowUtc, Action = command.Action, Stage = stage, On = command.Action == ProjectAction.ReachStage ? command.On : null,
            Actor = command.Actor, Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
        });
        UpdatedAt = nowUtc;
        Version++;
        return null;
    }

    public IEnumerable<ProjectAction> AvailableActions() => ProjectStateMachine.ActionsFrom(Status);

    internal void MoveTo(ProjectStage stage) => Stage = stage;

    internal void SetStatusReason(string? reason, DateOnly? terminatedOn)
    {
        StatusReason = reason;
        TerminatedOn = terminatedOn ?? TerminatedOn;
    }
}

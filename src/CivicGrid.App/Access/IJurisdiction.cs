using CivicGrid.Core.Access;

namespace CivicGrid.App.Access;

/// <summary>
/// Who is acting and over which subtree of the territorial tree (管辖范围). The database context filters every
/// query of people, households, buildings and enterprises by <see cref="ScopeCode"/>, so no page or endpoint can forget it.
/// </summary>
public interface IJurisdiction
{
    /// <summary>The code of the node the account is scoped to; an empty string means the whole system (CLI, seeding).</summary>
    string ScopeCode { get; }
    StaffRole Role { get; }
    string ActorName { get; }
    string? ClientAddress { get; }
    /// <summary>The subtree whose cases the account sees: its own scope for territorial staff and supervisors, "~" (nothing) otherwise.</summary>
    string CaseScopeCode { get; }
    /// <summary>The department a handler works for; its dispatched cases are visible to it.</summary>
    string? DepartmentCode { get; }
    /// <summary>The signed-in account; a resident sees the cases they raised.</summary>
    string? UserId { get; }
    /// <summary>
    /// The subtree whose buildings and enterprises the account sees: its people's subtree for territorial staff, the
    /// street of its business community for business-community staff and runners, who see no residents.
    /// </summary>
    string PlaceScopeCode => ScopeCode;
    /// <summary>The one enterprise an enterprise contact sees besides <see cref="PlaceScopeCode"/>; null for everyone else.</summary>
    int? OwnEnterpriseId => null;
    /// <summary>The business community the account works in, or its enterprise's; its offers are open to the account.</summary>
    int? BusinessCommunityId => null;
    /// <summary>
    /// The one business community whose buildings and enterprises (and so their needs, wishes, visits and runners) the
    /// account sees inside <see cref="PlaceScopeCode"/>: business-community staff and runners (<see cref="PlaceReach"/>);
    /// 0 for such an account without a community, which sees none; null for everyone else, whose places end at the subtree.
    /// </summary>
    int? PlaceCommunityId => null;
    /// <summary>
    /// The subtree whose major projects the account sees: its scope for the district's roles, street officials and civic
    /// supervisors; "~" (none by place) for everyone else.
    /// </summary>
    string ProjectScopeCode => "~";
    /// <summary>The service group a project cadre works in: its projects are the cadre's wherever they lie.</summary>
    int? ServiceGroupId => null;
}

public static class JurisdictionExtensions
{
    /// <summary>Whether a place's code lies in the caller's subtree.</summary>
    public static bool Covers(this IJurisdiction jurisdiction, string code) =>
        code.StartsWith(jurisdiction.ScopeCode, StringComparison.Ordinal);
}

/// <summary>The system itself: migrations, seeding and the command line act over everything.</summary>
public sealed class SystemJurisdiction(string actorName = "system") : IJurisdiction
{
    public string ScopeCode => "";
    public StaffRole Role => StaffRole.DistrictAdmin;
    public string ActorName => actorName;
    public string? ClientAddress => null;
    public string CaseScopeCode => "";
    public string? DepartmentCode => null;
    public string? UserId => null;
    public string ProjectScopeCode => "";
}

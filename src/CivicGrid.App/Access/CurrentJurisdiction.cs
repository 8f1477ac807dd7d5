using CivicGrid.Core.Access;

namespace CivicGrid.App.Access;

/// <summary>
/// The jurisdiction of the current unit of work. It starts as nobody's, seeing nothing, until the host
/// sets it: from the signed-in account for a request, or to the system for start-up work and the CLI.
/// </summary>
public sealed class CurrentJurisdiction : IJurisdiction
{
    /// <summary>No territory code starts with this, so an unset jurisdiction matches no row.</summary>
    private sealed class Nobody : IJurisdiction
    {
        public string ScopeCode => "~";
        public StaffRole Role => StaffRole.Resident;
        public string ActorName => "anonymous";
        public string? ClientAddress => null;
        public string CaseScopeCode => "~";
        public string? DepartmentCode => null;
        public string? UserId => null;
    }

    private IJurisdiction _value = new Nobody();

    public void Set(IJurisdiction value) => _value = value;

    public string ScopeCode => _value.ScopeCode;
    public StaffRole Role => _value.Role;
    public string ActorName => _value.ActorName;
    public string? ClientAddress => _value.ClientAddress;
    public string CaseScopeCode => _value.CaseScopeCode;
    public string? DepartmentCode => _value.DepartmentCode;
    public string? UserId => _value.UserId;
    public string PlaceScopeCode => _value.PlaceScopeCode;
    public int? OwnEnterpriseId => _value.OwnEnterpriseId;
    public int? BusinessCommunityId => _value.BusinessCommunityId;
    public int? PlaceCommunityId => _value.PlaceCommunityId;
    public string ProjectScopeCode => _value.ProjectScopeCode;
    public int? ServiceGroupId => _value.ServiceGroupId;
}

/// <summary>A signed-in account's jurisdiction.</summary>
public sealed record AccountJurisdiction(string ScopeCode, StaffRole Role, string ActorName, string? ClientAddress) : IJurisdiction
{
    public string CaseScopeCode { get; init; } = "~";
    public string? DepartmentCode { get; init; }
    public string? UserId { get; init; }
    public string PlaceScopeCode { get => field ?? ScopeCode; init; }
    public int? OwnEnterpriseId { get; init; }
    public int? BusinessCommunityId { get; init; }
    public int? PlaceCommunityId { get; init; }
    public string ProjectScopeCode { get; init; } = "~";
    public int? ServiceGroupId { get; init; }

    /// <summary>An account's jurisdiction as its role allows: people and cases of its subtree, a department's cases, a resident's own.</summary>
    public static AccountJurisdiction Of(StaffRole role, string scopeCode, string actorName, string? clientAddress, string? userId = null, string? departmentCode = null) =>
        new(role.ManagesPeople() ? scopeCode : "~", role, actorName, clientAddress)
        {
            CaseScopeCode = role.May(Permission.SeeCasesOfJurisdiction) ? scopeCode : "~",
            DepartmentCode = role.May(Permission.HandleDepartmentCases) ? departmentCode : null,
            UserId = userId,
            PlaceScopeCode = role.May(Permission.SeeEnterprises) ? scopeCode : "~",
            PlaceCommunityId = role.ConfinedToBusinessCommunity() ? 0 : null,
            ProjectScopeCode = role.May(Permission.SeeProjects) && !role.May(Permission.FollowProjects) ? scopeCode : "~",
        };

    /// <summary>A cadre's service group, whose projects it sees and follows; nobody else is bound to one.</summary>
    public AccountJurisdiction WithServiceGroup(int? serviceGroupId) => this with
    {
        ServiceGroupId = Role.May(Permission.FollowProjects) ? serviceGroupId : null,
    };

    /// <summary>The account's enterprise ties, as its role allows: a contact's enterprise, the business community staff and runners work in.</summary>
    public AccountJurisdiction WithEnterprises(int? enterpriseId, int? businessCommunityId) => this with
    {
        OwnEnterpriseId = Role.May(Permission.ActForOwnEnterprise) ? enterpriseId : null,
        BusinessCommunityId = Role.May(Permission.SeeEnterprises) || Role.May(Permission.ActForOwnEnterprise) ? businessCommunityId : null,
        PlaceCommunityId = Role.ConfinedToBusinessCommunity() ? businessCommunityId ?? 0 : null,
    };
}

using CivicGrid.Core.Territory;

namespace CivicGrid.Core.Access;

/// <summary>What may be done to an account (账号管理).</summary>
public enum AccountAction
{
    View,
    Create,
    Update,
    Disable,
    Enable,
    ResetPassword,
    Unlock,
}

/// <summary>
/// An account's place: its role and the node of the tree it is scoped to, and the business community it works in or its
/// enterprise lies in. <see cref="Id"/> is null for one not yet created.
/// </summary>
public sealed record AccountHolder(string? Id, StaffRole Role, string ScopeCode, int? BusinessCommunityId = null);

public enum AccountVerdict
{
    Allowed,
    /// <summary>The account lies outside what the actor manages: it is not shown, as if it did not exist.</summary>
    Hidden,
    /// <summary>The actor sees the account but may not do this; <see cref="AccountDecision.Reason"/> says why.</summary>
    Refused,
}

public sealed record AccountDecision(AccountVerdict Verdict, string? Field = null, string? Reason = null)
{
    public static readonly AccountDecision Allowed = new(AccountVerdict.Allowed);
    public static readonly AccountDecision Hidden = new(AccountVerdict.Hidden);
    public static AccountDecision Refused(string field, string reason) => new(AccountVerdict.Refused, field, reason);
}

/// <summary>
/// The one rule of account administration. A district admin manages every account of its subtree; a street official
/// manages community staff, grid workers, business-community staff, runners and enterprise contacts inside its street;
/// community staff manage the grid workers of their community; business-community staff invite runners and enterprise
/// contacts; the project office opens its service groups' cadres; department handlers, civic supervisors, the project office and
/// district admins are managed by district admins only. Nobody
/// places an account in a role they do not manage or outside their subtree, and nobody changes their own role or scope.
/// </summary>
public static class AccountAdministration
{
    private static readonly StaffRole[] Everyone = Enum.GetValues<StaffRole>();

    /// <summary>The roles whose accounts <paramref name="actor"/> manages.</summary>
    public static IReadOnlyList<StaffRole> ManagedRoles(this StaffRole actor) => actor switch
    {
        StaffRole.DistrictAdmin => Everyone,
        StaffRole.StreetOfficial => [StaffRole.CommunityStaff, StaffRole.GridWorker, StaffRole.BusinessCommunityStaff, StaffRole.Runner, StaffRole.EnterpriseContact],
        StaffRole.CommunityStaff => [StaffRole.GridWorker],
        StaffRole.BusinessCommunityStaff => [StaffRole.Runner, StaffRole.EnterpriseContact],
        StaffRole.ProjectOffice => [StaffRole.ProjectCadre],
        _ => [],
    };

    /// <summary>Whether the role administers accounts at all (and sees the account pages).</summary>
    public static bool AdministersAccounts(this StaffRole role) => role.ManagedRoles().Count > 0;

    /// <summary>Whether <paramref name="actor"/> manages an account of <paramref name="role"/> scoped to <paramref name="scopeCode"/>.</summary>
    public static bool Manages(this AccountHolder actor, StaffRole role, string scopeCode) =>
        actor.Role.ManagedRoles().Contains(role) && scopeCode.StartsWith(actor.ScopeCode, StringComparison.Ordinal);

    /// <summary>
    /// Whether <paramref name="target"/> lies in the business community of an actor confined to one (<see cref="PlaceReach"/>);
    /// an actor placed by its subtree alone (no community given) is not narrowed further.
    /// </summary>
    public static bool WithinCommunity(this AccountHolder actor, AccountHolder target) =>
        !actor.Role.ConfinedToBusinessCommunity() || actor.BusinessCommunityId is not { } own || target.BusinessCommunityId == own;

    /// <summary>
    /// Whether <paramref name="actor"/> may do <paramref name="action"/> to <paramref name="target"/> (for
    /// <see cref="AccountAction.Create"/>, the account to be made), placing it at <paramref name="proposed"/> where the
    /// action changes role or scope.
    /// </summary>
    public static AccountDecision Decide(AccountHolder actor, AccountAction action, AccountHolder target, AccountHolder? proposed = null)
    {
        if (action != AccountAction.Create && (!actor.Manages(target.Role, target.ScopeCode) || !actor.WithinCommunity(target)))
        {
            return AccountDecision.Hidden;
        }
        var placed = action == AccountAction.Create ? target : proposed;
        if (IsSelf(actor, target))
        {
            return SelfDecision(action, target, placed);
        }
        if (placed is not null && !actor.Role.ManagedRoles().Contains(placed.Role))
        {
            return AccountDecision.Refused("Role", $"您不能管理“{placed.Role.ChineseName()}”角色的账号");
        }
        if (placed is not null && !placed.ScopeCode.StartsWith(actor.ScopeCode, StringComparison.Ordinal))
        {
            return AccountDecision.Refused("ScopeCode", "所属区划不在您的管辖范围内");
        }
        if (placed is not null && placed.BusinessCommunityId is not null && !actor.WithinCommunity(placed))
        {
            return AccountDecision.Refused("BusinessCommunityId", "该商务社区不在您的管辖范围内");
        }
        return AccountDecision.Allowed;
    }

    /// <summary>One's own account: its details may change, never its role or scope, and it is not stopped or unlocked from inside.</summary>
    private static AccountDecision SelfDecision(AccountAction action, AccountHolder self, AccountHolder? placed) => action switch
    {
        AccountAction.View => AccountDecision.Allowed,
        AccountAction.Update when placed is null || (placed.Role == self.Role && placed.ScopeCode == self.ScopeCode) => AccountDecision.Allowed,
        AccountAction.Update => AccountDecision.Refused("Role", "不能修改自己的角色或管辖范围"),
        AccountAction.Disable => AccountDecision.Refused("", "不能停用自己的账号"),
        AccountAction.ResetPassword => AccountDecision.Refused("", "请在“修改密码”页面修改自己的密码"),
        _ => AccountDecision.Refused("", "不能对自己的账号执行此操作"),
    };

    private static bool IsSelf(AccountHolder actor, AccountHolder target) => actor.Id is not null && actor.Id == target.Id;

    /// <summary>
    /// The level of the tree a role's account is scoped to: a grid worker to a grid, community staff to a community, a
    /// street official to a street, a district admin to the district; business-community staff and runners to the street
    /// of their business community, an enterprise contact to its enterprise's grid; the others to any node.
    /// </summary>
    public static TerritoryLevel? LevelFor(this StaffRole role) => role switch
    {
        StaffRole.GridWorker => TerritoryLevel.Grid,
        StaffRole.CommunityStaff => TerritoryLevel.Community,
        StaffRole.StreetOfficial => TerritoryLevel.Street,
        StaffRole.DistrictAdmin => TerritoryLevel.District,
        StaffRole.BusinessCommunityStaff or StaffRole.Runner => TerritoryLevel.Street,
        StaffRole.EnterpriseContact => TerritoryLevel.Grid,
        StaffRole.ProjectCadre or StaffRole.ProjectOffice => TerritoryLevel.District,
        _ => null,
    };
}

using CivicGrid.Core.Access;

namespace CivicGrid.Core.Enterprises.Challenges;

/// <summary>
/// Who may move a challenge, by the access model's permissions and the caller's side of it. The publisher's side — the
/// enterprise that published it through its contacts, or the staff who keep the lists (for the community's challenges,
/// and on an enterprise's behalf) — withdraws, rejects and evaluates. The solver's side delivers or abandons: the
/// enterprise that claimed it, or staff recording the work of a named partner organisation or volunteer team, who have
/// no accounts. Which challenge lies where is the jurisdiction's business.
/// </summary>
public static class ChallengePermissions
{
    public static bool MayPublish(this StaffRole role) => role.May(Permission.KeepEnterpriseLists) || role.May(Permission.ActForOwnEnterprise);

    public static bool MaySee(this StaffRole role) => role.MayPublish() || role.May(Permission.SeeEnterprises);

    /// <summary>The moves <paramref name="role"/> (a contact of <paramref name="ownEnterprise"/>) may make on the challenge now.</summary>
    public static IReadOnlyList<ChallengeAction> Allowed(Challenge c, StaffRole role, int? ownEnterprise) =>
        ChallengeStateMachine.ActionsFrom(c.Status).Where(a => May(c, role, ownEnterprise, a)).ToList();

    public static bool May(Challenge c, StaffRole role, int? ownEnterprise, ChallengeAction action)
    {
        var keeper = role.May(Permission.KeepEnterpriseLists);
        var contact = role.May(Permission.ActForOwnEnterprise) && ownEnterprise is not null;
        return action switch
        {
            ChallengeAction.Claim => keeper || (contact && c.EnterpriseId != ownEnterprise),
            ChallengeAction.Abandon or ChallengeAction.Deliver =>
                contact ? c.SolverEnterpriseId == ownEnterprise : keeper && c.SolverKind is SolverKind.Partner or SolverKind.VolunteerTeam,
            ChallengeAction.Reject or ChallengeAction.Evaluate or ChallengeAction.Withdraw => contact ? c.EnterpriseId == ownEnterprise : keeper,
            _ => false,
        };
    }

    /// <summary>Staff record claims of those without accounts; an enterprise claims through its own contact.</summary>
    public static string? ClaimRefusal(StaffRole role, SolverKind? kind) =>
        !role.May(Permission.ActForOwnEnterprise) && kind == SolverKind.Enterprise ? "企业揭榜请由该企业的联系人办理" : null;

    public const string Refusal = "当前角色无权办理此操作";
}

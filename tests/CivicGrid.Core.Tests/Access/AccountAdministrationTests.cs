using CivicGrid.Core.Access;

namespace CivicGrid.Core.Tests.Access;

public class AccountAdministrationTests
{
    private static readonly StaffRole[] Roles = Enum.GetValues<StaffRole>();
    private static readonly AccountAction[] Actions = Enum.GetValues<AccountAction>();

    /// <summary>The brief's table, written out by hand rather than derived from the rule under test.</summary>
    private static bool Expected(StaffRole actor, StaffRole target) => actor switch
    {
        StaffRole.DistrictAdmin => true,
        StaffRole.StreetOfficial => target is StaffRole.CommunityStaff or StaffRole.GridWorker
            or StaffRole.BusinessCommunityStaff or StaffRole.Runner or StaffRole.EnterpriseContact,
        StaffRole.CommunityStaff => target == StaffRole.GridWorker,
        StaffRole.BusinessCommunityStaff => target is StaffRole.Runner or StaffRole.EnterpriseContact,
        StaffRole.ProjectOffice => target == StaffRole.ProjectCadre,
        _ => false,
    };

    /// <summary>Each role's own node, and one node inside and one outside it for the accounts it acts on.</summary>
    private static (string Own, string Inside, string Outside) Nodes(StaffRole role) => role switch
    {
        StaffRole.DistrictAdmin or StaffRole.DepartmentHandler or StaffRole.ProjectOffice or StaffRole.ProjectCadre => ("330105", "330105001001001", "330106001001001"),
        StaffRole.StreetOfficial or StaffRole.CivicSupervisor or StaffRole.BusinessCommunityStaff or StaffRole.Runner => ("330105001", "330105001001001", "330105002001001"),
        StaffRole.CommunityStaff => ("330105001001", "330105001001001", "330105001002001"),
        _ => ("330105001001001", "330105001001001", "330105001002001"),
    };

    private static IEnumerable<(AccountHolder Actor, AccountAction Action, AccountHolder Target, AccountHolder? Proposed, bool TargetInside, bool ProposedInside)> Cases()
    {
        foreach (var actorRole in Roles)
        {
            var (own, inside, outside) = Nodes(actorRole);
            var actor = new AccountHolder("actor", actorRole, own);
            foreach (var action in Actions)
            {
                foreach (var targetRole in Roles)
                {
                    foreach (var targetInside in new[] { true, false })
                    {
                        var target = new AccountHolder(action == AccountAction.Create ? null : "target", targetRole, targetInside ? inside : outside);
                        if (action != AccountAction.Update)
                        {
                            yield return (actor, action, target, null, targetInside, targetInside);
                            continue;
                        }
                        foreach (var proposedRole in Roles)
                        {
                            foreach (var proposedInside in new[] { true, false })
                            {
                                yield return (actor, action, target, new AccountHolder("target", proposedRole, proposedInside ? inside : outside), targetInside, proposedInside);
                            }
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void NoRoleActionOrPlaceLetsAnAccountBeManagedOrPlacedBeyondTheActor()
    {
        var escalations = new List<string>();
        var count = 0;
        foreach (var (actor, action, target, proposed, targetInside, proposedInside) in Cases())
        {
            count++;
            if (AccountAdministration.Decide(actor, action, target, proposed).Verdict != AccountVerdict.Allowed)
            {
                continue;
            }
            var fair = Expected(actor.Role, target.Role) && targetInside
                && (proposed is null || (Expected(actor.Role, proposed.Role) && proposedInside));
            if (!fair)
            {
                escalations.Add($"{actor.Role} {action} {target.Role}@{target.ScopeCode} → {proposed?.Role}@{proposed?.ScopeCode}");
            }
        }

        Assert.True(count > 1000, $"only {count} cases");
        Assert.True(escalations.Count == 0, $"{escalations.Count} escalations:\n" + string.Join('\n', escalations.Take(30)));
    }

    [Fact]
    public void EveryAccountTheTableGivesAnActorItMayActOnInsideItsSubtree()
    {
        var missing = Cases()
            .Where(c => c.TargetInside && c.ProposedInside && Expected(c.Actor.Role, c.Target.Role) && (c.Proposed is null || Expected(c.Actor.Role, c.Proposed.Role)))
            .Where(c => AccountAdministration.Decide(c.Actor, c.Action, c.Target, c.Proposed).Verdict != AccountVerdict.Allowed)
            .Select(c => $"{c.Actor.Role} {c.Action} {c.Target.Role} → {c.Proposed?.Role}")
            .ToList();

        Assert.True(missing.Count == 0, string.Join('\n', missing.Take(30)));
    }

    [Fact]
    public void AnAccountOutsideWhatTheActorManagesIsHiddenAndAPlacementBeyondItIsRefusedWithAReason()
    {
        var street = new AccountHolder("s", StaffRole.StreetOfficial, "330105001");
        var elsewhere = new AccountHolder("g", StaffRole.GridWorker, "330105002001001");
        var ownGrid = new AccountHolder("g2", StaffRole.GridWorker, "330105001001001");

        Assert.Equal(AccountVerdict.Hidden, AccountAdministration.Decide(street, AccountAction.Disable, elsewhere).Verdict);
        Assert.Equal(AccountVerdict.Hidden, AccountAdministration.Decide(street, AccountAction.View, new("a", StaffRole.DistrictAdmin, "330105")).Verdict);

        var raised = AccountAdministration.Decide(street, AccountAction.Update, ownGrid, ownGrid with { Role = StaffRole.StreetOfficial });
        Assert.Equal((AccountVerdict.Refused, "Role"), (raised.Verdict, raised.Field));
        Assert.Contains("街道干部", raised.Reason, StringComparison.Ordinal);

        var moved = AccountAdministration.Decide(street, AccountAction.Update, ownGrid, elsewhere with { Id = "g2" });
        Assert.Equal((AccountVerdict.Refused, "ScopeCode"), (moved.Verdict, moved.Field));

        var created = AccountAdministration.Decide(street, AccountAction.Create, new(null, StaffRole.DepartmentHandler, "330105001"));
        Assert.Equal(AccountVerdict.Refused, created.Verdict);
    }

    [Fact]
    public void NobodyChangesTheirOwnRoleOrScopeOrStopsTheirOwnAccount()
    {
        var admin = new AccountHolder("me", StaffRole.DistrictAdmin, "330105");

        Assert.Equal(AccountVerdict.Allowed, AccountAdministration.Decide(admin, AccountAction.Update, admin, admin).Verdict);
        Assert.Equal(AccountVerdict.Refused, AccountAdministration.Decide(admin, AccountAction.Update, admin, admin with { ScopeCode = "" }).Verdict);
        Assert.Equal(AccountVerdict.Refused, AccountAdministration.Decide(admin, AccountAction.Update, admin, admin with { Role = StaffRole.GridWorker, ScopeCode = "330105001001001" }).Verdict);
        Assert.Equal(AccountVerdict.Refused, AccountAdministration.Decide(admin, AccountAction.Disable, admin).Verdict);
        Assert.Equal(AccountVerdict.Refused, AccountAdministration.Decide(admin, AccountAction.ResetPassword, admin).Verdict);
    }

    [Fact]
    public void TheTerritorialRolesAboveTheGridBusinessCommunityStaffAndTheProjectOfficeAdministerAccounts() =>
        Assert.Equal([StaffRole.CommunityStaff, StaffRole.StreetOfficial, StaffRole.DistrictAdmin, StaffRole.BusinessCommunityStaff, StaffRole.ProjectOffice],
            Roles.Where(r => r.AdministersAccounts()));
}

public class AccountAdministrationCommunityTests
{
    private static readonly AccountHolder Staff = new("staff", StaffRole.BusinessCommunityStaff, "330105001", BusinessCommunityId: 7);

    [Theory]
    [InlineData(StaffRole.Runner, 7, AccountVerdict.Allowed)]
    [InlineData(StaffRole.Runner, 8, AccountVerdict.Hidden)]
    [InlineData(StaffRole.EnterpriseContact, 8, AccountVerdict.Hidden)]
    [InlineData(StaffRole.EnterpriseContact, null, AccountVerdict.Hidden)]
    public void BusinessCommunityStaffKeepTheirOwnCommunitysAccountsOnly(StaffRole role, int? community, AccountVerdict expected) =>
        Assert.Equal(expected, AccountAdministration.Decide(Staff, AccountAction.ResetPassword, new AccountHolder("x", role, "330105001", community)).Verdict);

    [Fact]
    public void BusinessCommunityStaffOpenNoAccountInAnotherCommunityOfTheirStreet()
    {
        var refused = AccountAdministration.Decide(Staff, AccountAction.Create, new AccountHolder(null, StaffRole.Runner, "330105001", 8));
        var allowed = AccountAdministration.Decide(Staff, AccountAction.Create, new AccountHolder(null, StaffRole.Runner, "330105001", 7));

        Assert.Equal((AccountVerdict.Refused, "BusinessCommunityId"), (refused.Verdict, refused.Field));
        Assert.Equal(AccountVerdict.Allowed, allowed.Verdict);
    }

    [Fact]
    public void AStreetOfficialKeepsEveryCommunitysAccountsOfItsStreet() =>
        Assert.Equal(AccountVerdict.Allowed, AccountAdministration.Decide(new AccountHolder("o", StaffRole.StreetOfficial, "330105001", null),
            AccountAction.ResetPassword, new AccountHolder("x", StaffRole.Runner, "330105001", 8)).Verdict);
}

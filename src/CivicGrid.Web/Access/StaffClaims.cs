using System.Security.Claims;
using CivicGrid.App.Access;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises.Challenges;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Access;

/// <summary>The claims a signed-in account carries: its role, its scope in the tree and its display name.</summary>
public static class StaffClaims
{
    public const string Scope = "civicgrid:scope";
    public const string DisplayName = "civicgrid:name";
    public const string Department = "civicgrid:department";
    public const string Enterprise = "civicgrid:enterprise";
    public const string BusinessCommunity = "civicgrid:business-community";
    public const string ServiceGroup = "civicgrid:service-group";
    /// <summary>Present when the account signs in with a second factor; the two-factor gate reads it.</summary>
    public const string TwoFactor = "civicgrid:2fa";

    /// <summary>Present while the account signs in with a password someone else chose.</summary>
    public const string MustChangePassword = "civicgrid:must-change-password";

    public static StaffRole? Role(ClaimsPrincipal user) =>
        Enum.TryParse<StaffRole>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public static string? ScopeCode(ClaimsPrincipal user) => user.FindFirstValue(Scope);
}

public static class Policies
{
    public const string Staff = "staff";
    public const string ManagesPeople = "manages-people";
    public const string DistrictAdmin = "district-admin";
    /// <summary>Territorial staff and civic supervisors, who see the case indicators of their subtree.</summary>
    public const string SeesIndicators = "sees-indicators";
    /// <summary>Residents' own accounts: their services and offers.</summary>
    public const string Resident = "resident";
    /// <summary>Staff who edit reference data of their subtree, such as its facilities.</summary>
    public const string Administers = "administers";
    /// <summary>An enterprise contact's own needs and the offers open to its enterprise.</summary>
    public const string ActsForEnterprise = "acts-for-enterprise";
    /// <summary>Territorial staff, business-community staff and runners, who see the enterprises of their place.</summary>
    public const string SeesEnterprises = "sees-enterprises";
    /// <summary>Business-community staff and the street and district above them: offers and matching.</summary>
    public const string KeepsEnterpriseLists = "keeps-enterprise-lists";
    /// <summary>Staff who bring files in through the import pipeline; each kind names its own roles.</summary>
    public const string Imports = "imports";
    /// <summary>Runners and business-community staff, who visit firms in the buildings given to them.</summary>
    public const string SweepsBuildings = "sweeps-buildings";
    /// <summary>揭榜挂帅: enterprise contacts and everyone who sees or keeps the enterprise lists (<see cref="ChallengePermissions.MaySee"/>).</summary>
    public const string SeesChallenges = "sees-challenges";
    /// <summary>The project office and district admins, who keep the portfolio of major projects.</summary>
    public const string KeepsProjects = "keeps-projects";
    /// <summary>Service-group cadres, who record progress and blockers of their group's projects.</summary>
    public const string FollowsProjects = "follows-projects";
    /// <summary>Everyone who sees major projects: the district's roles, street officials, cadres, civic supervisors.</summary>
    public const string SeesProjects = "sees-projects";
    /// <summary>Those who open and keep accounts (<see cref="AccountAdministration.AdministersAccounts"/>): the territorial roles above the grid, business-community staff, the project office.</summary>
    public const string AdministersAccounts = "administers-accounts";
    /// <summary>Territorial staff, who open a hotspot's proactive task (未诉先办).</summary>
    public const string OpensProactiveTasks = "opens-proactive-tasks";
    /// <summary>Street officials and the district, who build a street's payment lists of cash benefits and approve them for the street.</summary>
    public const string PaysCash = "pays-cash";
    /// <summary>The district's approvers of cash benefits: schedules, the district's approval, bank files and returns.</summary>
    public const string ApprovesCash = "approves-cash";

    /// <summary>Each policy is one permission of the core's table; the host registers them from here.</summary>
    public static readonly IReadOnlyDictionary<string, Permission> Permissions = new Dictionary<string, Permission>
    {
        [Staff] = Permission.UseStaffPages,
        [ManagesPeople] = Permission.ManagePeople,
        [DistrictAdmin] = Permission.AdministerDistrict,
        [SeesIndicators] = Permission.SeeIndicators,
        [Resident] = Permission.ActForOwnHousehold,
        [Administers] = Permission.AdministerJurisdiction,
        [ActsForEnterprise] = Permission.ActForOwnEnterprise,
        [SeesEnterprises] = Permission.SeeEnterprises,
        [KeepsEnterpriseLists] = Permission.KeepEnterpriseLists,
        [Imports] = Permission.ImportFiles,
        [SweepsBuildings] = Permission.SweepBuildings,
        [KeepsProjects] = Permission.KeepProjectPortfolio,
        [FollowsProjects] = Permission.FollowProjects,
        [SeesProjects] = Permission.SeeProjects,
        [OpensProactiveTasks] = Permission.OpenProactiveTasks,
        [PaysCash] = Permission.PayCashBenefits,
        [ApprovesCash] = Permission.ApproveCashBenefits,
    };

    /// <summary>Policies the core states as a rule over several permissions; the host registers them beside the others.</summary>
    public static readonly IReadOnlyDictionary<string, Func<StaffRole, bool>> Rules = new Dictionary<string, Func<StaffRole, bool>>
    {
        [SeesChallenges] = ChallengePermissions.MaySee,
        [AdministersAccounts] = AccountAdministration.AdministersAccounts,
    };
}

public sealed class StaffClaimsFactory(UserManager<StaffUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(StaffClaims.Scope, user.ScopeCode));
        identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(StaffClaims.TwoFactor, "on"));
        }
        if (user.DepartmentCode is { } department)
        {
            identity.AddClaim(new Claim(StaffClaims.Department, department));
        }
        if (user.EnterpriseId is { } enterprise)
        {
            identity.AddClaim(new Claim(StaffClaims.Enterprise, enterprise.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (user.BusinessCommunityId is { } community)
        {
            identity.AddClaim(new Claim(StaffClaims.BusinessCommunity, community.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (user.ServiceGroupId is { } group)
        {
            identity.AddClaim(new Claim(StaffClaims.ServiceGroup, group.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(StaffClaims.MustChangePassword, "true"));
        }
        return identity;
    }
}

/// <summary>Sets the request's jurisdiction from the signed-in account, so every query below is scoped.</summary>
public sealed class JurisdictionMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentJurisdiction jurisdiction)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && StaffClaims.Role(user) is { } role && StaffClaims.ScopeCode(user) is { } scope)
        {
            jurisdiction.Set(AccountJurisdiction.Of(role, scope, user.Identity.Name ?? "?", context.Connection.RemoteIpAddress?.ToString(),
                    user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(StaffClaims.Department))
                .WithEnterprises(IdClaim(user, StaffClaims.Enterprise), IdClaim(user, StaffClaims.BusinessCommunity))
                .WithServiceGroup(IdClaim(user, StaffClaims.ServiceGroup)));
        }
        return next(context);
    }

    private static int? IdClaim(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirstValue(type), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}

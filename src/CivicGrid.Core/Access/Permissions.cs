namespace CivicGrid.Core.Access;

/// <summary>
/// What an account may do (权限), role by role. Pages, API route policies and use cases consult
/// <see cref="PermissionTable"/> instead of comparing roles themselves; where a record is, is the jurisdiction's business.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "What a role may do in the access model, not a code access permission.")]
public enum Permission
{
    /// <summary>Use the staff pages and workbench: every role but the resident.</summary>
    UseStaffPages,
    /// <summary>Act for oneself and one's own household: services, applications, life events, support of cases.</summary>
    ActForOwnHousehold,
    /// <summary>Work with resident records of the jurisdiction: search, edit, register, import, life events, visits.</summary>
    ManagePeople,
    /// <summary>Reveal a full ID number or phone; each reveal is audited.</summary>
    RevealPersonalData,
    /// <summary>Edit the reference data of the jurisdiction: facilities, deliberation days, grid work handover and gaps.</summary>
    AdministerJurisdiction,
    /// <summary>District-wide settings: tags, territory, service catalogue, departments, webhooks, integration keys, allocation.</summary>
    AdministerDistrict,
    /// <summary>See the cases of the jurisdiction's subtree.</summary>
    SeeCasesOfJurisdiction,
    /// <summary>See the case indicators of the jurisdiction's subtree.</summary>
    SeeIndicators,
    /// <summary>Work the cases dispatched to one's department.</summary>
    HandleDepartmentCases,
    /// <summary>Evaluate a closed case on behalf of the public (supervision).</summary>
    EvaluateCases,
    /// <summary>Write the note of a case move that the public sees.</summary>
    WritePublicNote,
    /// <summary>Raise, follow and rate one's own enterprise's needs; see the offers open to it.</summary>
    ActForOwnEnterprise,
    /// <summary>See the enterprises of the jurisdiction or the business community, their needs and their employees' wishes.</summary>
    SeeEnterprises,
    /// <summary>Keep the business community's offers and match needs to them; send a need nobody can meet into the case loop.</summary>
    KeepEnterpriseLists,
    /// <summary>Record visits to the firms of one's assigned buildings and the needs found there.</summary>
    SweepBuildings,
    /// <summary>Upload files through the import pipeline; each kind of file says which roles may bring it in.</summary>
    ImportFiles,
    /// <summary>Keep the portfolio of major projects: register, edit, plan gates, suspend, terminate, correct; service groups.</summary>
    KeepProjectPortfolio,
    /// <summary>Follow one's service group's projects: record the stages reached, monthly progress and blockers.</summary>
    FollowProjects,
    /// <summary>See major projects: all in the district for district roles, a street's for its officials, a group's for its cadres.</summary>
    SeeProjects,
    /// <summary>Build a street's monthly payment list of cash benefits, check and approve it for the street; see payments.</summary>
    PayCashBenefits,
    /// <summary>Set cash benefits, approve the district's payment lists, export bank files with full accounts, reconcile.</summary>
    ApproveCashBenefits,
    /// <summary>Open the proactive task of a hotspot found in one's jurisdiction: a case sent to the hotspot's grid.</summary>
    OpenProactiveTasks,
}

/// <summary>The one role × permission table (角色权限表).</summary>
public static class PermissionTable
{
    private static readonly Permission[] Territorial =
    [
        Permission.UseStaffPages, Permission.ManagePeople, Permission.RevealPersonalData,
        Permission.SeeCasesOfJurisdiction, Permission.SeeIndicators, Permission.WritePublicNote, Permission.SeeEnterprises,
        Permission.ImportFiles, Permission.OpenProactiveTasks,
    ];

    private static readonly IReadOnlyDictionary<StaffRole, IReadOnlySet<Permission>> Table = new Dictionary<StaffRole, IReadOnlySet<Permission>>
    {
        [StaffRole.Resident] = new HashSet<Permission> { Permission.ActForOwnHousehold },
        [StaffRole.GridWorker] = new HashSet<Permission>(Territorial),
        [StaffRole.CommunityStaff] = new HashSet<Permission>([.. Territorial, Permission.AdministerJurisdiction]),
        [StaffRole.StreetOfficial] = new HashSet<Permission>(
            [.. Territorial, Permission.AdministerJurisdiction, Permission.KeepEnterpriseLists, Permission.SeeProjects, Permission.PayCashBenefits]),
        [StaffRole.DistrictAdmin] = new HashSet<Permission>(
            [.. Territorial, Permission.AdministerJurisdiction, Permission.AdministerDistrict, Permission.KeepEnterpriseLists,
             Permission.KeepProjectPortfolio, Permission.SeeProjects, Permission.PayCashBenefits, Permission.ApproveCashBenefits]),
        [StaffRole.DepartmentHandler] = new HashSet<Permission> { Permission.UseStaffPages, Permission.HandleDepartmentCases, Permission.WritePublicNote },
        [StaffRole.CivicSupervisor] = new HashSet<Permission>
        {
            Permission.UseStaffPages, Permission.SeeCasesOfJurisdiction, Permission.SeeIndicators, Permission.EvaluateCases, Permission.SeeProjects,
        },
        [StaffRole.EnterpriseContact] = new HashSet<Permission> { Permission.ActForOwnEnterprise },
        [StaffRole.BusinessCommunityStaff] = new HashSet<Permission>
        {
            Permission.UseStaffPages, Permission.SeeEnterprises, Permission.KeepEnterpriseLists, Permission.SweepBuildings, Permission.ImportFiles,
        },
        [StaffRole.Runner] = new HashSet<Permission> { Permission.UseStaffPages, Permission.SeeEnterprises, Permission.SweepBuildings },
        [StaffRole.ProjectCadre] = new HashSet<Permission> { Permission.UseStaffPages, Permission.FollowProjects, Permission.SeeProjects },
        [StaffRole.ProjectOffice] = new HashSet<Permission>
        {
            Permission.UseStaffPages, Permission.KeepProjectPortfolio, Permission.SeeProjects, Permission.ImportFiles,
        },
    };

    /// <summary>Whether <paramref name="role"/> may do <paramref name="permission"/>.</summary>
    public static bool May(this StaffRole role, Permission permission) => Table.TryGetValue(role, out var granted) && granted.Contains(permission);

    /// <summary>Everything <paramref name="role"/> may do.</summary>
    public static IReadOnlySet<Permission> Of(StaffRole role) => Table.TryGetValue(role, out var granted) ? granted : new HashSet<Permission>();
}

namespace CivicGrid.Core.Access;

/// <summary>What an account may do. Staff accounts are scoped to one node of the territorial tree.</summary>
public enum StaffRole
{
    /// <summary>居民.</summary>
    Resident,
    /// <summary>网格员.</summary>
    GridWorker,
    /// <summary>社区工作者.</summary>
    CommunityStaff,
    /// <summary>街道干部.</summary>
    StreetOfficial,
    /// <summary>区管理员.</summary>
    DistrictAdmin,
    /// <summary>职能部门经办人.</summary>
    DepartmentHandler,
    /// <summary>民间督导员.</summary>
    CivicSupervisor,
    /// <summary>企业联系人: speaks for one enterprise, bound to it by its unified social credit code.</summary>
    EnterpriseContact,
    /// <summary>商务社区工作人员: keeps one business community's lists and matches its needs to offers.</summary>
    BusinessCommunityStaff,
    /// <summary>助跑员: sweeps the buildings of one business community assigned to them and visits their firms.</summary>
    Runner,
    /// <summary>项目服务专员: a cadre of one special service group (专项服务组), following its major projects on site.</summary>
    ProjectCadre,
    /// <summary>区项目办: the district's project office, keeping the portfolio of major projects.</summary>
    ProjectOffice,
}

public static class StaffRoles
{
    public static string ChineseName(this StaffRole role) => role switch
    {
        StaffRole.Resident => "居民",
        StaffRole.GridWorker => "网格员",
        StaffRole.CommunityStaff => "社区工作者",
        StaffRole.StreetOfficial => "街道干部",
        StaffRole.DistrictAdmin => "区管理员",
        StaffRole.DepartmentHandler => "职能部门经办人",
        StaffRole.EnterpriseContact => "企业联系人",
        StaffRole.BusinessCommunityStaff => "商务社区工作人员",
        StaffRole.Runner => "助跑员",
        StaffRole.ProjectCadre => "项目服务专员",
        StaffRole.ProjectOffice => "区项目办",
        _ => "民间督导员",
    };

    /// <summary>Roles that work with resident records inside their jurisdiction (<see cref="Permission.ManagePeople"/>).</summary>
    public static bool ManagesPeople(this StaffRole role) => role.May(Permission.ManagePeople);

    /// <summary>Roles that may reveal a full ID number or phone; each reveal is audited.</summary>
    public static bool MayRevealPersonalData(this StaffRole role) => role.May(Permission.RevealPersonalData);

    /// <summary>Roles that may import records and edit reference data of their jurisdiction (<see cref="Permission.AdministerJurisdiction"/>).</summary>
    public static bool MayAdminister(this StaffRole role) => role.May(Permission.AdministerJurisdiction);
}

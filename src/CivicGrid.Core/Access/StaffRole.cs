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
        _ => "民间督导员",
    };

    /// <summary>Roles that work with resident records inside their jurisdiction (<see cref="Permission.ManagePeople"/>).</summary>
    public static bool ManagesPeople(this StaffRole role) => role.May(Permission.ManagePeople);

    /// <summary>Roles that may reveal a full ID number or phone; each reveal is audited.</summary>
    public static bool MayRevealPersonalData(this StaffRole role) => role.May(Permission.RevealPersonalData);

    /// <summary>Roles that may import records and edit reference data of their jurisdiction (<see cref="Permission.AdministerJurisdiction"/>).</summary>
    public static bool MayAdminister(this StaffRole role) => role.May(Permission.AdministerJurisdiction);
}

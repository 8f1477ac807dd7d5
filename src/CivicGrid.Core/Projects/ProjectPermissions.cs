using CivicGrid.Core.Access;

namespace CivicGrid.Core.Projects;

/// <summary>
/// Who may do what to a project, by the permission table. The project office keeps the portfolio and makes every move;
/// cadres record the stages their group's projects reach and their monthly progress. Which project is whose is the
/// jurisdiction's business (a cadre sees only the group's projects).
/// </summary>
public static class ProjectPermissions
{
    public static bool MayKeep(this StaffRole role) => role.May(Permission.KeepProjectPortfolio);

    public static bool MayFollow(this StaffRole role) => role.May(Permission.FollowProjects) || role.MayKeep();

    public static bool MaySee(this StaffRole role) => role.May(Permission.SeeProjects);

    public static bool May(this StaffRole role, ProjectAction action) => action switch
    {
        ProjectAction.ReachStage => role.MayFollow(),
        _ => role.MayKeep(),
    };

    /// <summary>The moves <paramref name="role"/> may make on <paramref name="project"/> now.</summary>
    public static IReadOnlyList<ProjectAction> Allowed(MajorProject project, StaffRole role) =>
        project.AvailableActions().Where(a => role.May(a)).ToList();

    public const string Refusal = "当前角色无权办理此操作";
    public const string OtherGroup = "该项目不属于您所在的专项服务组";
}

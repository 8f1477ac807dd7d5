using CivicGrid.App.Access;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;

namespace CivicGrid.App.Cases;

/// <summary>
/// Who may make which move. Visibility is settled earlier by the query filters; this adds the role: grid workers and
/// community staff settle and verify, community and above dispatch and press, the project cadre who logged a blocker verifies and closes it, departments handle what is dispatched
/// to them, supervisors evaluate, and the resident who raised a case rates it.
/// </summary>
public static class CasePermissions
{
    public static bool May(this IJurisdiction who, CaseAction action, Case c)
    {
        var territorial = who.Role.ManagesPeople() && c.GridCode.StartsWith(who.ScopeCode, StringComparison.Ordinal);
        var supervising = territorial && who.Role.MayAdminister();
        var department = who.Role.May(Permission.HandleDepartmentCases) && c.DepartmentCode is not null && c.DepartmentCode == who.DepartmentCode;
        var submitter = who.UserId is not null && who.UserId == c.SubmitterId;
        // A project's blocker is verified by the cadre who logged it: whether the project can move on is theirs to say.
        var projectCadre = submitter && who.Role.May(Permission.FollowProjects);
        return action switch
        {
            CaseAction.Verify or CaseAction.FailVerification or CaseAction.Close when projectCadre => true,
            CaseAction.Accept or CaseAction.Reject or CaseAction.Handle or CaseAction.PutOnAgenda or CaseAction.Escalate
                or CaseAction.Merge or CaseAction.Verify or CaseAction.FailVerification or CaseAction.Close => territorial,
            CaseAction.Dispatch or CaseAction.Press or CaseAction.ApproveExtension or CaseAction.DenyExtension or CaseAction.Reopen => supervising,
            CaseAction.Resolve or CaseAction.RequestExtension => c.Status == CaseStatus.Dispatched ? department : territorial,
            CaseAction.Return => department,
            CaseAction.Rate => submitter || territorial,
            CaseAction.Evaluate => who.Role.May(Permission.EvaluateCases),
            _ => false,
        };
    }

    /// <summary>Those who handle cases answer the public; residents and supervisors write notes that stay in the loop.</summary>
    public static bool MayWritePublicNote(StaffRole role) => role.May(Permission.WritePublicNote);

    /// <summary>How an actor appears on a timeline: the role and account name for staff, plainly "居民" for residents.</summary>
    public static string ActorLabel(this IJurisdiction who) =>
        who.Role == StaffRole.Resident ? "居民" : who.ScopeCode == "" ? who.ActorName : $"{who.Role.ChineseName()} {who.ActorName}";
}

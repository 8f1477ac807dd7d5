namespace CivicGrid.Core.Cases;

/// <summary>Who is told of a move (besides webhook subscribers, who get every move).</summary>
[Flags]
public enum Audience
{
    None = 0,
    /// <summary>The grid workers of the case's grid, who follow every case in their grid.</summary>
    GridWorkers = 1,
    /// <summary>The staff of the level that owns the case.</summary>
    Owners = 2,
    /// <summary>The handlers of the department the case is with.</summary>
    Department = 4,
    /// <summary>The resident who raised it (inbox and e-mail).</summary>
    Resident = 8,
    /// <summary>
    /// For a case at grid level, the community's staff: grid workers may not approve an extension, dispatch what a
    /// department returned, or verify what they resolved themselves. The same as the owners at any other level.
    /// </summary>
    Supervisors = 16,
}

/// <summary>
/// The one table of who is told of which move (docs/CASES.md shows it). Nobody is told of their own move: the
/// notifier leaves the acting account out.
/// </summary>
public static class CaseAudience
{
    /// <summary>The people told of <paramref name="action"/>, given where it left the case.</summary>
    public static Audience Of(CaseAction action, CaseStatus to)
    {
        var handlers = to == CaseStatus.Dispatched ? Audience.Department : Audience.Owners;
        return Audience.GridWorkers | action switch
        {
            CaseAction.Receive or CaseAction.Escalate or CaseAction.Verify or CaseAction.Rate or CaseAction.Evaluate => Audience.Owners,
            CaseAction.Return or CaseAction.RequestExtension => Audience.Owners | Audience.Supervisors,
            CaseAction.Accept or CaseAction.Reject or CaseAction.Close or CaseAction.Merge => Audience.Resident,
            CaseAction.PutOnAgenda or CaseAction.Reopen => Audience.Owners | Audience.Resident,
            CaseAction.Resolve => Audience.Owners | Audience.Supervisors | Audience.Resident,
            CaseAction.Dispatch => Audience.Department | Audience.Resident,
            CaseAction.FailVerification or CaseAction.Press or CaseAction.Remind
                or CaseAction.ApproveExtension or CaseAction.DenyExtension => handlers,
            _ => Audience.None,
        };
    }
}

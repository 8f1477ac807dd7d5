using CivicGrid.Core.Access;

namespace CivicGrid.Core.Enterprises.Needs;

/// <summary>
/// Who may move a need, by the access model's permissions: the enterprise raises, follows, rates and withdraws its
/// own; those who keep the lists match, release, escalate and record outcomes, and may also take a rating or a
/// withdrawal down by phone; staff and runners who see enterprises raise needs they find. Which need is whose is the
/// jurisdiction's business.
/// </summary>
public static class NeedPermissions
{
    public static bool May(this StaffRole role, NeedAction action) => action switch
    {
        NeedAction.Raise => role.May(Permission.ActForOwnEnterprise) || role.May(Permission.SeeEnterprises),
        NeedAction.Rate or NeedAction.Withdraw => role.May(Permission.ActForOwnEnterprise) || role.May(Permission.KeepEnterpriseLists),
        _ => role.May(Permission.KeepEnterpriseLists),
    };

    /// <summary>Where a need raised by <paramref name="role"/> comes from: an enterprise speaks for itself; staff may say they found it on a visit.</summary>
    public static NeedSource SourceFor(this StaffRole role, NeedSource asked) =>
        role.May(Permission.ActForOwnEnterprise) ? NeedSource.Enterprise : asked == NeedSource.Enterprise ? NeedSource.Staff : asked;

    public const string Refusal = "当前角色无权办理此操作";
}

using CivicGrid.App.Access;
using CivicGrid.Core.Access;

namespace CivicGrid.App.Accounts.TwoFactor;

/// <summary>Who may administer an account's second factor: the one rule the reset and its endpoint ask.</summary>
public static class TwoFactorAdministration
{
    /// <summary>Whoever may reset the account's password may reset its second factor: the account administration rule.</summary>
    public static bool MayReset(IJurisdiction actor, StaffUser account) =>
        AccountAdministration.Decide(new AccountHolder(actor.UserId, actor.Role, actor.ScopeCode), AccountAction.ResetPassword,
            new AccountHolder(account.Id, account.Role, account.ScopeCode)).Verdict == AccountVerdict.Allowed;
}

using CivicGrid.Core.Access;

namespace CivicGrid.App.Access.TwoFactor;

/// <summary>Who may administer an account's second factor: the one rule the reset and its endpoint ask.</summary>
public static class TwoFactorAdministration
{
    public static bool MayReset(IJurisdiction actor, StaffUser account) =>
        actor.Role == StaffRole.DistrictAdmin && account.ScopeCode.StartsWith(actor.ScopeCode, StringComparison.Ordinal);
}

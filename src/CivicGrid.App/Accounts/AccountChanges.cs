using CivicGrid.App.Data;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.App.Accounts;

internal static class AccountChanges
{
    /// <summary>
    /// Saves a change through Identity; a refusal (another administrator's edit in between, a password the policy refuses)
    /// comes back as field errors with nothing saved, the queued audit entry included.
    /// </summary>
    public static async Task<FieldErrors?> RefusedAsync(CivicGridDbContext db, Task<IdentityResult> change)
    {
        var result = await change;
        if (result.Succeeded)
        {
            return null;
        }
        db.ChangeTracker.Clear();
        return AccountPasswords.ByField(result);
    }
}

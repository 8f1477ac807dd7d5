using CivicGrid.App.Access;
using CivicGrid.App.Data;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.App.Accounts;

/// <summary>One-time passwords: made by the system, saved hashed with the account, returned once and never logged.</summary>
public static class AccountPasswords
{
    /// <summary>A password the policy accepts for this account (a random one could, rarely, contain its name).</summary>
    public static string NewFor(string userName)
    {
        while (true)
        {
            var password = SeedAccountsHandler.NewPassword();
            if (!PasswordPolicy.Problems(userName, password).Any())
            {
                return password;
            }
        }
    }

    /// <summary>Creates the account with a one-time password; the audit entry is saved in the same transaction.</summary>
    public static async Task<Outcome<OneTimePassword>> CreateAsync(CivicGridDbContext db, UserManager<StaffUser> users, StaffUser user, CancellationToken ct)
    {
        var password = NewFor(user.UserName!);
        AccountAccess.Audit(db, AccountAuditActions.Create, user, AccountAccess.Placed(user));
        var result = await users.CreateAsync(user, password);
        ct.ThrowIfCancellationRequested();
        if (!result.Succeeded)
        {
            // Nothing was saved; the queued audit entry goes with the refused account.
            db.ChangeTracker.Clear();
            return Outcome<OneTimePassword>.Invalid(ByField(result));
        }
        return Outcome<OneTimePassword>.Ok(new OneTimePassword(user.Id, user.UserName!, password));
    }

    /// <summary>Identity's refusals (in Chinese through its error describer) under the field they concern.</summary>
    public static FieldErrors ByField(IdentityResult result)
    {
        var errors = new FieldErrors();
        foreach (var e in result.Errors)
        {
            errors.Add(e.Code.Contains("UserName", StringComparison.Ordinal) ? "UserName" : e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : "", e.Description);
        }
        return errors;
    }
}

using CivicGrid.App.Access;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.Web.Access;

/// <summary>An account changing its own password, from the page or the API: the one-time password's flag goes with it.</summary>
public static class OwnPassword
{
    /// <summary>The errors by field (currentPassword, newPassword), or none once changed and signed in anew.</summary>
    public static async Task<Dictionary<string, string[]>> ChangeAsync(SignInManager<StaffUser> signIn, StaffUser user, string? current, string? next)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(current))
        {
            errors["currentPassword"] = ["请输入当前密码"];
        }
        if (string.IsNullOrEmpty(next))
        {
            errors["newPassword"] = ["请输入新密码"];
        }
        else if (next == current)
        {
            errors["newPassword"] = ["新密码不能与当前密码相同"];
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var mustChange = user.MustChangePassword;
        // Saved with the new hash in the same write.
        user.MustChangePassword = false;
        var result = await signIn.UserManager.ChangePasswordAsync(user, current!, next!);
        if (!result.Succeeded)
        {
            user.MustChangePassword = mustChange;
            foreach (var group in result.Errors.GroupBy(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword"))
            {
                errors[group.Key] = group.Select(e => e.Description).ToArray();
            }
            return errors;
        }
        // The security stamp changed, so other sessions end at their next request; this one is signed in anew.
        await signIn.RefreshSignInAsync(user);
        return errors;
    }
}

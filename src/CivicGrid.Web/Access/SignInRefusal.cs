using CivicGrid.App.Access;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.Web.Access;

/// <summary>Why a sign-in failed, the same for the page and the API.</summary>
public static class SignInRefusal
{
    public const string Stopped = "账号已停用，请联系管理员";
    public const string Locked = "账号已锁定，请15分钟后再试";
    public const string Wrong = "用户名或密码错误";

    /// <summary>
    /// A stopped account is named as stopped only to someone who knows its password; anyone else hears what a wrong
    /// password hears, so stopped accounts cannot be found by trying names.
    /// </summary>
    public static async Task<(string Message, int Status)> OfAsync(SignInManager<StaffUser> signIn, string userName, string password, SignInResult result)
    {
        if (result.IsLockedOut)
        {
            return (Locked, StatusCodes.Status423Locked);
        }
        if (result.IsNotAllowed && await signIn.UserManager.FindByNameAsync(userName) is { DisabledAt: not null } user
            && await signIn.UserManager.CheckPasswordAsync(user, password))
        {
            return (Stopped, StatusCodes.Status403Forbidden);
        }
        return (Wrong, StatusCodes.Status401Unauthorized);
    }
}

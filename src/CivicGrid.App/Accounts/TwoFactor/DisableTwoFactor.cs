using CivicGrid.App.Access;
using CivicGrid.App.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CivicGrid.App.Accounts.TwoFactor;

/// <summary>
/// Turns two-factor sign-in off and forgets the shared key, after a current code; an account whose role requires it
/// cannot, and rebinds a new phone by disabling and enrolling in one sitting instead.
/// </summary>
public sealed record DisableTwoFactor(string? Code);

public sealed class DisableTwoFactorHandler(CivicGridDbContext db, UserManager<StaffUser> users, IOptions<TwoFactorOptions> policy)
{
    public async Task<Outcome<bool>> HandleAsync(DisableTwoFactor command, CancellationToken ct)
    {
        var user = db.Jurisdiction.UserId is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null)
        {
            return Outcome<bool>.NotFound();
        }
        if (!user.TwoFactorEnabled)
        {
            return Outcome<bool>.Invalid(nameof(command.Code), "两步验证尚未开启");
        }
        if (policy.Value.IsRequiredFor(user.Role))
        {
            return Outcome<bool>.Invalid(nameof(command.Code), "您的角色必须使用两步验证，不能关闭；更换手机请联系管理员重置");
        }
        var code = Authenticator.Digits(command.Code);
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return Outcome<bool>.Invalid(nameof(command.Code), "验证码不正确或已过期，请输入验证器当前显示的6位数字");
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        return Outcome<bool>.Ok(true);
    }
}

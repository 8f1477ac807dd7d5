using CivicGrid.App.Access;
using CivicGrid.App.Data;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.App.Accounts.TwoFactor;

/// <summary>Turns on two-factor sign-in once the account shows a code from its authenticator app, and hands out recovery codes once.</summary>
public sealed record EnableTwoFactor(string? Code);

/// <summary>Codes that each sign in once without the app; shown once, stored hashed.</summary>
public sealed record RecoveryCodes(IReadOnlyList<string> Codes);

public sealed class EnableTwoFactorHandler(CivicGridDbContext db, UserManager<StaffUser> users)
{
    public async Task<Outcome<RecoveryCodes>> HandleAsync(EnableTwoFactor command, CancellationToken ct)
    {
        var user = db.Jurisdiction.UserId is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null)
        {
            return Outcome<RecoveryCodes>.NotFound();
        }
        if (user.TwoFactorEnabled)
        {
            return Outcome<RecoveryCodes>.Invalid(nameof(command.Code), "两步验证已开启；如需更换验证器，请先关闭再重新绑定");
        }
        if (await users.GetAuthenticatorKeyAsync(user) is null)
        {
            return Outcome<RecoveryCodes>.Invalid(nameof(command.Code), "请先打开两步验证页面获取密钥");
        }
        var code = Authenticator.Digits(command.Code);
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return Outcome<RecoveryCodes>.Invalid(nameof(command.Code), "验证码不正确或已过期，请输入验证器当前显示的6位数字");
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, Authenticator.RecoveryCodeCount);
        return Outcome<RecoveryCodes>.Ok(new RecoveryCodes([.. codes!]));
    }
}

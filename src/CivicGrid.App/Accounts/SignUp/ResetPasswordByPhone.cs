using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Security;
using CivicGrid.Core.Access;
using CivicGrid.Core.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Accounts.SignUp;

/// <summary>A resident who forgot their password sets a new one with a code sent to the phone they signed up with.</summary>
public sealed record ResetPasswordByPhone(string? Phone, string? Code, string? Password);

public sealed class ResetPasswordByPhoneHandler(CivicGridDbContext db, PersonalDataProtector protector, PhoneCodes codes, UserManager<StaffUser> users)
{
    public async Task<Outcome<string>> HandleAsync(ResetPasswordByPhone command, CancellationToken ct)
    {
        if (!PhoneNumber.TryNormalise(command.Phone, out var phone, out var reason))
        {
            return Outcome<string>.Invalid(nameof(command.Phone), reason);
        }
        var userId = await db.Set<ResidentSignUp>().Where(s => s.PhoneHash == protector.Hash(phone)).Select(s => s.UserId).FirstOrDefaultAsync(ct);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Outcome<string>.Invalid(nameof(command.Phone), "该手机号未注册");
        }
        foreach (var validator in users.PasswordValidators)
        {
            if (await validator.ValidateAsync(users, user, command.Password ?? "") is { Succeeded: false } weak)
            {
                return Outcome<string>.Invalid(nameof(command.Password), weak.Errors.First().Description);
            }
        }
        if (await codes.RedeemAsync(phone, PhoneCodePurpose.ResetPassword, command.Code, ct) is { } refused)
        {
            return Outcome<string>.Invalid(nameof(command.Code), refused);
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, command.Password!);
        if (!result.Succeeded)
        {
            return Outcome<string>.Invalid(nameof(command.Password), result.Errors.First().Description);
        }
        // A forgotten password is often preceded by wrong guesses; the phone proves the owner, so the lock is lifted.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return Outcome<string>.Ok(user.UserName!);
    }
}

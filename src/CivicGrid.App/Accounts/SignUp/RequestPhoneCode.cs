using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Security;
using CivicGrid.Core.Access;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Accounts.SignUp;

/// <summary>Someone asks for a one-time code to sign up or to reset a forgotten password.</summary>
public sealed record RequestPhoneCode(string? Phone, PhoneCodePurpose? Purpose, string? ClientAddress);

/// <summary>Sent, or refused for a reason: a field's, or the limits' (<see cref="Throttled"/>).</summary>
public sealed record PhoneCodeAnswer(bool Sent, bool Throttled, string? Field, string? Reason)
{
    public static readonly PhoneCodeAnswer Ok = new(true, false, null, null);
    public static PhoneCodeAnswer Invalid(string field, string reason) => new(false, false, field, reason);
}

public sealed class RequestPhoneCodeHandler(CivicGridDbContext db, PersonalDataProtector protector, PhoneCodes codes)
{
    public async Task<PhoneCodeAnswer> HandleAsync(RequestPhoneCode command, CancellationToken ct)
    {
        if (!PhoneNumber.TryNormalise(command.Phone, out var phone, out var reason))
        {
            return PhoneCodeAnswer.Invalid(nameof(command.Phone), reason);
        }
        if (command.Purpose is not { } purpose || !Enum.IsDefined(purpose))
        {
            return PhoneCodeAnswer.Invalid(nameof(command.Purpose), "用途应为 0（注册）或 1（找回密码）");
        }
        var registered = await db.Set<ResidentSignUp>().AnyAsync(s => s.PhoneHash == protector.Hash(phone), ct);
        if (purpose == PhoneCodePurpose.SignUp && registered)
        {
            return PhoneCodeAnswer.Invalid(nameof(command.Phone), "该手机号已注册，请直接登录或找回密码");
        }
        if (purpose == PhoneCodePurpose.ResetPassword && !registered)
        {
            return PhoneCodeAnswer.Invalid(nameof(command.Phone), "该手机号未注册");
        }
        var refused = await codes.IssueAsync(phone, purpose, command.ClientAddress, ct);
        return refused is null ? PhoneCodeAnswer.Ok : new PhoneCodeAnswer(false, refused != PhoneCodes.SendFailed, nameof(command.Phone), refused);
    }
}

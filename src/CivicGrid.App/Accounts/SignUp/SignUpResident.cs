using CivicGrid.App.Access;
using System.Security.Cryptography;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Security;
using CivicGrid.Core.Access;
using CivicGrid.Core.People;
using CivicGrid.Core.Territory;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Accounts.SignUp;

/// <summary>
/// A resident signs up on their phone with the code sent to it, their name, ID number, community and a password. When
/// the name and ID number match a registry record the account is tied to it at once; otherwise it waits for a grid worker.
/// </summary>
public sealed record SignUpResident(string? Phone, string? Code, string? Name, string? IdNumber, string? CommunityCode, string? Password);

public sealed record SignedUp(string UserName, SignUpStatus Status);

public sealed class SignUpResidentHandler(CivicGridDbContext db, PersonalDataProtector protector, PhoneCodes codes, UserManager<StaffUser> users)
{
    public async Task<Outcome<SignedUp>> HandleAsync(SignUpResident command, CancellationToken ct)
    {
        var (errors, form) = await ValidateAsync(command, ct);
        if (form is null)
        {
            return Outcome<SignedUp>.Invalid(errors);
        }
        if (await codes.RedeemAsync(form.Phone, PhoneCodePurpose.SignUp, command.Code, ct) is { } refused)
        {
            return Outcome<SignedUp>.Invalid(nameof(command.Code), refused);
        }
        var record = await db.DistrictChecks().Residents.AsNoTracking()
            .Where(r => r.IdNumberHash == protector.Hash(form.Id.Value) && r.Name == form.Name)
            .Select(r => new { r.Id, r.GridCode }).FirstOrDefaultAsync(ct);
        var linkable = record is not null && !await db.Users.AnyAsync(u => u.ResidentId == record.Id, ct);
        var user = form.User;
        user.ResidentId = linkable ? record!.Id : null;
        user.ScopeCode = linkable ? record!.GridCode : form.CommunityCode;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, command.Password!);
        if (!created.Succeeded)
        {
            return Outcome<SignedUp>.Invalid(nameof(command.Password), created.Errors.First().Description);
        }
        var status = linkable ? SignUpStatus.Linked : SignUpStatus.Pending;
        db.Set<ResidentSignUp>().Add(new ResidentSignUp
        {
            UserId = user.Id, PhoneHash = protector.Hash(form.Phone), PhoneCipher = protector.Encrypt(form.Phone),
            PhoneMasked = PersonalDataMask.Phone(form.Phone), Name = form.Name, IdNumberHash = protector.Hash(form.Id.Value),
            IdNumberCipher = protector.Encrypt(form.Id.Value), IdNumberMasked = PersonalDataMask.IdNumber(form.Id.Value),
            ScopeCode = user.ScopeCode, Status = status, ResidentId = user.ResidentId, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<SignedUp>.Ok(new SignedUp(user.UserName!, status));
    }

    private sealed record Form(string Phone, string Name, IdNumber Id, string CommunityCode, StaffUser User);

    private async Task<(FieldErrors Errors, Form? Form)> ValidateAsync(SignUpResident c, CancellationToken ct)
    {
        var errors = new FieldErrors();
        void Fail(string field, string reason) => errors[field] = [reason];
        if (!PhoneNumber.TryNormalise(c.Phone, out var phone, out var phoneReason)) Fail(nameof(c.Phone), phoneReason);
        else if (await db.Set<ResidentSignUp>().AnyAsync(s => s.PhoneHash == protector.Hash(phone), ct)) Fail(nameof(c.Phone), "该手机号已注册，请直接登录或找回密码");
        var name = (c.Name ?? "").Trim();
        if (name.Length is 0 or > 50) Fail(nameof(c.Name), "姓名必填，最多50个字符");
        if (!IdNumber.TryParse(c.IdNumber ?? "", out var id, out var idReason)) Fail(nameof(c.IdNumber), idReason);
        else if (await db.Set<ResidentSignUp>().AnyAsync(s => s.IdNumberHash == protector.Hash(id.Value), ct)) Fail(nameof(c.IdNumber), "该身份证号已注册账号，请用注册时的手机号登录，或联系网格员");
        var community = (c.CommunityCode ?? "").Trim();
        if (!await db.PublicGeography().TerritoryNodes.AnyAsync(n => n.Code == community && n.Level == TerritoryLevel.Community, ct)) Fail(nameof(c.CommunityCode), "请选择所在社区");
        if (string.IsNullOrWhiteSpace(c.Code)) Fail(nameof(c.Code), "请输入短信验证码");
        var user = new StaffUser { UserName = await NewUserNameAsync(ct), DisplayName = name, Role = StaffRole.Resident, ScopeCode = community };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, c.Password ?? "");
            if (!result.Succeeded)
            {
                Fail(nameof(c.Password), result.Errors.First().Description);
                break;
            }
        }
        return errors.Count > 0 ? (errors, null) : (errors, new Form(phone, name, id!, community, user));
    }

    /// <summary>Residents sign in with their phone; the account's own name is random, so the user table holds no number.</summary>
    private async Task<string> NewUserNameAsync(CancellationToken ct)
    {
        while (true)
        {
            var name = "r" + RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            if (!await db.Users.AnyAsync(u => u.UserName == name, ct))
            {
                return name;
            }
        }
    }
}

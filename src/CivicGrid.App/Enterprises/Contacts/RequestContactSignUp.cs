using System.Net.Mail;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Security;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Contacts;

/// <summary>
/// A person asks, without an account, to be the contact of the enterprise with this credit code (checked against
/// GB 32100; the enterprise must be registered here), giving a name and a phone or e-mail. The request waits for the
/// staff of the enterprise's place.
/// </summary>
public sealed record RequestContactSignUp(string? CreditCode, string? Name, string? Phone, string? Email);

public sealed class RequestContactSignUpHandler(CivicGridDbContext db, PersonalDataProtector protector)
{
    public async Task<Outcome<int>> HandleAsync(RequestContactSignUp command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var firm = await FirmAsync(command.CreditCode, errors, ct);
        var name = command.Name?.Trim() ?? "";
        if (name.Length is 0 or > ContactSignUp.MaxNameLength)
        {
            errors.Add("name", $"请填写姓名（最多 {ContactSignUp.MaxNameLength} 个字）");
        }
        var (phone, email) = Contact(command, errors);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var hash = protector.Hash(phone ?? email!.ToLowerInvariant());
        if (await db.Set<ContactSignUp>().AnyAsync(s => s.EnterpriseId == firm!.Id && s.ContactHash == hash && s.Status == ContactSignUpStatus.Pending, ct))
        {
            return Outcome<int>.Invalid(phone is null ? "email" : "phone", "您已为该企业提交过申请，请等待商务社区审核");
        }
        var signUp = new ContactSignUp
        {
            EnterpriseId = firm!.Id, ScopeCode = firm.GridCode, BusinessCommunityId = firm.Community, Name = name, ContactHash = hash,
            PhoneCipher = phone is null ? null : protector.Encrypt(phone), PhoneMasked = phone is null ? null : PersonalDataMask.Phone(phone),
            EmailCipher = email is null ? null : protector.Encrypt(email), EmailMasked = email is null ? null : PersonalDataMask.Email(email),
            Status = ContactSignUpStatus.Pending, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.Set<ContactSignUp>().Add(signUp);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(signUp.Id);
    }

    private sealed record Firm(int Id, string GridCode, int? Community);

    private async Task<Firm?> FirmAsync(string? text, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("creditCode", "请填写企业的统一社会信用代码");
            return null;
        }
        if (!CreditCode.TryNormalise(text, out var code, out var reason))
        {
            errors.Add("creditCode", reason);
            return null;
        }
        var firm = await db.DistrictChecks().Enterprises.Where(e => e.CreditCode == code)
            .Select(e => new Firm(e.Id, e.GridCode, e.Building == null ? null : e.Building.BusinessCommunityId)).FirstOrDefaultAsync(ct);
        if (firm is null)
        {
            errors.Add("creditCode", $"本区没有统一社会信用代码为“{code}”的企业，请核对后重填");
        }
        return firm;
    }

    /// <summary>A phone, an e-mail or both; at least one, so the staff can reach the person.</summary>
    private static (string? Phone, string? Email) Contact(RequestContactSignUp command, FieldErrors errors)
    {
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(command.Phone))
        {
            if (PhoneNumber.TryNormalise(command.Phone, out var normalised, out var reason))
            {
                phone = normalised;
            }
            else
            {
                errors.Add("phone", reason);
            }
        }
        var email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim();
        if (email is not null && (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            errors.Add("email", "电子邮箱格式不正确");
            email = null;
        }
        if (string.IsNullOrWhiteSpace(command.Phone) && string.IsNullOrWhiteSpace(command.Email))
        {
            errors.Add("phone", "请填写手机号或电子邮箱，以便商务社区与您联系");
        }
        return (phone, email);
    }
}

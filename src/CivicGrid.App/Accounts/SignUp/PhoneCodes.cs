using CivicGrid.App.Access;
using System.Security.Cryptography;
using CivicGrid.App.Data;
using CivicGrid.App.Notifications.Sms;
using CivicGrid.App.Security;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.App.Accounts.SignUp;

/// <summary>Issues one-time codes by SMS within the limits, and redeems them.</summary>
public sealed class PhoneCodes(CivicGridDbContext db, PersonalDataProtector protector, ISmsSender sms, IOptions<PhoneCodeLimits> limits)
{
    public const string SendFailed = "短信发送失败，请稍后再试";

    /// <summary>Sends a new code; the reason in Chinese when a limit or the provider stops it.</summary>
    public async Task<string?> IssueAsync(string phone, PhoneCodePurpose purpose, string? clientAddress, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var phoneHash = protector.Hash(phone);
        var hourAgo = now.AddHours(-1);
        var recent = await db.Set<PhoneCode>().Where(c => c.PhoneHash == phoneHash && c.CreatedAt > hourAgo).Select(c => c.CreatedAt).ToListAsync(ct);
        if (recent.Count > 0 && recent.Max() > now.AddSeconds(-limits.Value.ResendSeconds))
        {
            return $"验证码发送过于频繁，请{limits.Value.ResendSeconds}秒后再试";
        }
        if (recent.Count >= limits.Value.PerPhonePerHour)
        {
            return "该手机号1小时内获取验证码次数过多，请稍后再试";
        }
        if (clientAddress is not null
            && await db.Set<PhoneCode>().CountAsync(c => c.ClientAddress == clientAddress && c.CreatedAt > hourAgo, ct) >= limits.Value.PerAddressPerHour)
        {
            return "您的网络1小时内获取验证码次数过多，请稍后再试";
        }
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            await sms.SendAsync(SmsTexts.Code(phone, code), ct);
        }
        catch (SmsFailedException)
        {
            return SendFailed;
        }
        db.Set<PhoneCode>().Add(new PhoneCode
        {
            PhoneHash = phoneHash, Purpose = purpose, CodeHash = CodeHash(phone, code), CreatedAt = now,
            ExpiresAt = now + PhoneCode.Lifetime, ClientAddress = clientAddress,
        });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Uses up the latest code sent to the number for the purpose; a wrong try is counted and saved.</summary>
    public async Task<string?> RedeemAsync(string phone, PhoneCodePurpose purpose, string? typed, CancellationToken ct)
    {
        var latest = await db.Set<PhoneCode>().Where(c => c.PhoneHash == protector.Hash(phone) && c.Purpose == purpose)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return "请先获取验证码";
        }
        var digits = new string((typed ?? "").Where(char.IsAsciiDigit).ToArray());
        var reason = latest.Redeem(CodeHash(phone, digits), db.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return reason;
    }

    /// <summary>Keyed and bound to the number, so the table alone does not give six digits away to a search of a million.</summary>
    private string CodeHash(string phone, string code) => protector.Hash($"phone-code:{phone}:{code}");
}

namespace CivicGrid.Core.Access;

/// <summary>What a one-time code sent by SMS is for.</summary>
public enum PhoneCodePurpose
{
    SignUp,
    ResetPassword,
}

/// <summary>
/// A one-time code sent to a mobile phone (短信验证码): six digits, kept only as a keyed hash, good for
/// <see cref="Lifetime"/>, used once, and void after <see cref="MaxAttempts"/> wrong tries.
/// </summary>
public sealed class PhoneCode
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public const int MaxAttempts = 5;

    public long Id { get; set; }
    public required string PhoneHash { get; set; }
    public PhoneCodePurpose Purpose { get; set; }
    public required string CodeHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? UsedAt { get; set; }
    /// <summary>The address that asked for it, for the limit per address.</summary>
    public string? ClientAddress { get; set; }

    /// <summary>Checks a typed code (by its hash) and uses it up when it matches; the reason in Chinese when it does not.</summary>
    public string? Redeem(string codeHash, DateTime now)
    {
        if (UsedAt is not null)
        {
            return "验证码已使用过，请重新获取";
        }
        if (now >= ExpiresAt)
        {
            return "验证码已过期，请重新获取";
        }
        if (Attempts >= MaxAttempts)
        {
            return "验证码错误次数过多，请重新获取";
        }
        if (!string.Equals(codeHash, CodeHash, StringComparison.Ordinal))
        {
            Attempts++;
            return Attempts >= MaxAttempts ? "验证码错误次数过多，请重新获取" : "验证码不正确";
        }
        UsedAt = now;
        return null;
    }
}

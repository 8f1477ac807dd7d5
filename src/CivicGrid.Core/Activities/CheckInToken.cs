using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CivicGrid.Core.Activities;

/// <summary>What a check-in token says when read.</summary>
public enum TokenReading
{
    Valid,
    Malformed,
    Forged,
    Expired,
}

/// <summary>
/// The text of a resident's check-in QR code (签到码): session, resident and expiry in the clear, sealed with
/// HMAC-SHA256 so nobody can make one for another session or person or stretch its time.
/// Form: <c>A1.{session}.{resident}.{expiry, Unix seconds}.{seal, base64url}</c>.
/// </summary>
public static class CheckInToken
{
    private const string Prefix = "A1";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    public static string Issue(ReadOnlySpan<byte> key, int sessionId, int residentId, DateTimeOffset expiresAt)
    {
        var body = Body(sessionId, residentId, expiresAt.ToUnixTimeSeconds());
        return body + "." + Seal(key, body);
    }

    public static (TokenReading Reading, int SessionId, int ResidentId) Read(ReadOnlySpan<byte> key, string? token, DateTimeOffset now)
    {
        var parts = (token ?? "").Trim().Split('.');
        if (parts.Length != 5 || parts[0] != Prefix
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var session)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var resident)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expiry))
        {
            return (TokenReading.Malformed, 0, 0);
        }
        var body = Body(session, resident, expiry);
        var expected = Encoding.ASCII.GetBytes(Seal(key, body));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[4])))
        {
            return (TokenReading.Forged, 0, 0);
        }
        return now.ToUnixTimeSeconds() > expiry ? (TokenReading.Expired, session, resident) : (TokenReading.Valid, session, resident);
    }

    public static string Refusal(TokenReading reading) => reading switch
    {
        TokenReading.Malformed => "无法识别的签到码，请让居民刷新二维码后重试",
        TokenReading.Forged => "签到码校验失败，可能被篡改，不能签到",
        TokenReading.Expired => "签到码已过期，请让居民刷新页面后重新出示",
        _ => "",
    };

    private static string Body(int session, int resident, long expiry) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}.{session}.{resident}.{expiry}");

    private static string Seal(ReadOnlySpan<byte> key, string body)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body), mac);
        return Convert.ToBase64String(mac[..18]).Replace('+', '-').Replace('/', '_');
    }
}

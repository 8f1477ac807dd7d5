using CivicGrid.App.Access;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.App.Accounts.TwoFactor;

/// <summary>What an authenticator app needs to enrol: the shared key, as typed and as an otpauth link for the QR code.</summary>
public sealed record AuthenticatorSetup(bool Enabled, string SharedKey, string AuthenticatorUri, int RecoveryCodesLeft);

/// <summary>Where Identity's user store keeps the authenticator key (<c>GetAuthenticatorKeyAsync</c> reads it there).</summary>
internal static class AuthenticatorKeyStore
{
    public const string Provider = "[AspNetUserStore]";
    public const string Name = "AuthenticatorKey";
}

public static class Authenticator
{
    public const string Issuer = "CivicGrid";
    public const int RecoveryCodeCount = 10;

    public static async Task<AuthenticatorSetup> SetupAsync(UserManager<StaffUser> users, StaffUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // The first key is stored without renewing the security stamp (as ResetAuthenticatorKeyAsync would): a key not
            // yet enabled protects nothing, and a new stamp would end the very session that is enrolling at its next request.
            key = users.GenerateNewAuthenticatorKey();
            await users.SetAuthenticationTokenAsync(user, AuthenticatorKeyStore.Provider, AuthenticatorKeyStore.Name, key);
        }
        var label = Uri.EscapeDataString($"{Issuer}:{user.UserName}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6";
        return new AuthenticatorSetup(user.TwoFactorEnabled, InGroups(key!), uri, await users.CountRecoveryCodesAsync(user));
    }

    /// <summary>Codes are typed with spaces and dashes as apps show them; only the digits count.</summary>
    public static string Digits(string? code) => new((code ?? "").Where(char.IsAsciiDigit).ToArray());

    private static string InGroups(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}

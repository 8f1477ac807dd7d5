using CivicGrid.App.Access;
using CivicGrid.Core.Access;

namespace CivicGrid.App.Accounts.TwoFactor;

/// <summary>
/// The <c>Security:TwoFactor</c> settings: which roles must sign in with a second factor (两步验证). The roles that may
/// reveal personal data need it by default; the demo, which seeds its accounts with one shared password, does not
/// enforce it unless <see cref="Enforced"/> says so.
/// </summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Security:TwoFactor";

    /// <summary>Role names separated by commas; an empty value requires it of no role.</summary>
    public string RequiredRoles { get; set; } = "DistrictAdmin,StreetOfficial,CommunityStaff,GridWorker";

    /// <summary>Whether the rule is enforced; unset, it is enforced on every site that does not seed the demo.</summary>
    public bool? Enforced { get; set; }

    public bool IsRequiredFor(StaffRole role) => Enforced == true && Roles().Contains(role);

    public IReadOnlySet<StaffRole> Roles() => RequiredRoles
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(name => Enum.TryParse<StaffRole>(name, ignoreCase: true, out var role)
            ? role
            : throw new InvalidOperationException($"{Section}:RequiredRoles names an unknown role '{name}'."))
        .ToHashSet();
}

using CivicGrid.Core.Access;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.App.Access;

/// <summary>An account: its role and the node of the tree it is scoped to.</summary>
public sealed class StaffUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public StaffRole Role { get; set; }
    public required string ScopeCode { get; set; }
    /// <summary>The department a department handler works for.</summary>
    public string? DepartmentCode { get; set; }
    /// <summary>The enterprise an enterprise contact speaks for, bound by its unified social credit code.</summary>
    public int? EnterpriseId { get; set; }
    /// <summary>The business community the account works in (staff, runners), or its enterprise's (a contact: the offers it sees).</summary>
    public int? BusinessCommunityId { get; set; }
    /// <summary>The special service group (专项服务组) a project cadre works in.</summary>
    public int? ServiceGroupId { get; set; }
    /// <summary>The resident record a resident's account belongs to, once linked by staff.</summary>
    public int? ResidentId { get; set; }
    /// <summary>Set for a password someone else chose (a new account, a reset): every page leads to the password change until it is changed.</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>When the account was stopped (停用); a stopped account cannot sign in and its sessions end.</summary>
    public DateTime? DisabledAt { get; set; }
    /// <summary>UTC, like the other times stored.</summary>
    public DateTime? LastSignInAt { get; set; }
    public DateTime? CreatedAt { get; set; }
    /// <summary>The phone as cipher text (<see cref="Accounts.StaffPhones"/>); Identity's own PhoneNumber column stays empty.</summary>
    public byte[]? PhoneCipher { get; set; }
    /// <summary>Keyed hash of the phone, to find a number already in use without decrypting.</summary>
    public string? PhoneHash { get; set; }
    public string? PhoneMasked { get; set; }
}

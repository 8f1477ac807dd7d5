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
    /// <summary>The resident record a resident's account belongs to, once linked by staff.</summary>
    public int? ResidentId { get; set; }
}

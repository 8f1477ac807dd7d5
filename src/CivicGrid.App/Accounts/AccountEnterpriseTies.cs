using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Accounts;

/// <summary>Where an account of the enterprise roles is placed: its business community, or its enterprise found by credit code.</summary>
public sealed record EnterpriseTies(string ScopeCode, int? EnterpriseId, int? BusinessCommunityId);

/// <summary>
/// Business-community staff and runners are placed in a business community and scoped to its street; an enterprise
/// contact is bound to one enterprise by its unified social credit code and scoped to the enterprise's grid. Both are
/// looked up through the actor's scope, so nobody places an account with a firm or community they cannot see.
/// </summary>
public static class AccountEnterpriseTies
{
    public static bool TiedToEnterprises(this StaffRole role) =>
        role is StaffRole.BusinessCommunityStaff or StaffRole.Runner or StaffRole.EnterpriseContact;

    public static async Task<EnterpriseTies?> CheckAsync(CivicGridDbContext db, AccountFields f, StaffRole role, FieldErrors errors, CancellationToken ct) =>
        role == StaffRole.EnterpriseContact ? await EnterpriseAsync(db, f.CreditCode, errors, ct) : await CommunityAsync(db, f.BusinessCommunityId, errors, ct);

    private static async Task<EnterpriseTies?> CommunityAsync(CivicGridDbContext db, int? id, FieldErrors errors, CancellationToken ct)
    {
        if (id is null)
        {
            errors[nameof(AccountFields.BusinessCommunityId)] = ["请选择所属商务社区"];
            return null;
        }
        var own = db.Jurisdiction.BusinessCommunityId;
        var community = await db.BusinessCommunities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (community is null || (db.Jurisdiction.Role == StaffRole.BusinessCommunityStaff && own != id))
        {
            errors[nameof(AccountFields.BusinessCommunityId)] = ["找不到该商务社区，或该商务社区不在您的管辖范围内"];
            return null;
        }
        return new EnterpriseTies(community.StreetCode, null, community.Id);
    }

    private static async Task<EnterpriseTies?> EnterpriseAsync(CivicGridDbContext db, string? text, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[nameof(AccountFields.CreditCode)] = ["企业联系人须填写所在企业的统一社会信用代码"];
            return null;
        }
        if (!CreditCode.TryNormalise(text, out var code, out var reason))
        {
            errors[nameof(AccountFields.CreditCode)] = [reason];
            return null;
        }
        var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.CreditCode == code)
            .Select(e => new { e.Id, e.GridCode, Community = e.Building == null ? null : e.Building.BusinessCommunityId }).FirstOrDefaultAsync(ct);
        var own = db.Jurisdiction.BusinessCommunityId;
        if (enterprise is null || (db.Jurisdiction.Role == StaffRole.BusinessCommunityStaff && enterprise.Community != own))
        {
            errors[nameof(AccountFields.CreditCode)] = [$"找不到统一社会信用代码为“{code}”的企业，或该企业不在您的管辖范围内"];
            return null;
        }
        return new EnterpriseTies(enterprise.GridCode, enterprise.Id, enterprise.Community);
    }
}

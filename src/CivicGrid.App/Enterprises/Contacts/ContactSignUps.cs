using CivicGrid.App.Accounts;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;

namespace CivicGrid.App.Enterprises.Contacts;

/// <summary>
/// Who decides contacts' requests: those who invite contacts (business-community staff, street officials, district
/// admins), for the requests of enterprises in their subtree; business-community staff for their own community's only,
/// as they invite.
/// </summary>
internal static class ContactSignUps
{
    public const string Refusal = "当前角色无权审核企业联系人申请";

    public static bool MayDecide(StaffRole role) => role.ManagedRoles().Contains(StaffRole.EnterpriseContact);

    public static IQueryable<ContactSignUp> Pending(CivicGridDbContext db)
    {
        var scope = db.Jurisdiction.Actor().ScopeCode;
        var pending = db.Set<ContactSignUp>().Where(s => s.Status == ContactSignUpStatus.Pending && s.ScopeCode.StartsWith(scope));
        if (db.Jurisdiction.Role == StaffRole.BusinessCommunityStaff)
        {
            var own = db.Jurisdiction.BusinessCommunityId ?? -1;
            pending = pending.Where(s => s.BusinessCommunityId == own);
        }
        return pending;
    }
}

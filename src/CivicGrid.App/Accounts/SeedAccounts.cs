using CivicGrid.App.Access;
using System.Security.Cryptography;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using CivicGrid.Core.Territory;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Accounts;

/// <summary>Creates the demo accounts, one for each role, scoped down the tree from the district to the first grid.</summary>
public sealed record SeedAccounts(string Password);

public sealed record DemoAccount(string UserName, string DisplayName, StaffRole Role, string ScopeCode);

public sealed class SeedAccountsHandler(CivicGridDbContext db, UserManager<StaffUser> users)
{
    public async Task<IReadOnlyList<DemoAccount>> HandleAsync(SeedAccounts command, CancellationToken ct)
    {
        var nodes = await db.SystemWork().TerritoryNodes.AsNoTracking().OrderBy(n => n.Code).ToListAsync(ct);
        string First(TerritoryLevel level) => nodes.First(n => n.Level == level).Code;
        var accounts = new List<DemoAccount>
        {
            new("admin", "区管理员", StaffRole.DistrictAdmin, First(TerritoryLevel.District)),
            new("street", "街道干部", StaffRole.StreetOfficial, First(TerritoryLevel.Street)),
            new("community", "社区工作者", StaffRole.CommunityStaff, First(TerritoryLevel.Community)),
            new("gridworker", "网格员", StaffRole.GridWorker, First(TerritoryLevel.Grid)),
            new("department", "职能部门经办人", StaffRole.DepartmentHandler, First(TerritoryLevel.District)),
            new("supervisor", "民间督导员", StaffRole.CivicSupervisor, First(TerritoryLevel.Street)),
            new("resident", "居民", StaffRole.Resident, First(TerritoryLevel.Grid)),
            new("projectoffice", "区项目办", StaffRole.ProjectOffice, First(TerritoryLevel.District)),
            new("cadre", "项目服务专员", StaffRole.ProjectCadre, First(TerritoryLevel.District)),
        };
        var ties = await DemoEnterpriseTiesAsync(ct);
        if (ties is { } t)
        {
            accounts.Add(new("bcstaff", "商务社区工作人员", StaffRole.BusinessCommunityStaff, t.Street));
            accounts.Add(new("runner", "助跑员", StaffRole.Runner, t.Street));
            accounts.Add(new("enterprise", "企业联系人", StaffRole.EnterpriseContact, t.EnterpriseGrid));
        }
        foreach (var account in accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }
            var user = new StaffUser
            {
                UserName = account.UserName, DisplayName = account.DisplayName, Role = account.Role, ScopeCode = account.ScopeCode,
                DepartmentCode = account.Role == StaffRole.DepartmentHandler ? DemoDepartment : null,
                ResidentId = account.Role == StaffRole.Resident ? await DemoResidentAsync(account.ScopeCode, ct) : null,
                EnterpriseId = account.Role == StaffRole.EnterpriseContact ? ties?.EnterpriseId : null,
                BusinessCommunityId = account.Role is StaffRole.BusinessCommunityStaff or StaffRole.Runner or StaffRole.EnterpriseContact ? ties?.CommunityId : null,
                ServiceGroupId = account.Role == StaffRole.ProjectCadre ? await FirstServiceGroupAsync(ct) : null,
            };
            var result = await users.CreateAsync(user, command.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create {account.UserName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }
        return accounts;
    }

    private Task<int?> FirstServiceGroupAsync(CancellationToken ct) =>
        db.Set<Core.Projects.ServiceGroup>().OrderBy(g => g.Id).Select(g => (int?)g.Id).FirstOrDefaultAsync(ct);

    /// <summary>The first business community, and the first enterprise in one of its buildings, for the enterprise roles' demo accounts.</summary>
    private async Task<(int CommunityId, string Street, int EnterpriseId, string EnterpriseGrid)?> DemoEnterpriseTiesAsync(CancellationToken ct)
    {
        var firm = await db.SystemWork().Enterprises.Where(e => e.Building != null && e.Building.BusinessCommunityId != null)
            .OrderBy(e => e.Building!.BusinessCommunityId).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.GridCode, Community = e.Building!.BusinessCommunityId!.Value, e.Building.BusinessCommunity!.StreetCode })
            .FirstOrDefaultAsync(ct);
        return firm is null ? null : (firm.Community, firm.StreetCode, firm.Id, firm.GridCode);
    }

    /// <summary>The demo resident's account belongs to the first adult with a household in its grid.</summary>
    private Task<int?> DemoResidentAsync(string gridCode, CancellationToken ct)
    {
        var adult = db.Clock.Today().AddYears(-25);
        return db.SystemWork().Residents.Where(r => r.GridCode == gridCode && r.HouseholdId != null && r.BirthDate <= adult)
            .OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The department the demo department handler works for: city management, which most dispatched items go to.</summary>
    public const string DemoDepartment = "CG";

    /// <summary>A password that passes the policy and is easy to type from a console.</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
        // The suffix guarantees the digit the password policy asks for.
        return "Cg-" + string.Concat(Enumerable.Range(0, 10).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]))
            + RandomNumberGenerator.GetInt32(10, 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Accounts;

/// <summary>
/// The first district admin of an installation (首个管理员), made from the command line: scoped to the district node
/// unless another node is named, with a one-time password to change at the first sign-in.
/// </summary>
public sealed record CreateAdministrator(string? UserName, string? DisplayName, string? ScopeCode = null);

public sealed class CreateAdministratorHandler(CivicGridDbContext db, CreateAccountHandler accounts)
{
    public async Task<Outcome<OneTimePassword>> HandleAsync(CreateAdministrator command, CancellationToken ct)
    {
        var scope = command.ScopeCode;
        if (string.IsNullOrWhiteSpace(scope))
        {
            var districts = await db.PublicGeography().TerritoryNodes.Where(n => n.Level == TerritoryLevel.District).Select(n => n.Code).Take(2).ToListAsync(ct);
            if (districts.Count != 1)
            {
                return Outcome<OneTimePassword>.Invalid("ScopeCode", districts.Count == 0
                    ? "数据库中还没有区划，请先导入区划（import-territory）"
                    : "数据库中有多个区，请用 --scope 指定管理员所属的区");
            }
            scope = districts[0];
        }
        return await accounts.HandleAsync(new CreateAccount(command.UserName,
            new AccountFields(command.DisplayName, nameof(StaffRole.DistrictAdmin), scope, null, null, null)), ct);
    }
}

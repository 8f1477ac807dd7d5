using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Enrolment;

/// <summary>
/// Staff link a resident's own account to their record, after checking who they are in person, so offers reach the
/// account's inbox and the resident answers them at 我的服务. An account belongs to one record; an empty user name unlinks.
/// </summary>
public sealed record LinkResidentAccount(int ResidentId, string? UserName);

public sealed class LinkResidentAccountHandler(CivicGridDbContext db)
{
    public async Task<Outcome<string?>> HandleAsync(LinkResidentAccount command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.ManagesPeople())
        {
            return Outcome<string?>.Forbidden("当前角色无权关联居民账号");
        }
        if (!await db.Residents.AnyAsync(r => r.Id == command.ResidentId, ct))
        {
            return Outcome<string?>.NotFound();
        }
        foreach (var linked in await db.Users.Where(u => u.ResidentId == command.ResidentId).ToListAsync(ct))
        {
            linked.ResidentId = null;
        }
        var name = command.UserName?.Trim();
        if (!string.IsNullOrEmpty(name))
        {
            var account = await db.Users.FirstOrDefaultAsync(u => u.UserName == name, ct);
            if (account is null || account.Role != StaffRole.Resident)
            {
                return Outcome<string?>.Invalid(nameof(command.UserName), $"未找到居民账号“{name}”");
            }
            if (account.ResidentId is not null && account.ResidentId != command.ResidentId)
            {
                return Outcome<string?>.Invalid(nameof(command.UserName), "该账号已关联其他居民，请先解除");
            }
            account.ResidentId = command.ResidentId;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<string?>.Ok(string.IsNullOrEmpty(name) ? null : name);
    }
}

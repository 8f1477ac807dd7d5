using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Accounts.SignUp;

/// <summary>
/// A grid worker who has checked who the resident is ties the waiting account to their record (<see cref="ResidentId"/>),
/// or refuses it (no record): the account is stopped and the number may sign up again.
/// </summary>
public sealed record DecideSignUp(int SignUpId, int? ResidentId, bool Reject);

public sealed class DecideSignUpHandler(CivicGridDbContext db, UserManager<StaffUser> users)
{
    public async Task<Outcome<SignUpStatus?>> HandleAsync(DecideSignUp command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.ManagesPeople())
        {
            return Outcome<SignUpStatus?>.Forbidden("当前角色无权确认居民账号");
        }
        var signUp = await PendingSignUps.Visible(db).FirstOrDefaultAsync(s => s.Id == command.SignUpId, ct);
        var user = signUp is null ? null : await users.FindByIdAsync(signUp.UserId);
        if (signUp is null || user is null)
        {
            return Outcome<SignUpStatus?>.NotFound();
        }
        if (command.Reject)
        {
            db.Set<ResidentSignUp>().Remove(signUp);
            // Stopped like any account an administrator stops: no sign-in, and its session ends at the next request.
            user.DisabledAt = db.Clock.GetUtcNow().UtcDateTime;
            await users.UpdateSecurityStampAsync(user);
            return Outcome<SignUpStatus?>.Ok(null);
        }
        var resident = command.ResidentId is { } id ? await db.Residents.FirstOrDefaultAsync(r => r.Id == id, ct) : null;
        if (resident is null)
        {
            return Outcome<SignUpStatus?>.Invalid(nameof(command.ResidentId), "请选择您辖区内的居民档案");
        }
        if (await db.Users.AnyAsync(u => u.ResidentId == resident.Id && u.Id != user.Id, ct))
        {
            return Outcome<SignUpStatus?>.Invalid(nameof(command.ResidentId), "该居民档案已关联其他账号");
        }
        (user.ResidentId, user.ScopeCode) = (resident.Id, resident.GridCode);
        (signUp.Status, signUp.ResidentId, signUp.ScopeCode) = (SignUpStatus.Linked, resident.Id, resident.GridCode);
        (signUp.DecidedBy, signUp.DecidedAt) = (db.Jurisdiction.ActorName, db.Clock.GetUtcNow().UtcDateTime);
        // The account's scope claim changes: its sessions take the new one at their next check.
        await users.UpdateSecurityStampAsync(user);
        return Outcome<SignUpStatus?>.Ok(SignUpStatus.Linked);
    }
}

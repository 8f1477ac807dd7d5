using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Security;
using CivicGrid.Core.Access;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.App.Accounts;

/// <summary>
/// Changes an account's name, role, scope, department, phone or e-mail. A new role or scope ends the account's open
/// sessions, so it signs in again under what it now is.
/// </summary>
public sealed record UpdateAccount(string Id, AccountFields Fields);

public sealed class UpdateAccountHandler(CivicGridDbContext db, UserManager<StaffUser> users, PersonalDataProtector protector)
{
    public async Task<Outcome<AccountSummary>> HandleAsync(UpdateAccount command, CancellationToken ct)
    {
        var (user, refusal) = await db.FindAccountAsync<AccountSummary>(command.Id, AccountAction.Update, ct);
        if (user is null)
        {
            return refusal!;
        }
        var (fields, errors) = await AccountFieldChecks.CheckAsync(db, protector, command.Fields, user.Id, ct);
        if (fields is null)
        {
            return Outcome<AccountSummary>.Invalid(errors);
        }
        var decision = AccountAdministration.Decide(db.Jurisdiction.Actor(), AccountAction.Update, user.Holder(), new AccountHolder(user.Id, fields.Role, fields.ScopeCode));
        if (decision.Verdict != AccountVerdict.Allowed)
        {
            return Outcome<AccountSummary>.Invalid(AccountFieldChecks.Refusal(decision));
        }
        var placement = AccountAccess.Placement(user.Role, user.ScopeCode, fields.Role, fields.ScopeCode);
        AccountFieldChecks.Apply(user, fields, protector);
        AccountAccess.Audit(db, AccountAuditActions.Update, user, placement);
        if (await AccountChanges.RefusedAsync(db, placement is null ? users.UpdateAsync(user) : users.UpdateSecurityStampAsync(user)) is { } refused)
        {
            return Outcome<AccountSummary>.Invalid(refused);
        }
        return Outcome<AccountSummary>.Ok(AccountViews.Summary(user, null, db.Clock.GetUtcNow()));
    }
}

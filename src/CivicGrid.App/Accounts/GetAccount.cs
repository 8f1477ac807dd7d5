using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Accounts;

/// <summary>One account the actor manages, with its e-mail for the edit form.</summary>
public sealed record GetAccount(string Id);

public sealed class GetAccountHandler(CivicGridDbContext db)
{
    public async Task<Outcome<AccountDetail>> HandleAsync(GetAccount query, CancellationToken ct)
    {
        var (user, refusal) = await db.FindAccountAsync<AccountDetail>(query.Id, AccountAction.View, ct);
        if (user is null)
        {
            return refusal!;
        }
        var scopeName = await db.PublicGeography().TerritoryNodes.Where(n => n.Code == user.ScopeCode).Select(n => n.Name).FirstOrDefaultAsync(ct);
        var creditCode = user.EnterpriseId is { } enterprise
            ? await db.Enterprises.Where(e => e.Id == enterprise).Select(e => e.CreditCode).FirstOrDefaultAsync(ct)
            : null;
        return Outcome<AccountDetail>.Ok(new AccountDetail(AccountViews.Summary(user, scopeName, db.Clock.GetUtcNow()), user.Email)
        {
            BusinessCommunityId = user.BusinessCommunityId, CreditCode = creditCode, ServiceGroupId = user.ServiceGroupId,
        });
    }
}

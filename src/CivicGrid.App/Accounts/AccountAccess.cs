using CivicGrid.App.Data.Writes;
using CivicGrid.App.Access;
using CivicGrid.App.Audit;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Accounts;

/// <summary>The accounts the acting account manages, as <see cref="AccountAdministration"/> decides, and the audit of what is done to them.</summary>
public static class AccountAccess
{
    public const string Entity = nameof(StaffUser);

    /// <summary>
    /// The acting account as account administration sees it. Business-community staff manage no people, so their
    /// jurisdiction's people scope is empty; the accounts they invite (runners, contacts) lie in their place, the street.
    /// </summary>
    public static AccountHolder Actor(this IJurisdiction jurisdiction) =>
        new(jurisdiction.UserId, jurisdiction.Role, AdministeredScope(jurisdiction),
            jurisdiction.Role.ConfinedToBusinessCommunity() ? jurisdiction.PlaceCommunityId : jurisdiction.BusinessCommunityId);

    /// <summary>Where the actor's accounts lie: its people's subtree, else its places' (the street), else its projects' (the project office: the district).</summary>
    private static string AdministeredScope(IJurisdiction jurisdiction) =>
        jurisdiction.Role.ManagesPeople() ? jurisdiction.ScopeCode
            : jurisdiction.Role.May(Permission.SeeEnterprises) ? jurisdiction.PlaceScopeCode
            : jurisdiction.ProjectScopeCode;

    public static AccountHolder Holder(this StaffUser user) => new(user.Id, user.Role, user.ScopeCode, user.BusinessCommunityId);

    /// <summary>Accounts of the roles the actor manages inside its subtree: the list and every lookup start here.</summary>
    public static IQueryable<StaffUser> ManagedAccounts(this CivicGridDbContext db)
    {
        var actor = db.Jurisdiction.Actor();
        var roles = actor.Role.ManagedRoles().ToList();
        var accounts = db.Users.Where(u => roles.Contains(u.Role) && u.ScopeCode.StartsWith(actor.ScopeCode));
        // Business-community staff invite and keep the runners and contacts of their own community only.
        var own = actor.Role.ConfinedToBusinessCommunity() ? actor.BusinessCommunityId ?? 0 : (int?)null;
        return own is { } community ? accounts.Where(u => u.BusinessCommunityId == community) : accounts;
    }

    /// <summary>The account, if the actor may do <paramref name="action"/> to it; otherwise why not.</summary>
    public static async Task<(StaffUser? User, Outcome<T>? Refusal)> FindAccountAsync<T>(this CivicGridDbContext db, string id, AccountAction action, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return (null, Outcome<T>.NotFound());
        }
        var decision = AccountAdministration.Decide(db.Jurisdiction.Actor(), action, user.Holder());
        return decision.Verdict switch
        {
            AccountVerdict.Allowed => (user, null),
            AccountVerdict.Hidden => (null, Outcome<T>.NotFound()),
            _ => (null, Outcome<T>.Forbidden(decision.Reason!)),
        };
    }

    /// <summary>
    /// Records what was done to the account, to be saved with the change: the act, and for a role or scope the old and the
    /// new value. Passwords and stamps never reach the log.
    /// </summary>
    public static void Audit(CivicGridDbContext db, string action, StaffUser user, string? detail = null) =>
        AuditTrail.Record(db, action, Entity, user.Id, detail);

    public static string Placed(StaffUser user) => $"Role,ScopeCode: {user.Role.ChineseName()}；{user.ScopeCode}";

    public static string? Placement(StaffRole oldRole, string oldScope, StaffRole newRole, string newScope)
    {
        var changes = new List<(string Field, string Text)>();
        if (oldRole != newRole)
        {
            changes.Add(("Role", $"{oldRole.ChineseName()} → {newRole.ChineseName()}"));
        }
        if (oldScope != newScope)
        {
            changes.Add(("ScopeCode", $"{oldScope} → {newScope}"));
        }
        return changes.Count == 0 ? null : $"{string.Join(',', changes.Select(c => c.Field))}: {string.Join("；", changes.Select(c => c.Text))}";
    }

    /// <summary>Now, as account times are stored (UTC).</summary>
    public static DateTime UtcNow(this CivicGridDbContext db) => db.Clock.GetUtcNow().UtcDateTime;
}

/// <summary>The action words of account administration in the audit log.</summary>
public static class AccountAuditActions
{
    public const string Create = "create-account";
    public const string Update = "update-account";
    public const string Disable = "disable-account";
    public const string Enable = "enable-account";
    public const string ResetPassword = "reset-password";
    public const string Unlock = "unlock-account";
}

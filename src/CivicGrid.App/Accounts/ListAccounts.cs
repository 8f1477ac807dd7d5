using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Accounts;

/// <summary>
/// The accounts the actor manages (账号列表), narrowed by role, node subtree, department, stopped or not, never signed in,
/// last sign-in before a district date (accounts never signed in count as before any date), and a search of user and
/// display names. Sorts: name, display, role, scope, last-sign-in (latest first), created (newest first).
/// </summary>
public sealed record ListAccounts(string? Role = null, string? Under = null, string? Department = null, bool? Disabled = null,
    bool NeverSignedIn = false, DateOnly? LastSignInBefore = null, string? Q = null, string? Sort = null, int PageNumber = 1, int PageSize = 20);

public sealed class ListAccountsHandler(CivicGridDbContext db)
{
    public static readonly IReadOnlyList<string> Sorts = ["name", "display", "role", "scope", "last-sign-in", "created"];

    public async Task<Outcome<Page<AccountSummary>>> HandleAsync(ListAccounts query, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.AdministersAccounts())
        {
            return Outcome<Page<AccountSummary>>.Forbidden("当前角色无权管理账号");
        }
        var errors = new FieldErrors();
        var accounts = Filter(db.ManagedAccounts().AsNoTracking(), query, errors);
        if (query.Sort is { Length: > 0 } sort && !Sorts.Contains(sort))
        {
            errors[nameof(query.Sort)] = [$"排序方式应为 {string.Join("、", Sorts)} 之一"];
        }
        if (errors.Count > 0)
        {
            return Outcome<Page<AccountSummary>>.Invalid(errors);
        }
        var size = Page<AccountSummary>.Clamp(query.PageSize);
        var number = Math.Max(1, query.PageNumber);
        var total = await accounts.CountAsync(ct);
        var users = await Sorted(accounts, query.Sort).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var codes = users.Select(u => u.ScopeCode).Distinct().ToList();
        var names = await db.PublicGeography().TerritoryNodes.Where(n => codes.Contains(n.Code)).ToDictionaryAsync(n => n.Code, n => n.Name, ct);
        var now = db.Clock.GetUtcNow();
        return Outcome<Page<AccountSummary>>.Ok(new Page<AccountSummary>(users.ConvertAll(u => AccountViews.Summary(u, names.GetValueOrDefault(u.ScopeCode), now)), number, size, total));
    }

    private static IQueryable<StaffUser> Filter(IQueryable<StaffUser> accounts, ListAccounts query, FieldErrors errors)
    {
        if (query.Role is { Length: > 0 } roleText)
        {
            if (Enum.TryParse<StaffRole>(roleText, ignoreCase: true, out var role) && roleText.All(char.IsAsciiLetter))
            {
                accounts = accounts.Where(u => u.Role == role);
            }
            else
            {
                errors[nameof(query.Role)] = [$"未知角色“{roleText}”"];
            }
        }
        if (query.Under?.Trim() is { Length: > 0 } under)
        {
            accounts = accounts.Where(u => u.ScopeCode.StartsWith(under));
        }
        if (query.Department?.Trim() is { Length: > 0 } department)
        {
            accounts = accounts.Where(u => u.DepartmentCode == department);
        }
        if (query.Disabled is { } disabled)
        {
            accounts = disabled ? accounts.Where(u => u.DisabledAt != null) : accounts.Where(u => u.DisabledAt == null);
        }
        if (query.NeverSignedIn)
        {
            accounts = accounts.Where(u => u.LastSignInAt == null);
        }
        if (query.LastSignInBefore is { } before)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(before.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), DistrictTime.Zone);
            accounts = accounts.Where(u => u.LastSignInAt == null || u.LastSignInAt < start);
        }
        if (query.Q?.Trim() is { Length: > 0 } q)
        {
            var upper = q.ToUpperInvariant();
            accounts = accounts.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(q));
        }
        return accounts;
    }

    private static IQueryable<StaffUser> Sorted(IQueryable<StaffUser> accounts, string? sort) => sort switch
    {
        "display" => accounts.OrderBy(u => u.DisplayName).ThenBy(u => u.Id),
        "role" => accounts.OrderBy(u => u.Role).ThenBy(u => u.UserName),
        "scope" => accounts.OrderBy(u => u.ScopeCode).ThenBy(u => u.UserName),
        "last-sign-in" => accounts.OrderByDescending(u => u.LastSignInAt).ThenBy(u => u.UserName),
        "created" => accounts.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.UserName),
        _ => accounts.OrderBy(u => u.UserName),
    };
}

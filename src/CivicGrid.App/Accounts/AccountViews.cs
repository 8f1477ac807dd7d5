using System.Text.Json.Serialization;
using CivicGrid.App.Access;
using CivicGrid.Core.Access;

namespace CivicGrid.App.Accounts;

/// <summary>An account as a list shows it; the phone masked, never a password or secret. The role goes out by its name, as it comes in.</summary>
public sealed record AccountSummary(
    string Id, string UserName, string DisplayName,
    [property: JsonConverter(typeof(JsonStringEnumConverter<StaffRole>))] StaffRole Role, string RoleName, string ScopeCode, string? ScopeName,
    string? DepartmentCode, bool Disabled, bool LockedOut, bool MustChangePassword, DateTimeOffset? LastSignInAt, DateTimeOffset? CreatedAt)
{
    public string? PhoneMasked { get; init; }
}

/// <summary>One account with what its form edits; the phone stays masked (<see cref="AccountSummary.PhoneMasked"/>) and is replaced, not shown, on an edit.</summary>
public sealed record AccountDetail(AccountSummary Summary, string? Email)
{
    /// <summary>The business community of business-community staff, runners and enterprise contacts.</summary>
    public int? BusinessCommunityId { get; init; }
    /// <summary>The credit code of an enterprise contact's enterprise.</summary>
    public string? CreditCode { get; init; }
    /// <summary>The service group of a project cadre.</summary>
    public int? ServiceGroupId { get; init; }
}

/// <summary>A password chosen by the system, shown once to the administrator who hands it over; the account must change it at its first sign-in.</summary>
public sealed record OneTimePassword(string AccountId, string UserName, string Password);

internal static class AccountViews
{
    public static AccountSummary Summary(StaffUser u, string? scopeName, DateTimeOffset now) =>
        new(u.Id, u.UserName ?? "", u.DisplayName, u.Role, u.Role.ChineseName(), u.ScopeCode, scopeName, u.DepartmentCode,
            u.DisabledAt is not null, u.LockoutEnd is { } end && end > now, u.MustChangePassword, Local(u.LastSignInAt), Local(u.CreatedAt))
        {
            PhoneMasked = u.PhoneMasked,
        };

    private static DateTimeOffset? Local(DateTime? utc) => utc is { } at ? Data.DistrictTime.ToDistrictTime(at) : null;
}

using CivicGrid.App.Accounts;

namespace CivicGrid.Web.Accounts.Pages;

/// <summary>The account form's fields as posted; the handlers check them.</summary>
public sealed class AccountInput
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Role { get; set; }
    public string? ScopeCode { get; set; }
    public string? DepartmentCode { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public int? BusinessCommunityId { get; set; }
    public string? CreditCode { get; set; }
    public int? ServiceGroupId { get; set; }

    /// <summary>The stored phone, masked, shown beside the empty phone field of an edit.</summary>
    public string? PhoneMasked { get; set; }

    /// <summary>An empty phone field keeps the stored phone: the page never shows it in full.</summary>
    public AccountFields Fields => new(DisplayName, Role, ScopeCode, DepartmentCode, string.IsNullOrWhiteSpace(Phone) ? null : Phone, Email)
    {
        BusinessCommunityId = BusinessCommunityId, CreditCode = CreditCode, ServiceGroupId = ServiceGroupId,
    };

    public static AccountInput From(AccountDetail a) => new()
    {
        UserName = a.Summary.UserName, DisplayName = a.Summary.DisplayName, Role = a.Summary.Role.ToString(), ScopeCode = a.Summary.ScopeCode,
        DepartmentCode = a.Summary.DepartmentCode, PhoneMasked = a.Summary.PhoneMasked, Email = a.Email,
        BusinessCommunityId = a.BusinessCommunityId, CreditCode = a.CreditCode, ServiceGroupId = a.ServiceGroupId,
    };
}

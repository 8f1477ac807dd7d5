namespace CivicGrid.Core.Enterprises;

/// <summary>Where a person's request to be an enterprise's contact stands.</summary>
public enum ContactSignUpStatus
{
    Pending,
    /// <summary>Staff opened the contact account, as an invitation does.</summary>
    Approved,
    Refused,
}

/// <summary>
/// A person's request to become an enterprise's contact (企业联系人自助申请), made on a public page with the firm's
/// unified social credit code, a name and a phone or e-mail. Business-community staff of the firm's community, or the
/// street and district above, approve it — which opens the account the way inviting does — or refuse it. The phone and
/// e-mail are kept as cipher text with a masked form, as accounts keep a phone; the hash finds a repeated request.
/// </summary>
public sealed class ContactSignUp
{
    public const int MaxNameLength = 50;

    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    /// <summary>The enterprise's grid when asked: staff whose subtree holds it see the request.</summary>
    public required string ScopeCode { get; set; }
    /// <summary>The business community of the enterprise's office building, whose staff decide; none: the street does.</summary>
    public int? BusinessCommunityId { get; set; }
    public required string Name { get; set; }
    public byte[]? PhoneCipher { get; set; }
    public string? PhoneMasked { get; set; }
    public byte[]? EmailCipher { get; set; }
    public string? EmailMasked { get; set; }
    /// <summary>The keyed hash of the phone, or of the e-mail when no phone was given.</summary>
    public required string ContactHash { get; set; }
    public ContactSignUpStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    /// <summary>The account opened on approval.</summary>
    public string? UserId { get; set; }
    /// <summary>Why it was refused, for the record.</summary>
    public string? Note { get; set; }
}

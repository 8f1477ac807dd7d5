namespace CivicGrid.Core.Access;

/// <summary>Whether a resident's own account is tied to their registry record yet.</summary>
public enum SignUpStatus
{
    /// <summary>Name and ID number matched no record the resident could be tied to: a grid worker confirms (等待网格员确认).</summary>
    Pending,
    /// <summary>Tied to a registry record, at sign-up or by a grid worker.</summary>
    Linked,
}

/// <summary>
/// A resident's self sign-up on a phone (居民注册): the account, the mobile number it signs in and resets with, and
/// the name and ID number they gave, encrypted like the registry's and found by the same keyed hashes.
/// </summary>
public sealed class ResidentSignUp
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string PhoneHash { get; set; }
    public required byte[] PhoneCipher { get; set; }
    public required string PhoneMasked { get; set; }
    public required string Name { get; set; }
    public required string IdNumberHash { get; set; }
    public required byte[] IdNumberCipher { get; set; }
    public required string IdNumberMasked { get; set; }
    /// <summary>The community the resident said they live in, or the record's grid once linked; staff above or below it see the sign-up.</summary>
    public required string ScopeCode { get; set; }
    public SignUpStatus Status { get; set; }
    public int? ResidentId { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
}

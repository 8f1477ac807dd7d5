namespace CivicGrid.App.Open311;

/// <summary>An API key issued to one integration for posting requests through Open311; only its hash is stored.</summary>
public sealed class IntegrationKey
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string KeyHash { get; set; }
    /// <summary>The first characters of the key, so admins can tell keys apart without seeing them.</summary>
    public required string Prefix { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

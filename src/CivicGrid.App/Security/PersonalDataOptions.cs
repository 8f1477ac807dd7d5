namespace CivicGrid.App.Security;

public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";
    /// <summary>Base64 of a 32-byte AES-256-GCM key.</summary>
    public string? EncryptionKey { get; set; }
    /// <summary>Base64 of a 32-byte HMAC-SHA256 key for lookup hashes.</summary>
    public string? HashKey { get; set; }
    /// <summary>A byte naming the encryption key, stored with each cipher so keys can be rotated.</summary>
    public byte KeyId { get; set; } = 1;
    /// <summary>Keys data may still be encrypted with, readable until <c>civicgrid rotate-keys</c> has re-encrypted it.</summary>
    public List<RetiredKey> PreviousKeys { get; set; } = [];
}

/// <summary>An encryption key taken out of use, kept only to read what it encrypted.</summary>
public sealed class RetiredKey
{
    public byte KeyId { get; set; }
    public string? EncryptionKey { get; set; }
}
